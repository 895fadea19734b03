import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DMS_BLOCKED } from '../../src/discord/interactions.js';
import type { FakeMessage, FakeUser } from '../../testkit/fake-discord/index.js';
import { allText, componentsOf, headingsOf, idOf, inputName, startHarness, textOf, type Harness, type MessageLike, sqlReader } from '../support/bot-harness.js';
import { driveAssessment } from '../support/drive.js';
import { fixedClock } from '../../testkit/clock.js';
import { sentScreens, v2ProblemsIn } from '../../testkit/v2-screens.js';

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

/** Done on a workout message: the message keeps its exercises, the feedback form comes as a new message. */
async function pressDone(user: FakeUser, dm: FakeMessage): Promise<{ workout: FakeMessage; feedback: FakeMessage }> {
  const handle = await h.fake.click(user, idOf(dm, 'done'), { message: dm, dm: true });
  const workout = (await handle.final()) ?? dm;
  const [feedback] = await handle.waitForFollowUps(1);
  return { workout, feedback: feedback! };
}

/** The names of a message's controls, and each button's label and whether it can be pressed. */
const controlsOf = (m: FakeMessage) => componentsOf(m).map((c) => (c.type === 2 ? `${c.label}${c.disabled ? ' (disabled)' : ''}` : inputName(c.custom_id ?? '')));
const current = (m: FakeMessage, user: FakeUser) => h.fake.dmMessages(user).find((x) => x.id === m.id)!;

/** Feedback as a person gives it: effort and form buttons, then which exercise went above 3/10 (or None) and its score. */
async function answerFeedback(user: FakeUser, feedback: FakeMessage, effort: string, hurt: { exercise: string; pain: string } | null): Promise<FakeMessage> {
  let m = await press(user, feedback, `effort:${effort}`);
  m = await press(user, m, 'form:good');
  if (!hurt) return press(user, m, 'hurt', ['none']);
  m = await press(user, m, 'hurt', [hurt.exercise]);
  return press(user, m, 'hurtpain', [hurt.pain]);
}

async function giveFeedback(user: FakeUser, dm: FakeMessage, effort: string): Promise<FakeMessage> {
  return answerFeedback(user, (await pressDone(user, dm)).feedback, effort, null);
}

async function morningCheck(user: FakeUser): Promise<FakeMessage> {
  const morning = [...h.fake.dmMessages(user)].reverse().find((m) => textOf(m).includes('Morning check'))!;
  return press(user, morning, 'feel:same');
}

const latestWorkoutDm = (user: FakeUser) => [...h.fake.dmMessages(user)].reverse().find((m) => textOf(m).includes("Today's workout ·"))!;
const nudgesTo = (user: FakeUser) => h.fake.dmMessages(user).filter((m) => textOf(m).includes('A nudge, as you asked'));
/** The level of the squat in a stored daily session (the squat is in every session of this plan). */
const squatOn = (localDate: string, user: FakeUser) => {
  const row = sql<{ session: string }>('select session from workouts where person_id = ? and local_date = ?', user.id, localDate)[0]!;
  return (JSON.parse(row.session) as { items: { pattern: string; level: number; rung?: number; exerciseId: string }[] }).items.find((i) => i.pattern === 'squat')!;
};

