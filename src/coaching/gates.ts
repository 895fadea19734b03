import { SIDES, type BodySide, type EquipmentId, type GoalId, type PatternId, type Side, type TestId } from '../content/ids.js';
import type { Chain, Library } from '../content/library.js';
import type { Answers, SideResult } from './assessment-answers.js';
import { levelAllowed, levelAt, type ChoiceLimits } from './choice.js';
import { gradeIrritability, type Irritability } from './dosage.js';
import { ruleOn, type EngineOptions } from './engine-rules.js';
import { FINDING_DRILL_RULES } from './rules.js';

/**
 * What the latest assessment unlocks, per side: the gates the engine checks before choosing an
 * exercise or moving a level. Stored with the plan so progression and simulation read the same.
 */
export interface Gates {
  goal: GoalId;
  irritability: Irritability;
  /** Per body side: steady single-leg stance and strong side-lying abduction. */
  singleLeg: Record<BodySide, boolean>;
  /** Per body side: internal rotation or the knee-to-opposite-shoulder test hurt. */
  painfulFlexionRotation: Record<BodySide, boolean>;
  /** `pattern:side` -> provocative levels unlocked (primary test <= 3/10, no early pinch). */
  provocative: Record<string, boolean>;
  /** Per body side: the hop (or, without it, the single-leg stance) steady with pain <= 2. */
  impactReady: Record<BodySide, boolean>;
  /**
   * Per body side: the tests named in some exercise's `gatedBy` that were not clear (untested,
   * above 3/10 or an early pinch). Absent in plans stored before the position gate.
   */
  closedTests?: Record<BodySide, TestId[]>;
  /** Per body side: drills a finding picks over a level's default (`FINDING_DRILL_RULES`). */
  drills?: Record<BodySide, string[]>;
}

type SideResults = Partial<Record<Side, SideResult>>;

function resultOf(answers: Answers, testId: TestId, side: BodySide): SideResult | undefined {
  const t: SideResults | undefined = answers.tests[testId];
  return t?.[side] ?? t?.both;
}

export const PROVOCATIVE_PAIN_MAX = 3;
export const IMPACT_PAIN_MAX = 2;

/** The primary tests of each pattern, from the battery (cached per library). */
const primaryCache = new WeakMap<Library, Map<PatternId, TestId[]>>();
export function primaryTests(library: Library, pattern: PatternId): TestId[] {
  let map = primaryCache.get(library);
  if (!map) {
    map = new Map();
    for (const t of library.battery.tests) {
      for (const i of t.informs) if (i.weight === 'primary') map.set(i.pattern, [...(map.get(i.pattern) ?? []), t.id]);
    }
    primaryCache.set(library, map);
  }
  return map.get(pattern) ?? [];
}

/** Tests some exercise waits for (`gatedBy`), cached per library. */
const gatingCache = new WeakMap<Library, TestId[]>();
function gatingTests(library: Library): TestId[] {
  let tests = gatingCache.get(library);
  if (!tests) {
    tests = [...new Set(library.exercises.flatMap((e) => e.gatedBy))];
    gatingCache.set(library, tests);
  }
  return tests;
}

const clearForPinch = (r: SideResult | undefined): boolean => r !== undefined && r.pain <= PROVOCATIVE_PAIN_MAX && r.rating !== 'pinch_early';

/** Drills the findings on one side pick (physio review E5). */
function drillsFor(answers: Answers, side: BodySide): string[] {
  return FINDING_DRILL_RULES.flatMap((rule) => {
    const finding = resultOf(answers, rule.test, side);
    const painful = (resultOf(answers, rule.unlessPainful, side)?.pain ?? 0) > 0;
    return finding !== undefined && rule.ratings.includes(finding.rating) && !painful ? [...rule.drills] : [];
  });
}

interface ProvocativeEntry {
  /** `pattern:side`, built once so plans do not concatenate strings. */
  key: string;
  tests: readonly TestId[];
  /** The body sides whose results count ("both" reads each side). */
  sides: readonly BodySide[];
}

/** One entry per pattern with a provocative level and per side (left, right, both), in the plan's key order. */
const provocativeCache = new WeakMap<Library, ProvocativeEntry[]>();
function provocativeEntries(library: Library): ProvocativeEntry[] {
  let entries = provocativeCache.get(library);
  if (!entries) {
    entries = [];
    for (const chain of Object.values(library.chains)) {
      if (!chain.levels.some((l) => l.provocative)) continue;
      const tests = primaryTests(library, chain.pattern);
      for (const side of [...SIDES, 'both'] as Side[]) {
        entries.push({ key: `${chain.pattern}:${side}`, tests, sides: side === 'both' ? SIDES : [side] });
      }
    }
    provocativeCache.set(library, entries);
  }
  return entries;
}

