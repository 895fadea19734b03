import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/coaching/plan.js';
import { buildSession } from '../../src/coaching/session.js';
import { getLibrary } from '../../src/content/load.js';
import { componentsFor } from '../../src/discord/render.js';
import { withControls } from '../../src/discord/handlers/workout-controls.js';
import { flowIds } from '../../src/discord/custom-id.js';
import { checksMinutes } from '../../src/coaching/targets.js';
import { dateInWords, laterChoice, laterHours, LATER_CHOICES, minutesInWords, withChecksOffer, workoutControls } from '../../src/views/daily-view.js';
import { sessionView } from '../../src/views/plan-view.js';
import type { ViewInput } from '../../src/views/view.js';
import { allClearTests, makeAnswers } from '../support/answers.js';

const library = getLibrary();
const owner = '123456789012345678';
const session = buildSession({ plan: buildPlan(makeAnswers({ tests: allClearTests() }), library), userId: owner, localDate: '2026-12-02' }, library);
const buttons = (inputs: ViewInput[]) => inputs.flatMap((i) => (i.kind === 'button' ? [[i.label, i.disabled === true]] : []));

describe('the daily workout message', () => {
  it('says the date in words and the minutes rounded, in the person\'s own local date', () => {
    expect(dateInWords('2026-12-02')).toBe('Wednesday 2 December');
    expect(dateInWords('2027-01-01')).toBe('Friday 1 January');
    expect(dateInWords('not-a-date')).toBe('not-a-date');
    expect(minutesInWords(19.5)).toBe('about 20 minutes');
    expect(minutesInWords(22.4)).toBe('about 20 minutes');
    expect(minutesInWords(23)).toBe('about 25 minutes');
    expect(minutesInWords(7.4)).toBe('about 7 minutes');
    expect(minutesInWords(0.6)).toBe('about 1 minute');
  });

  it('lists the exercises on short lines, with no ISO date or decimal minutes, and offers Done and Later only', () => {
    const view = sessionView(session, library);
    expect(view.title).toBe("Today's workout · Wednesday 2 December");
    expect(view.body).not.toMatch(/2026-12-02|\d+\.\d+ minutes/);
    expect(view.body).toMatch(/^About \d+ minutes?\./);
    for (const item of session.items) expect(view.body).toContain(`${item.name}**`);
    // Every line fits a phone: no line of the exercise list runs past 120 characters.
    expect(Math.max(...view.body.split('\n').map((l) => l.length))).toBeLessThanOrEqual(120);
    expect(buttons(view.inputs)).toEqual([
      ['Done', false],
      ['Later', false],
    ]);
    expect(view.inputs.filter((i) => i.kind === 'select').map((i) => i.name)).toEqual(['open']);
  });

  it('says the walk comes on top of the minutes, as the minutes leave it out', () => {
    const first = session.items[0]!;
    const withWalk = { ...session, items: [...session.items, { ...first, exerciseId: 'walking_dose', name: 'Brisk walk', minutes: 15, weeklyWalk: true }] };
    expect(sessionView(withWalk, library).body).toMatch(/^About \d+ minutes?, plus a 15-minute walk any time today\./);
    expect(sessionView(session, library).body).not.toContain('walk any time today');
  });

  it('shows the Later menu, and after a skip, a pause or Done a disabled button that says so', () => {
    const later = sessionView(session, library, 'later');
    const menu = later.inputs.find((i) => i.name === 'when');
    expect(menu?.kind === 'select' && menu.options.map((o) => o.label)).toEqual(['In 1 hour', 'In 3 hours', 'Skip today']);
    expect(buttons(later.inputs)).toEqual([['Back', false]]);
    expect(buttons(workoutControls('skipped'))).toEqual([['Skipped today', true]]);
    expect(buttons(workoutControls('paused'))).toEqual([['Paused', true]]);
    expect(buttons(workoutControls('done'))).toEqual([['Done ✓', true]]);
    const rows = componentsFor(sessionView(session, library, 'paused'), flowIds('workout').options(owner, '7'));
    expect(rows.at(-1)!.components).toEqual([expect.objectContaining({ label: 'Paused', disabled: true })]);
  });

  it('parses the Later menu values with zod and refuses anything else', () => {
    expect(LATER_CHOICES.map((c) => laterChoice.parse(c.value))).toEqual(['1h', '3h', 'skip']);
    expect(laterHours('1h')).toBe(1);
    expect(laterHours('3h')).toBe(3);
    expect(laterHours('skip')).toBeNull();
    for (const bad of ['2h', '', 'SKIP', undefined, '1h;drop']) expect(laterChoice.safeParse(bad).success).toBe(false);
  });

  it('swaps only the controls of a message, keeping the exercise menu, whatever state it was in', () => {
    const opts = flowIds('workout').options(owner, '7');
    const ready = componentsFor(sessionView(session, library), opts);
    const paused = withControls(ready, 'paused', owner, '7') as typeof ready;
    expect(paused[0]).toEqual(ready[0]); // the "How to do an exercise" menu
    expect(paused).toHaveLength(2);
    expect(paused[1]!.components).toEqual([expect.objectContaining({ label: 'Paused', disabled: true, custom_id: opts.idFor('done') })]);
    // A retired five-button row (Done, Skip, Snooze 1 h, Snooze 3 h, Pause) is replaced as a whole.
    const old = [{ type: 1, components: ['done', 'skip', 'snooze1', 'snooze3', 'pause'].map((n) => ({ type: 2, custom_id: opts.idFor(n) })) }];
    expect(withControls(old, 'paused', owner, '7')).toEqual([paused[1]]);
  });

  it('adds the day\'s checks as one line and one button, and nothing when there are none', () => {
    const view = sessionView(session, library);
    expect(withChecksOffer(view, null)).toBe(view);
    expect(withChecksOffer(view, { names: [], minutes: 0 })).toBe(view);
    const two = withChecksOffer(view, { names: ['Bridge', 'Hop'], minutes: checksMinutes(2) });
    expect(two.body.split('\n').at(-1)).toBe('Two quick checks today (about 3 min): Bridge and Hop. I update your plan when they are done.');
    expect(buttons(two.inputs)).toEqual([['Done', false], ['Later', false], ['Do 2 checks', false]]);
    const one = withChecksOffer(view, { names: ['Hop'], minutes: checksMinutes(1) });
    expect(one.body).toContain('One quick check today (about 2 min): Hop.');
    expect(buttons(one.inputs).at(-1)).toEqual(['Do 1 check', false]);
  });

  it('keeps a checks button that shares the controls\' row, in a row of its own, when the controls change', () => {
    const opts = flowIds('workout').options(owner, '7');
    const ready = componentsFor(withChecksOffer(sessionView(session, library), { names: ['Hop'], minutes: 2 }), opts);
    const done = withControls(ready, 'done', owner, '7') as typeof ready;
    expect(done).toHaveLength(3);
    expect(done[1]!.components).toEqual([expect.objectContaining({ label: 'Done ✓', disabled: true })]);
    expect(done[2]!.components).toEqual([expect.objectContaining({ label: 'Do 1 check', custom_id: opts.idFor('checks') })]);
    // Pressed again, the row stays once (not doubled), still below the controls.
    const again = withControls(done, 'ready', owner, '7') as typeof ready;
    expect(again.map((r) => r.components.map((c) => ('label' in c ? c.label : c.type)))).toEqual([[3], ['Done', 'Later'], ['Do 1 check']]);
  });
});
