import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeMessage, FakeUser } from '../../testkit/fake-discord/index.js';
import { componentsOf, idOf, inputName, sqlReader, startHarness, textOf, type Harness } from '../support/bot-harness.js';
import { bestAnswer, discordSteps } from '../support/discord-steps.js';
import { driveAssessment } from '../support/drive.js';
import { fixedClock } from '../../testkit/clock.js';

/**
 * Issue 13: the deferred checks come inside the first week's daily DMs. A person whose first plan
 * came from the core tests finds "Two quick checks today" and [Do 2 checks] on day 1's workout;
 * pressing it walks the two tests in a new message and the plan is rebuilt. Someone with every
 * test done sees no offer.
 */

const time = fixedClock('2026-06-01T06:00:00Z'); // a Monday
let h: Harness & { users: FakeUser[] };
let ivy: FakeUser, jon: FakeUser;

beforeAll(async () => {
  h = await startHarness({ users: ['ivy', 'jon'], env: { SCHEDULER: 'on' }, clock: time.clock, startScheduler: false });
  [ivy, jon] = h.users as [FakeUser, FakeUser];
  for (const u of [ivy, jon]) {
    h.bot.context.coach.consent(u.id);
    h.bot.context.coach.updateSettings(u.id, { timezone: 'Europe/London', reminderTime: '07:30' });
  }
  // Ivy: the first plan from the core sitting, the rest still to come. Jon: every test done.
  driveAssessment(h.bot.context.coach, ivy.id, { checks: false });
  driveAssessment(h.bot.context.coach, jon.id);
});
afterAll(async () => {
  await h.close();
});

const sql = sqlReader(() => h.dbPath);
const steps = discordSteps(() => h.fake, () => h.bot.idle());
const workoutDm = (user: FakeUser) => [...h.fake.dmMessages(user)].reverse().find((m) => textOf(m).includes("Today's workout ·"))!;
const controlsOf = (m: FakeMessage) => componentsOf(m).map((c) => (c.type === 2 ? `${c.label}${c.disabled ? ' (disabled)' : ''}` : inputName(c.custom_id ?? '')));
const pending = (user: FakeUser) => h.bot.context.coach.pendingChecks(user.id);
const planJson = (user: FakeUser) => sql<{ plan: string }>('select plan from plans where person_id = ? and active = 1', user.id)[0]!.plan;

