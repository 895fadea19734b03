import { z } from 'zod';
import {
  RED_FLAG_IDS,
  SCALES,
  TEST_IDS,
  TEST_SPEC,
  type BodySide,
  type GoalId,
  type NinetyNinetyHip,
  type PainPlace,
  type Rating,
  type RedFlagId,
  type Side,
  type TestId,
} from '../content/ids.js';
import { answersSchema, psfsItemSchema, type Answers, type Prefs } from '../coaching/assessment-answers.js';
import { STEPS, deferredAfter, goalOf, testAskedFor, testsInSitting, type AssessmentDraft, type PartialSide, type ScreenPage, type Step } from '../coaching/assessment-draft.js';
import { readRedFlags } from '../coaching/red-flags/engine.js';

/**
 * The assessment as a pure state machine: (state, action) -> state. Stored after every step,
 * so a person can stop anywhere and resume exactly there, from Discord or the console.
 */

export { CHECKS_PER_SITTING, CORE_TESTS, SCREEN_PAGES, STEPS, deferredAfter, draftSchema, testsInSitting, emptyDraft, goalOf, stepSchema, stepsForGoal, testAskedFor, testsForGoal } from '../coaching/assessment-draft.js';
export type { AssessmentDraft, PartialSide, ScreenPage, Step } from '../coaching/assessment-draft.js';

export interface AssessmentState {
  step: Step;
  draft: AssessmentDraft;
}

export type AssessmentAction =
  /** Ticked flags; `confirmed` once the person has said "That's right" on the check screen. */
  | { type: 'screen'; flags: RedFlagId[]; confirmed?: boolean }
  /** "I ticked this by mistake": back to the same safety page, nothing stored. */
  | { type: 'untick' }
  | { type: 'goal'; goal: GoalId }
  | { type: 'baseline_pain'; painAverage?: number; painWorst?: number }
  | { type: 'psfs'; items: { activity: string; score: number }[] }
  | { type: 'side'; side: Side; rating?: Rating; pain?: number; painPlace?: PainPlace; hip?: NinetyNinetyHip }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'skip' }
  | { type: 'finish' };

export type AssessmentResult =
  | { kind: 'continue'; state: AssessmentState; notice?: string }
  | { kind: 'referral'; state: AssessmentState; flags: RedFlagId[] }
  /** Flags were ticked: ask "You ticked: ... [That's right] [I ticked this by mistake]" first; the state is unchanged. */
  | { kind: 'confirm_flags'; state: AssessmentState; flags: RedFlagId[] }
  | { kind: 'complete'; state: AssessmentState; answers: Answers; deferred: TestId[] };

/**
 * The safety check is two pages: the emergency signs, then every urgent one (the PAR-Q questions
 * included), so the path to a first plan fits issue 13's 40 interactions. The old third page
 * ("parq") still lists its questions for an assessment stored there, and is walked past once
 * page 2 has answered them.
 */
export function flagsOnPage(page: ScreenPage, flags: readonly FlagInfo[]): RedFlagId[] {
  return flags
    .filter((f) => (page === 'emergency' ? f.level === 'emergency' : page === 'parq' ? f.group === 'parq' : f.level === 'urgent'))
    .map((f) => f.id);
}

export function testOfStep(step: Step): TestId | null {
  return step.startsWith('test:') ? (step.slice(5) as TestId) : null;
}

export function sidesOf(testId: TestId): Side[] {
  return TEST_SPEC[testId].sides === 'both' ? ['both'] : (['left', 'right'] satisfies BodySide[]);
}

/** What is still missing before the current step can move on (empty: ready). */
export function missingOnStep(state: AssessmentState): string[] {
  const { step, draft } = state;
  if (step === 'baseline:pain') {
    const missing: string[] = [];
    if (draft.baseline.painAverage === undefined) missing.push('your average pain');
    if (draft.baseline.painWorst === undefined) missing.push('your worst pain');
    return missing;
  }
  const testId = testOfStep(step);
  if (!testId) return [];
  const results = draft.tests[testId] ?? {};
  return sidesOf(testId).flatMap((side) => {
    const r = results[side];
    const label = side === 'both' ? '' : `the ${side} side: `;
    const missing: string[] = [];
    if (r?.rating === undefined) missing.push(`${label}a rating`);
    if (r?.pain === undefined) missing.push(`${label}a pain score`);
    else if (needsHip(testId, r) && r.hip === undefined) missing.push(`${label}which hip it came from`);
    return missing;
  });
}

