import type { EquipmentId, Position, TestId } from '../content/ids.js';
import type { Chain, ChainLevel } from '../content/library.js';
import type { Exercise } from '../content/schema.js';
import { ruleOn, type EngineOptions } from './engine-rules.js';

/** What limits the choice of exercise on one side (from the assessment). */
export interface ChoiceLimits {
  /** Single-leg loading allowed on this side (steady stance and strong abduction). */
  singleLegOk: boolean;
  /** Internal rotation or the knee-to-opposite-shoulder test was painful on this side. */
  painfulFlexionRotation: boolean;
  /** Tests not clear on this side: an exercise `gatedBy` one of them waits (position gate). */
  closedTests?: readonly TestId[];
  /** Drills the findings pick over the default, most wanted first (`finding-picks-drill`). */
  prefer?: readonly string[];
}

export const OPEN_LIMITS: ChoiceLimits = { singleLegOk: true, painfulFlexionRotation: false };

/** The gates that close an exercise on a side: single-leg loading, another pinchy position. */
function gateOpen(o: Exercise, limits: ChoiceLimits, options?: EngineOptions): boolean {
  const singleLeg = limits.singleLegOk || !o.singleLeg || !ruleOn(options, 'single-leg-gate');
  const positions = !ruleOn(options, 'position-gate') || !o.gatedBy.some((t) => limits.closedTests?.includes(t));
  return singleLeg && positions;
}

/** Positions that bend the hip to about 90 degrees or more. */
const FLEXED_POSITIONS: readonly Position[] = ['sitting_on_chair', 'sitting_on_floor', 'hands_and_knees'];

function owns(equipment: readonly EquipmentId[], e: Exercise): boolean {
  return e.equipment.every((x) => x === 'none' || equipment.includes(x));
}

function bendsFurther(option: Exercise, than: Exercise): boolean {
  return FLEXED_POSITIONS.includes(option.position) && !FLEXED_POSITIONS.includes(than.position);
}

export function levelAt(chain: Chain, level: number): ChainLevel {
  const i = Math.min(Math.max(1, Math.round(level)), chain.levels.length) - 1;
  return chain.levels[i]!;
}

/** Whether some version of a level suits this side (the single-leg gate can close a whole level). */
export function levelAllowed(level: ChainLevel, limits: ChoiceLimits, equipment: readonly EquipmentId[], options?: EngineOptions): boolean {
  // Fast path (plans are built on a hot path): no gate can close anything on this side.
  if (limits.singleLegOk && (limits.closedTests?.length ?? 0) === 0) return true;
  return level.options.some((o) => gateOpen(o, limits, options) && owns(equipment, o));
}

interface AllowedCheck {
  equipment: readonly EquipmentId[];
  limits: ChoiceLimits;
  options: EngineOptions | undefined;
  def: Exercise;
  /** Rotation in flexion hurt on this side and the rule is on. */
  deeperFlexionRule: boolean;
}

/** Owned, through the gates, and not bending the hip further than the default when that hurt. */
function allowed(o: Exercise, c: AllowedCheck): boolean {
  return owns(c.equipment, o) && gateOpen(o, c.limits, c.options) && !(c.deeperFlexionRule && bendsFurther(o, c.def));
}

/**
 * The exercise for one level and side (spec v2): the level's clinical default; an equipment
 * version replaces it only when marked equivalent and the person owns the equipment; never a
 * version that bends the hip further while rotation in flexion hurt; no single-leg version on a
 * side that has not earned it. When the default needs equipment the person lacks, the first
 * equivalent they own, then any no-equipment version, stands in.
 */
export function chooseExercise(
  level: ChainLevel,
  equipment: readonly EquipmentId[],
  limits: ChoiceLimits = OPEN_LIMITS,
  options?: EngineOptions,
): Exercise {
  const clinicalDefault = ruleOn(options, 'clinical-default');
  const def = clinicalDefault ? level.default : level.main;
  // One check object per call instead of a closure (this is the plan's hottest loop).
  const check: AllowedCheck = { equipment, limits, options, def, deeperFlexionRule: limits.painfulFlexionRotation && ruleOn(options, 'no-deeper-flexion-for-painful-hip') };
  // A drill made for the finding comes first (physio review E5); the gates still apply.
  if (limits.prefer) {
    for (const id of limits.prefer) {
      const drill = level.options.find((o) => o.id === id);
      if (drill && allowed(drill, check)) return drill;
    }
  }
  if (!clinicalDefault) {
    // The v1 behaviour: any owned equipment version wins over the default.
    const owned = level.options.find((o) => allowed(o, check) && o.equipment[0] !== 'none');
    if (owned) return owned;
  }
  if (clinicalDefault) {
    for (const o of level.options) if (o.equivalentTo === def.id && o.equipment[0] !== 'none' && allowed(o, check)) return o;
  }
  if (allowed(def, check)) return def;
  const fallback =
    level.options.find((o) => o.equivalentTo === def.id && allowed(o, check)) ??
    level.options.find((o) => allowed(o, check) && o.equipment[0] === 'none') ??
    level.options.find((o) => o.equipment.every((x) => x === 'none'));
  if (!fallback) throw new Error(`no option fits level ${level.level} of ${level.main.pattern}: content check missed it`);
  return fallback;
}
