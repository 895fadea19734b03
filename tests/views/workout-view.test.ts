import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/coaching/plan.js';
import { buildSession } from '../../src/coaching/session.js';
import { getLibrary } from '../../src/content/load.js';
import { renderView } from '../../src/discord/render.js';
import { flowIds } from '../../src/discord/custom-id.js';
import { applyFeedbackInput, exerciseNames, feedbackView } from '../../src/views/workout-view.js';
import { allClearTests, makeAnswers } from '../support/answers.js';

const library = getLibrary();
const owner = '123456789012345678';
const session = buildSession({ plan: buildPlan(makeAnswers({ tests: allClearTests() }), library), userId: owner, localDate: '2026-12-02' }, library);
const names = exerciseNames(session, library);

describe('workout feedback', () => {
  it('asks effort and form as choice buttons under their own headings, the pick ticked', () => {
    const v2 = JSON.stringify(renderView(feedbackView(session, { effort: 'right' }, names), flowIds('workout').options(owner, '7')));
    for (const heading of ['**How hard was it?**', '**And your form?**', '**Did any exercise go above 3/10?**']) expect(v2).toContain(heading);
    expect(v2.indexOf('How hard was it?')).toBeLessThan(v2.indexOf('"Easy"'));
    expect(v2.indexOf('"Easy"')).toBeLessThan(v2.indexOf('And your form?'));
    expect(v2).toContain('"✓ About right"');
    expect(v2).not.toContain('"✓ Easy"');
  });

  it('reads an answer pressed as a button or picked in the console the same way, and refuses anything else', () => {
    expect(applyFeedbackInput({}, 'effort:hard', [])).toEqual({ effort: 'hard' });
    expect(applyFeedbackInput({}, 'effort', ['hard'])).toEqual({ effort: 'hard' });
    expect(applyFeedbackInput({ effort: 'easy' }, 'form', ['struggled'])).toEqual({ effort: 'easy', form: 'struggled' });
    expect(applyFeedbackInput({}, 'effort', ['extreme'])).toEqual({ error: 'That choice was not recognised.' });
    expect(applyFeedbackInput({}, 'effort', [])).toEqual({ error: 'That choice was not recognised.' });
  });
});
