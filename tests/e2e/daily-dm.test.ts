import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatternId } from '../../src/content/ids.js';
import { getLibrary } from '../../src/content/load.js';
import { DMS_BLOCKED } from '../../src/discord/interactions.js';
import type { FakeMessage, FakeUser } from '../../testkit/fake-discord/index.js';
import { idOf, startHarness, textOf, type Harness, sqlReader } from '../support/bot-harness.js';
import { driveAssessment } from '../support/drive.js';
import { fixedClock } from '../../testkit/clock.js';

/**
 * The daily DM as a person experiences it: the real bot (buttons answered over the gateway) and
 * its scheduler, ticked by hand against a controllable clock.
 */

const time = fixedClock('2026-06-01T06:00:00Z'); // a Monday
let h: Harness & { users: FakeUser[] };
let dora: FakeUser, eli: FakeUser, fay: FakeUser, gus: FakeUser, adm: FakeUser, newbie: FakeUser;

beforeAll(async () => {
  h = await startHarness({ users: ['dora', 'eli', 'fay', 'gus', 'admin-dm', 'newbie'], env: { SCHEDULER: 'on' }, clock: time.clock, startScheduler: false });
  [dora, eli, fay, gus, adm, newbie] = h.users as [FakeUser, FakeUser, FakeUser, FakeUser, FakeUser, FakeUser];
  for (const u of [dora, eli, fay, gus]) {
    h.bot.context.coach.consent(u.id);
    h.bot.context.coach.updateSettings(u.id, { timezone: 'Europe/London', reminderTime: '07:30', minutes: 60 });
    driveAssessment(h.bot.context.coach, u.id, { tests: { bodyweight_squat: { both: { rating: 'full', pain: 0 } }, hip_hinge: { both: { rating: 'keeps_all_contacts', pain: 0 } } } });
  }
});
afterAll(async () => {
  await h.close();
});

const tick = async (iso: string) => {
  time.set(iso);
  return h.bot.scheduler!.tick();
};

const sql = sqlReader(() => h.dbPath);

async function press(user: FakeUser, message: FakeMessage, name: string, values?: string[]): Promise<FakeMessage> {
  const id = idOf(message, name);
  const handle = values ? await h.fake.select(user, id, values, { message, dm: true }) : await h.fake.click(user, id, { message, dm: true });
  return (await handle.final()) ?? message;
}

async function giveFeedback(user: FakeUser, dm: FakeMessage, pain: string, effort: string): Promise<FakeMessage> {
  let m = await press(user, dm, 'done');
  m = await press(user, m, 'pain', [pain]);
  m = await press(user, m, 'effort', [effort]);
  m = await press(user, m, 'form', ['good']);
  return press(user, m, 'save');
}

async function morningCheck(user: FakeUser): Promise<FakeMessage> {
  const morning = [...h.fake.dmMessages(user)].reverse().find((m) => textOf(m).includes('Morning check'))!;
  let m = await press(user, morning, 'feel', ['same']);
  m = await press(user, m, 'mpain', ['3']);
  return press(user, m, 'msave');
}

const latestWorkoutDm = (user: FakeUser) => [...h.fake.dmMessages(user)].reverse().find((m) => textOf(m).includes("Today's workout"))!;
/** The level of the squat in a stored daily session (the squat is in every session of this plan). */
const squatLevel = (localDate: string, user: FakeUser) => {
  const row = sql<{ session: string }>('select session from workouts where person_id = ? and local_date = ?', user.id, localDate)[0]!;
  return (JSON.parse(row.session) as { items: { pattern: string; level: number }[] }).items.find((i) => i.pattern === 'squat')?.level;
};