describe('the daily DM', () => {
  it('arrives at 07:30 London time with the workout (date in words, minutes rounded), exercise help, [Done] and [Later]', async () => {
    await tick('2026-06-01T06:29:00Z');
    expect(h.fake.dmMessages(dora)).toHaveLength(0);
    const report = await tick('2026-06-01T06:30:00Z'); // 07:30 BST
    expect(report.claimed).toBe(4);
    const dm = latestWorkoutDm(dora);
    expect(textOf(dm)).toContain('Aim: 6 sessions in your first two weeks');
    expect(textOf(dm)).not.toContain('Streak');
    expect(textOf(dm)).toContain("Today's workout · Monday 1 June");
    expect(textOf(dm)).toMatch(/About \d*[05] minutes(, plus a \d+-minute walk any time today)?\./);
    expect(textOf(dm)).not.toMatch(/2026-06-01|\d\.\d minutes/);
    // Exercises first: the list comes before the opening line (plan day, streak).
    expect(textOf(dm).indexOf('**Exercises**')).toBeLessThan(textOf(dm).indexOf('Aim: 6 sessions'));
    expect(controlsOf(dm)).toEqual(['open', 'Done', 'Later']);
    expect(dm.nonce).toBeDefined();
  });

  it('feedback moves a pattern, says why, and tomorrow\'s session differs as the rules say; blocked DMs are noticed', async () => {
    let msg = latestWorkoutDm(dora);
    const before = squatOn('2026-06-01', dora);
    const done = await pressDone(dora, msg);
    // The workout stays readable: same text, only its controls changed.
    expect(textOf(done.workout)).toBe(textOf(msg));
    expect(controlsOf(done.workout)).toEqual(['open', 'Done ✓ (disabled)']);
    expect(done.feedback.id).not.toBe(msg.id);
    expect(textOf(done.feedback)).toContain('How did it go?');
    msg = await answerFeedback(dora, done.feedback, 'right', { exercise: before.exerciseId, pain: '6' });
    expect(textOf(msg)).toMatch(/Squat: back to level \d+, because this exercise went above 5\/10/);
    expect(textOf(msg)).toContain('Pain during an exercise');
    await giveFeedback(eli, latestWorkoutDm(eli), 'easy');
    h.fake.blockDMs(gus);

    await tick('2026-06-02T06:30:00Z');
    // The decision is on the squat track; the next session doses it there unless spacing gives the
    // squat an off-day stand-in (physio E1) or leaves it out that day.
    expect(sql('select level, rung from progression where person_id = ? and pattern = ?', dora.id, 'squat')).toEqual([{ level: before.level - 1, rung: 0 }]);
    const next = squatOn('2026-06-02', dora) as { level: number; rung?: number; offDay?: boolean } | undefined;
    if (next && !next.offDay) expect(next).toMatchObject({ level: before.level - 1, rung: 0 });
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

  it('asks the morning check first when yesterday\'s session waits for it; a good day climbs a rung and the next session shows it', async () => {
    const rungs = () => new Map(sql<{ pattern: string; side: string; rung: number }>('select pattern, side, rung from progression where person_id = ?', eli.id).map((r) => [`${r.pattern}:${r.side}`, r.rung]));
    // Tuesday's DM: the morning check about Monday's session, then the workout.
    const dms = h.fake.dmMessages(eli);
    const workoutAt = dms.findIndex((m) => textOf(m).includes("Today's workout · Tuesday 2 June"));
    expect(textOf(dms[workoutAt - 1]!)).toContain('Morning check');
    expect(textOf(dms[workoutAt - 1]!)).toContain('after your session on Monday 1 June');
    const checked = await morningCheck(eli);
    expect(textOf(checked)).toContain('Morning check saved');
    const start = rungs();
    const saved = await giveFeedback(eli, latestWorkoutDm(eli), 'right');
    expect(textOf(saved)).toContain('A little more next time: ');
    const climbed = [...rungs()].filter(([key, rung]) => rung === (start.get(key) ?? 0) + 1);
    expect(climbed.length).toBeGreaterThan(0);
    // Tomorrow's session doses each climbed pattern at its new rung.
    await tick('2026-06-03T06:30:00Z');
    const session = JSON.parse(sql<{ session: string }>('select session from workouts where person_id = ? and local_date = ?', eli.id, '2026-06-03')[0]!.session) as { items: { pattern: string; side: string; rung?: number; offDay?: boolean; weeklyWalk?: boolean }[] };
    const climbedTo = new Map(climbed);
    // Off-day stand-ins (physio E1) and the weekly walk (E4) are no track's dose: they do not show its rung.
    const trained = session.items.filter((i) => !i.offDay && !i.weeklyWalk && climbedTo.has(`${i.pattern}:${i.side}`));
    expect(trained.length).toBeGreaterThan(0);
    for (const item of trained) expect(item.rung).toBe(climbedTo.get(`${item.pattern}:${item.side}`));
    await tick('2026-06-04T06:30:00Z');
  });

  it('Later -> in 1 hour snoozes and the workout comes again an hour later, once', async () => {
    const w = latestWorkoutDm(fay);
    expect(textOf(w)).toContain('Thursday 4 June');
    time.set('2026-06-04T06:31:00Z');
    const menu = await press(fay, w, 'later');
    expect(textOf(menu)).toBe(textOf(w)); // the exercise list stays
    expect(controlsOf(menu)).toEqual(['open', 'when', 'Back']);
    // The Later menu's question stays above it; Back takes it away with the menu.
    expect(headingsOf(menu).at(-1)).toBe('When shall I remind you?');
    const back = await press(fay, menu, 'back');
    expect(controlsOf(back)).toEqual(['open', 'Done', 'Later']);
    expect(headingsOf(back)).toEqual(headingsOf(w));
    const again = await press(fay, back, 'later');
    const snooze = await h.fake.select(fay, idOf(again, 'when'), ['1h'], { message: again, dm: true });
    expect(allText((await snooze.callback()).data as MessageLike)).toContain('I will nudge you at 08:31');
    const snoozed = (await snooze.final())!;
    expect(controlsOf(snoozed)).toEqual(['open', 'Done', 'Later']);
    expect(textOf(snoozed)).toContain('**Exercises**');
    await tick('2026-06-04T07:00:00Z');
    expect(nudgesTo(fay)).toHaveLength(0);
    await tick('2026-06-04T07:31:00Z');
    expect(nudgesTo(fay)).toHaveLength(1);
    expect(controlsOf(nudgesTo(fay)[0]!)).toEqual(['Done', 'Later']);
    await tick('2026-06-04T08:00:00Z');
    expect(nudgesTo(fay)).toHaveLength(1);
  });

  it('Pause in /settings relabels the old workout messages "Paused" and stops tomorrow\'s DM', async () => {
    const w = latestWorkoutDm(fay);
    const settings = await (await h.fake.slash(fay, 'settings')).final();
    const paused = await h.fake.click(fay, idOf(settings, 'reminders'), { message: settings! });
    expect(textOf(await paused.final())).toContain('Daily messages are paused');
    await h.bot.idle();
    expect(controlsOf(current(w, fay))).toEqual(['open', 'Paused (disabled)']);
    expect(controlsOf(current(nudgesTo(fay)[0]!, fay))).toEqual(['Paused (disabled)']);
    expect(textOf(current(w, fay))).toBe(textOf(w)); // only the buttons changed
    // Earlier days' workout messages too: nothing in the DM still offers Done or Later.
    const offering = h.fake.dmMessages(fay).filter((m) => controlsOf(m).some((c) => c === 'Done' || c === 'Later'));
    expect(offering).toEqual([]);
    expect(h.fake.dmMessages(fay).filter((m) => controlsOf(m).includes('Paused (disabled)')).length).toBeGreaterThanOrEqual(2);
    await tick('2026-06-05T06:30:00Z');
    expect(sql('select * from deliveries where person_id = ? and local_date = ?', fay.id, '2026-06-05')).toEqual([]);
    expect(sql('select * from deliveries where person_id = ? and local_date = ?', dora.id, '2026-06-05')).toHaveLength(1);
  });

  it('Resume in /settings gives today\'s workout its [Done] [Later] back; older days stay "Paused"', async () => {
    // Dora pauses and resumes on Friday 5 June: her Friday DM was relabelled, then restored.
    const friday = latestWorkoutDm(dora);
    expect(textOf(friday)).toContain('Friday 5 June');
    const settings = (await (await h.fake.slash(dora, 'settings')).final())!;
    const paused = (await (await h.fake.click(dora, idOf(settings, 'reminders'), { message: settings })).final())!;
    await h.bot.idle();
    expect(controlsOf(current(friday, dora))).toEqual(['open', 'Paused (disabled)']);
    const resumed = await h.fake.click(dora, idOf(paused, 'reminders'), { message: paused });
    expect(textOf(await resumed.final())).toContain('Daily messages are on again');
    await h.bot.idle();
    expect(controlsOf(current(friday, dora))).toEqual(['open', 'Done', 'Later']);
    expect(textOf(current(friday, dora))).toBe(textOf(friday)); // only the buttons changed
    expect(current(friday, dora).flags & (1 << 15)).toBe(1 << 15); // still a V2 message
    // Fay paused on Thursday; resuming on Friday leaves Thursday's messages as they are.
    const thursday = h.fake.dmMessages(fay).filter((m) => controlsOf(m).includes('Paused (disabled)'));
    expect(thursday.length).toBeGreaterThanOrEqual(2);
    const fays = (await (await h.fake.slash(fay, 'settings')).final())!;
    const on = await h.fake.click(fay, idOf(fays, 'reminders'), { message: fays });
    expect(textOf(await on.final())).toContain('Daily messages are on again');
    await h.bot.idle();
    for (const m of thursday) expect(controlsOf(current(m, fay))).toContain('Paused (disabled)');
    expect(h.fake.dmMessages(fay).filter((m) => controlsOf(m).some((c) => c === 'Done' || c === 'Later'))).toEqual([]);
  });

  it('Later -> skip today marks the day skipped and the button says so', async () => {
    const w = latestWorkoutDm(dora);
    expect(textOf(w)).toContain('Friday 5 June');
    const menu = await press(dora, w, 'later');
    const skipped = await press(dora, menu, 'when', ['skip']);
    expect(controlsOf(skipped)).toEqual(['open', 'Skipped today (disabled)']);
    expect(textOf(skipped)).toContain('Skipped for today');
    expect(textOf(skipped)).toContain('**Exercises**');
    expect(sql<{ status: string }>('select status from workouts where person_id = ? and local_date = ?', dora.id, '2026-06-05')).toEqual([{ status: 'skipped' }]);
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
    expect(textOf(begin)).toContain('Safety check 1 of 2');
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

describe('every screen in these walks (Components V2)', () => {
  it('is a V2 message within Discord\'s limits, with a heading above every menu', () => {
    const sent = sentScreens(h.fake.requests());
    expect(sent.length).toBeGreaterThan(20);
    expect(v2ProblemsIn(h.fake.requests())).toEqual([]);
  });
});
