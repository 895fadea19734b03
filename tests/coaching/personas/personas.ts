import type { EngineRuleId } from '../../../src/coaching/engine-rules.js';
import type { FeedbackFile } from '../../../src/coaching/feedback.js';
import type { Plan } from '../../../src/coaching/plan.js';
import type { SimulatedDay } from '../../../src/coaching/simulate.js';
import type { Library } from '../../../src/content/library.js';
import { allClearTests, makeAnswers } from '../../support/answers.js';

/**
 * Clinical personas (issue 11): each has answers, optional feedback, and must / must-not
 * statements checked on its plan and a 28-day simulation. `guards` names the engine rules a
 * statement depends on: the rule-mutation test switches each rule off and expects one of its
 * guarding statements to fail.
 */
export interface Check {
  plan: Plan;
  days: readonly SimulatedDay[];
  library: Library;
}

export interface Statement {
  says: string;
  kind: 'must' | 'must-not';
  /** True when the statement's subject happens (for must-not: the thing that must not happen). */
  holds: (c: Check) => boolean;
  guards?: readonly EngineRuleId[];
}

export interface Persona {
  id: string;
  who: string;
  answers: ReturnType<typeof makeAnswers>;
  minutes?: number;
  feedback?: FeedbackFile;
  /** Names the first exercise of that day's session at this pain (the harness finds its id). */
  painOnDay?: { day: number; pain: number };
  statements: readonly Statement[];
}

const each = (left: { rating: string; pain: number; painPlace?: string }, right = left) => ({ left, right });
const clear = (rating: string) => ({ rating, pain: 0 });
const START = '2026-03-02';
export const SIM_START = START;

const items = (c: Check) => c.days.flatMap((d) => d.session.items.map((i) => ({ ...i, date: d.date })));
const dayIndex = (date: string) => Math.round((Date.parse(date) - Date.parse(START)) / 86_400_000);

/** Every focus track of the plan appears at least twice in every 7-day window. */
function focusTwiceInEveryWeek(c: Check): boolean {
  const keys = new Set(c.plan.items.filter((i) => i.tier === 'focus').map((i) => `${i.pattern}:${i.side}`));
  for (let start = 0; start + 7 <= c.days.length; start++) {
    const window = c.days.slice(start, start + 7);
    for (const key of keys) {
      const n = window.filter((d) => d.session.items.some((i) => `${i.pattern}:${i.side}` === key)).length;
      if (n < 2) return false;
    }
  }
  return true;
}

/** Loading items of a pattern: never on consecutive days, at most 3 in any 7 days. */
function loadingSpaced(c: Check): boolean {
  const byPattern = new Map<string, number[]>();
  for (const i of items(c)) if (i.stage === 'loading') byPattern.set(i.pattern, [...(byPattern.get(i.pattern) ?? []), dayIndex(i.date)]);
  for (const daysOf of byPattern.values()) {
    const sorted = [...new Set(daysOf)].sort((a, b) => a - b);
    if (sorted.some((d, k) => k > 0 && d - sorted[k - 1]! === 1)) return false;
    if (sorted.some((d) => sorted.filter((x) => x >= d && x < d + 7).length > 3)) return false;
  }
  return true;
}

function everyLevelChangeAfterAWeek(c: Check): boolean {
  const since = new Map<string, number>();
  for (const d of c.days) {
    for (const x of d.decisions) {
      if (x.from === x.to) continue;
      const key = `${x.pattern}:${x.side}`;
      if (x.to > x.from && dayIndex(d.date) - (since.get(key) ?? 0) < 7) return false;
      since.set(key, dayIndex(d.date));
    }
  }
  return true;
}

