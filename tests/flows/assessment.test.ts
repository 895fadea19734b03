import { describe, expect, it } from 'vitest';
import { getLibrary } from '../../src/content/load.js';
import { confirmFlagsName, parseAssessmentInput, parsePsfsForm, parsePsfsLine } from '../../src/flows/assessment-input.js';
import {
  emptyDraft,
  reduceAssessment,
  STEPS,
  stepsForGoal,
  type AssessmentAction,
  type AssessmentContext,
  type AssessmentState,
} from '../../src/flows/assessment-state.js';
import { assessmentView } from '../../src/views/assessment-view.js';

const library = getLibrary();
const ctx: AssessmentContext = { flags: library.redFlags.flags, prefs: { minutes: 20, equipment: ['none'] } };
const start: AssessmentState = { step: 'screen:emergency', draft: emptyDraft() };

function run(actions: AssessmentAction[], state = start) {
  let s = state;
  let last = reduceAssessment(s, { type: 'back' }, ctx);
  for (const a of actions) {
    last = reduceAssessment(s, a, ctx);
    s = last.state;
  }
  return { state: s, last };
}

describe('assessment flow', () => {
  it('walks the two safety pages, then the goal, then the baseline, in order', () => {
    // Two pages since issue 13's budgets (the PAR-Q questions joined the urgent page); all 19 flags are still asked.
    const { state } = run([{ type: 'screen', flags: [] }, { type: 'screen', flags: [] }]);
    expect(state.step).toBe('goal');
    expect(run([{ type: 'next' }], state).state.step).toBe('baseline:pain');
    expect(Object.values(state.draft.redFlags).filter((v) => !v)).toHaveLength(19);
  });

  it('checks a ticked flag first, then ends with a referral once the person says it is right', () => {
    const { state, last } = run([{ type: 'screen', flags: [] }, { type: 'screen', flags: ['weight_loss_or_night_sweats'] }]);
    expect(last).toMatchObject({ kind: 'confirm_flags', flags: ['weight_loss_or_night_sweats'] });
    // The check changes nothing: the page is unanswered until "That's right".
    expect(state.step).toBe('screen:urgent');
    expect(state.draft.redFlags.weight_loss_or_night_sweats).toBeUndefined();
    const confirmed = reduceAssessment(state, { type: 'screen', flags: ['weight_loss_or_night_sweats'], confirmed: true }, ctx);
    expect(confirmed.kind).toBe('referral');
    expect(confirmed.kind === 'referral' && confirmed.flags).toEqual(['weight_loss_or_night_sweats']);
  });

  it('"I ticked this by mistake" stays on the same safety page with nothing stored', () => {
    const { state } = run([{ type: 'screen', flags: [] }, { type: 'screen', flags: ['weight_loss_or_night_sweats'] }]);
    const undone = reduceAssessment(state, { type: 'untick' }, ctx);
    expect(undone).toMatchObject({ kind: 'continue', state });
    expect(undone.kind === 'continue' && undone.notice).toMatch(/Nothing was saved/);
  });

  it('carries the ticked flags in the confirm button and reads them back, rejecting forged codes', () => {
    const name = confirmFlagsName(['night_or_constant_pain', 'cancer_history']);
    expect(parseAssessmentInput(name, [])).toEqual({ ok: true, action: { type: 'screen', flags: ['night_or_constant_pain', 'cancer_history'], confirmed: true } });
    expect(parseAssessmentInput('flagsok:zz', [])).toMatchObject({ ok: false });
    expect(parseAssessmentInput('flagsok:', [])).toMatchObject({ ok: false });
    expect(parseAssessmentInput('untick', [])).toEqual({ ok: true, action: { type: 'untick' } });
  });

  it('rejects a flag that is not on the current page and changes nothing', () => {
    const r = reduceAssessment(start, { type: 'screen', flags: ['under_18'] }, ctx);
    expect(r).toMatchObject({ kind: 'continue', state: start });
    expect(r.kind === 'continue' && r.notice).toMatch(/do not match this page/);
  });

  it('will not move on from a test until each side has a rating and a pain score, but can skip it', () => {
    const atTest: AssessmentState = { step: 'test:figure_four', draft: emptyDraft() };
    const blocked = reduceAssessment(atTest, { type: 'next' }, ctx);
    expect(blocked.state).toBe(atTest);
    expect(blocked.kind === 'continue' && blocked.notice).toMatch(/the left side: a rating.*the right side: a pain score.*or Skip/);
    const skipped = reduceAssessment(atTest, { type: 'skip' }, ctx).state;
    expect(skipped.step).toBe('test:hip_hinge');
    expect(skipped.draft.skipped).toEqual(['figure_four']);
    const back = reduceAssessment(skipped, { type: 'back' }, ctx).state;
    expect(back.step).toBe('test:figure_four');
  });

  it('rejects a rating from another scale and a side the test does not have', () => {
    const atHinge: AssessmentState = { step: 'test:hip_hinge', draft: emptyDraft() };
    expect(reduceAssessment(atHinge, { type: 'side', side: 'left', pain: 1 }, ctx)).toMatchObject({ state: atHinge, notice: 'That side does not apply to this test.' });
    expect(reduceAssessment(atHinge, { type: 'side', side: 'both', rating: 'full' }, ctx)).toMatchObject({ state: atHinge, notice: 'That rating does not belong to this test.' });
  });

  it('forgets the pain place when pain goes back to 0', () => {
    const at: AssessmentState = { step: 'test:figure_four', draft: emptyDraft() };
    const withPlace = run([{ type: 'side', side: 'left', rating: 'partial', pain: 3, painPlace: 'back' }], at).state;
    expect(withPlace.draft.tests.figure_four?.left?.painPlace).toBe('back');
    const noPain = run([{ type: 'side', side: 'left', pain: 0 }], withPlace).state;
    expect(noPain.draft.tests.figure_four?.left).toEqual({ rating: 'partial', pain: 0 });
  });

  it('does not go back into the safety questions', () => {
    const at: AssessmentState = { step: 'goal', draft: emptyDraft() };
    expect(reduceAssessment(at, { type: 'back' }, ctx).state.step).toBe('goal');
    expect(reduceAssessment({ step: 'baseline:pain', draft: emptyDraft() }, { type: 'back' }, ctx).state.step).toBe('goal');
  });

  it('finishes into answers that match the answers-file contract', () => {
    const actions: AssessmentAction[] = [
      { type: 'screen', flags: [] },
      { type: 'screen', flags: [] },
      { type: 'screen', flags: [] },
      { type: 'next' },
      { type: 'baseline_pain', painAverage: 3, painWorst: 5 },
      { type: 'next' },
      { type: 'psfs', items: [{ activity: 'socks', score: 4 }] },
      { type: 'side', side: 'left', rating: 'limited', pain: 4, painPlace: 'front' },
      { type: 'side', side: 'right', rating: 'full', pain: 0 },
      { type: 'next' },
      ...stepsForGoal('daily_life').filter((s) => s.startsWith('test:') && s !== 'test:active_hip_flexion').map((): AssessmentAction => ({ type: 'skip' })),
      { type: 'finish' },
    ];
    const { last } = run(actions);
    expect(last.kind).toBe('complete');
    if (last.kind !== 'complete') return;
    expect(last.answers.tests).toEqual({ active_hip_flexion: { left: { rating: 'limited', pain: 4, painPlace: 'front' }, right: { rating: 'full', pain: 0 } } });
    expect(last.answers.baseline).toEqual({ painAverage: 3, painWorst: 5, psfs: [{ activity: 'socks', score: 4 }] });
    expect(last.answers.prefs).toEqual({ minutes: 20, equipment: ['none'] });
    expect(last.answers.goal).toBe('daily_life');
  });

  it('asks the hop test only for running and field or court sport, and stores the goal', () => {
    const afterGoal = (goal: 'running' | 'lifting') => run([{ type: 'goal', goal }, { type: 'next' }], { step: 'goal', draft: emptyDraft() }).state;
    const beforeHop = STEPS[STEPS.indexOf('test:single_leg_hop') - 1]!;
    const running = afterGoal('running');
    expect(running.draft.goal).toBe('running');
    expect(reduceAssessment({ step: beforeHop, draft: running.draft }, { type: 'skip' }, ctx).state.step).toBe('test:single_leg_hop');
    const lifting = afterGoal('lifting');
    expect(reduceAssessment({ step: beforeHop, draft: lifting.draft }, { type: 'skip' }, ctx).state.step).not.toBe('test:single_leg_hop');
    const late = reduceAssessment({ step: 'baseline:pain', draft: lifting.draft }, { type: 'goal', goal: 'running' }, ctx);
    expect(late.kind === 'continue' && late.notice).toMatch(/goal question/);
    expect(late.state.draft.goal).toBe('lifting');
  });

  it('asks which hip on the 90/90 sit once it hurt or stopped short, and keeps the answer', () => {
    const at: AssessmentState = { step: 'test:ninety_ninety_sit', draft: emptyDraft() };
    const hurt = run([{ type: 'side', side: 'left', rating: 'partial', pain: 3, painPlace: 'front' }, { type: 'side', side: 'right', rating: 'full', pain: 0 }], at);
    const blocked = reduceAssessment(hurt.state, { type: 'next' }, ctx);
    expect(blocked.kind === 'continue' && blocked.notice).toMatch(/the left side: which hip it came from/);
    const answered = run([{ type: 'side', side: 'left', hip: 'back' }], hurt.state).state;
    expect(answered.draft.tests.ninety_ninety_sit?.left?.hip).toBe('back');
    expect(reduceAssessment(answered, { type: 'next' }, ctx).state.step).not.toBe('test:ninety_ninety_sit');
    const onOther = reduceAssessment({ step: 'test:figure_four', draft: emptyDraft() }, { type: 'side', side: 'left', hip: 'front' }, ctx);
    expect(onOther.kind === 'continue' && onOther.notice).toMatch(/90\/90/);
    const review: AssessmentState = { step: 'review', draft: answered.draft };
    const done = reduceAssessment(review, { type: 'finish' }, ctx);
    expect(done.kind === 'complete' && (done.answers.tests.ninety_ninety_sit as { left?: unknown } | undefined)?.left).toEqual({ rating: 'partial', pain: 3, painPlace: 'front', hip: 'back' });
  });

  it('screens the activities people write for red flags, like a ticked box', () => {
    const at: AssessmentState = { step: 'baseline:psfs', draft: emptyDraft() };
    const r = reduceAssessment(at, { type: 'psfs', items: [{ activity: 'walking since I fell and now cannot put weight on my leg', score: 1 }] }, ctx);
    expect(r.kind).toBe('referral');
    expect(r.kind === 'referral' && r.flags).toEqual(['trauma_cannot_bear_weight']);
    const fine = reduceAssessment(at, { type: 'psfs', items: [{ activity: 'getting into the car', score: 4 }] }, ctx);
    expect(fine.kind).toBe('continue');
  });

  it('still asks the PAR-Q questions of an assessment stored on the old third safety page', () => {
    const { state } = run([{ type: 'screen', flags: [] }]);
    const legacy: AssessmentState = { step: 'screen:parq', draft: state.draft };
    expect(reduceAssessment(legacy, { type: 'screen', flags: ['pregnancy_not_cleared'] }, ctx)).toMatchObject({ kind: 'confirm_flags', flags: ['pregnancy_not_cleared'] });
    const done = reduceAssessment(legacy, { type: 'screen', flags: [] }, ctx).state;
    expect(done.step).toBe('goal');
    expect(done.draft.redFlags.chest_pain_or_dizziness_on_exertion).toBe(false);
    // On the new path page 2 carries them, so the old page is walked past.
    expect(reduceAssessment({ step: 'screen:urgent', draft: state.draft }, { type: 'screen', flags: ['chest_pain_or_dizziness_on_exertion'] }, ctx)).toMatchObject({ kind: 'confirm_flags' });
  });

  it('skips a safety page whose every flag a clinician cleared', () => {
    const flags = library.redFlags.flags.filter((f) => f.group !== 'parq');
    const r = reduceAssessment({ step: 'screen:urgent', draft: emptyDraft() }, { type: 'screen', flags: [] }, { ...ctx, flags });
    expect(r.state.step).toBe('goal');
  });
});