describe('deferred checks in the daily DM', () => {
  it('day 1 offers the next two checks by name, in one line, with [Do 2 checks]; no offer once every test is done', async () => {
    time.set('2026-06-01T06:30:00Z'); // 07:30 BST
    await h.bot.scheduler!.tick();
    const dm = workoutDm(ivy);
    const [first, second] = pending(ivy);
    const names = [first, second].map((t) => h.bot.context.library.battery.tests.find((b) => b.id === t)!.name);
    expect(textOf(dm)).toContain(`Two quick checks today (about 3 min): ${names[0]} and ${names[1]}.`);
    expect(controlsOf(dm)).toEqual(['open', 'Done', 'Later', 'Do 2 checks']);
    const other = workoutDm(jon);
    expect(textOf(other)).not.toContain('quick check');
    expect(controlsOf(other)).toEqual(['open', 'Done', 'Later']);
  });

  it('pressing it walks the two checks in a new message and rebuilds the plan, saying what changed; the workout stays', async () => {
    const dm = workoutDm(ivy);
    const before = pending(ivy);
    const plansBefore = sql('select id from plans where person_id = ?', ivy.id).length;
    const handle = await h.fake.click(ivy, idOf(dm, 'checks'), { message: dm, dm: true });
    const sitting = (await steps.settled(handle))!;
    expect(sitting.id).not.toBe(dm.id);
    expect(textOf(sitting)).toContain(h.bot.context.library.battery.tests.find((b) => b.id === before[0])!.name);
    const ready = await steps.throughTestScreens(ivy, sitting, bestAnswer);
    expect(textOf(ready)).toContain('ready to update your plan');
    const done = (await steps.press(ivy, ready, 'finish')).message;
    expect(textOf(done)).toContain('checks done');
    expect(textOf(done)).toMatch(/I updated your plan|Your plan stays as it is/);
    expect(textOf(done)).toContain(`${before.length - 2} more to come`);
    expect(pending(ivy)).toEqual(before.slice(2));
    expect(sql('select id from plans where person_id = ?', ivy.id).length).toBe(plansBefore + 1);
    // The workout message is untouched: Done and Later still work on it.
    expect(controlsOf(h.fake.dmMessages(ivy).find((m) => m.id === dm.id)!)).toContain('Done');
  });

  it('keeps the checks button when Done swaps the controls, and an old button after the last sitting changes nothing', async () => {
    const dm = workoutDm(ivy);
    const handle = await h.fake.click(ivy, idOf(dm, 'done'), { message: dm, dm: true });
    const after = (await handle.final()) ?? dm;
    expect(controlsOf(after)).toEqual(['open', 'Done ✓ (disabled)', 'Do 2 checks']);
    // The same old button opens each of the remaining sittings in turn.
    while (pending(ivy).length > 0) {
      const sitting = (await steps.settled(await h.fake.click(ivy, idOf(after, 'checks'), { message: after, dm: true })))!;
      await steps.press(ivy, await steps.throughTestScreens(ivy, sitting, bestAnswer), 'finish');
    }
    const plan = planJson(ivy);
    const assessments = sql('select id from assessment_sessions where person_id = ?', ivy.id).length;
    const last = await steps.settled(await h.fake.click(ivy, idOf(after, 'checks'), { message: after, dm: true }));
    expect(textOf(last)).toContain('No checks left');
    expect(sql('select id from assessment_sessions where person_id = ?', ivy.id).length).toBe(assessments);
    expect(planJson(ivy)).toBe(plan);
  });

  it('a goal changed to running in /settings makes the never-done hop one check of its own, offered by /assess and the next DM', async () => {
    const hop = h.bot.context.library.battery.tests.find((b) => b.id === 'single_leg_hop')!.name;
    const set = (await steps.settled(await h.fake.slash(jon, 'settings', [{ name: 'goal', type: 3, value: 'running' }])))!;
    expect(textOf(set)).toContain('The hop test comes as a quick check');
    const offer = (await steps.settled(await h.fake.slash(jon, 'assess')))!;
    expect(textOf(offer)).toContain('One short test is still to come');
    expect(componentsOf(offer).map((c) => c.label)).toEqual(['One quick check (2 min)']);

    time.set('2026-06-02T06:30:00Z');
    await h.bot.scheduler!.tick();
    const dm = workoutDm(jon);
    expect(textOf(dm)).toContain(`One quick check today (about 2 min): ${hop}.`);
    expect(controlsOf(dm)).toEqual(['open', 'Done', 'Later', 'Do 1 check']);
    // /workout shows the same day with the same offer.
    const workout = (await steps.settled(await h.fake.slash(jon, 'workout')))!;
    expect(textOf(workout)).toContain(`One quick check today (about 2 min): ${hop}.`);
    expect(controlsOf(workout)).toEqual(['open', 'Done', 'Later', 'Do 1 check']);
    const sitting = (await steps.settled(await h.fake.click(jon, idOf(dm, 'checks'), { message: dm, dm: true })))!;
    expect(textOf(sitting)).toContain(hop);
    const done = (await steps.press(jon, await steps.throughTestScreens(jon, sitting, bestAnswer), 'finish')).message;
    expect(textOf(done)).toContain('That was the last of them');
    expect(pending(jon)).toEqual([]);
    expect(sql('select test_id from assessment_results where person_id = ? and test_id = ?', jon.id, 'single_leg_hop')).toHaveLength(2);
  });
});
