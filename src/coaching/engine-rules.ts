/**
 * The v2 engine rules (coaching spec, "Dosage and progression"), one row each with its reason.
 * Every rule can be switched off by id through `EngineOptions.without`: the rule-mutation tests
 * switch each one off in turn and show that some persona statement then fails, which proves
 * every rule is both implemented and tested. Production code never passes `without`.
 */
export const ENGINE_RULES = [
  {
    id: 'every-pattern-in-plan',
    reason: 'Nothing is dropped because it tested well: a pattern without a finding is a foundation item at the strength stage.',
  },
  {
    id: 'secondary-evidence-limited',
    reason: 'A secondary test may lower a start by one stage only when the primary test is also abnormal, and never creates a focus item.',
  },
  {
    id: 'ninety-ninety-side-mapping',
    reason: "Pain from the 90/90 back leg is the other hip's internal rotation, not the front hip's problem.",
  },
  {
    id: 'loading-earned',
    reason: 'The loading stage is earned by progression, never given on day 1.',
  },
  {
    id: 'single-leg-gate',
    reason: 'Single-leg loading only on a side whose single-leg stance was steady and side-lying abduction strong.',
  },
  {
    id: 'irritability-grading',
    reason: 'A highly irritable hip (average pain >= 6 or worst >= 8) gets at most 2 sets for 2 weeks, painful patterns one level lower, and no loading until 4 settled mornings in a row.',
  },
  {
    id: 'clinical-default',
    reason: "Each level's clinical default is used; an equipment version replaces it only when the content marks it equivalent.",
  },
  {
    id: 'no-deeper-flexion-for-painful-hip',
    reason: 'An equipment version that bends the hip further is never used while internal rotation or the knee-to-opposite-shoulder test was painful.',
  },
  {
    id: 'ladder-before-level',
    reason: 'A level changes only from the top rung of its dosage ladder, after at least 3 good exposures and at least 7 days at the level.',
  },
  {
    id: 'provocative-gate',
    reason: "A provocative level unlocks only when the pattern's primary test was <= 3/10 with no early pinch at the latest assessment.",
  },
  {
    id: 'per-exercise-pain',
    reason: 'Only the patterns of the exercises that hurt step down; the others follow the rest of the feedback.',
  },
  {
    id: 'flare-steps-down',
    reason: 'A next-morning flare (2+ points above usual) steps down one rung, before any soreness advice.',
  },
  {
    id: 'focus-twice-weekly',
    reason: 'Every focus pattern comes round at least twice in any 7 days, whatever the minutes.',
  },
  {
    id: 'loading-spacing',
    reason: 'Loading-stage items at most 3 times a pattern in any 7 days, never on consecutive days.',
  },
  {
    id: 'short-sessions-cut-sets',
    reason: 'A short session cuts sets (down to 1) before it leaves a focus pattern out.',
  },
  {
    id: 'reassessment-keeps-progress',
    reason: "At reassessment a pattern keeps the higher of its new start and its current level minus one, unless its primary test pain rose by 2 or more.",
  },
  {
    id: 'impact-goal-gate',
    reason: 'The impact chain opens only for running and field or court sport, once a loading stage is reached and the hop (or stance) is steady with pain <= 2.',
  },
  // Physio review 2026-12, recommendations E1, E2, E4, E5, E6 and E8.
  {
    id: 'off-day-substitute',
    reason: "On a day loading spacing bars a pattern's loading item, that pattern gets its level-below exercise instead (marked offDay), so no session is empty; it never counts as a level change.",
  },
  {
    id: 'position-gate',
    reason: 'An exercise that also loads another pinchy position (deep flexion in a Cossack squat, a 90/90 or a deep squat) waits until the tests of that position were <= 3/10 with no early pinch on that side.',
  },
  {
    id: 'walking-dose',
    reason: 'Daily life and walking or hiking goals get a walking dose 3 days a week (never on a loading day), building one rung a week.',
  },
  {
    id: 'finding-picks-drill',
    reason: 'Where a level has a drill made for the finding (a front-of-hip lengthener for a limited hip-extension range), that drill is used, unless the default suits a painful test better.',
  },
  {
    id: 'auto-ladder-three-sets',
    reason: 'Ladders derived from a dosage stop at 3 sets and then add repetitions or seconds: 5-8 items at 4 sets make sessions too long.',
  },
  {
    id: 'impact-after-warmup',
    reason: 'Hops, landings and runs come straight after the warm-up, while the legs are fresh, not after fatiguing strength work.',
  },
] as const;

export type EngineRuleId = (typeof ENGINE_RULES)[number]['id'];
export const ENGINE_RULE_IDS: readonly EngineRuleId[] = ENGINE_RULES.map((r) => r.id);

export interface EngineOptions {
  /** Rules switched off, for mutation tests and `simulate --without`. */
  without?: readonly EngineRuleId[];
}

export function ruleOn(options: EngineOptions | undefined, id: EngineRuleId): boolean {
  // No `?? []`: this runs thousands of times a plan and should not allocate.
  return options?.without === undefined || !options.without.includes(id);
}

export function isEngineRuleId(id: string): id is EngineRuleId {
  return (ENGINE_RULE_IDS as readonly string[]).includes(id);
}
