import type { RedFlagId } from '../../content/ids.js';
import type { Concept } from './lexicon.js';

/**
 * Red-flag rules as reviewable data: each is a combination of lexicon concepts that must all occur,
 * not negated, within `window` words of each other. `unless` lists concepts that cancel the match
 * when they occur within the same window (an exercise context, "years ago"). `emergency` raises the
 * referral level above the flag's own (a sudden painful testicle, a pulsing lump).
 *
 * Read alongside the phrase table in phrases.ts, which catches fixed expressions; the
 * engine reports a flag when either finds it.
 */
export interface ConceptRule {
  readonly flag: RedFlagId;
  /** What the rule catches, in plain words (for reviewers and test names). */
  readonly note: string;
  readonly all: readonly Concept[];
  /** Largest distance in words between the first and last concept; default 14. */
  readonly window?: number;
  readonly unless?: readonly Concept[];
  readonly emergency?: boolean;
}

export const DEFAULT_WINDOW = 14;

/** Context that cancels a phrase-table match for a flag too (within a few words of it). */
export const PHRASE_VETOES: Readonly<Partial<Record<RedFlagId, readonly Concept[]>>> = {
  chest_pain_or_dizziness_on_exertion: ['POSITIONAL'],
  groin_lump_or_abdominal_symptoms: ['CHECKED_CLEAR'],
  stress_fracture_signs: ['CHECKED_CLEAR'],
};

/**
 * Flags that describe who someone is rather than a symptom (an age, a history, a pregnancy). About
 * somebody else they count only when the message also mentions a symptom: "my daughter is 14 and
 * laughs at my exercises" needs nothing; "my 14 year old's hip hurts" does.
 */
export const STATUS_FLAGS: readonly RedFlagId[] = ['cancer_history', 'long_term_steroids', 'childhood_hip_condition_or_surgery', 'under_18', 'pregnancy_not_cleared'];

