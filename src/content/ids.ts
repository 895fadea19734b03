/**
 * Stable ids from the coaching spec. Code, content files, the answers file and exports all use
 * exactly these strings, so they live in one place and everything else derives from them.
 */

export const PATTERN_IDS = [
  'hip_flexion',
  'hip_extension',
  'internal_rotation',
  'external_rotation',
  'abduction',
  'adduction',
  'flexion_rotation',
  'hip_hinge',
  'squat',
  'split_stance',
  'single_leg_balance',
  'trunk',
  'impact',
] as const;
export type PatternId = (typeof PATTERN_IDS)[number];

export const PATTERN_LABELS: Record<PatternId, string> = {
  hip_flexion: 'Hip flexion',
  hip_extension: 'Hip extension',
  internal_rotation: 'Internal rotation',
  external_rotation: 'External rotation',
  abduction: 'Abduction',
  adduction: 'Adduction',
  flexion_rotation: 'Flexion with rotation',
  hip_hinge: 'Hip hinge',
  squat: 'Squat',
  split_stance: 'Split stance',
  single_leg_balance: 'Single-leg balance',
  trunk: 'Trunk',
  impact: 'Impact and running',
};

/** The same patterns in everyday words, for the screens a new person reads (plan, results). */
export const PATTERN_PLAIN: Record<PatternId, string> = {
  hip_flexion: 'bending the hip',
  hip_extension: 'straightening the hip',
  internal_rotation: 'turning the hip in',
  external_rotation: 'turning the hip out',
  abduction: 'leg out to the side',
  adduction: 'leg in toward the other',
  flexion_rotation: 'deep bend with a turn',
  hip_hinge: 'hip hinge',
  squat: 'squat',
  split_stance: 'lunge stance',
  single_leg_balance: 'one-leg balance',
  trunk: 'trunk',
  impact: 'hops and running',
};

/**
 * Patterns that only goals open (spec v2: `impact` for running and field or court sport). Their
 * chain may be empty while content is being written; every other pattern is in every plan.
 */
export const GOAL_PATTERNS: readonly PatternId[] = ['impact'];

/** Whole-body loading patterns are always kept in a plan, whatever the assessment found. */
export const WHOLE_BODY_PATTERNS: readonly PatternId[] = ['hip_hinge', 'squat', 'split_stance'];

export const TEST_IDS = [
  'active_hip_flexion',
  'seated_knee_lift',
  'prone_hip_extension',
  'seated_internal_rotation',
  'seated_external_rotation',
  'ninety_ninety_sit',
  'side_lying_abduction',
  'side_lying_adduction',
  'flexion_adduction_comfort',
  'figure_four',
  'hip_hinge',
  'bodyweight_squat',
  'single_leg_stance',
  'split_squat',
  'hip_extension_range',
  'single_leg_bridge',
  'single_leg_hop',
] as const;
export type TestId = (typeof TEST_IDS)[number];

/** Rating scales: ids are the contract; the order is best to worst. */
export const SCALES = {
  range: { dimension: 'range', ratings: ['full', 'partial', 'limited'] },
  strength: { dimension: 'strength', ratings: ['strong', 'weak', 'unable'] },
  comfort: { dimension: 'pain', ratings: ['no_pinch', 'pinch_near_end', 'pinch_early'] },
  hinge: { dimension: 'control', ratings: ['keeps_all_contacts', 'loses_one', 'cannot'] },
  stance: { dimension: 'control', ratings: ['steady', 'wobbly', 'cannot'] },
} as const;
export type ScaleId = keyof typeof SCALES;
export const SCALE_IDS = Object.keys(SCALES) as ScaleId[];
export type Rating = (typeof SCALES)[ScaleId]['ratings'][number];
export const ALL_RATINGS = [...new Set(SCALE_IDS.flatMap((s) => SCALES[s].ratings))] as Rating[];

