import { REST } from 'discord.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Coach } from '../../src/app/coach.js';
import { getLibrary } from '../../src/content/load.js';
import { deliveries, people } from '../../src/db/schema.js';
import { RestDmSender } from '../../src/discord/dm-sender.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import { Failures, startFakeDiscord, type FakeDiscord, type FakeUser } from '../../testkit/fake-discord/index.js';
import { TOKEN } from '../support/bot-harness.js';
import { driveAssessment } from '../support/drive.js';
import { fixedClock } from '../../testkit/clock.js';
import { createTempDb } from '../../testkit/temp-db.js';

/**
 * The daily DM loop against the fake Discord's REST API with a controllable clock. Each case
 * gets its own database; the fake is shared.
 */

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord({ token: TOKEN });
});
afterAll(async () => {
  await fake.close();
});

const library = getLibrary();
const silent = pino({ level: 'silent' });

function world(start: string) {
  const db = createTempDb();
  const time = fixedClock(start);
  const coach = new Coach({ db: db.handle.db, library, clock: time.clock });
  const rest = new REST({ api: fake.apiBase, retries: 3 }).setToken(TOKEN);
  const scheduler = new Scheduler({ db: db.handle.db, coach, sender: new RestDmSender(rest), clock: time.clock, logger: silent, windowMs: 3 * 3_600_000 });
  const onboard = (name: string, timezone: string, reminderTime: string): FakeUser => {
    const user = fake.user(name);
    coach.consent(user.id);
    coach.updateSettings(user.id, { timezone, reminderTime, minutes: 20 });
    const done = driveAssessment(coach, user.id);
    if (done?.kind !== 'complete') throw new Error('assessment did not complete');
    return user;
  };
  /** Tick every `stepMinutes` from now until `end` (inclusive). */
  const runUntil = async (end: string, stepMinutes = 15) => {
    const stop = new Date(end).getTime();
    for (let t = time.clock().getTime(); t <= stop; t += stepMinutes * 60_000) {
      time.set(new Date(t).toISOString());
      await scheduler.tick();
    }
  };
  const rows = (personId: string) =>
    db.handle.db
      .select()
      .from(deliveries)
      .all()
      .filter((d) => d.personId === personId)
      .sort((a, b) => a.localDate.localeCompare(b.localDate));
  const person = (id: string) => db.handle.db.select().from(people).all().find((p) => p.id === id)!;
  return { db, time, coach, scheduler, onboard, runUntil, rows, person };
}

describe('daily DMs at the person\'s local time, across DST', () => {
  const cases: { zone: string; time: string; start: string; end: string; expected: [string, string][] }[] = [
    // [local date, dueAt UTC] — gap days run at the first valid minute, overlap days once.
    { zone: 'America/New_York', time: '02:30', start: '2026-03-07T12:00:00Z', end: '2026-03-09T12:00:00Z', expected: [['2026-03-08', '2026-03-08T07:00:00.000Z'], ['2026-03-09', '2026-03-09T06:30:00.000Z']] },
    { zone: 'America/New_York', time: '01:30', start: '2026-10-31T12:00:00Z', end: '2026-11-02T12:00:00Z', expected: [['2026-11-01', '2026-11-01T05:30:00.000Z'], ['2026-11-02', '2026-11-02T06:30:00.000Z']] },
    { zone: 'Europe/London', time: '01:30', start: '2026-03-28T12:00:00Z', end: '2026-03-30T12:00:00Z', expected: [['2026-03-29', '2026-03-29T01:00:00.000Z'], ['2026-03-30', '2026-03-30T00:30:00.000Z']] },
    { zone: 'Europe/London', time: '01:30', start: '2026-10-24T12:00:00Z', end: '2026-10-26T12:00:00Z', expected: [['2026-10-25', '2026-10-25T00:30:00.000Z'], ['2026-10-26', '2026-10-26T01:30:00.000Z']] },
    { zone: 'Australia/Lord_Howe', time: '02:15', start: '2026-10-03T00:00:00Z', end: '2026-10-05T00:00:00Z', expected: [['2026-10-04', '2026-10-03T15:30:00.000Z'], ['2026-10-05', '2026-10-04T15:15:00.000Z']] },
    { zone: 'Australia/Lord_Howe', time: '01:45', start: '2026-04-04T00:00:00Z', end: '2026-04-06T00:00:00Z', expected: [['2026-04-05', '2026-04-04T15:15:00.000Z'], ['2026-04-06', '2026-04-05T15:15:00.000Z']] },
    { zone: 'Asia/Kathmandu', time: '07:00', start: '2026-01-01T00:00:00Z', end: '2026-01-02T12:00:00Z', expected: [['2026-01-01', '2026-01-01T01:15:00.000Z'], ['2026-01-02', '2026-01-02T01:15:00.000Z']] },
    { zone: 'Pacific/Chatham', time: '03:00', start: '2026-09-26T00:00:00Z', end: '2026-09-28T00:00:00Z', expected: [['2026-09-27', '2026-09-26T14:00:00.000Z'], ['2026-09-28', '2026-09-27T13:15:00.000Z']] },
    { zone: 'Pacific/Chatham', time: '03:15', start: '2026-04-04T00:00:00Z', end: '2026-04-06T00:00:00Z', expected: [['2026-04-05', '2026-04-04T13:30:00.000Z'], ['2026-04-06', '2026-04-05T14:30:00.000Z']] },
  ];

  it.each(cases)('$zone at $time from $start: once a day, on time', async ({ zone, time, start, end, expected }) => {
    const w = world(start);
    try {
      const user = w.onboard(`dst-${zone}-${time}`, zone, time);
      await w.runUntil(end, 15);
      const rows = w.rows(user.id);
      expect(rows.map((r) => [r.localDate, r.dueAt?.toISOString()])).toEqual(expected);
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
      // Sent within one tick of the due instant, and exactly the claimed parts, once each.
      for (const r of rows) expect(r.sentAt!.getTime() - r.dueAt!.getTime()).toBeLessThan(15 * 60_000);
      const partsTotal = rows.reduce((n, r) => n + r.parts.length, 0);
      expect(fake.dmMessages(user)).toHaveLength(partsTotal);
    } finally {
      w.db.cleanup();
    }
  });
});

