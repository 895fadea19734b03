import type { FindingDimension, PatternId, Stage, TestId } from '../content/ids.js';
import type { Severity } from './assessment.js';

/**
 * Every coaching rule the engine applies, in one table each, so a coach can read, review and
 * change them without hunting through code. Rule ids appear in every plan item's reasons and
 * in every progression decision, so changing an id changes stored explanations: add, don't rename.
 */

/** Where a finding starts its pattern: the most conservative matching stage wins. */
export interface StartRule {
  id: string;
  dimension: FindingDimension;
  severity: Severity;
  stage: Stage;
  /** Plain words for the person: why this start. */
  explain: string;
}

export const START_RULES: readonly StartRule[] = [
  {
    id: 'painful-start-comfortable',
    dimension: 'pain',
    severity: 'severe',
    stage: 'comfort',
    explain: 'this position was clearly painful, so we start with a comfortable version and build back toward it',
  },
  {
    id: 'painful-start-comfortable',
    dimension: 'pain',
    severity: 'moderate',
    stage: 'comfort',
    explain: 'this position was painful, so we start with a comfortable version and build back toward it',
  },
  {
    id: 'mild-pain-active-mobility',
    dimension: 'pain',
    severity: 'mild',
    stage: 'mobility',
    explain: 'there was some discomfort, so we start with easy active range and keep pain at 3/10 or less',
  },
  {
    id: 'limited-range-active-mobility',
    dimension: 'range',
    severity: 'severe',
    stage: 'mobility',
    explain: 'the range was limited, so we start by owning more of it actively',
  },
  {
    id: 'partial-range-active-mobility',
    dimension: 'range',
    severity: 'moderate',
    stage: 'mobility',
    explain: 'the range was partial, so we work actively at the edge of it',
  },
  {
    id: 'unable-build-from-mobility',
    dimension: 'strength',
    severity: 'severe',
    stage: 'mobility',
    explain: 'the hold was not possible yet, so we build the movement first and strength right after',
  },
  {
    id: 'weak-strength-it-can-do',
    dimension: 'strength',
    severity: 'moderate',
    stage: 'strength',
    explain: 'the hold was weak, so we start with a strength level you can do well',
  },
  {
    id: 'no-control-repattern',
    dimension: 'control',
    severity: 'severe',
    stage: 'mobility',
    explain: 'control was hard, so we relearn the movement with support first',
  },
  {
    id: 'wobbly-control-strength',
    dimension: 'control',
    severity: 'moderate',
    stage: 'strength',
    explain: 'control was shaky, so we build strength in the position',
  },
];

/**
 * Physio review E5: where a level holds a drill made for a finding, that finding picks it over
 * the level's default (engine rule `finding-picks-drill`). First drill the person can do wins.
 */
export interface FindingDrillRule {
  id: string;
  pattern: PatternId;
  /** The finding: this test rated one of these on the side. */
  test: TestId;
  ratings: readonly string[];
  /** Any pain on this test keeps the default (it trains that position gently). */
  unlessPainful: TestId;
  drills: readonly string[];
  explain: string;
}

export const FINDING_DRILL_RULES: readonly FindingDrillRule[] = [
  {
    id: 'limited-extension-lengthener',
    pattern: 'hip_extension',
    test: 'hip_extension_range',
    ratings: ['partial', 'limited'],
    unlessPainful: 'prone_hip_extension',
    drills: ['half_kneeling_hip_flexor_lengthen', 'edge_of_bed_thigh_lower'],
    explain: 'the front of the hip was tight on the home Thomas test, so the mobility level lengthens it; pain on the face-down leg lift keeps that lift instead',
  },
];

/** Patterns that enter a plan without a finding. */
export const KEEP_RULES = {
  wholeBodyLoading: {
    id: 'whole-body-loading-kept',
    stage: 'strength',
    explain: 'whole-body loading stays in every plan; it starts at a strength level and earns the loading stage',
  },
  foundation: {
    id: 'foundation-no-finding',
    stage: 'strength',
    explain: 'this tested well, so it stays in the plan as a foundation at a strength level; nothing is dropped',
  },
  trunk: {
    id: 'trunk-always-trained',
    stage: 'strength',
    explain: 'the trunk steadies the pelvis in every hip movement, so it is always trained',
  },
  notTested: {
    id: 'not-tested-start-gently',
    stage: 'mobility',
    explain: 'this was not tested, so it starts gently; a reassessment will set it properly',
  },
} as const satisfies Record<string, { id: string; stage: Stage; explain: string }>;

export const SESSION_RULES = {
  warmup: { id: 'warm-up-gentle', explain: 'a gentle warm-up for the day' },
  focusRotation: { id: 'focus-three-times-a-week', explain: 'a focus pattern, trained at least 3 times a week' },
  foundation: { id: 'foundation-when-time-allows', explain: 'kept in rotation when time allows' },
  demotedForTime: {
    id: 'moved-to-foundation-for-time',
    explain: 'more focus patterns than your minutes allow; this one joins the rotation when time allows',
  },
} as const;

/** The pain-monitoring model (Silbernagel 2007) as the spec words it. */
export const PAIN_OK_MAX = 3;
export const PAIN_ACCEPTABLE_MAX = 5;
export const MORNING_FLARE_POINTS = 2;
export const REGRESSIONS_BEFORE_REVIEW = 2;
