import { z } from 'zod';
import { ALL_RATINGS, EVERYONE_TEST_IDS, PAIN_PLACES, RED_FLAG_IDS, TEST_IDS, type Rating, type TestId } from '../content/ids.js';
import { painScore, psfsItemSchema } from './assessment-answers.js';

/**
 * The assessment's steps and its draft (answers so far), as stored after every step. Data shapes
 * only: the state machine that moves between steps is `src/flows/assessment-state.ts`.
 */

export const SCREEN_PAGES = ['emergency', 'urgent', 'parq'] as const;
export type ScreenPage = (typeof SCREEN_PAGES)[number];

export type Step =
  | `screen:${ScreenPage}`
  | 'baseline:pain'
  | 'baseline:psfs'
  | `test:${TestId}`
  | 'review';

export const STEPS: readonly Step[] = [
  ...SCREEN_PAGES.map((p) => `screen:${p}` as const),
  'baseline:pain',
  'baseline:psfs',
  // Goal-only tests (the hop test) are not in the walk until onboarding asks for the goal.
  ...EVERYONE_TEST_IDS.map((t) => `test:${t}` as const),
  'review',
];

export const stepSchema = z.enum(STEPS as [Step, ...Step[]]);

const partialSide = z
  .object({
    rating: z.enum(ALL_RATINGS as [Rating, ...Rating[]]).optional(),
    pain: painScore.optional(),
    painPlace: z.enum(PAIN_PLACES).optional(),
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
  })
  .strict();
export type AssessmentDraft = z.output<typeof draftSchema>;

export function emptyDraft(): AssessmentDraft {
  return { redFlags: {}, baseline: {}, tests: {}, skipped: [] };
}
