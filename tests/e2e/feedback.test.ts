import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLibrary } from '../../src/content/load.js';
import { NOT_YOURS } from '../../src/discord/interactions.js';
import type { FakeMessage, FakeUser } from '../../testkit/fake-discord/index.js';
import { fixedClock } from '../../testkit/clock.js';
import { componentsOf, idOf, inputName, startHarness, textDisplays, textOf, type Harness, sqlReader } from '../support/bot-harness.js';
import { driveAssessment } from '../support/drive.js';

/**
 * Workout feedback v2 on the fake Discord (issues 11 and 13): feedback in a new message, effort and
 * form as buttons, one "which went above 3/10" menu of today's exercises; taps counted.
 */

const library = getLibrary();
const time = fixedClock('2026-06-01T08:00:00Z');
let h: Harness & { users: FakeUser[] };
let ana: FakeUser, ben: FakeUser, cleo: FakeUser;
const sql = sqlReader(() => h.dbPath);

beforeAll(async () => {
  h = await startHarness({ users: ['ana', 'ben', 'cleo'], clock: time.clock });
  [ana, ben, cleo] = h.users as [FakeUser, FakeUser, FakeUser];
  for (const u of [ana, cleo]) {
    h.bot.context.coach.consent(u.id);
    h.bot.context.coach.updateSettings(u.id, { minutes: 30 });
    driveAssessment(h.bot.context.coach, u.id, { pain: { average: 2, worst: 5 } });
  }
});
afterAll(async () => {
  await h.close();
});

/** Every press is one tap: the counter is what the person spends. */
let taps = 0;
async function press(user: FakeUser, message: FakeMessage, name: string, values?: string[]): Promise<FakeMessage> {
  taps++;
  const id = idOf(message, name);
  const handle = values ? await h.fake.select(user, id, values, { message }) : await h.fake.click(user, id, { message });
  const after = await handle.final();
  await h.bot.idle();
  // Done edits only the workout's controls and sends the feedback as a follow-up: that new message is the one to answer.
  return handle.followUps().at(-1) ?? after ?? message;
}

async function workout(user: FakeUser): Promise<FakeMessage> {
  const w = await h.fake.slash(user, 'workout');
  const msg = await w.final();
  await h.bot.idle();
  return msg!;
}

const feedbackRows = (user: FakeUser) => sql<{ pain_by_exercise: string | null; effort: string; decisions: string }>('select pain_by_exercise, effort, decisions from feedback where person_id = ?', user.id);