describe('parsing inputs from components and prompts', () => {
  it('maps input names to actions and rejects bad values with a friendly message', () => {
    expect(parseAssessmentInput('rating:left', ['partial'])).toEqual({ ok: true, action: { type: 'side', side: 'left', rating: 'partial' } });
    expect(parseAssessmentInput('goal', ['running'])).toEqual({ ok: true, action: { type: 'goal', goal: 'running' } });
    expect(parseAssessmentInput('goal', ['marathon'])).toMatchObject({ ok: false });
    expect(parseAssessmentInput('hip:left', ['back'])).toEqual({ ok: true, action: { type: 'side', side: 'left', hip: 'back' } });
    expect(parseAssessmentInput('hip:left', ['middle'])).toMatchObject({ ok: false });
    expect(parseAssessmentInput('pain:both', ['7'])).toEqual({ ok: true, action: { type: 'side', side: 'both', pain: 7 } });
    expect(parseAssessmentInput('pain:left', ['11'])).toEqual({ ok: false, error: 'Pain must be a whole number from 0 to 10.' });
    expect(parseAssessmentInput('rating:middle', ['full'])).toEqual({ ok: false, error: 'That side was not recognised.' });
    expect(parseAssessmentInput('flags', ['not_a_flag'])).toMatchObject({ ok: false });
    expect(parseAssessmentInput('none', [])).toEqual({ ok: true, action: { type: 'screen', flags: [] } });
    expect(parseAssessmentInput('teleport', [])).toEqual({ ok: false, error: 'That choice was not recognised.' });
  });

  it('reads PSFS lines in the forms people type', () => {
    expect(parsePsfsLine('putting on socks: 4')).toEqual({ activity: 'putting on socks', score: 4 });
    expect(parsePsfsLine('Running 10/10')).toEqual({ activity: 'Running', score: 10 });
    expect(parsePsfsLine('stairs - 7')).toEqual({ activity: 'stairs', score: 7 });
    expect(parsePsfsLine('stairs: 12')).toEqual({ error: 'The score for "stairs" must be from 0 to 10.' });
    expect(parsePsfsLine('no score here')).toHaveProperty('error');
    expect(parsePsfsForm(['a b: 1', '', 'c d: 2'])).toEqual({ ok: true, action: { type: 'psfs', items: [{ activity: 'a b', score: 1 }, { activity: 'c d', score: 2 }] } });
  });
});