/**
 * What one side of a test still needs before it is complete: a rating, a pain score, the pain's
 * place once it hurt (every test asks it) and, on the 90/90 sit, which hip.
 */
export function neededOnSide(testId: TestId, r: PartialSide | undefined): string[] {
  const missing: string[] = [];
  if (r?.rating === undefined) missing.push('a rating');
  if (r?.pain === undefined) missing.push('a pain score');
  else if (r.pain > 0 && r.painPlace === undefined) missing.push('where it hurt');
  if (needsHip(testId, r) && r?.hip === undefined) missing.push('which hip it came from');
  return missing;
}

/** What a screen still needs before it is complete: Discord's Next waits for it, and auto-advance moves on with it. */
export function stillNeeded(state: AssessmentState): string[] {
  const testId = testOfStep(state.step);
  if (!testId) return missingOnStep(state);
  const results = state.draft.tests[testId] ?? {};
  return sidesOf(testId).flatMap((side) => neededOnSide(testId, results[side]).map((m) => (side === 'both' ? m : `the ${side} side: ${m}`)));
}

/**
 * The 90/90 sit asks which hip the pain or the stop came from once there was one: pain above 0 or
 * a rating short of full (the stop).
 */
export function needsHip(testId: TestId, side: PartialSide | undefined): boolean {
  if (testId !== 'ninety_ninety_sit' || side === undefined) return false;
  return (side.pain !== undefined && side.pain > 0) || (side.rating !== undefined && side.rating !== 'full');
}

export interface AssessmentContext {
  /** The red flags to ask: all of them, minus urgent ones a clinician has already cleared. */
  flags: readonly FlagInfo[];
  prefs: Prefs;
  /**
   * Discord's short screens: an answer that completes a test, the pain step or the goal moves on by
   * itself (no Next press). The console asks every question and moves on itself, so it leaves this off.
   */
  autoAdvance?: boolean;
}
type FlagInfo = { id: RedFlagId; level: string; group: string };

function move(state: AssessmentState, by: 1 | -1, flags: readonly FlagInfo[]): AssessmentState {
  let index = STEPS.indexOf(state.step);
  do {
    index = Math.min(Math.max(index + by, 0), STEPS.length - 1);
  } while ((isEmptyScreen(STEPS[index]!, flags, state.draft) || !walkedInSitting(STEPS[index]!, state.draft)) && index > 0 && index < STEPS.length - 1);
  // A checks sitting has nothing before its first test: going back from there stays put.
  if (!walkedInSitting(STEPS[index]!, state.draft)) return state;
  return { ...state, step: STEPS[index]! };
}

/**
 * Whether this sitting walks a step: goal-only tests (the hop) are walked past for other goals,
 * deferred tests wait for a later sitting, and a checks sitting is its tests and the review only.
 */
export function walkedInSitting(step: Step, draft: AssessmentDraft): boolean {
  const testId = testOfStep(step);
  if (testId === null) return !draft.checksOnly || step === 'review';
  return testAskedFor(testId, goalOf(draft)) && testsInSitting(draft).includes(testId);
}

/** A safety page with nothing left to ask: no flags on it, or (the old third page) all answered on page 2. */
function isEmptyScreen(step: Step, flags: readonly FlagInfo[], draft: AssessmentDraft): boolean {
  if (!step.startsWith('screen:')) return false;
  const onPage = flagsOnPage(step.slice(7) as ScreenPage, flags);
  return onPage.length === 0 || (step === 'screen:parq' && onPage.every((id) => draft.redFlags[id] !== undefined));
}

/** With auto-advance on, the answer that completes a step moves on; a change to a complete step stays. */
function advanced(before: AssessmentState, after: AssessmentState, ctx: AssessmentContext): AssessmentState {
  if (!ctx.autoAdvance || stillNeeded(before).length === 0 || stillNeeded(after).length > 0) return after;
  return move(after, 1, ctx.flags);
}