describe('workout feedback v2', () => {
  it('Done opens feedback in a new message; the menu names today’s exercises; a good day is saved in 4 taps', async () => {
    const msg = await workout(ana);
    expect(textOf(msg)).toContain("Today's workout");
    taps = 0;
    const feedback = await press(ana, msg, 'done');
    expect(feedback.id).not.toBe(msg.id);
    expect(textOf(feedback)).toContain('How did it go?');
    // The workout message is still there, unchanged.
    expect(textOf(h.fake.message(msg.id) ?? msg)).toContain("Today's workout");
    const session = h.bot.context.coach.todaysWorkout(ana.id);
    if ('kind' in session) throw new Error('expected a workout');
    const menu = componentsOf(feedback).find((c) => c.custom_id && inputName(c.custom_id) === 'hurt')!;
    const offered = menu.options!.map((o) => o.value);
    expect(offered).toEqual(['none', ...new Set(session.session.items.map((i) => i.exerciseId))]);
    const labels = (menu.options as unknown as { label: string }[]).map((o) => o.label);
    expect(labels.slice(1)).toEqual([...new Set(session.session.items.map((i) => i.exerciseId))].map((id) => library.exerciseById.get(id)!.name));

    let m = await press(ana, feedback, 'effort:right');
    m = await press(ana, m, 'form:good');
    m = await press(ana, m, 'hurt', ['none']);
    expect(taps).toBeLessThanOrEqual(4);
    expect(textOf(m)).toContain('Feedback saved');
    expect(textOf(m)).toMatch(/A little more next time: |No change: /);
    expect(feedbackRows(ana)).toHaveLength(1);
    expect(JSON.parse(feedbackRows(ana)[0]!.pain_by_exercise!)).toEqual({});
  });

  it('a morning check is saved in 1 tap when settled and 2 when worse, and a flare says what eased back', async () => {
    time.advanceDays(1);
    let msg = await workout(ana);
    expect(textOf(msg)).toContain('Morning check');
    taps = 0;
    msg = await press(ana, msg, 'feel:same');
    expect(taps).toBe(1);
    expect(textOf(msg)).toContain('Morning check saved');
    expect(textOf(msg)).toContain('Nothing changes');

    // Another good day, then a worse morning: 2 taps, and only then is the pain asked.
    msg = await press(ana, msg, 'today');
    let m = await press(ana, msg, 'done');
    m = await press(ana, m, 'effort:easy');
    m = await press(ana, m, 'form:good');
    m = await press(ana, m, 'hurt', ['none']);
    time.advanceDays(1);
    msg = await workout(ana);
    expect(componentsOf(msg).map((c) => inputName(c.custom_id ?? ''))).not.toContain('mpain');
    taps = 0;
    m = await press(ana, msg, 'feel:worse');
    m = await press(ana, m, 'mpain', ['6']);
    expect(taps).toBeLessThanOrEqual(3);
    expect(textOf(m)).toContain('Morning check saved');
    expect(textOf(m)).toMatch(/a little less next time|back to level|No change/);
  });

  it('a painful exercise picked from the menu asks its score, steps that pattern down and stores the pain per exercise', async () => {
    const msg = await workout(cleo);
    let m = await press(cleo, msg, 'done');
    const session = h.bot.context.coach.todaysWorkout(cleo.id);
    if ('kind' in session) throw new Error('expected a workout');
    const item = session.session.items[0]!;
    m = await press(cleo, m, 'effort:right');
    m = await press(cleo, m, 'form:good');
    m = await press(cleo, m, 'hurt', ['none', item.exerciseId]);
    expect(m.embeds.length + textDisplays(m).length).toBeGreaterThan(0);
    expect(textOf(m)).toContain('Pick None on its own');
    m = await press(cleo, m, 'hurt', [item.exerciseId]);
    expect(feedbackRows(cleo)).toHaveLength(0);
    m = await press(cleo, m, 'hurtpain', ['7']);
    expect(textOf(m)).toContain('Feedback saved');
    expect(JSON.parse(feedbackRows(cleo)[0]!.pain_by_exercise!)).toEqual({ [item.exerciseId]: 7 });
    const decisions = JSON.parse(feedbackRows(cleo)[0]!.decisions) as { pattern: string; side: string; ruleId: string }[];
    expect(decisions.filter((d) => d.ruleId === 'step-down-pain-above-5').map((d) => `${d.pattern}:${d.side}`)).toEqual([`${item.pattern}:${item.side}`]);
  });

  it('refuses another person’s press on the feedback buttons and changes nothing', async () => {
    time.advanceDays(1);
    await press(cleo, await workout(cleo), 'feel:better');
    const msg = await workout(cleo);
    const feedback = await press(cleo, msg, 'done');
    const handle = await h.fake.click(ben, idOf(feedback, 'effort:hard'), { message: feedback });
    const cb = await handle.callback();
    await h.bot.idle();
    expect(JSON.stringify(cb)).toContain(NOT_YOURS.slice(0, 30));
    const draft = sql<{ feedback_draft: string | null }>('select feedback_draft from workouts where person_id = ? order by local_date desc limit 1', cleo.id)[0]!;
    expect(draft.feedback_draft === null || !('effort' in (JSON.parse(draft.feedback_draft) as object))).toBe(true);
  });
});