export const CONCEPT_RULES: readonly ConceptRule[] = [
  // Emergency
  { flag: 'trauma_cannot_bear_weight', note: 'a fall or injury, then cannot stand, walk or take weight', all: ['FALL', 'CANNOT_BEAR_WEIGHT'], window: 30, unless: ['EXERCISE_CONTEXT'] },
  { flag: 'trauma_cannot_bear_weight', note: 'a leg or hip that looks broken or out of place', all: ['DEFORMED'], unless: ['PAST_DATE', 'EXERCISE_CONTEXT'] },
  { flag: 'hot_swollen_joint_fever', note: 'a hot, red or swollen joint with fever or feeling unwell', all: ['HOT_JOINT', 'FEVER'], window: 25 },
  { flag: 'hot_swollen_joint_fever', note: 'a joint infection named', all: ['JOINT_INFECTION'] },
  { flag: 'hot_swollen_joint_fever', note: 'hot or swollen joint after an injection or operation', all: ['RECENT_PROCEDURE', 'HOT_JOINT', 'HIP_OR_GROIN_PAIN'], window: 20 },
  { flag: 'saddle_numbness_or_bladder_bowel', note: 'numbness in the saddle area, in any words', all: ['NUMB', 'SADDLE_AREA'], window: 8, unless: ['EXERCISE_CONTEXT', 'POSITIONAL'] },
  { flag: 'saddle_numbness_or_bladder_bowel', note: 'new incontinence of bladder or bowel', all: ['INCONTINENCE'] },
  { flag: 'saddle_numbness_or_bladder_bowel', note: 'cannot pass urine or open the bowels', all: ['RETENTION'] },
  { flag: 'saddle_numbness_or_bladder_bowel', note: 'weakness in both legs', all: ['BOTH_LEGS', 'WEAK'], window: 8, unless: ['EXERCISE_CONTEXT'] },
  { flag: 'cold_pale_leg', note: 'a cold leg or foot that is pale, white, blue or mottled', all: ['COLD', 'PALE', 'LIMB'], window: 10 },
  { flag: 'cold_pale_leg', note: 'a pale, white or blue leg with severe or sudden pain', all: ['PALE', 'LIMB', 'SEVERE_PAIN'], window: 12 },
  { flag: 'cold_pale_leg', note: 'a leg or foot gone cold suddenly with pain', all: ['SUDDEN', 'COLD', 'LIMB', 'SEVERE_PAIN'], window: 14 },
  { flag: 'dvt_signs', note: 'a clot or DVT named', all: ['CLOT_WORD'] },
  { flag: 'dvt_signs', note: 'a swollen, warm, red or painful calf or leg after surgery, birth, travel or bed rest', all: ['CALF_OR_ONE_LEG', 'CLOT_SIGN', 'CLOT_RISK'], window: 30 },
  { flag: 'dvt_signs', note: 'a calf that is swollen and warm, red or tender', all: ['CALF_OR_ONE_LEG', 'HOT_JOINT', 'CLOT_SIGN'], window: 10, unless: ['EXERCISE_CONTEXT'] },
  { flag: 'sudden_numbness_or_weakness', note: 'sudden numbness or weakness', all: ['SUDDEN', 'NUMB'], window: 10, unless: ['EXERCISE_CONTEXT', 'POSITIONAL'] },
  { flag: 'sudden_numbness_or_weakness', note: 'sudden weakness in a leg, face or arm', all: ['SUDDEN', 'WEAK'], window: 8, unless: ['EXERCISE_CONTEXT'] },
  { flag: 'sudden_numbness_or_weakness', note: 'numbness or weakness in the face or an arm', all: ['FACE_OR_ARM', 'NUMB'], window: 6, unless: ['EXERCISE_CONTEXT', 'POSITIONAL'] },
  { flag: 'sudden_numbness_or_weakness', note: 'stroke signs: a drooping face, slurred speech', all: ['STROKE_SIGN'] },
  // Urgent
  { flag: 'fall_older_adult', note: 'a fall at 60 or over, or an older relative who fell', all: ['FALL', 'AGE_60_PLUS'], window: 30 },
  { flag: 'fall_older_adult', note: 'a fall with thin bones', all: ['FALL', 'THIN_BONES'], window: 40 },
  { flag: 'night_or_constant_pain', note: 'pain at night that nothing settles', all: ['NIGHT_WAKING', 'NOT_SETTLING'], window: 16 },
  { flag: 'night_or_constant_pain', note: 'pain that is constant or there at rest', all: ['CONSTANT', 'PAIN'], window: 8, unless: ['EXERCISE_CONTEXT'] },
  { flag: 'weight_loss_or_night_sweats', note: 'weight loss without trying', all: ['WEIGHT_LOSS', 'UNINTENDED'], window: 16 },
  { flag: 'weight_loss_or_night_sweats', note: 'drenching night sweats', all: ['NIGHT_SWEATS'] },
  { flag: 'cancer_history', note: 'cancer, its treatments and its medicines, now or in the past', all: ['CANCER'] },
  { flag: 'progressive_numbness_or_weakness', note: 'numbness or weakness that keeps getting worse', all: ['NUMB', 'GETTING_WORSE'], window: 10 },
  { flag: 'progressive_numbness_or_weakness', note: 'a leg getting weaker', all: ['WEAK', 'GETTING_WORSE', 'LIMB'], window: 10, unless: ['EXERCISE_CONTEXT'] },
  { flag: 'progressive_numbness_or_weakness', note: 'foot drop', all: ['FOOT_DROP'] },
  { flag: 'long_term_steroids', note: 'steroid tablets for months or years', all: ['STEROID_TABLET', 'LONG_TIME'], window: 14 },
  { flag: 'stress_fracture_signs', note: 'pain on hopping', all: ['HOP_PAIN'] },
  { flag: 'stress_fracture_signs', note: 'a stress fracture or bone stress named', all: ['STRESS_FRACTURE_WORD'], unless: ['CHECKED_CLEAR'] },
  { flag: 'stress_fracture_signs', note: 'groin or hip pain after more running or jumping', all: ['MORE_TRAINING', 'IMPACT', 'GROIN_PAIN'], window: 20 },
  { flag: 'stress_fracture_signs', note: 'bone-stress risk (missed periods, under-eating, breastfeeding) with impact and pain', all: ['BONE_STRESS_RISK', 'IMPACT'], window: 40 },
  { flag: 'groin_lump_or_abdominal_symptoms', note: 'a lump or bulge in the groin', all: ['LUMP', 'GROIN'], window: 8, unless: ['EXERCISE_CONTEXT'] },
  { flag: 'groin_lump_or_abdominal_symptoms', note: 'a bulge on coughing or straining', all: ['LUMP', 'COUGH_STRAIN'], window: 10 },
  { flag: 'groin_lump_or_abdominal_symptoms', note: 'a hernia', all: ['HERNIA'], unless: ['CHECKED_CLEAR'] },
  { flag: 'groin_lump_or_abdominal_symptoms', note: 'a pulsing lump: an emergency', all: ['LUMP', 'PULSING'], window: 8, emergency: true },
  { flag: 'groin_lump_or_abdominal_symptoms', note: 'a painful or swollen testicle: an emergency', all: ['TESTICLE', 'PAIN'], window: 8, emergency: true },
  { flag: 'groin_lump_or_abdominal_symptoms', note: 'a swollen testicle: an emergency', all: ['TESTICLE', 'HOT_JOINT'], window: 8, emergency: true },
  { flag: 'groin_lump_or_abdominal_symptoms', note: 'blood in the urine', all: ['BLOOD_URINE'] },
  { flag: 'groin_lump_or_abdominal_symptoms', note: 'tummy pain', all: ['TUMMY_PAIN'], unless: ['EXERCISE_CONTEXT'] },
  { flag: 'childhood_hip_condition_or_surgery', note: 'a childhood hip condition', all: ['CHILDHOOD_HIP'] },
  { flag: 'childhood_hip_condition_or_surgery', note: 'any hip operation', all: ['HIP_SURGERY'], unless: ['FUTURE_OR_OTHERS_SURGERY'] },
  { flag: 'under_18', note: 'an age under 18', all: ['AGE_UNDER_18'] },
  { flag: 'under_18', note: 'a teenager or school year', all: ['UNDER_18_WORD'] },
  { flag: 'rapidly_worsening', note: 'getting worse fast', all: ['GETTING_WORSE', 'FAST'], window: 6 },
  { flag: 'chest_pain_or_dizziness_on_exertion', note: 'chest pain or palpitations with effort', all: ['CHEST', 'EXERTION'], window: 14 },
  { flag: 'chest_pain_or_dizziness_on_exertion', note: 'dizziness or fainting with effort', all: ['DIZZY', 'EXERTION'], window: 14, unless: ['POSITIONAL'] },
  { flag: 'pregnancy_not_cleared', note: 'pregnant', all: ['PREGNANT'], unless: ['CLEARED'] },
  { flag: 'pregnancy_not_cleared', note: 'recently gave birth', all: ['POSTPARTUM'], unless: ['CLEARED', 'LONG_AGO'] },
];