/** Physio review E1: every day's session holds at least 2 exercises. */
const noThinSession = (c: Check) => c.days.every((d) => d.session.items.length >= 2);
/** Physio review E8: an impact item is the first exercise after the warm-up. */
const impactFirst = (c: Check) => c.days.every((d) => d.session.items.findIndex((i) => i.pattern === 'impact') <= 0);
const hasImpact = (c: Check) => c.days.some((d) => d.session.items.some((i) => i.pattern === 'impact'));
/** Impact work only on days a whole-body pattern already stands at a loading level (shown with simulate). */
const impactOnlyAfterLoading = (c: Check) =>
  c.days.every((d) => {
    if (!d.session.items.some((i) => i.pattern === 'impact')) return true;
    const levels = d.levels as Record<string, Record<string, number>>;
    return ['hip_hinge', 'squat', 'split_stance'].some((p) => Object.values(levels[p] ?? {}).some((l) => c.library.chains[p as 'squat'].levels[l - 1]?.stage === 'loading'));
  });
/** Physio review E6: no ordinary exercise asks for more than 3 sets. */
const moreThanThreeSets = (c: Check) => items(c).some((i) => i.dosage.sets > 3 && !c.library.exerciseById.get(i.exerciseId)!.activity);
/** Physio review E2: on the right (or both) side, an exercise that also waits for the hip-flexion test (deep flexion), in the plan or any session. */
const deepFlexionOnTheRight = (c: Check) =>
  [...c.plan.items, ...items(c)].some((i) => i.side !== 'left' && c.library.exerciseById.get(i.exerciseId)!.gatedBy.includes('active_hip_flexion'));
/** Physio review E4: the goal's walking dose, at least twice in every 7 days and never beside a loading item. */
const walksTwiceAWeek = (c: Check) => {
  const walks = c.days.map((d) => d.session.items.some((i) => i.weeklyWalk));
  const clash = c.days.some((d) => d.session.items.some((i) => i.weeklyWalk) && d.session.items.some((i) => i.stage === 'loading'));
  return !clash && walks.every((_, k) => k + 7 > walks.length || walks.slice(k, k + 7).filter(Boolean).length >= 2);
};
const usesSingleLeg = (c: Check) => items(c).some((i) => c.library.exerciseById.get(i.exerciseId)!.singleLeg);
const dayOneLoading = (c: Check) => c.plan.items.some((i) => i.stage === 'loading');
const maxLevel = (pattern: string, side?: string) => (c: Check) =>
  Math.max(...c.days.map((d) => Object.entries((d.levels as Record<string, Record<string, number>>)[pattern] ?? {}).filter(([s]) => !side || s === side).reduce((m, [, l]) => Math.max(m, l), 0)));

const strongAll = () => ({ ...allClearTests() });
const oaTests = () => ({ ...strongAll(), seated_internal_rotation: each(clear('limited')), active_hip_flexion: each(clear('partial')), bodyweight_squat: { both: clear('partial') } });

