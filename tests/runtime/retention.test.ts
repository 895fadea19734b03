import { REST } from 'discord.js';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedPeople } from '../../bench/seed.js';
import { botEnvSchema } from '../../src/config.js';
import { ensurePerson, getPerson } from '../../src/db/repos/people.js';
import { rowsAbout } from '../../src/db/repos/privacy.js';
import { markSeen } from '../../src/db/repos/retention.js';
import { RestDmSender } from '../../src/discord/dm-sender.js';
import { Coach } from '../../src/app/coach.js';
import { getLibrary } from '../../src/content/load.js';
import { RetentionSweeper } from '../../src/scheduler/retention-sweeper.js';
import { Failures, startFakeDiscord, type FakeDiscord } from '../../testkit/fake-discord/index.js';
import { allText, TOKEN } from '../support/bot-harness.js';
import { createTempDb, type TempDb } from '../db/helpers.js';

const T0 = new Date('2026-01-05T09:00:00Z');
const at = (days: number, hours = 0) => new Date(T0.getTime() + days * 86_400_000 + hours * 3_600_000);

let temp: TempDb;
let fake: FakeDiscord;
let clockNow = T0;

function sweeper(days = 365) {
  const rest = new REST({ api: fake.apiBase, retries: 0 }).setToken(TOKEN);
  const coach = new Coach({ db: temp.handle.db, library: getLibrary(), clock: () => clockNow });
  return new RetentionSweeper({ retention: coach.retention, sender: new RestDmSender(rest), clock: () => clockNow, logger: pino({ level: 'silent' }), days });
}
async function sweepAt(when: Date, days = 365) {
  clockNow = when;
  return sweeper(days).sweep();
}
const notices = (id: string) => fake.dmMessages(id).filter((m) => allText(m).includes('erased in a week'));

beforeEach(async () => {
  temp = createTempDb();
  fake = await startFakeDiscord({ token: TOKEN });
  clockNow = T0;
});
afterEach(async () => {
  await fake.close();
  temp.cleanup();
});

describe('DATA_RETENTION_DAYS (erase after a year without any interaction)', () => {
  it('notifies once a week before, then erases every row exactly as /privacy delete does', async () => {
    const [quiet, back] = seedPeople(temp.handle.db, 2, { now: T0 });
    for (const id of [quiet!, back!]) {
      fake.user(id, { id });
      markSeen(temp.handle.db, id, T0);
    }
    ensurePerson(temp.handle.db, 'console:local', T0);
    expect(rowsAbout(temp.handle.db, quiet!)).toBeGreaterThan(3);

    expect(await sweepAt(at(357, 23))).toEqual({ noticed: 0, erased: 0 });
    expect(await sweepAt(at(358, 1))).toEqual({ noticed: 2, erased: 0 });
    expect(notices(quiet!)).toHaveLength(1);
    const text = allText(notices(quiet!)[0]);
    expect(text).toContain('on 5 January 2027 I will erase everything');
    // A second sweep the same day sends nothing new.
    expect(await sweepAt(at(358, 2))).toEqual({ noticed: 0, erased: 0 });
    expect(notices(quiet!)).toHaveLength(1);

    // One of them comes back: any interaction withdraws the notice and restarts the clock.
    markSeen(temp.handle.db, back!, at(360));
    expect(getPerson(temp.handle.db, back!)?.retentionNoticeAt).toBeNull();

    expect(await sweepAt(at(365, 0))).toEqual({ noticed: 0, erased: 0 }); // the notice is not a week old yet
    expect(await sweepAt(at(365, 1))).toEqual({ noticed: 0, erased: 1 });
    expect(rowsAbout(temp.handle.db, quiet!)).toBe(0);
    expect(rowsAbout(temp.handle.db, back!)).toBeGreaterThan(3);
    expect(getPerson(temp.handle.db, 'console:local')).toBeDefined();
  });

  it('never erases without a week of notice, even after the bot was off for months', async () => {
    const [id] = seedPeople(temp.handle.db, 1, { now: T0 });
    fake.user(id!, { id: id! });
    markSeen(temp.handle.db, id!, T0);
    expect(await sweepAt(at(500))).toEqual({ noticed: 1, erased: 0 });
    expect(await sweepAt(at(506, 23))).toEqual({ noticed: 0, erased: 0 });
    expect(await sweepAt(at(507))).toEqual({ noticed: 0, erased: 1 });
    expect(getPerson(temp.handle.db, id!)).toBeUndefined();
  });

  it('counts blocked DMs as notice given, and retries a notice that failed for a passing reason', async () => {
    const [blocked, flaky] = seedPeople(temp.handle.db, 2, { now: T0 });
    fake.user(blocked!, { id: blocked! });
    fake.blockDMs(blocked!);
    fake.user(flaky!, { id: flaky! });
    for (const id of [blocked!, flaky!]) markSeen(temp.handle.db, id, T0);
    // Every request for the flaky person's DM channel fails with a 500 on this sweep.
    fake.failNext((r) => r.method === 'POST' && r.path === '/users/@me/channels' && JSON.stringify(r.body).includes(flaky!), Failures.serverError(500), 10);
    expect(await sweepAt(at(359))).toEqual({ noticed: 1, erased: 0 });
    expect(getPerson(temp.handle.db, blocked!)?.retentionNoticeAt).toEqual(at(359));
    expect(getPerson(temp.handle.db, flaky!)?.retentionNoticeAt).toBeNull();
    fake.clearFailures();
    expect(await sweepAt(at(359, 1))).toEqual({ noticed: 1, erased: 0 });
    expect(notices(flaky!)).toHaveLength(1);
  });

  it('uses a shorter period when configured, and rejects a bad value with a clear message', async () => {
    const [id] = seedPeople(temp.handle.db, 1, { now: T0 });
    fake.user(id!, { id: id! });
    markSeen(temp.handle.db, id!, T0);
    expect(await sweepAt(at(23, 1), 30)).toEqual({ noticed: 1, erased: 0 });
    expect(await sweepAt(at(30, 1), 30)).toEqual({ noticed: 0, erased: 1 });

    const base = { DISCORD_TOKEN: TOKEN };
    expect(botEnvSchema.parse(base).DATA_RETENTION_DAYS).toBe(365);
    expect(botEnvSchema.parse({ ...base, DATA_RETENTION_DAYS: '90' }).DATA_RETENTION_DAYS).toBe(90);
    for (const [value, wording] of [['soon', 'whole number of days'], ['7', 'at least 30'], ['12.5', 'whole number of days']] as const) {
      const r = botEnvSchema.safeParse({ ...base, DATA_RETENTION_DAYS: value });
      expect(r.success).toBe(false);
      expect(JSON.stringify(r.error?.issues)).toContain(wording);
    }
  });
});
