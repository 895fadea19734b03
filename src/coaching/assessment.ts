import {
  PATTERN_IDS,
  SCALES,
  SIDES,
  TEST_GOALS,
  TEST_IDS,
  TEST_SPEC,
  type BodySide,
  type FindingDimension,
  type PainPlace,
  type PatternId,
  type Rating,
  type Side,
  type TestId,
} from '../content/ids.js';
import type { Library } from '../content/library.js';
import type { BatteryTest } from '../content/schema.js';
import { ruleOn, type EngineOptions } from './engine-rules.js';
import type { SideResult, Tests } from './assessment-answers.js';

export const SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One thing a test showed on one side, for one pattern. */
export interface Finding {
  pattern: PatternId;
  side: Side;
  testId: TestId;
  weight: 'primary' | 'secondary';
  dimension: FindingDimension;
  severity: Severity;
  rating: Rating;
  pain: number;
  painPlace?: PainPlace;
}

/** A clear difference between sides on one test. */
export interface Asymmetry {
  testId: TestId;
  worseSide: BodySide;
  rating: { left: Rating; right: Rating };
  pain: { left: number; right: number };
}

export interface AssessmentScore {
  findings: Finding[];
  asymmetries: Asymmetry[];
  skippedTests: TestId[];
  /** Per pattern and side: whether a primary test measured it (untested patterns start gently). */
  tested: Record<PatternId, Partial<Record<Side, boolean>>>;
  /** Whether each pattern is scored per side or as one. */
  sidedness: Record<PatternId, 'each' | 'both'>;
}

/** Pain of 4 or more, or 2 points between sides, is a difference a coach would act on. */
const PAIN_ASYMMETRY_POINTS = 2;

export function painSeverity(pain: number): Severity | null {
  if (pain <= 0) return null;
  if (pain <= 3) return 'mild';
  if (pain <= 6) return 'moderate';
  return 'severe';
}

/** Rating position on its scale -> severity. The comfort scale is about pain, so a late pinch is mild. */
function ratingSeverity(testId: TestId, rating: Rating): Severity | null {
  const scale = TEST_SPEC[testId].scale;
  const index = (SCALES[scale].ratings as readonly Rating[]).indexOf(rating);
  if (index <= 0) return null;
  if (scale === 'comfort') return index === 1 ? 'mild' : 'severe';
  return index === 1 ? 'moderate' : 'severe';
}

export function maxSeverity(a: Severity | null, b: Severity | null): Severity | null {
  if (a === null) return b;
  if (b === null) return a;
  return SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b;
}

const sidednessCache = new WeakMap<Library, Record<PatternId, 'each' | 'both'>>();

/** Which sides a pattern is scored on: per side when any of its primary tests is per side. */
export function patternSidedness(library: Library): Record<PatternId, 'each' | 'both'> {
  const cached = sidednessCache.get(library);
  if (cached) return cached;
  const result = Object.fromEntries(PATTERN_IDS.map((p) => [p, 'both'])) as Record<PatternId, 'each' | 'both'>;
  for (const test of library.battery.tests) {
    for (const inform of test.informs) {
      if (inform.weight === 'primary' && TEST_SPEC[test.id].sides === 'each') result[inform.pattern] = 'each';
    }
  }
  sidednessCache.set(library, result);
  return result;
}

const BOTH_ONLY: readonly Side[] = ['both'];
const ONE_SIDE: Record<Side, readonly Side[]> = { left: ['left'], right: ['right'], both: SIDES };

function observations(tests: Tests, testId: TestId): { side: Side; result: SideResult }[] {
  const t = tests[testId] as Record<string, SideResult | undefined> | undefined;
  if (!t) return [];
  // A loop, not flatMap: this runs for every test of every plan.
  const obs: { side: Side; result: SideResult }[] = [];
  for (const side of TEST_SPEC[testId].sides === 'both' ? BOTH_ONLY : SIDES) {
    const result = t[side];
    if (result) obs.push({ side, result });
  }
  return obs;
}

