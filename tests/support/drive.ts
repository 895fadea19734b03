import { TEST_SPEC, type GoalId, type RedFlagId, type Side, type TestId } from '../../src/content/ids.js';
import type { Coach } from '../../src/app/coach.js';
import { needsHip, testOfStep, type AssessmentAction } from '../../src/flows/assessment-state.js';

type SideAnswer = { rating: string; pain: number; painPlace?: string; hip?: 'front' | 'back' };
type TestAnswers = Partial<Record<string, Partial<Record<Side, SideAnswer>>>>;

/**
 * Drives an assessment through the Coach exactly as an adapter would: one action at a time, on
 * whatever step is on screen. A first assessment asks the core tests; unless `checks: false`, the
 * deferred checks are then done sitting by sitting, so the result is the plan with every test.
 */
export function driveAssessment(
  coach: Coach,
  personId: string,
  opts: {
    flags?: RedFlagId[];
    pain?: { average: number; worst: number };
    psfs?: { activity: string; score: number }[];
    tests?: TestAnswers;
    stopAfterTests?: number;
    goal?: GoalId;
    /** false: stop at the first plan and leave the deferred checks pending. */
    checks?: boolean;
  } = {},
) {
  const act = (action: AssessmentAction) => {
    const r = coach.act(personId, action);
    if (r.kind === 'continue' && r.view.notice) throw new Error(`unexpected notice: ${r.view.notice}`);
    return r;
  };
  const opened = coach.openAssessment(personId);
  if (opened.kind !== 'open') throw new Error(`cannot open: ${opened.kind}`);
  let last: ReturnType<Coach['act']> | undefined;
  for (const page of ['emergency', 'urgent', 'parq'] as const) {
    const current = coach.openAssessment(personId);
    if (current.kind !== 'open' || current.assessment.step !== `screen:${page}`) continue;
    const flagsHere = (opts.flags ?? []).filter((f) => current.view.inputs.some((i) => i.kind === 'select' && i.options.some((o) => o.value === f)));
    last = act({ type: 'screen', flags: flagsHere, confirmed: true });
    if (last.kind === 'referral') return last;
  }
  // The goal step follows the safety screen (everyday life unless the caller picks one).
  const atGoal = coach.openAssessment(personId);
  if (atGoal.kind === 'open' && atGoal.assessment.step === 'goal') {
    if (opts.goal) act({ type: 'goal', goal: opts.goal });
    act({ type: 'next' });
  }
  act({ type: 'baseline_pain', painAverage: opts.pain?.average ?? 3, painWorst: opts.pain?.worst ?? 6 });
  act({ type: 'next' });
  act({ type: 'psfs', items: opts.psfs ?? [{ activity: 'climbing stairs', score: 5 }] });
  const walked = walkTests(coach, personId, act, opts.tests, opts.stopAfterTests);
  if (walked === 'stopped') return last;
  const result = coach.act(personId, { type: 'finish' });
  if (opts.checks === false || result.kind !== 'complete') return result;
  return driveChecks(coach, personId, opts.tests) ?? result;
}

/**
 * The deferred checks, sitting by sitting, each rebuilding the plan: the last sitting's result,
 * or undefined when none were pending.
 */
export function driveChecks(coach: Coach, personId: string, tests?: TestAnswers): ReturnType<Coach['act']> | undefined {
  const act = (action: AssessmentAction) => {
    const r = coach.act(personId, action);
    if (r.kind === 'continue' && r.view.notice) throw new Error(`unexpected notice: ${r.view.notice}`);
    return r;
  };
  let result: ReturnType<Coach['act']> | undefined;
  while (coach.pendingChecks(personId).length > 0) {
    const checks = coach.startChecks(personId);
    if (checks.kind !== 'open') throw new Error(`cannot start checks: ${checks.kind}`);
    walkTests(coach, personId, act, tests);
    result = coach.act(personId, { type: 'finish' });
    if (result.kind !== 'complete') return result;
  }
  return result;
}

/** One open checks sitting walked to its review and finished (the sitting must already be open). */
export function finishOpenSitting(coach: Coach, personId: string, tests?: TestAnswers): ReturnType<Coach['act']> {
  walkTests(coach, personId, (action) => coach.act(personId, action), tests);
  return coach.act(personId, { type: 'finish' });
}

/** Answers (or skips) every test step this sitting shows, up to the review. */
function walkTests(coach: Coach, personId: string, act: (a: AssessmentAction) => ReturnType<Coach['act']>, tests: TestAnswers | undefined, stopAfter?: number): 'review' | 'stopped' {
  let done = 0;
  for (;;) {
    const step = coach.currentAssessment(personId)?.step;
    const testId = step ? testOfStep(step) : null;
    if (!testId) return 'review';
    if (stopAfter !== undefined && done >= stopAfter) return 'stopped';
    const given = tests?.[testId];
    if (tests && !given) {
      act({ type: 'skip' });
      done++;
      continue;
    }
    const sides: Side[] = TEST_SPEC[testId].sides === 'both' ? ['both'] : ['left', 'right'];
    for (const side of sides) {
      const a = given?.[side] ?? { rating: defaultRating(testId), pain: 0 };
      const partial = { rating: a.rating as never, pain: a.pain };
      // The 90/90 sit asks which hip the pain or stop came from whenever there was one.
      const hip = needsHip(testId, partial) ? { hip: (a.hip ?? 'front') as never } : {};
      act({ type: 'side', side, rating: a.rating as never, pain: a.pain, ...(a.painPlace ? { painPlace: a.painPlace as never } : {}), ...hip });
    }
    act({ type: 'next' });
    done++;
  }
}

function defaultRating(testId: TestId): string {
  return { range: 'full', strength: 'strong', comfort: 'no_pinch', hinge: 'keeps_all_contacts', stance: 'steady' }[TEST_SPEC[testId].scale];
}