describe('the daily DM', () => {
  it('arrives at 07:30 London time with the workout, exercise help and the day buttons', async () => {
    await tick('2026-06-01T06:29:00Z');
    expect(h.fake.dmMessages(dora)).toHaveLength(0);
    const report = await tick('2026-06-01T06:30:00Z'); // 07:30 BST
    expect(report.claimed).toBe(4);
    const dm = latestWorkoutDm(dora);
    expect(textOf(dm)).toContain('Streak: 0 days');
    const buttons = (dm.components as { components: { custom_id: string }[] }[]).flatMap((r) => r.components.map((c) => c.custom_id.split(':').slice(4).join(':')));
    expect(buttons).toEqual(['open', 'done', 'skip', 'snooze1', 'snooze3', 'pause']);
    expect(dm.nonce).toBeDefined();
  });

  it('feedback moves a pattern, says why, and tomorrow\'s session differs as the rules say; blocked DMs are noticed', async () => {
    let msg = latestWorkoutDm(dora);
    const before = squatLevel('2026-06-01', dora)!;
    msg = await press(dora, msg, 'done');
    msg = await press(dora, msg, 'pain', ['6']);
    msg = await press(dora, msg, 'effort', ['right']);
    msg = await press(dora, msg, 'form', ['good']);
    msg = await press(dora, msg, 'save');
    expect(textOf(msg)).toMatch(/Squat \(both sides\)\*\* moves back to level \d+/);
    expect(textOf(msg)).toContain('Pain during an exercise');
    await giveFeedback(eli, latestWorkoutDm(eli), '1', 'easy');
    h.fake.blockDMs(gus);

    await tick('2026-06-02T06:30:00Z');
    expect(squatLevel('2026-06-02', dora)).toBe(before - 1);
    // Gus blocks DMs: no retries, and he hears about it once, privately, in a server.
    expect(sql<{ error: string }>('select error from deliveries where person_id = ? and local_date = ?', gus.id, '2026-06-02')).toEqual([{ error: 'dm_blocked' }]);
    const first = await h.fake.slash(gus, 'help');
    await first.final();
    const followUps = await first.waitForFollowUps(1);
    expect(followUps[0]!.content).toBe(DMS_BLOCKED);
    expect(followUps[0]!.flags & 64).toBe(64);
    const second = await h.fake.slash(gus, 'help');
    await second.final();
    expect(second.followUps()).toEqual([]);
  });

  it('asks the morning check first when yesterday\'s session waits for it, and progresses after two good days', async () => {
    const levels = () => new Map(sql<{ pattern: string; side: string; level: number }>('select pattern, side, level from progression where person_id = ?', eli.id).map((r) => [`${r.pattern}:${r.side}`, r.level]));
    const start = levels();
    await morningCheck(eli);
    await giveFeedback(eli, latestWorkoutDm(eli), '2', 'right');
    await tick('2026-06-03T06:30:00Z');
    const decided = await morningCheck(eli);
    expect(textOf(decided)).toContain('two good sessions in a row');
    const moved = [...levels()].filter(([key, level]) => level === (start.get(key) ?? 0) + 1);
    expect(moved.length).toBeGreaterThan(0);
    // Tomorrow's session uses the new level for a pattern that moved up.
    await tick('2026-06-04T06:30:00Z');
    const session = JSON.parse(sql<{ session: string }>('select session from workouts where person_id = ? and local_date = ?', eli.id, '2026-06-04')[0]!.session) as { items: { pattern: string; side: string; level: number }[] };
    const movedTo = new Map(moved);
    // Spec v2 gates: a provocative, single-leg or position-gated (`gatedBy`, physio review E2)
    // level the assessment has not unlocked stays shut, so only moves onto open levels show.
    const open = (pattern: string, level: number) => {
      const at = getLibrary().chains[pattern as PatternId].levels[level - 1];
      return at !== undefined && !at.provocative && at.options.some((o) => !o.singleLeg && o.gatedBy.length === 0);
    };
    const trained = session.items.filter((i) => movedTo.has(`${i.pattern}:${i.side}`) && open(i.pattern, movedTo.get(`${i.pattern}:${i.side}`)!));
    expect(trained.length).toBeGreaterThan(0);
    for (const item of trained) expect(item.level).toBe(movedTo.get(`${item.pattern}:${item.side}`));
  });

  it('snoozes for an hour and nudges once; pausing stops tomorrow\'s DM', async () => {
    const w = latestWorkoutDm(fay);
    expect(textOf(w)).toContain('2026-06-04');
    time.set('2026-06-04T06:31:00Z');
    const snooze = await h.fake.click(fay, idOf(w, 'snooze1'), { message: w, dm: true });
    expect(((await snooze.callback()).data as { content: string }).content).toContain('I will nudge you at 08:31');
    const nudges = () => h.fake.dmMessages(fay).filter((m) => textOf(m).includes('A nudge, as you asked')).length;
    await tick('2026-06-04T07:00:00Z');
    expect(nudges()).toBe(0);
    await tick('2026-06-04T07:31:00Z');
    expect(nudges()).toBe(1);
    await tick('2026-06-04T08:00:00Z');
    expect(nudges()).toBe(1);

    const pause = await h.fake.click(fay, idOf(w, 'pause'), { message: w, dm: true });
    expect(((await pause.callback()).data as { content: string }).content).toContain('Daily reminders are paused');
    await tick('2026-06-05T06:30:00Z');
    expect(sql('select * from deliveries where person_id = ? and local_date = ?', fay.id, '2026-06-05')).toEqual([]);
    expect(sql('select * from deliveries where person_id = ? and local_date = ?', dora.id, '2026-06-05')).toHaveLength(1);
  });

  it('adds the weekly summary on Sunday (with the chart for those who asked) and a reassessment invitation at 4 weeks', async () => {
    h.bot.context.coach.updateSettings(dora.id, { weeklyCharts: true });
    await tick('2026-06-07T06:30:00Z'); // Sunday
    const sunday = h.fake.dmMessages(dora).filter((m) => textOf(m).includes('Your week'));
    expect(sunday).toHaveLength(1);
    expect(sunday[0]!.attachments.map((a) => a.filename)).toEqual(['progress.png']);
    expect(h.fake.dmMessages(eli).find((m) => textOf(m).includes('Your week'))!.attachments).toEqual([]);
    expect(textOf(sunday[0]!)).toMatch(/Sessions this week:\*\* 1/);
    expect(textOf(sunday[0]!)).toMatch(/eased back to level/);

    await tick('2026-06-29T06:30:00Z'); // 28 days after the assessment
    const invite = h.fake.dmMessages(dora).find((m) => textOf(m).includes('Time for your reassessment'))!;
    expect(invite).toBeDefined();
    const begin = await press(dora, invite, 'begin');
    expect(textOf(begin)).toContain('Safety check 1 of 3');
    expect(sql<{ kind: string }>("select kind from assessment_sessions where person_id = ? and status = 'in_progress'", dora.id)).toEqual([{ kind: 'reassessment' }]);
  });
});

