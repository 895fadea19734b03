import { z } from 'zod';
import {
  EQUIPMENT_IDS,
  FEEDBACK_SIGNALS,
  GOAL_IDS,
  MUSCLE_IDS,
  PATTERN_IDS,
  POSITIONS,
  RED_FLAG_IDS,
  REFERRAL_LEVELS,
  SCALE_IDS,
  STAGES,
  TEST_IDS,
} from './ids.js';

/** Content ids are lower snake case so they survive custom ids, URLs and JSON keys unchanged. */
export const contentId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,47}$/, 'must be lower_snake_case, 2-48 characters');

const sentence = z.string().trim().min(3).max(600);
const shortText = z.string().trim().min(2).max(100);

/** Ordinary exercises fit a session; activity blocks (a walk, run-walk, a run) may be longer. */
const EXERCISE_MAX_MINUTES = 6;
const EXERCISE_MAX_HOLD_SECONDS = 120;
const ACTIVITY_MAX_MINUTES = 40;
const ACTIVITY_MAX_BOUT_SECONDS = 1800;

export const patternIdSchema = z.enum(PATTERN_IDS);
export const equipmentIdSchema = z.enum(EQUIPMENT_IDS);

export const dosageSchema = z
  .object({
    sets: z.number().int().min(1).max(6),
    reps: z.number().int().min(1).max(30).optional(),
    holdSeconds: z.number().int().min(5).max(ACTIVITY_MAX_BOUT_SECONDS).optional(),
    perSide: z.boolean(),
    restSeconds: z.number().int().min(0).max(180),
  })
  .strict()
  .refine((d) => (d.reps === undefined) !== (d.holdSeconds === undefined), {
    error: 'give either reps or holdSeconds, not both',
  });
export type Dosage = z.infer<typeof dosageSchema>;

/**
 * One rung of a dosage ladder (spec v2: progression inside a level). A rung counts repetitions or
 * holds, like the exercise's dosage; rest and per-side come from the dosage.
 */
export const ladderRungSchema = z
  .object({
    sets: z.number().int().min(1).max(6),
    reps: z.number().int().min(1).max(30).optional(),
    holdSeconds: z.number().int().min(5).max(ACTIVITY_MAX_BOUT_SECONDS).optional(),
  })
  .strict()
  .refine((r) => (r.reps === undefined) !== (r.holdSeconds === undefined), {
    error: 'give either reps or holdSeconds, not both',
  });
export type LadderRung = z.infer<typeof ladderRungSchema>;

/** Rungs from first to top; each asks a little more than the one before. */
export const ladderSchema = z.array(ladderRungSchema).min(2).max(6);

export const exerciseSchema = z
  .object({
    id: contentId,
    name: shortText,
    pattern: patternIdSchema,
    secondaryPatterns: z.array(patternIdSchema).default([]),
    muscles: z.array(z.enum(MUSCLE_IDS)).min(1),
    level: z.number().int().min(1).max(12),
    stage: z.enum(STAGES),
    previous: contentId.nullable(),
    next: contentId.nullable(),
    /** Set on an alternative version of a chain exercise: same level, same neighbours. */
    variantOf: contentId.optional(),
    equipment: z
      .array(equipmentIdSchema)
      .min(1)
      .refine((e) => !e.includes('none') || e.length === 1, {
        error: '"none" cannot be combined with other equipment',
      })
      .refine((e) => new Set(e).size === e.length, { error: 'equipment is listed twice' }),
    position: z.enum(POSITIONS),
    summary: sentence,
    steps: z.array(sentence).min(3).max(7),
    dosage: dosageSchema,
    cues: z.array(sentence).min(3).max(5),
    mistakes: z
      .array(z.object({ mistake: sentence, fix: sentence }).strict())
      .min(2)
      .max(4),
    ifItPinches: sentence,
    minutes: z.number().min(1).max(ACTIVITY_MAX_MINUTES).multipleOf(0.5),
    warmup: z.boolean().default(false),
    keywords: z.array(z.string().trim().min(2).max(40)).default([]),
    /**
     * Loads end-range hip flexion with internal rotation or adduction (the positions that pinch a
     * cam or pincer hip): the engine unlocks it only behind the assessment gate.
     */
    provocative: z.boolean().default(false),
    /**
     * The tests of every other pinchy position this exercise loads (deep flexion in a Cossack
     * squat, a 90/90 or a deep squat: `active_hip_flexion`, `flexion_adduction_comfort`). It is
     * offered on a side only when each was <= 3/10 with no early pinch (physio review E2).
     */
    gatedBy: z
      .array(z.enum(TEST_IDS))
      .default([])
      .refine((t) => new Set(t).size === t.length, { error: 'a test is listed twice' }),
    /** Loads one leg at a time (skater squat, step-down...): only offered on a steady, strong side. */
    singleLeg: z.boolean().default(false),
    /** The level's clinical default. At most one per level; when none is marked, the main exercise is. */
    default: z.boolean().optional(),
    /** An equipment version that may replace this level's default: the id of that default. */
    equivalentTo: contentId.optional(),
    /** Dosage ladder inside the level; its first rung is the dosage. Without it, the stage's ladder applies. */
    ladder: ladderSchema.optional(),
    /** What must be true before starting this exercise (the impact chain writes these in). */
    entryCriteria: sentence.optional(),
    /**
     * A continuous block (a walk, run-walk, a run, strides) rather than sets inside a session:
     * `minutes` is its real length and `holdSeconds` the length of each bout.
     */
    activity: z.boolean().default(false),
    /** What one bout of an activity block is (walk, run, stride): it words the dosage ("run 30 min"). */
    bout: z.enum(['walk', 'run', 'stride']).optional(),
  })
  .strict()
  .refine((e) => !e.secondaryPatterns.includes(e.pattern), {
    error: 'secondaryPatterns must not repeat the primary pattern',
    path: ['secondaryPatterns'],
  })
  .superRefine(checkActivityLimits);
