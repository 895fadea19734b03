import { z } from 'zod';
import {
  DEFAULT_GOAL,
  EQUIPMENT_IDS,
  GOAL_IDS,
  NINETY_NINETY_HIPS,
  PAIN_PLACES,
  RED_FLAG_IDS,
  SCALES,
  TEST_IDS,
  TEST_SPEC,
  type EquipmentId,
  type GoalId,
  type NinetyNinetyHip,
  type PainPlace,
  type Rating,
  type RedFlagId,
  type TestId,
} from '../content/ids.js';

/**
 * The answers file: the stable contract between the CLI, the bot's stored assessments and the
 * rules engine. Every field is checked here, so nothing downstream needs to re-validate.
 */

export const painScore = z
  .number({ error: 'must be a whole number from 0 to 10' })
  .int('must be a whole number from 0 to 10')
  .min(0, 'must be a whole number from 0 to 10')
  .max(10, 'must be a whole number from 0 to 10');

const hipSchema = z.enum(NINETY_NINETY_HIPS, { error: `must be one of ${NINETY_NINETY_HIPS.join(', ')}` });

function sideResultSchema(testId: TestId) {
  const ratings = SCALES[TEST_SPEC[testId].scale].ratings as readonly [Rating, ...Rating[]];
  const base = {
    rating: z.enum(ratings, { error: `must be one of ${ratings.join(', ')}` }),
    pain: painScore,
    painPlace: z.enum(PAIN_PLACES, { error: `must be one of ${PAIN_PLACES.join(', ')}` }).optional(),
  };
  // Only the 90/90 sit says which hip the pain or the stop came from (front leg's or back leg's).
  if (testId === 'ninety_ninety_sit') return z.object({ ...base, hip: hipSchema.optional() }).strict();
  return z.object(base).strict();
}
export interface SideResult {
  rating: Rating;
  pain: number;
  painPlace?: PainPlace | undefined;
  /** 90/90 sit only: the hip the pain or the stop came from; absent reads as the front leg's. */
  hip?: NinetyNinetyHip | undefined;
}

function testResultSchema(testId: TestId) {
  const side = sideResultSchema(testId);
  if (TEST_SPEC[testId].sides === 'both') return z.object({ both: side }).strict();
  return z
    .object({ left: side.optional(), right: side.optional() })
    .strict()
    .refine((t) => t.left !== undefined || t.right !== undefined, {
      error: 'needs a result for "left", "right" or both (leave the test out to skip it)',
    });
}
export type TestResult = { both: SideResult } | { left?: SideResult | undefined; right?: SideResult | undefined };

const testsShape = Object.fromEntries(TEST_IDS.map((id) => [id, testResultSchema(id).optional()])) as {
  [K in TestId]: z.ZodOptional<ReturnType<typeof testResultSchema>>;
};

const redFlagsShape = Object.fromEntries(
  RED_FLAG_IDS.map((id) => [id, z.boolean({ error: 'must be true or false' })]),
) as { [K in RedFlagId]: z.ZodBoolean };

export const psfsItemSchema = z
  .object({
    activity: z.string().trim().min(2, 'must name an activity').max(100, 'must be at most 100 characters'),
    score: painScore.describe('0 = unable, 10 = as before the problem'),
  })
  .strict();

export const baselineSchema = z
  .object({
    painAverage: painScore,
    painWorst: painScore,
    psfs: z.array(psfsItemSchema).max(3, 'name at most 3 activities').default([]),
  })
  .strict()
  .refine((b) => b.painWorst >= b.painAverage, {
    error: 'worst pain cannot be lower than average pain',
    path: ['painWorst'],
  });
export type Baseline = z.output<typeof baselineSchema>;

export const MINUTES_MIN = 10;
export const MINUTES_MAX = 60;
export const DEFAULT_MINUTES = 20;

export const minutesSchema = z
  .number({ error: `must be a whole number of minutes from ${MINUTES_MIN} to ${MINUTES_MAX}` })
  .int(`must be a whole number of minutes from ${MINUTES_MIN} to ${MINUTES_MAX}`)
  .min(MINUTES_MIN, `must be at least ${MINUTES_MIN} minutes`)
  .max(MINUTES_MAX, `must be at most ${MINUTES_MAX} minutes`);

export const equipmentListSchema = z
  .array(z.enum(EQUIPMENT_IDS, { error: `must be one of ${EQUIPMENT_IDS.join(', ')}` }))
  .max(EQUIPMENT_IDS.length);

export const prefsSchema = z
  .object({
    minutes: minutesSchema.default(DEFAULT_MINUTES),
    equipment: equipmentListSchema.default(['none']),
  })
  .strict();
export interface Prefs {
  minutes: number;
  equipment: readonly EquipmentId[];
}

export const goalSchema = z.enum(GOAL_IDS, { error: `must be one of ${GOAL_IDS.join(', ')}` });
export type { GoalId };

export const answersSchema = z
  .object({
    redFlags: z.object(redFlagsShape).strict(),
    baseline: baselineSchema.optional(),
    tests: z.object(testsShape).strict().default({}),
    prefs: prefsSchema.default({ minutes: DEFAULT_MINUTES, equipment: ['none'] }),
    /** What the person trains for (spec v2); it shapes the loading phase, never the findings. */
    goal: goalSchema.default(DEFAULT_GOAL),
  })
  .strict();
export type Answers = z.output<typeof answersSchema>;
export type Tests = Answers['tests'];

/** Sorted, de-duplicated equipment with "none" always present: order in the input never matters. */
export function normaliseEquipment(list: readonly EquipmentId[]): EquipmentId[] {
  const set = new Set<EquipmentId>(list);
  set.add('none');
  return EQUIPMENT_IDS.filter((e) => set.has(e));
}

/** One line per problem, naming the field: the CLI and the bot show these as they are. */
export function describeZodError(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys
        .map((k) => `${[...path, k].join('.')}: is not a known field${hintFor(path, k)}`)
        .join('\n');
    }
    const field = path.length ? path.join('.') : '(top level)';
    // A missing field reads as "is required", unless the schema wrote its own "is not set ..." guidance.
    const missing = issue.code === 'invalid_type' && issue.input === undefined && !issue.message.startsWith('is not set');
    const message = missing ? 'is required' : issue.message;
    return `${field}: ${message}`;
  });
}

function hintFor(path: string[], key: string): string {
  if (path.length === 1 && path[0] === 'tests') return ` (unknown test id "${key}")`;
  if (path.length === 1 && path[0] === 'redFlags') return ` (unknown red-flag id "${key}")`;
  return '';
}