describe('progress charts', () => {
  it('/progress shows the summary with the pain/PSFS chart and the test grid as PNGs', async () => {
    const r = await h.fake.slash(dora, 'progress');
    expect((await r.callback()).type).toBe(5);
    const msg = await r.final();
    expect(textOf(msg)).toContain('Your progress');
    expect(msg!.attachments.map((a) => [a.filename, a.content_type])).toEqual([
      ['progress.png', 'image/png'],
      ['tests.png', 'image/png'],
    ]);
    expect(msg!.attachments.every((a) => a.size > 5000)).toBe(true);
    const request = h.fake.requests((q) => q.path.includes(`/webhooks/`) && q.path.includes(r.token)).at(-1)!;
    expect(request.files.every((f) => f.bytes.subarray(1, 4).toString() === 'PNG')).toBe(true);
  });

  it('gives a person with no data a friendly message instead of an empty chart', async () => {
    const r = await h.fake.slash(newbie, 'progress');
    const msg = await r.final();
    expect(textOf(msg)).toContain('Nothing to show yet');
    expect(msg!.attachments).toEqual([]);
  });

  it('/coach-admin report draws anonymous community figures for admins', async () => {
    const r = await h.fake.slash(adm, 'coach-admin', [{ name: 'report', type: 1, options: [] }]);
    const msg = await r.final();
    expect(msg!.flags & 64).toBe(64);
    expect(msg!.attachments.map((a) => a.filename)).toEqual(['community.png']);
    expect(textOf(msg)).toContain('never a person');
  });
});