export type Exercise = z.infer<typeof exerciseSchema>;

/** Session exercises keep the short limits; activity blocks must still cover their own bouts. */
function checkActivityLimits(
  e: {
    activity: boolean;
    bout?: string | undefined;
    minutes: number;
    dosage: { sets: number; holdSeconds?: number | undefined };
    ladder?: { holdSeconds?: number | undefined }[] | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  if (e.activity !== (e.bout !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['bout'], message: e.activity ? 'an activity block must say what its bout is (walk, run or stride)' : 'only an activity block (activity: true) has a bout' });
  }
  if (e.activity) {
    const boutMinutes = (e.dosage.sets * (e.dosage.holdSeconds ?? 0)) / 60;
    if (e.minutes < boutMinutes) {
      ctx.addIssue({ code: 'custom', path: ['minutes'], message: `is less than the ${boutMinutes} minutes its bouts take` });
    }
    return;
  }
  if (e.minutes > EXERCISE_MAX_MINUTES) {
    ctx.addIssue({ code: 'custom', path: ['minutes'], message: `must be at most ${EXERCISE_MAX_MINUTES} unless the exercise is an activity block (activity: true)` });
  }
  if ((e.dosage.holdSeconds ?? 0) > EXERCISE_MAX_HOLD_SECONDS) {
    ctx.addIssue({ code: 'custom', path: ['dosage', 'holdSeconds'], message: `must be at most ${EXERCISE_MAX_HOLD_SECONDS} unless the exercise is an activity block` });
  }
  (e.ladder ?? []).forEach((rung, i) => {
    if ((rung.holdSeconds ?? 0) > EXERCISE_MAX_HOLD_SECONDS) {
      ctx.addIssue({ code: 'custom', path: ['ladder', i, 'holdSeconds'], message: `must be at most ${EXERCISE_MAX_HOLD_SECONDS} unless the exercise is an activity block` });
    }
  });
}

export const goalIdSchema = z.enum(GOAL_IDS, { error: `must be one of ${GOAL_IDS.join(', ')}` });

/** The file's shape only: each exercise is checked on its own, so one bad field hides nothing else. */
export const exerciseFileSchema = z
  .object({
    pattern: patternIdSchema,
    exercises: z.array(z.unknown()).min(1),
  })
  .strict();

