import { SIDES, WHOLE_BODY_PATTERNS, type GoalId, type PatternId } from '../content/ids.js';
import type { Library } from '../content/library.js';
import { levelAt } from './choice.js';
import { ruleOn, type EngineOptions } from './engine-rules.js';
import type { Gates } from './gates.js';
import type { Plan } from './plan.js';
import type { ProgressionLevels } from './session.js';

/**
 * How goals shape the loading phase (spec v2), one row per goal with its reason. A goal never
 * changes what the assessment found. `opens` is a goal pattern added once the loading stage is
 * reached; the other effects are written down for the wiring and the content to follow.
 */
export const GOAL_RULES: Readonly<Record<GoalId, { opens: PatternId | null; reason: string }>> = {
  daily_life: { opens: null, reason: 'a weekly walking dose and stairs / sit-to-stand work, with getting down to and up from the floor' },
  walking_hiking: { opens: null, reason: 'a weekly walking dose that builds, and stairs and step-downs for hills' },
  running: { opens: 'impact', reason: 'the impact chain (pogo hops to continuous running) once loading is reached and the hop is steady and pain-free' },
  field_court_sport: { opens: 'impact', reason: 'the impact chain up to landings and change of direction, behind the same gate as running' },
  lifting: { opens: null, reason: 'hinge and squat loading get the priority once the loading stage is reached' },
  flexibility_sport: { opens: null, reason: 'end-range control drills, behind the provocative gate' },
};

export const GOAL_IMPACT_RULE_ID = 'goal-opens-impact';

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

