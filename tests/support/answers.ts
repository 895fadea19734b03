import { RED_FLAG_IDS, type RedFlagId } from '../../src/content/ids.js';
import { answersSchema, type Answers } from '../../src/coaching/assessment-answers.js';

export const NO_FLAGS = Object.fromEntries(RED_FLAG_IDS.map((id) => [id, false])) as Record<RedFlagId, boolean>;

/** A valid answers object: no red flags and no tests unless given. */
export function makeAnswers(overrides: { tests?: Record<string, unknown>; prefs?: Record<string, unknown>; redFlags?: Partial<Record<RedFlagId, boolean>>; baseline?: unknown; goal?: string } = {}): Answers {
  return answersSchema.parse({
    ...(overrides.goal === undefined ? {} : { goal: overrides.goal }),
    redFlags: { ...NO_FLAGS, ...overrides.redFlags },
    baseline: overrides.baseline ?? { painAverage: 3, painWorst: 6, psfs: [] },
    tests: overrides.tests ?? {},
    prefs: { minutes: 30, equipment: ['none'], ...overrides.prefs },
  });
}

/** Every test done, every side fine and pain-free. */
export function allClearTests(): Record<string, unknown> {
  const each = (rating: string) => ({ left: { rating, pain: 0 }, right: { rating, pain: 0 } });
  return {
    active_hip_flexion: each('full'),
    seated_knee_lift: each('strong'),
    prone_hip_extension: each('strong'),
    seated_internal_rotation: each('full'),
    seated_external_rotation: each('full'),
    ninety_ninety_sit: each('full'),
    side_lying_abduction: each('strong'),
    side_lying_adduction: each('strong'),
    flexion_adduction_comfort: each('no_pinch'),
    figure_four: each('full'),
    hip_hinge: { both: { rating: 'keeps_all_contacts', pain: 0 } },
    bodyweight_squat: { both: { rating: 'full', pain: 0 } },
    single_leg_stance: each('steady'),
    split_squat: each('full'),
    hip_extension_range: each('full'),
    single_leg_bridge: each('strong'),
  };
}