/** Screens are done in order and cannot be skipped: back from the first screen stays there. */
export function reduceAssessment(
  state: AssessmentState,
  action: AssessmentAction,
  ctx: AssessmentContext,
): AssessmentResult {
  const { step, draft } = state;
  const cont = (s: AssessmentState, notice?: string): AssessmentResult =>
    notice === undefined ? { kind: 'continue', state: s } : { kind: 'continue', state: s, notice };

  switch (action.type) {
    case 'screen': {
      if (!step.startsWith('screen:')) return cont(state, 'That answer belongs to the safety questions, which are already done.');
      const page = step.slice(7) as ScreenPage;
      const onPage = flagsOnPage(page, ctx.flags);
      const stray = action.flags.filter((f) => !onPage.includes(f));
      if (stray.length > 0) return cont(state, 'Those answers do not match this page; please answer again.');
      // A tick is checked before it counts: one slip must not stop the plan.
      if (action.flags.length > 0 && action.confirmed !== true) return { kind: 'confirm_flags', state, flags: RED_FLAG_IDS.filter((f) => action.flags.includes(f)) };
      const redFlags = { ...draft.redFlags };
      for (const id of onPage) redFlags[id] = action.flags.includes(id);
      const next: AssessmentState = { step, draft: { ...draft, redFlags } };
      if (action.flags.length > 0) return { kind: 'referral', state: next, flags: RED_FLAG_IDS.filter((id) => redFlags[id] === true) };
      return cont(move(next, 1, ctx.flags));
    }
    case 'untick': {
      if (!step.startsWith('screen:')) return cont(state, 'The safety questions are already done.');
      return cont(state, 'Nothing was saved. Tick only what applies to you, or choose "None of these".');
    }
    case 'goal': {
      if (step !== 'goal') return cont(state, 'That answer is for the goal question, which is not on screen now.');
      const chosen: AssessmentState = { step, draft: { ...draft, goal: action.goal } };
      return cont(ctx.autoAdvance ? move(chosen, 1, ctx.flags) : chosen);
    }
    case 'baseline_pain': {
      if (step !== 'baseline:pain') return cont(state, 'That answer is for the pain questions, which are not on screen now.');
      const baseline = { ...draft.baseline };
      if (action.painAverage !== undefined) baseline.painAverage = action.painAverage;
      if (action.painWorst !== undefined) baseline.painWorst = action.painWorst;
      return cont(advanced(state, { step, draft: { ...draft, baseline } }, ctx));
    }
    case 'psfs': {
      if (step !== 'baseline:psfs') return cont(state, 'That answer is for the activities question, which is not on screen now.');
      const parsed = z.array(psfsItemSchema).max(3).safeParse(action.items);
      if (!parsed.success) return cont(state, 'Please give up to 3 activities, each with a score from 0 to 10.');
      // Free text is screened too: a red flag written here stops the assessment like a ticked one.
      const written = readRedFlags(parsed.data.map((p) => p.activity).join('. ')).flags;
      if (written.length > 0) {
        const redFlags = { ...draft.redFlags, ...Object.fromEntries(written.map((f) => [f, true])) };
        return { kind: 'referral', state: { step, draft: { ...draft, redFlags } }, flags: RED_FLAG_IDS.filter((id) => redFlags[id] === true) };
      }
      return cont(move({ step, draft: { ...draft, baseline: { ...draft.baseline, psfs: parsed.data } } }, 1, ctx.flags));
    }
    case 'side': {
      const testId = testOfStep(step);
      if (!testId) return cont(state, 'That answer is for a movement test, which is not on screen now.');
      if (!sidesOf(testId).includes(action.side)) return cont(state, 'That side does not apply to this test.');
      const scale: readonly Rating[] = SCALES[TEST_SPEC[testId].scale].ratings;
      if (action.rating !== undefined && !scale.includes(action.rating)) return cont(state, 'That rating does not belong to this test.');
      const current = draft.tests[testId] ?? {};
      const side: PartialSide = { ...current[action.side] };
      if (action.rating !== undefined) side.rating = action.rating;
      if (action.pain !== undefined) {
        side.pain = action.pain;
        if (action.pain === 0) delete side.painPlace;
      }
      if (action.painPlace !== undefined) side.painPlace = action.painPlace;
      if (action.hip !== undefined) {
        if (testId !== 'ninety_ninety_sit') return cont(state, 'That question belongs to the 90/90 sit.');
        side.hip = action.hip;
      }
      if (!needsHip(testId, side)) delete side.hip;
      const skipped = draft.skipped.filter((t) => t !== testId);
      return cont(advanced(state, { step, draft: { ...draft, skipped, tests: { ...draft.tests, [testId]: { ...current, [action.side]: side } } } }, ctx));
    }
    case 'next': {
      if (step.startsWith('screen:')) return cont(state, 'Please answer the safety questions: tick what applies, or choose "None of these".');
      if (step === 'review') return cont(state, 'Everything is answered: choose "Build my plan" to finish.');
      const missing = missingOnStep(state);
      if (missing.length > 0) {
        const canSkip = testOfStep(step) !== null ? ' or Skip this test' : '';
        return cont(state, `Please choose ${missing.join(', ')} first${canSkip}.`);
      }
      return cont(move(state, 1, ctx.flags));
    }
    case 'back': {
      const index = STEPS.indexOf(step);
      // Going back into the safety screen would re-open answered questions for no benefit.
      if (index <= STEPS.indexOf('goal')) return cont(state, 'The safety questions are done; this is the first step you can change.');
      return cont(move(state, -1, ctx.flags));
    }
    case 'skip': {
      const testId = testOfStep(step);
      if (step === 'baseline:psfs') return cont(move({ step, draft: { ...draft, baseline: { ...draft.baseline, psfs: [] } } }, 1, ctx.flags));
      if (!testId) return cont(state, 'This step cannot be skipped.');
      const tests = Object.fromEntries(Object.entries(draft.tests).filter(([id]) => id !== testId));
      const skipped = [...draft.skipped.filter((t) => t !== testId), testId];
      return cont(move({ step, draft: { ...draft, tests, skipped } }, 1, ctx.flags));
    }
    case 'finish': {
      if (step !== 'review') return cont(state, 'Please finish the remaining steps first.');
      const answers = draftToAnswers(draft, ctx.prefs);
      if (!answers.ok) return cont(state, answers.error);
      return { kind: 'complete', state, answers: answers.answers, deferred: deferredAfter(draft) };
    }
  }
}