export const PERSONAS: readonly Persona[] = [
  {
    id: 'footballer-clear',
    who: 'A 24-year-old footballer whose tests were all clear; 45 minutes a day, a band and a chair.',
    answers: makeAnswers({ tests: { ...strongAll(), single_leg_hop: each(clear('steady')) }, goal: 'field_court_sport', prefs: { minutes: 45, equipment: ['band', 'chair'] }, baseline: { painAverage: 2, painWorst: 4, psfs: [] } }),
    statements: [
      { says: 'every pattern is in the plan (glute, abductor, adductor and single-leg work included)', kind: 'must', holds: (c) => ['abduction', 'adduction', 'single_leg_balance', 'hip_extension'].every((p) => c.plan.items.some((i) => i.pattern === p)), guards: ['every-pattern-in-plan'] },
      { says: 'no loading-stage item on day 1', kind: 'must-not', holds: dayOneLoading, guards: ['loading-earned'] },
      { says: 'levels change only after 7 days at a level', kind: 'must', holds: everyLevelChangeAfterAWeek, guards: ['ladder-before-level'] },
      { says: 'loading items never on consecutive days, at most 3 a pattern in any 7 days', kind: 'must', holds: loadingSpaced, guards: ['loading-spacing'] },
      { says: 'no 0- or 1-item session in 28 days (off days get the level-below exercise)', kind: 'must', holds: noThinSession, guards: ['off-day-substitute'] },
      { says: 'no ordinary exercise with more than 3 sets', kind: 'must-not', holds: moreThanThreeSets, guards: ['auto-ladder-three-sets'] },
      { says: 'impact work opens within the 28 days and comes straight after the warm-up', kind: 'must', holds: (c) => hasImpact(c) && impactFirst(c), guards: ['impact-after-warmup'] },
    ],
  },
  {
    id: 'runner-clear',
    who: 'A 35-year-old recreational runner, all tests clear and a steady pain-free hop, 40 minutes a day, no equipment.',
    minutes: 40,
    answers: makeAnswers({ tests: { ...strongAll(), single_leg_hop: each(clear('steady')) }, goal: 'running', prefs: { minutes: 40, equipment: ['none'] } }),
    statements: [
      { says: 'impact work only once a whole-body pattern reached its loading stage (shown with simulate)', kind: 'must', holds: impactOnlyAfterLoading, guards: ['impact-goal-gate'] },
      { says: 'the impact chain does open for a running goal within 28 days', kind: 'must', holds: hasImpact },
      { says: 'impact comes straight after the warm-up', kind: 'must', holds: impactFirst, guards: ['impact-after-warmup'] },
      { says: 'no 0- or 1-item session in 28 days', kind: 'must', holds: noThinSession, guards: ['off-day-substitute'] },
    ],
  },
  {
    id: 'desk-worker-10-min',
    who: 'A desk worker with a painful right hip flexion, a limited right rotation and a wobbly stance, 10 minutes a day, no equipment.',
    minutes: 10,
    answers: makeAnswers({
      tests: {
        ...strongAll(),
        active_hip_flexion: { left: clear('full'), right: { rating: 'partial', pain: 5, painPlace: 'front' } },
        seated_internal_rotation: { left: clear('full'), right: { rating: 'limited', pain: 2, painPlace: 'front' } },
        seated_external_rotation: { left: clear('full'), right: clear('partial') },
        single_leg_stance: { left: clear('steady'), right: clear('wobbly') },
        side_lying_adduction: each(clear('weak')),
        hip_extension_range: each(clear('limited')),
      },
      prefs: { minutes: 10, equipment: ['none'] },
    }),
    statements: [
      { says: 'every focus pattern, the painful right hip flexion included, is trained at least twice in every 7 days', kind: 'must', holds: focusTwiceInEveryWeek, guards: ['focus-twice-weekly', 'short-sessions-cut-sets'] },
      { says: 'the painful right hip flexion stays a focus item', kind: 'must', holds: (c) => c.plan.items.some((i) => i.pattern === 'hip_flexion' && i.side === 'right' && i.tier === 'focus') },
      { says: 'no focus pattern is moved out of focus for lack of time (sets are cut instead)', kind: 'must-not', holds: (c) => c.plan.items.some((i) => i.reasons.some((r) => r.ruleId === 'moved-to-foundation-for-time')), guards: ['short-sessions-cut-sets'] },
      { says: 'no Cossack squat, 90/90 work or deep loaded squat while right hip flexion hurts', kind: 'must-not', holds: deepFlexionOnTheRight, guards: ['position-gate'] },
      { says: 'the tight front of the hip (Thomas test) gets a front-of-hip lengthener at mobility level', kind: 'must', holds: (c) => c.plan.items.some((i) => i.pattern === 'hip_extension' && ['half_kneeling_hip_flexor_lengthen', 'edge_of_bed_thigh_lower'].includes(i.exerciseId)), guards: ['finding-picks-drill'] },
    ],
  },
  {
    id: 'pinch-strong-adductors',
    who: 'A cyclist with an early pinch on the knee-to-opposite-shoulder test on the right, strong pain-free adductors, a wobbly right stance but strong abductors.',
    answers: makeAnswers({
      tests: {
        ...strongAll(),
        flexion_adduction_comfort: { left: clear('no_pinch'), right: { rating: 'pinch_early', pain: 5, painPlace: 'front' } },
        single_leg_stance: { left: clear('steady'), right: clear('wobbly') },
      },
      prefs: { minutes: 30, equipment: ['none'] },
    }),
    statements: [
      { says: 'strong adductors are not a focus (no pillow squeeze for a pinch)', kind: 'must-not', holds: (c) => c.plan.items.some((i) => i.pattern === 'adduction' && i.tier === 'focus') },
      { says: 'strong abductors are not made a focus by the wobbly stance (secondary evidence)', kind: 'must-not', holds: (c) => c.plan.items.some((i) => i.pattern === 'abduction' && i.tier === 'focus'), guards: ['secondary-evidence-limited'] },
      { says: 'flexion with rotation never reaches its provocative level 3 before a reassessment', kind: 'must-not', holds: (c) => maxLevel('flexion_rotation', 'right')(c) >= 3 || maxLevel('flexion_rotation', 'both')(c) >= 3, guards: ['provocative-gate'] },
    ],
  },
  {
    id: 'ninety-ninety-back-hip',
    who: 'A yoga teacher whose 90/90 sit with the right leg in front stops at the back (left) hip, 5/10.',
    answers: makeAnswers({
      tests: { ...strongAll(), ninety_ninety_sit: { left: clear('full'), right: { rating: 'partial', pain: 5, painPlace: 'front', hip: 'back' } } },
      goal: 'flexibility_sport',
      prefs: { minutes: 30, equipment: ['none'] },
    }),
    statements: [
      { says: 'the healthy right (front-leg) hip gets no comfort drills for flexion with rotation', kind: 'must-not', holds: (c) => c.plan.items.some((i) => i.pattern === 'flexion_rotation' && i.tier === 'focus'), guards: ['ninety-ninety-side-mapping'] },
    ],
  },
  {
    id: 'post-partum-runner',
    who: 'A runner 9 months after childbirth, cleared to exercise, with wobbly single-leg stance and weak side-hip muscles on both sides; 60 minutes, no equipment.',
    minutes: 60,
    answers: makeAnswers({
      tests: { ...strongAll(), single_leg_stance: each(clear('wobbly')), side_lying_abduction: each(clear('weak')) },
      goal: 'running',
      prefs: { minutes: 60, equipment: ['none'] },
    }),
    statements: [
      { says: 'no skater squat, step-down, single-leg deadlift or rear-foot-elevated split squat on a wobbly side', kind: 'must-not', holds: usesSingleLeg, guards: ['single-leg-gate'] },
      { says: 'no loading-stage item on day 1', kind: 'must-not', holds: dayOneLoading, guards: ['loading-earned'] },
    ],
  },
  {
    id: 'painful-ir-with-chair',
    who: 'An office worker with painful right internal rotation (5/10) who owns a chair and a band.',
    answers: makeAnswers({
      tests: { ...strongAll(), seated_internal_rotation: { left: clear('full'), right: { rating: 'partial', pain: 5, painPlace: 'front' } } },
      prefs: { minutes: 60, equipment: ['chair', 'band'] },
    }),
    minutes: 60,
    statements: [
      { says: 'never an internal-rotation drill seated on a chair (deeper hip flexion) for the painful hip', kind: 'must-not', holds: (c) => items(c).some((i) => i.side !== 'left' && ['seated_ir_foot_swing', 'banded_seated_ir'].includes(i.exerciseId)), guards: ['no-deeper-flexion-for-painful-hip'] },
    ],
  },
  {
    id: 'home-gym-defaults',
    who: 'A strong, pain-free lifter with a wall, a chair, a band and weights.',
    answers: makeAnswers({ tests: strongAll(), goal: 'lifting', prefs: { minutes: 60, equipment: ['wall', 'chair', 'band', 'weight', 'dowel'] } }),
    minutes: 60,
    statements: [
      { says: "the squat starts on the level's clinical default, not the wall sit", kind: 'must', holds: (c) => c.plan.items.some((i) => i.pattern === 'squat' && i.exerciseId === 'tempo_bodyweight_squat'), guards: ['clinical-default'] },
    ],
  },
  {
    id: 'high-irritability',
    who: 'A 38-year-old with average pain 7/10 and worst 9/10, painful hip flexion on both sides.',
    answers: makeAnswers({
      tests: { ...strongAll(), active_hip_flexion: each({ rating: 'partial', pain: 5, painPlace: 'front' }) },
      baseline: { painAverage: 7, painWorst: 9, psfs: [] },
      prefs: { minutes: 30, equipment: ['none'] },
    }),
    statements: [
      { says: 'no item has more than 2 sets in the first 2 weeks', kind: 'must-not', holds: (c) => c.days.slice(0, 14).some((d) => d.session.items.some((i) => i.dosage.sets > 2)), guards: ['irritability-grading'] },
    ],
  },
  {
    id: 'per-exercise-pain',
    who: 'A hiker who reports one exercise at 6/10 on day 4 and everything else at 1/10.',
    answers: makeAnswers({ tests: strongAll(), goal: 'walking_hiking', prefs: { minutes: 30, equipment: ['none'] } }),
    feedback: { default: { done: true, pain: 1, effort: 'right', form: 'good', morning: 'settled' }, days: {}, reassess: {} },
    painOnDay: { day: 3, pain: 6 },
    statements: [
      { says: 'only the pattern of the exercise that hurt steps down on the painful day', kind: 'must', holds: (c) => {
        const day = c.days[3]!;
        const downs = day.decisions.filter((d) => d.ruleId.startsWith('step-down'));
        return downs.length === 1 && downs[0]!.pattern === day.session.items[0]!.pattern;
      }, guards: ['per-exercise-pain'] },
      { says: 'a walking dose at least twice in every 7 days, never on a loading day', kind: 'must', holds: walksTwiceAWeek, guards: ['walking-dose'] },
    ],
  },
  {
    id: 'morning-flare',
    who: 'A walker whose hip flares the morning after day 5 without naming an exercise.',
    answers: makeAnswers({ tests: strongAll(), prefs: { minutes: 30, equipment: ['none'] } }),
    feedback: { days: { '2026-03-06': { done: true, pain: 2, effort: 'right', form: 'good', morning: 'flare' } }, reassess: {} },
    statements: [
      { says: 'a next-morning flare steps the day\'s patterns down', kind: 'must', holds: (c) => c.days[4]!.decisions.some((d) => d.ruleId === 'step-down-morning-flare'), guards: ['flare-steps-down'] },
      { says: 'a daily-life walker is offered the walking dose at least twice in every 7 days', kind: 'must', holds: walksTwiceAWeek, guards: ['walking-dose'] },
    ],
  },
  {
    id: 'reassessed-older-adult',
    feedback: { days: {}, reassess: { '2026-03-23': oaTests() as FeedbackFile['reassess'][string] } },
    who: 'A 63-year-old with OA-like stiffness (limited rotation and flexion both sides), reassessed on day 22 with the same results.',
    answers: makeAnswers({
      tests: oaTests(),
      baseline: { painAverage: 3, painWorst: 5, psfs: [] },
      prefs: { minutes: 40, equipment: ['chair'] },
    }),
    minutes: 40,
    statements: [
      { says: 'reassessment keeps progress: no pattern drops more than one level', kind: 'must', holds: (c) => {
        const before = c.days[20]!.levels as Record<string, Record<string, number>>;
        const after = c.days[21]!.levels as Record<string, Record<string, number>>;
        return Object.entries(before).every(([p, sides]) => Object.entries(sides).every(([s, l]) => (after[p]?.[s] ?? l) >= l - 1));
      }, guards: ['reassessment-keeps-progress'] },
    ],
  },
  {
    id: 'hypermobile-dancer',
    who: 'A hypermobile dancer, full range everywhere, pain 2/10 at the end of the knee-to-opposite-shoulder test.',
    answers: makeAnswers({ tests: { ...strongAll(), flexion_adduction_comfort: each({ rating: 'pinch_near_end', pain: 2, painPlace: 'front' }) }, goal: 'flexibility_sport', prefs: { minutes: 30, equipment: ['band'] } }),
    statements: [
      { says: 'never a loading item on day 1', kind: 'must-not', holds: dayOneLoading, guards: ['loading-earned'] },
      { says: 'every pattern is in the plan', kind: 'must', holds: (c) => new Set(c.plan.items.map((i) => i.pattern)).size === 12, guards: ['every-pattern-in-plan'] },
    ],
  },
];
