import type { TestId } from '../content/ids.js';
import type { Finding } from './assessment.js';

/**
 * Education a person's own test results point to (content v2): the conditions that look like FAI
 * but need different advice. Each rule reads the plan's findings only, so the same results always
 * show the same topics, and the reason says which result raised it. Topics that need answers the
 * assessment does not ask (after childbirth, hypermobility, pain from the back) are found by the
 * Q&A retrieval instead; see docs/CONTENT.md.
 */
export interface EducationRule {
  /** A troubleshooting topic id in the content library. */
  topic: string;
  /** Why it is shown, in the person's terms; completes "Shown because ...". */
  because: string;
  applies: (findings: readonly Finding[]) => boolean;
}

const onTest = (findings: readonly Finding[], tests: readonly TestId[]) => findings.filter((f) => tests.includes(f.testId));
const painAt = (findings: readonly Finding[], tests: readonly TestId[], place: Finding['painPlace'], atLeast = 1) =>
  onTest(findings, tests).some((f) => f.dimension === 'pain' && f.painPlace === place && f.pain >= atLeast);

/** A hold or bridge can burn in working muscle: tendon topics need real pain, 3/10 or more. */
const TENDON_PAIN = 3;

/** A range rating on one body side (the finding's own side for a per-side test). */
const rangeOn = (findings: readonly Finding[], test: TestId, side: 'left' | 'right', ratings: readonly string[]) =>
  onTest(findings, [test]).some((f) => f.side === side && f.dimension === 'range' && ratings.includes(f.rating));

export const EDUCATION_RULES: readonly EducationRule[] = [
  {
    // The capsular pattern: turning in lost most, bending lost too, on the same hip.
    topic: 'hip_osteoarthritis',
    because: 'turning the hip in and bending it were both limited on the same side; this is common in FAI and, from middle age, in hip arthritis, and the same exercise-first advice suits both',
    applies: (f) => (['left', 'right'] as const).some((side) => rangeOn(f, 'seated_internal_rotation', side, ['limited']) && rangeOn(f, 'active_hip_flexion', side, ['partial', 'limited'])),
  },
  {
    topic: 'side_of_hip_pain',
    because: 'the side-lying lift or the one-leg stand hurt at the outer hip; read this if the ache is at the bony point on the side',
    applies: (f) => painAt(f, ['side_lying_abduction', 'single_leg_stance'], 'side', TENDON_PAIN),
  },
  {
    topic: 'groin_pain_inner_thigh',
    because: 'lifting the bottom leg while lying on your side hurt in the groin',
    applies: (f) => painAt(f, ['side_lying_adduction'], 'front'),
  },
  {
    topic: 'pain_at_the_sitting_bone',
    because: 'the hip hinge or the single-leg bridge hurt in the buttock; read this if the ache is at the bony point you sit on',
    applies: (f) => painAt(f, ['hip_hinge', 'single_leg_bridge'], 'back', TENDON_PAIN),
  },
];

export interface EducationPick {
  topic: string;
  because: string;
}

/** The topics these findings point to, in rule order (deterministic). */
export function educationFor(findings: readonly Finding[], rules: readonly EducationRule[] = EDUCATION_RULES): EducationPick[] {
  return rules.filter((r) => r.applies(findings)).map(({ topic, because }) => ({ topic, because }));
}