export function computeGates(answers: Answers, library: Library, options?: EngineOptions): Gates {
  const perSide = <T>(f: (side: BodySide) => T) => ({ left: f('left'), right: f('right') });
  const singleLeg = perSide((side) => {
    if (!ruleOn(options, 'single-leg-gate')) return true;
    return resultOf(answers, 'single_leg_stance', side)?.rating === 'steady' && resultOf(answers, 'side_lying_abduction', side)?.rating === 'strong';
  });
  const painfulFlexionRotation = perSide((side) => {
    const ir = resultOf(answers, 'seated_internal_rotation', side);
    const fadir = resultOf(answers, 'flexion_adduction_comfort', side);
    return (ir?.pain ?? 0) > PROVOCATIVE_PAIN_MAX || (fadir !== undefined && (fadir.pain > PROVOCATIVE_PAIN_MAX || fadir.rating === 'pinch_early'));
  });
  const provocative: Record<string, boolean> = {};
  const provocativeGate = ruleOn(options, 'provocative-gate');
  for (const { key, tests, sides } of provocativeEntries(library)) {
    // Untested is not clear: a provocative level needs a measured, comfortable primary test.
    let taken = 0;
    let clear = true;
    for (const t of tests) {
      for (const s of sides) {
        const r = resultOf(answers, t, s);
        if (r === undefined) continue;
        taken++;
        if (r.pain > PROVOCATIVE_PAIN_MAX || r.rating === 'pinch_early') clear = false;
      }
    }
    provocative[key] = !provocativeGate || (taken > 0 && clear);
  }
  const impactReady = perSide((side) => {
    const hop = resultOf(answers, 'single_leg_hop', side) ?? resultOf(answers, 'single_leg_stance', side);
    return hop !== undefined && hop.rating === 'steady' && hop.pain <= IMPACT_PAIN_MAX;
  });
  const positionGate = ruleOn(options, 'position-gate');
  const closedTests = perSide((side) => (positionGate ? gatingTests(library).filter((t) => !clearForPinch(resultOf(answers, t, side))) : []));
  const drills = perSide((side) => (ruleOn(options, 'finding-picks-drill') ? drillsFor(answers, side) : []));
  return {
    goal: answers.goal,
    irritability: ruleOn(options, 'irritability-grading') ? gradeIrritability(answers.baseline) : 'low',
    singleLeg,
    painfulFlexionRotation,
    provocative,
    impactReady,
    closedTests,
    drills,
  };
}

const limitsCache = new WeakMap<Gates, Partial<Record<Side, ChoiceLimits>>>();

/** The choice limits for a track's side ("both" takes the stricter of the two sides); cached per gates. */
export function limitsFor(gates: Gates, side: Side): ChoiceLimits {
  let bySide = limitsCache.get(gates);
  if (!bySide) limitsCache.set(gates, (bySide = {}));
  return (bySide[side] ??= computeLimits(gates, side));
}

function computeLimits(gates: Gates, side: Side): ChoiceLimits {
  const sides: BodySide[] = side === 'both' ? [...SIDES] : [side];
  return {
    singleLegOk: sides.every((s) => gates.singleLeg[s]),
    painfulFlexionRotation: sides.some((s) => gates.painfulFlexionRotation[s]),
    closedTests: sides.flatMap((s) => gates.closedTests?.[s] ?? []),
    prefer: sides.flatMap((s) => gates.drills?.[s] ?? []),
  };
}

export function provocativeOpen(gates: Gates, pattern: PatternId, side: Side): boolean {
  return gates.provocative[`${pattern}:${side}`] ?? true;
}

/**
 * The highest level at or below `level` that the gates allow on this side: a closed provocative
 * level, or a level whose every version is single-leg on a side that has not earned it, holds the
 * person on the level below (they keep building dosage there).
 */
export function openLevelAtOrBelow(
  chain: Chain,
  level: number,
  where: { pattern: PatternId; side: Side; equipment: readonly EquipmentId[] },
  gates: Gates,
  options?: EngineOptions,
): number {
  const { pattern, side, equipment } = where;
  const limits = limitsFor(gates, side);
  for (let l = Math.min(level, chain.levels.length); l > 1; l--) {
    const at = levelAt(chain, l);
    const provocativeClosed = at.provocative && !provocativeOpen(gates, pattern, side);
    if (!provocativeClosed && levelAllowed(at, limits, equipment, options)) return l;
  }
  return 1;
}