/** The scale and sides of every battery test, as the spec fixes them (content may not change these). */
export const TEST_SPEC: Record<TestId, { scale: ScaleId; sides: 'each' | 'both' }> = {
  active_hip_flexion: { scale: 'range', sides: 'each' },
  seated_knee_lift: { scale: 'strength', sides: 'each' },
  prone_hip_extension: { scale: 'strength', sides: 'each' },
  seated_internal_rotation: { scale: 'range', sides: 'each' },
  seated_external_rotation: { scale: 'range', sides: 'each' },
  ninety_ninety_sit: { scale: 'range', sides: 'each' },
  side_lying_abduction: { scale: 'strength', sides: 'each' },
  side_lying_adduction: { scale: 'strength', sides: 'each' },
  flexion_adduction_comfort: { scale: 'comfort', sides: 'each' },
  figure_four: { scale: 'range', sides: 'each' },
  hip_hinge: { scale: 'hinge', sides: 'both' },
  bodyweight_squat: { scale: 'range', sides: 'both' },
  single_leg_stance: { scale: 'stance', sides: 'each' },
  split_squat: { scale: 'range', sides: 'each' },
  hip_extension_range: { scale: 'range', sides: 'each' },
  single_leg_bridge: { scale: 'strength', sides: 'each' },
  single_leg_hop: { scale: 'stance', sides: 'each' },
};

/**
 * What a person trains for (spec v2). A goal never changes what the assessment found; it shapes
 * the loading phase once the loading stage is reached.
 */
export const GOAL_IDS = [
  'daily_life',
  'walking_hiking',
  'running',
  'field_court_sport',
  'lifting',
  'flexibility_sport',
] as const;
export type GoalId = (typeof GOAL_IDS)[number];
export const DEFAULT_GOAL: GoalId = 'daily_life';
export const GOAL_LABELS: Record<GoalId, string> = {
  daily_life: 'Everyday life: walking, stairs, sitting, getting up and down',
  walking_hiking: 'Walking and hiking',
  running: 'Running',
  field_court_sport: 'Field or court sport (football, tennis, basketball...)',
  lifting: 'Lifting and gym strength',
  flexibility_sport: 'Yoga, dance, martial arts or climbing',
};

/** Tests asked only for some goals (spec v2: the hop test is for running and field or court sport). */
export const TEST_GOALS: Partial<Record<TestId, readonly GoalId[]>> = {
  single_leg_hop: ['running', 'field_court_sport'],
};

/** Tests asked of every person, in spec order; goal-only tests are added for their goals. */
export const EVERYONE_TEST_IDS: readonly TestId[] = TEST_IDS.filter((t) => TEST_GOALS[t] === undefined);

/**
 * The 90/90 sit: which hip the pain or the stop came from. The named side is the front leg; the
 * front hip turns out, the back hip (the other side) turns in.
 */
export const NINETY_NINETY_HIPS = ['front', 'back'] as const;
export type NinetyNinetyHip = (typeof NINETY_NINETY_HIPS)[number];
export const NINETY_NINETY_HIP_LABELS: Record<NinetyNinetyHip, string> = {
  front: "The front leg's hip",
  back: "The back leg's hip",
};

export const RATING_LABELS: Record<Rating, string> = {
  full: 'Full: easy and complete',
  partial: 'Partial: some way, not all',
  limited: 'Limited: only a little',
  strong: 'Strong: held it steadily',
  weak: 'Weak: shaky or short of the time',
  unable: 'Unable: could not do it',
  no_pinch: 'No pinch',
  pinch_near_end: 'Pinch near the end',
  pinch_early: 'Pinch early on',
  keeps_all_contacts: 'Kept all three contacts',
  loses_one: 'Lost one contact',
  cannot: 'Could not do it',
  steady: 'Steady',
  wobbly: 'Wobbly',
};

export const FINDING_DIMENSIONS = ['pain', 'range', 'strength', 'control'] as const;
export type FindingDimension = (typeof FINDING_DIMENSIONS)[number];

export const SIDES = ['left', 'right'] as const;
export type BodySide = (typeof SIDES)[number];
export type Side = BodySide | 'both';

export const PAIN_PLACES = ['front', 'side', 'back'] as const;
export type PainPlace = (typeof PAIN_PLACES)[number];
export const PAIN_PLACE_LABELS: Record<PainPlace, string> = {
  // Named by body part only, so "back" never reads like the Previous button beside it.
  front: 'Groin / front',
  side: 'Outer hip',
  back: 'Buttock',
};