/** Turn raw test results into findings per pattern and side. Iterates in spec order, never key order. */
export function scoreAssessment(tests: Tests, library: Library, options?: EngineOptions): AssessmentScore {
  const mapNinetyNinety = ruleOn(options, 'ninety-ninety-side-mapping');
  const sidedness = patternSidedness(library);
  const findings: Finding[] = [];
  const asymmetries: Asymmetry[] = [];
  const skippedTests: TestId[] = [];
  const tested = {} as AssessmentScore['tested'];
  for (const p of PATTERN_IDS) tested[p] = {};

  for (const testId of TEST_IDS) {
    const test = library.testById.get(testId);
    if (!test) continue;
    const obs = observations(tests, testId);
    if (obs.length === 0) {
      // A goal-only test (the hop test) is not asked of everyone, so leaving it out is no skip.
      if (TEST_GOALS[testId] === undefined) skippedTests.push(testId);
      continue;
    }
    const dimension = SCALES[TEST_SPEC[testId].scale].dimension;
    for (const { side, result } of obs) {
      const fromRating = ratingSeverity(testId, result.rating);
      const fromPain = painSeverity(result.pain);
      // The comfort scale and the pain score describe the same thing: keep the worse of the two.
      const raw: { dimension: FindingDimension; severity: Severity | null }[] =
        dimension === 'pain'
          ? [{ dimension: 'pain', severity: maxSeverity(fromRating, fromPain) }]
          : [
              { dimension: 'pain', severity: fromPain },
              { dimension, severity: fromRating },
            ];
      for (const inform of mapNinetyNinety ? informsFor(test.informs, testId, result) : (test.informs as readonly Inform[])) {
        // A per-side result informs a whole-body pattern as "both"; a whole-body test informs each side.
        const onSide = inform.otherSide && side !== 'both' ? otherSide(side) : side;
        const targetSides = sidedness[inform.pattern] === 'both' ? BOTH_ONLY : ONE_SIDE[onSide];
        // Only a pattern's main measure counts as testing it; secondary evidence alone does not.
        if (inform.weight === 'primary') for (const s of targetSides) tested[inform.pattern][s] = true;
        if (inform.evidence === false) continue;
        for (const { dimension: dim, severity } of raw) {
          if (severity === null) continue;
          for (const s of targetSides) {
            const finding: Finding = {
              pattern: inform.pattern,
              side: s,
              testId,
              weight: inform.weight,
              dimension: dim,
              severity,
              rating: result.rating,
              pain: result.pain,
            };
            // Assigned last, so the key order (and the plan's JSON) stays as it was.
            if (result.painPlace && result.pain > 0) finding.painPlace = result.painPlace;
            findings.push(finding);
          }
        }
      }
    }
    const asym = asymmetryOf(testId, obs);
    if (asym) asymmetries.push(asym);
  }
  return { findings, asymmetries, skippedTests, tested, sidedness };
}

function otherSide(side: BodySide): BodySide {
  return side === 'left' ? 'right' : 'left';
}

/** otherSide: the finding belongs to the opposite side; evidence false: marks tested, adds no finding. */
type Inform = BatteryTest['informs'][number] & { otherSide?: boolean; evidence?: boolean };

/**
 * The 90/90 sit (spec v2): the named side is the front leg, whose hip turns out; the back hip
 * (the other side) turns in. A stop or pain from the back hip is internal-rotation evidence for
 * the opposite side, secondary only; from the front hip (or unsaid) it stays with the front side's
 * flexion-rotation and external rotation. The primary pattern is always marked as tested.
 */
function informsFor(informs: readonly Inform[], testId: TestId, result: SideResult): readonly Inform[] {
  if (testId !== 'ninety_ninety_sit') return informs;
  const hip = result.hip === 'back' ? 'back' : 'front';
  // Both lists depend only on the content, so they are built once per battery entry.
  let mapped = ninetyNinetyInforms.get(informs);
  if (!mapped) {
    mapped = {
      back: [
        ...informs.filter((i) => i.weight === 'primary').map((i) => ({ ...i, evidence: false })),
        { pattern: 'internal_rotation', weight: 'secondary', otherSide: true },
      ],
      front: informs.filter((i) => i.pattern !== 'internal_rotation'),
    };
    ninetyNinetyInforms.set(informs, mapped);
  }
  return mapped[hip];
}

const ninetyNinetyInforms = new WeakMap<readonly Inform[], Record<'back' | 'front', readonly Inform[]>>();

function asymmetryOf(testId: TestId, obs: { side: Side; result: SideResult }[]): Asymmetry | null {
  const left = obs.find((o) => o.side === 'left')?.result;
  const right = obs.find((o) => o.side === 'right')?.result;
  if (!left || !right) return null;
  const ratings = SCALES[TEST_SPEC[testId].scale].ratings as readonly Rating[];
  const rl = ratings.indexOf(left.rating);
  const rr = ratings.indexOf(right.rating);
  const painGap = left.pain - right.pain;
  if (rl === rr && Math.abs(painGap) < PAIN_ASYMMETRY_POINTS) return null;
  // The worse side is the one with the worse rating; on a tie, the more painful one.
  const worseSide: BodySide = rl !== rr ? (rl > rr ? 'left' : 'right') : painGap > 0 ? 'left' : 'right';
  return {
    testId,
    worseSide,
    rating: { left: left.rating, right: right.rating },
    pain: { left: left.pain, right: right.pain },
  };
}