export const batteryTestSchema = z
  .object({
    id: z.enum(TEST_IDS),
    name: shortText,
    scale: z.enum(SCALE_IDS),
    sides: z.enum(['each', 'both']),
    /** e.g. "front leg" for tests where the rated side is the leg in front. */
    sideNote: shortText.optional(),
    position: z.enum(POSITIONS),
    purpose: sentence,
    /** The test screen's whole text (what to do, where to stop): a phone screen of 3-4 lines. */
    short: sentence.refine((t) => t.split(/\s+/).length <= 40, { error: 'keep it to 40 words or fewer (3-4 phone lines)' }),
    steps: z.array(sentence).min(3).max(8),
    notice: z.array(sentence).min(1).max(4),
    stopWhen: sentence,
    askPainPlace: z.boolean(),
    /** The 90/90 sit: ask which hip (the front leg's or the back leg's) the pain or the stop came from. */
    askWhichHip: z.boolean().default(false),
    /** Asked only for these goals (the hop test); absent means every person is asked. */
    onlyForGoals: z.array(goalIdSchema).min(1).optional(),
    informs: z
      .array(
        z
          .object({
            pattern: patternIdSchema,
            /** primary: this test is a main measure of the pattern; secondary: it adds evidence. */
            weight: z.enum(['primary', 'secondary']),
          })
          .strict(),
      )
      .min(1),
    /** Short, one-line labels for each rating of this test, shown on buttons and menus. */
    ratingHints: z.record(z.string(), shortText),
  })
  .strict();
export type BatteryTest = z.infer<typeof batteryTestSchema>;

export const batteryFileSchema = z
  .object({
    intro: sentence,
    painScale: sentence,
    tests: z.array(batteryTestSchema).length(TEST_IDS.length),
  })
  .strict();

export const redFlagSchema = z
  .object({
    id: z.enum(RED_FLAG_IDS),
    level: z.enum(REFERRAL_LEVELS),
    group: z.enum(['medical', 'parq']),
    /** A plain yes/no question a person can answer alone. */
    question: sentence,
    /** At most 100 characters: used as a select-menu label. */
    label: shortText,
    /** One "what to do now" line for this flag, added under the referral (red flags v2). */
    whatToDo: sentence,
  })
  .strict();
export type RedFlag = z.infer<typeof redFlagSchema>;

export const redFlagFileSchema = z
  .object({
    intro: sentence,
    flags: z.array(redFlagSchema).length(RED_FLAG_IDS.length),
    referrals: z
      .object({
        emergency: z.string().trim().min(50).max(1200),
        urgent: z.string().trim().min(50).max(1200),
        /** Two or more urgent flags together: be seen this week, no reassurance. */
        severalUrgent: z.string().trim().min(50).max(1200),
        /** The message is about somebody else: information for them; the asker's plan is untouched. */
        someoneElse: z.string().trim().min(50).max(1200),
        /** Not clear who it is about: asked before anything is paused. */
        unclear: sentence,
        cleared: sentence,
      })
      .strict(),
  })
  .strict();

export const baselineFileSchema = z
  .object({
    painAverageQuestion: sentence,
    painWorstQuestion: sentence,
    psfsIntro: sentence,
    psfsExamples: z.array(shortText).min(3),
    psfsScoreQuestion: sentence,
  })
  .strict();

export const troubleshootingTopicSchema = z
  .object({
    id: contentId,
    title: shortText,
    /** Feedback signals after which the bot shows this topic without being asked. */
    showWhen: z.array(z.enum(FEEDBACK_SIGNALS)).default([]),
    patterns: z.array(patternIdSchema).default([]),
    keywords: z.array(z.string().trim().min(2).max(40)).min(3),
    summary: sentence,
    whyItHappens: z.string().trim().min(20).max(900),
    whatToTry: z.array(sentence).min(3).max(7),
    whenToGetHelp: sentence,
    relatedExercises: z.array(contentId).default([]),
  })
  .strict();
export type TroubleshootingTopic = z.infer<typeof troubleshootingTopicSchema>;

export const troubleshootingFileSchema = z
  .object({ topics: z.array(troubleshootingTopicSchema).min(12) })
  .strict();

export const manifestSchema = z
  .object({
    version: z.string().regex(/^\d{4}\.\d{1,2}\.\d{1,3}$/, 'must look like 2026.11.0'),
  })
  .strict();

export const faqEntrySchema = z
  .object({
    id: contentId,
    question: z.string().trim().min(8).max(150),
    /** Other ways people ask it, in their own words ("groin pinch", "tight hips"). */
    alsoAsked: z.array(z.string().trim().min(3).max(120)).min(2).max(12),
    keywords: z.array(z.string().trim().min(2).max(40)).min(3).max(20),
    answer: z.string().trim().min(120).max(1400),
    relatedExercises: z.array(contentId).default([]),
    relatedTopics: z.array(contentId).default([]),
  })
  .strict();
export type FaqEntry = z.infer<typeof faqEntrySchema>;

export const faqFileSchema = z.object({ entries: z.array(faqEntrySchema).min(30) }).strict();
