import { SIDES, WHOLE_BODY_PATTERNS, type GoalId, type PatternId } from '../content/ids.js';
import type { Library } from '../content/library.js';
import { levelAt } from './choice.js';
import { topRung } from './dosage.js';
import { ruleOn, type EngineOptions } from './engine-rules.js';
import type { Gates } from './gates.js';
import type { Plan } from './plan.js';
import type { ProgressionLevels } from './track-levels.js';

/**
 * How goals shape the loading phase (spec v2), one row per goal with its reason. A goal never
 * changes what the assessment found. `opens` is a goal pattern added once the loading stage is
 * reached; the other effects are written down for the wiring and the content to follow.
 */
export const GOAL_RULES: Readonly<Record<GoalId, { opens: PatternId | null; walks: boolean; reason: string }>> = {
  daily_life: { opens: null, walks: true, reason: 'a weekly walking dose and stairs / sit-to-stand work, with getting down to and up from the floor' },
  walking_hiking: { opens: null, walks: true, reason: 'a weekly walking dose that builds, and stairs and step-downs for hills' },
  running: { walks: false, opens: 'impact', reason: 'the impact chain (pogo hops to continuous running) once loading is reached and the hop is steady and pain-free' },
  field_court_sport: { walks: false, opens: 'impact', reason: 'the impact chain up to landings and change of direction, behind the same gate as running' },
  lifting: { walks: false, opens: null, reason: 'hinge and squat loading get the priority once the loading stage is reached' },
  flexibility_sport: { walks: false, opens: null, reason: 'end-range control drills, behind the provocative gate' },
};

export const GOAL_IMPACT_RULE_ID = 'goal-opens-impact';
export const GOAL_WALKING_RULE_ID = 'goal-walking-dose';
/** The content's walking dose (an activity block in the hip-extension chain). */
export const WALKING_EXERCISE_ID = 'walking_dose';

/**
 * Physio review E4: the walking dose of a daily-life or walking goal, one rung longer each week
 * of the plan (`planDay` days since it started). It has no track: progression never reads it.
 */
export function walkingDoseFor(plan: Plan, library: Library, planDay: number, options?: EngineOptions) {
  const exercise = library.exerciseById.get(WALKING_EXERCISE_ID);
  if (!exercise || !GOAL_RULES[gatesOf(plan).goal].walks || !ruleOn(options, 'walking-dose')) return null;
  const rung = Math.min(Math.max(0, Math.floor(planDay / 7)), topRung(exercise, options));
  const base = { pattern: exercise.pattern, side: 'both' as const, tier: 'foundation' as const, reasons: [{ testId: null, side: 'both' as const, finding: 'goal', ruleId: GOAL_WALKING_RULE_ID }] };
  return { exercise, rung, base };
}

/** Gates of a plan stored before v2 (no gates): nothing unlocked beyond what v1 allowed. */
export function gatesOf(plan: Plan): Gates {
  return (
    (plan as Partial<Plan>).gates ?? {
      goal: 'daily_life',
      irritability: 'low',
      singleLeg: { left: true, right: true },
      painfulFlexionRotation: { left: false, right: false },
      provocative: {},
      impactReady: { left: false, right: false },
    }
  );
}

/** A whole-body pattern has reached its loading stage (on any side). */
export function loadingReached(library: Library, levels: ProgressionLevels): boolean {
  return WHOLE_BODY_PATTERNS.some((pattern) =>
    ['both', ...SIDES].some((side) => {
      const state = levels[`${pattern}:${side}`];
      return state !== undefined && levelAt(library.chains[pattern], state.level).stage === 'loading';
    }),
  );
}

/** The goal patterns open today, with their level (impact: both legs at once). */
export function openGoalPatterns(plan: Plan, library: Library, levels: ProgressionLevels, options?: EngineOptions): { pattern: PatternId; level: number }[] {
  const gates = gatesOf(plan);
  const opens = GOAL_RULES[gates.goal].opens;
  if (opens === null || library.chains[opens].levels.length === 0) return [];
  const gated = ruleOn(options, 'impact-goal-gate');
  if (gated && !(loadingReached(library, levels) && gates.impactReady.left && gates.impactReady.right)) return [];
  return [{ pattern: opens, level: levels[`${opens}:both`]?.level ?? 1 }];
}