/** Turn a finished draft into the answers-file contract, checked by the same schema as the CLI. */
export function draftToAnswers(
  draft: AssessmentDraft,
  prefs: Prefs,
): { ok: true; answers: Answers } | { ok: false; error: string } {
  type SideAnswer = { rating: Rating; pain: number; painPlace?: PainPlace; hip?: NinetyNinetyHip };
  const tests: Record<string, Record<string, SideAnswer>> = {};
  const goal = goalOf(draft);
  for (const testId of TEST_IDS) {
    const results = draft.tests[testId];
    // A hop answered before the goal was changed away from running is not this person's test.
    if (!results || draft.skipped.includes(testId) || !testAskedFor(testId, goal) || !testsInSitting(draft).includes(testId)) continue;
    const sides: Record<string, SideAnswer> = {};
    for (const side of sidesOf(testId)) {
      const r = results[side];
      if (r?.rating === undefined || r.pain === undefined) continue;
      sides[side] = {
        rating: r.rating,
        pain: r.pain,
        ...(r.painPlace && r.pain > 0 ? { painPlace: r.painPlace } : {}),
        ...(r.hip && needsHip(testId, r) ? { hip: r.hip } : {}),
      };
    }
    if (Object.keys(sides).length > 0) tests[testId] = sides;
  }
  const redFlags = Object.fromEntries(RED_FLAG_IDS.map((id) => [id, draft.redFlags[id] === true]));
  const { painAverage, painWorst, psfs } = draft.baseline;
  const candidate = {
    redFlags,
    ...(painAverage !== undefined && painWorst !== undefined ? { baseline: { painAverage, painWorst, psfs: psfs ?? [] } } : {}),
    tests,
    prefs: { minutes: prefs.minutes, equipment: [...prefs.equipment] },
    goal,
  };
  const parsed = answersSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, error: `Some answers need another look: ${parsed.error.issues[0]?.message ?? 'unknown problem'}.` };
  return { ok: true, answers: parsed.data };
}
