import { z } from 'zod';
import {
  ALL_RATINGS,
  DEFAULT_GOAL,
  GOAL_IDS,
  NINETY_NINETY_HIPS,
  PAIN_PLACES,
  RED_FLAG_IDS,
  TEST_GOALS,
  TEST_IDS,
  type GoalId,
  type Rating,
  type TestId,
} from '../content/ids.js';
import { painScore, psfsItemSchema } from './assessment-answers.js';

/**
 * The assessment's steps and its draft (answers so far), as stored after every step. Data shapes
 * only: the state machine that moves between steps is `src/flows/assessment-state.ts`.
 */

export const SCREEN_PAGES = ['emergency', 'urgent', 'parq'] as const;
export type ScreenPage = (typeof SCREEN_PAGES)[number];

export type Step =
  | `screen:${ScreenPage}`
  | 'goal'
  | 'baseline:pain'
  | 'baseline:psfs'
  | `test:${TestId}`
  | 'review';

export const STEPS: readonly Step[] = [
  ...SCREEN_PAGES.map((p) => `screen:${p}` as const),
  // The goal comes straight after the safety screen: it decides which tests are asked.
  'goal',
  'baseline:pain',
  'baseline:psfs',
  ...TEST_IDS.map((t) => `test:${t}` as const),
  'review',
];

/** The goal a draft works with: the person's choice, or the spec's default until they choose. */
export function goalOf(draft: AssessmentDraft): GoalId {
  return draft.goal ?? DEFAULT_GOAL;
}

/** Whether a test is asked for this goal (the hop test only for running and field or court sport). */
export function testAskedFor(testId: TestId, goal: GoalId): boolean {
  const goals = TEST_GOALS[testId];
  return goals === undefined || goals.includes(goal);
}

/**
 * The core tests: the ones that build the first plan in one sitting. They carry the engine's
 * gates (single-leg: stance and abduction; painful flexion-rotation: internal rotation and the
 * knee-to-opposite-shoulder comfort test) and are the primary evidence for 7 of the 12 patterns
 * (hip flexion and extension, internal rotation, flexion-rotation, abduction, single-leg balance,
 * squat). The rest are deferred: two at a time in the first week (docs/COACHING.md).
 */
export const CORE_TESTS: readonly TestId[] = [
  'active_hip_flexion',
  'seated_internal_rotation',
  'side_lying_abduction',
  'flexion_adduction_comfort',
  'bodyweight_squat',
  'single_leg_stance',
  'single_leg_bridge',
];

/** Deferred tests come this many at a time ("Two quick checks today"). */
export const CHECKS_PER_SITTING = 2;

/** The tests this sitting walks: the draft's own list when it has one, else every test for the goal. */
export function testsInSitting(draft: AssessmentDraft): TestId[] {
  const forGoal = testsForGoal(goalOf(draft));
  return draft.asked ? forGoal.filter((t) => draft.asked!.includes(t)) : forGoal;
}

/** The tests left for later sittings once this one finishes. */
export function deferredAfter(draft: AssessmentDraft): TestId[] {
  if (draft.checksOnly) return [...(draft.later ?? [])];
  if (!draft.asked) return [];
  return testsForGoal(goalOf(draft)).filter((t) => !draft.asked!.includes(t));
}

/** The tests asked for a goal, in spec order. */
export function testsForGoal(goal: GoalId): TestId[] {
  return TEST_IDS.filter((t) => testAskedFor(t, goal));
}

/** The steps walked for a goal: a goal-only test's step is left out for other goals. */
export function stepsForGoal(goal: GoalId): Step[] {
  return STEPS.filter((s) => !s.startsWith('test:') || testAskedFor(s.slice(5) as TestId, goal));
}

export const stepSchema = z.enum(STEPS as [Step, ...Step[]]);

const partialSide = z
  .object({
    rating: z.enum(ALL_RATINGS as [Rating, ...Rating[]]).optional(),
    pain: painScore.optional(),
    painPlace: z.enum(PAIN_PLACES).optional(),
    /** 90/90 sit only: which hip the pain or the stop came from. */
    hip: z.enum(NINETY_NINETY_HIPS).optional(),
  })
  .strict();
export type PartialSide = z.infer<typeof partialSide>;

/** Stored as JSON; parsed on load so a damaged row can never crash a flow. */
export const draftSchema = z
  .object({
    redFlags: z.partialRecord(z.enum(RED_FLAG_IDS), z.boolean()).default({}),
    baseline: z
      .object({
        painAverage: painScore.optional(),
        painWorst: painScore.optional(),
        psfs: z.array(psfsItemSchema).max(3).optional(),
      })
      .strict()
      .default({}),
    tests: z
      .partialRecord(
        z.enum(TEST_IDS),
        z.partialRecord(z.enum(['left', 'right', 'both']), partialSide),
      )
      .default({}),
    skipped: z.array(z.enum(TEST_IDS)).default([]),
    /** Absent until the person answers the goal step (drafts stored before v2 have none). */
    goal: z.enum(GOAL_IDS).optional(),
    /** The tests this sitting walks (absent: every test for the goal). A first plan asks CORE_TESTS. */
    asked: z.array(z.enum(TEST_IDS)).optional(),
    /** A sitting of deferred checks: its tests and the review only (no safety, goal or baseline). */
    checksOnly: z.boolean().optional(),
    /** Deferred tests still to come after this sitting; on a completed assessment, what is pending. */
    later: z.array(z.enum(TEST_IDS)).optional(),
  })
  .strict();
export type AssessmentDraft = z.output<typeof draftSchema>;

export function emptyDraft(): AssessmentDraft {
  return { redFlags: {}, baseline: {}, tests: {}, skipped: [] };
}
