import { REST } from 'discord.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Coach } from '../../src/app/coach.js';
import { getLibrary } from '../../src/content/load.js';
import { deliveries } from '../../src/db/schema.js';
import { RestDmSender } from '../../src/discord/dm-sender.js';
import { Scheduler, type SchedulerOptions } from '../../src/scheduler/scheduler.js';
import { startFakeDiscord, type FakeDiscord, type FakeUser } from '../../testkit/fake-discord/index.js';
import { TOKEN } from '../../testkit/bot-harness.js';
import { fixedClock } from '../../testkit/clock.js';
import { createTempDb, type TempDb } from '../../testkit/temp-db.js';
import { driveAssessment } from '../support/drive.js';

/**
 * A tick claims a batch of people, sends to them, then claims the next batch (real SQLite, the
 * loopback fake Discord). Seven people in batches of three: 3 + 3 + 1.
 */

let fake: FakeDiscord;
let db: TempDb;
let coach: Coach;
let crowd: FakeUser[];
const time = fixedClock('2026-06-01T06:00:00Z'); // a Monday: one message per daily DM
const library = getLibrary();

beforeAll(async () => {
  fake = await startFakeDiscord({ token: TOKEN });
  db = createTempDb();
  coach = new Coach({ db: db.handle.db, library, clock: time.clock });
  crowd = Array.from({ length: 7 }, (_, i) => {
    const user = fake.user(`batch${i}`);
    coach.consent(user.id);
    coach.updateSettings(user.id, { timezone: 'UTC', reminderTime: '08:00' });
    if (driveAssessment(coach, user.id)?.kind !== 'complete') throw new Error('assessment did not complete');
    return user;
  });
});
afterAll(async () => {
  await fake.close();
  db.cleanup();
});

function scheduler(handleDb: SchedulerOptions['db'], hooks: SchedulerOptions['hooks'], owner: string): Scheduler {
  const rest = new REST({ api: fake.apiBase }).setToken(TOKEN);
  const c = new Coach({ db: handleDb, library, clock: time.clock });
  return new Scheduler({ db: handleDb, coach: c, sender: new RestDmSender(rest), clock: time.clock, logger: pino({ level: 'silent' }), batchSize: 3, owner, hooks });
}

describe('claiming in batches', () => {
  it('claims a batch, sends it, then claims the next: every person once, in three batches', async () => {
    const handle = db.handle;
    const events: string[] = [];
    const s = scheduler(handle.db, { afterClaim: () => events.push('claim'), afterSend: () => events.push('send') }, 'batches');
    time.set('2026-06-01T08:00:00Z');
    const report = await s.tick();
    expect(report).toMatchObject({ leader: true, claimed: 7, sent: 7, failed: 0 });
    // No send before its batch is claimed, and no claim of a batch before the previous one is sent.
    expect(events.join(' ')).toBe('claim claim claim send send send claim claim claim send send send claim send');
    for (const u of crowd) expect(fake.dmMessages(u)).toHaveLength(1);
    const rows = handle.db.select().from(deliveries).all();
    expect(rows.map((r) => r.status)).toEqual(Array(7).fill('sent'));
    // Each day's workout is fixed on its ledger row (built on first send) and is the one /workout shows.
    for (const r of rows) {
      const today = coach.workoutFor(coach.person(r.personId), r.localDate);
      expect('workout' in today && today.workout.id).toBe(r.workoutId);
    }
    // The next tick the same day has nothing left to claim or send.
    time.set('2026-06-01T08:01:00Z');
    expect(await s.tick()).toMatchObject({ claimed: 0, sent: 0 });
    for (const u of crowd) expect(fake.dmMessages(u)).toHaveLength(1);
    await s.stop();
  });

  it('loses nothing and sends nothing twice when the process dies between batches', async () => {
    const handle = db.handle;
    // The next day: each person gets exactly one more DM.
    const before = new Map(crowd.map((u) => [u.id, fake.dmMessages(u).length]));
    let claims = 0;
    const crashing = scheduler(handle.db, {
      afterClaim: () => {
        // Batch 1 is sent; batch 2's claims are committed when the "crash" comes.
        if (++claims === 4) throw new Error('killed between batches');
      },
    }, 'crashing');
    time.set('2026-06-02T08:00:00Z');
    await expect(crashing.tick()).rejects.toThrow('killed between batches');
    const afterCrash = handle.db.select().from(deliveries).all().filter((r) => r.localDate === '2026-06-02');
    expect(afterCrash.map((r) => r.status).sort()).toEqual(['claimed', 'claimed', 'claimed', 'sent', 'sent', 'sent']);

    // A new process, after the dead one's lease has run out (90 s), still inside the catch-up window.
    const second = db.open();
    const restarted = scheduler(second.db, undefined, 'restarted');
    time.set('2026-06-02T08:02:00Z');
    expect(await restarted.tick()).toMatchObject({ leader: true, claimed: 1, sent: 4, failed: 0 });
    const rows = second.db.select().from(deliveries).all().filter((r) => r.localDate === '2026-06-02');
    expect(rows.map((r) => r.status)).toEqual(Array(7).fill('sent'));
    for (const u of crowd) expect(fake.dmMessages(u).length - before.get(u.id)!).toBe(1);
    await restarted.stop();
  });
});