describe('downtime, failures and the ledger', () => {
  it('catches up a delivery still inside the window and skips one outside it, never sending twice', async () => {
    const w = world('2026-06-01T06:00:00Z');
    try {
      const early = w.onboard('catchup-in', 'UTC', '08:00');
      w.time.set('2026-06-01T10:30:00Z'); // down from 08:00 to 10:30: inside 3 h
      await w.scheduler.tick();
      expect(w.rows(early.id).map((r) => [r.localDate, r.status])).toEqual([['2026-06-01', 'sent']]);
      await w.scheduler.tick();
      expect(fake.dmMessages(early)).toHaveLength(w.rows(early.id)[0]!.parts.length);

      w.time.set('2026-06-02T11:30:00Z'); // down from 08:00 to 11:30: too late for today
      await w.scheduler.tick();
      expect(w.rows(early.id).map((r) => [r.localDate, r.status])).toEqual([
        ['2026-06-01', 'sent'],
        ['2026-06-02', 'skipped'],
      ]);
      w.time.set('2026-06-05T09:00:00Z'); // three days down: two skipped, today caught up
      await w.scheduler.tick();
      expect(w.rows(early.id).map((r) => [r.localDate, r.status])).toEqual([
        ['2026-06-01', 'sent'],
        ['2026-06-02', 'skipped'],
        ['2026-06-03', 'skipped'],
        ['2026-06-04', 'skipped'],
        ['2026-06-05', 'sent'],
      ]);
      expect(w.person(early.id).nextRunAt!.toISOString()).toBe('2026-06-06T08:00:00.000Z');
    } finally {
      w.db.cleanup();
    }
  });

  it('marks a person who blocks DMs (50007) unreachable, with no retries', async () => {
    const w = world('2026-06-01T06:00:00Z');
    try {
      const user = w.onboard('blocker', 'UTC', '08:00');
      fake.blockDMs(user);
      w.time.set('2026-06-01T08:00:00Z');
      const report = await w.scheduler.tick();
      expect(report.blocked).toBe(1);
      expect(w.rows(user.id).map((r) => [r.status, r.error])).toEqual([['failed', 'dm_blocked']]);
      expect(w.person(user.id)).toMatchObject({ nextRunAt: null });
      expect(w.person(user.id).dmBlockedAt).not.toBeNull();
      const dmPosts = () => fake.requests((r) => r.method === 'POST' && (r.path === '/users/@me/channels' || r.path.startsWith('/channels/'))).length;
      const before = dmPosts();
      w.time.set('2026-06-02T08:00:00Z');
      await w.scheduler.tick();
      w.time.set('2026-06-02T08:30:00Z');
      await w.scheduler.tick();
      expect(dmPosts()).toBe(before);
      expect(w.rows(user.id)).toHaveLength(1);
      // Turning reminders back on lifts the block and reschedules.
      fake.blockDMs(user, false);
      w.coach.updateSettings(user.id, { remindersOn: true });
      expect(w.person(user.id).dmBlockedAt).toBeNull();
      expect(w.person(user.id).nextRunAt!.toISOString()).toBe('2026-06-03T08:00:00.000Z');
    } finally {
      w.db.cleanup();
    }
  });

  it('retries 5xx with backoff inside the window, then sends exactly once', async () => {
    const w = world('2026-06-01T06:00:00Z');
    try {
      const user = w.onboard('flaky', 'UTC', '08:00');
      // Four 500s outlast discord.js's own three retries.
      fake.failNext({ method: 'POST', path: '/channels/:id/messages' }, Failures.serverError(503), 4);
      w.time.set('2026-06-01T08:00:00Z');
      const first = await w.scheduler.tick();
      expect(first.retrying).toBe(1);
      const row = w.rows(user.id)[0]!;
      expect(row).toMatchObject({ status: 'claimed', attempts: 1, partsSent: 0 });
      expect(row.nextAttemptAt!.toISOString()).toBe('2026-06-01T08:01:00.000Z');
      w.time.set('2026-06-01T08:00:30Z');
      expect((await w.scheduler.tick()).sent).toBe(0);
      w.time.set('2026-06-01T08:01:00Z');
      expect((await w.scheduler.tick()).sent).toBe(1);
      expect(w.rows(user.id)[0]!.status).toBe('sent');
      expect(fake.dmMessages(user)).toHaveLength(row.parts.length);
    } finally {
      w.db.cleanup();
    }
  });

  it('gives up when the window closes before Discord recovers', async () => {
    const w = world('2026-06-01T06:00:00Z');
    try {
      const user = w.onboard('down', 'UTC', '08:00');
      fake.failNext({ method: 'POST', path: '/channels/:id/messages' }, Failures.serverError(500), 1000);
      for (const t of ['08:00', '08:05', '08:30', '09:30', '11:30']) {
        w.time.set(`2026-06-01T${t}:00Z`);
        await w.scheduler.tick();
      }
      fake.clearFailures();
      expect(w.rows(user.id)[0]).toMatchObject({ status: 'failed' });
      expect(fake.dmMessages(user)).toHaveLength(0);
    } finally {
      w.db.cleanup();
    }
  });

  it('backs off under a global rate limit and still delivers each person once', async () => {
    const w = world('2026-06-01T06:00:00Z');
    try {
      const crowd = Array.from({ length: 12 }, (_, i) => w.onboard(`crowd${i}`, 'UTC', '08:00'));
      fake.setGlobalLimit(8);
      const before = fake.stats().globalRateLimited;
      w.time.set('2026-06-01T08:00:00Z');
      const report = await w.scheduler.tick();
      fake.setGlobalLimit(null);
      expect(report.sent).toBe(12);
      for (const u of crowd) expect(fake.dmMessages(u)).toHaveLength(w.rows(u.id)[0]!.parts.length);
      expect(fake.stats().globalRateLimited).toBeGreaterThanOrEqual(before);
    } finally {
      w.db.cleanup();
    }
  });

  it('lets only one scheduler run: a second process without the lease sends nothing', async () => {
    const w = world('2026-06-01T06:00:00Z');
    try {
      const user = w.onboard('lease', 'UTC', '08:00');
      const rest = new REST({ api: fake.apiBase }).setToken(TOKEN);
      const other = new Scheduler({ db: w.db.handle.db, coach: w.coach, sender: new RestDmSender(rest), clock: w.time.clock, logger: silent, owner: 'other' });
      w.time.set('2026-06-01T07:59:00Z');
      expect((await w.scheduler.tick()).leader).toBe(true);
      w.time.set('2026-06-01T08:00:00Z');
      expect(await other.tick()).toMatchObject({ leader: false, claimed: 0, sent: 0 });
      expect(w.rows(user.id)).toHaveLength(0);
      w.time.set('2026-06-01T08:00:30Z');
      expect(await w.scheduler.tick()).toMatchObject({ leader: true, claimed: 1, sent: 1 });
      // Once the first stops (and releases the lease), the other takes over, and sends nothing twice.
      await w.scheduler.stop();
      expect(await other.tick()).toMatchObject({ leader: true, claimed: 0, sent: 0 });
      w.time.set('2026-06-02T08:00:00Z');
      expect(await other.tick()).toMatchObject({ leader: true, claimed: 1 });
      expect(w.rows(user.id).map((r) => r.localDate)).toEqual(['2026-06-01', '2026-06-02']);
    } finally {
      w.db.cleanup();
    }
  });
});