describe('assessment views', () => {
  it('shows a test step as a short screen: one side, its questions, How to do it, Next disabled until complete', () => {
    const view = assessmentView({ step: 'test:split_squat', draft: emptyDraft() }, library, library.redFlags.flags);
    expect(view.title).toBe(`${library.testById.get('split_squat')!.name}: left side (front leg)`);
    expect(view.footer).toBe('Test 14 of 16');
    expect(view.body).toContain(library.testById.get('split_squat')!.short);
    expect(view.body).toContain('Still needed: a rating, a pain score.');
    // The best rating's meaning is on the screen itself, as the buttons show no descriptions.
    expect(view.body).toContain(`**Full** = ${library.testById.get('split_squat')!.ratingHints.full!.replace(/^./, (c) => c.toLowerCase())}.`);
    expect(view.inputs.map((i) => i.name)).toEqual(['rating:left', 'pain:left', 'how', 'back', 'skip', 'pause', 'next']);
    expect(view.inputs.find((i) => i.name === 'next')).toMatchObject({ disabled: true });
    const leftDone = assessmentView({ step: 'test:split_squat', draft: { ...emptyDraft(), tests: { split_squat: { left: { rating: 'full', pain: 0 } } } } }, library, library.redFlags.flags);
    expect(leftDone.title).toContain('right side');
    expect(leftDone.inputs.map((i) => i.name).slice(0, 2)).toEqual(['rating:right', 'pain:right']);
    // The move to the second side is said, so a glance shows the screen moved on.
    expect(leftDone.body.split('\n\n')[0]).toBe('✓ Left side saved. Now your **right** side.');
    expect(view.body).not.toContain('saved. Now your');
    const rightStarted = assessmentView({ step: 'test:split_squat', draft: { ...emptyDraft(), tests: { split_squat: { left: { rating: 'full', pain: 0 }, right: { pain: 0 } } } } }, library, library.redFlags.flags);
    expect(rightStarted.body).not.toContain('saved. Now your');
    expect(view.privacy).toBe('private');
    const withPain = assessmentView({ step: 'test:split_squat', draft: { ...emptyDraft(), tests: { split_squat: { left: { pain: 3 } } } } }, library, library.redFlags.flags);
    expect(withPain.inputs.map((i) => i.name)).toContain('place:left');
  });

  it('says where the person is within each part: safety pages, then about you, then tests', () => {
    const at = (step: string) => assessmentView({ step: step as never, draft: emptyDraft() }, library, library.redFlags.flags).footer;
    expect(assessmentView({ step: 'screen:urgent', draft: emptyDraft() }, library, library.redFlags.flags).title).toMatch(/^Safety check 2 of 2/);
    expect(at('screen:urgent')).toBeUndefined();
    expect(at('goal')).toBe('About you · 1 of 3');
    expect(at('baseline:psfs')).toBe('About you · 3 of 3');
  });

  it('keeps every select within Discord limits (25 options, 100-character labels)', () => {
    for (const step of STEPS) {
      const view = assessmentView({ step, draft: emptyDraft() }, library, library.redFlags.flags);
      for (const input of view.inputs) {
        if (input.kind !== 'select') continue;
        expect(input.options.length).toBeLessThanOrEqual(25);
        for (const o of input.options) {
          expect(o.label.length).toBeLessThanOrEqual(100);
          expect((o.description ?? '').length).toBeLessThanOrEqual(100);
        }
        expect(input.placeholder.length).toBeLessThanOrEqual(150);
      }
    }
  });
});