export const RED_FLAG_IDS = [
  'trauma_cannot_bear_weight',
  'hot_swollen_joint_fever',
  'saddle_numbness_or_bladder_bowel',
  'cold_pale_leg',
  'dvt_signs',
  'sudden_numbness_or_weakness',
  'fall_older_adult',
  'night_or_constant_pain',
  'weight_loss_or_night_sweats',
  'cancer_history',
  'progressive_numbness_or_weakness',
  'long_term_steroids',
  'stress_fracture_signs',
  'groin_lump_or_abdominal_symptoms',
  'childhood_hip_condition_or_surgery',
  'under_18',
  'rapidly_worsening',
  'chest_pain_or_dizziness_on_exertion',
  'pregnancy_not_cleared',
] as const;
export type RedFlagId = (typeof RED_FLAG_IDS)[number];

export const EMERGENCY_FLAG_IDS: readonly RedFlagId[] = [
  'trauma_cannot_bear_weight',
  'hot_swollen_joint_fever',
  'saddle_numbness_or_bladder_bowel',
  'cold_pale_leg',
  'dvt_signs',
  'sudden_numbness_or_weakness',
];

export const REFERRAL_LEVELS = ['emergency', 'urgent'] as const;
export type ReferralLevel = (typeof REFERRAL_LEVELS)[number];

export const EQUIPMENT_IDS = ['none', 'band', 'chair', 'wall', 'dowel', 'weight'] as const;
export type EquipmentId = (typeof EQUIPMENT_IDS)[number];
export const EQUIPMENT_LABELS: Record<EquipmentId, string> = {
  none: 'No equipment',
  band: 'Resistance band',
  chair: 'Sturdy chair',
  wall: 'A clear wall',
  dowel: 'Dowel or broomstick',
  weight: 'Dumbbell or kettlebell',
};

/**
 * Where an exercise sits on its chain. Rules pick a starting stage from a finding; the chain
 * decides which level that is. Order matters: easiest first.
 */
export const STAGES = ['comfort', 'mobility', 'strength', 'loading'] as const;
export type Stage = (typeof STAGES)[number];

export const MUSCLE_IDS = [
  'iliopsoas',
  'rectus_femoris',
  'quadriceps',
  'hamstrings',
  'glute_max',
  'glute_med_min',
  'deep_rotators',
  'tfl',
  'adductors',
  'obliques',
  'abdominals',
  'back_extensors',
  'calves_feet',
] as const;
export type MuscleId = (typeof MUSCLE_IDS)[number];
export const MUSCLE_LABELS: Record<MuscleId, string> = {
  iliopsoas: 'hip flexors (iliopsoas)',
  rectus_femoris: 'rectus femoris',
  quadriceps: 'quadriceps',
  hamstrings: 'hamstrings',
  glute_max: 'gluteus maximus',
  glute_med_min: 'gluteus medius and minimus',
  deep_rotators: 'deep hip rotators',
  tfl: 'TFL',
  adductors: 'adductors (inner thigh)',
  obliques: 'obliques',
  abdominals: 'deep abdominals',
  back_extensors: 'back extensors',
  calves_feet: 'calves and feet',
};

export const POSITIONS = [
  'lying_on_back',
  'lying_face_down',
  'lying_on_side',
  'hands_and_knees',
  'kneeling',
  'half_kneeling',
  'sitting_on_floor',
  'sitting_on_chair',
  'standing',
  'split_stance',
] as const;
export type Position = (typeof POSITIONS)[number];

export const EFFORTS = ['easy', 'right', 'hard'] as const;
export type Effort = (typeof EFFORTS)[number];
export const FORMS = ['good', 'struggled'] as const;
export type Form = (typeof FORMS)[number];

/** Feedback signals that can trigger a troubleshooting topic, derived deterministically. */
export const FEEDBACK_SIGNALS = [
  'pain_moderate',
  'pain_high',
  'effort_hard',
  'form_struggled',
  'morning_flare',
  'regressed_twice',
  'no_progress',
] as const;
export type FeedbackSignal = (typeof FEEDBACK_SIGNALS)[number];
