import type { PatternId, Side } from '../content/ids.js';
import type { Library } from '../content/library.js';
import { levelAt } from './choice.js';
import { dayNumber } from './calendar.js';
import { topRung } from './dosage.js';
import { ruleOn, type EngineOptions } from './engine-rules.js';
import type { SessionFeedback } from './feedback.js';
import { gatesOf } from './goals.js';
import { openLevelAtOrBelow } from './gates.js';
import type { Plan } from './plan.js';
import { PAIN_ACCEPTABLE_MAX, PAIN_OK_MAX, REGRESSIONS_BEFORE_REVIEW } from './rules.js';
import { trackKey, type ProgressionLevels, type Session } from './session.js';


/** Where one pattern and side stands (spec v2): store one per `pattern:side`. */
export interface TrackState {
  level: number;
  /** Rung of the level's dosage ladder, 0 = first. */
  rung: number;
  /** Good exposures since the level started. */
  goodExposures: number;
  /** The local date the level started: a level change needs at least 7 days. */
  levelSince: string;
  /** Step-downs in a row: 2 send a clinician-review nudge. */
  stepDowns: number;
}

export interface EngineState {
  tracks: Record<string, TrackState>;
  /** Sessions in a row with a settled next morning (the irritable hip's loading gate). */
  settledMornings: number;
}

export const MIN_GOOD_EXPOSURES = 3;
export const MIN_DAYS_AT_LEVEL = 7;
export const SETTLED_MORNINGS_FOR_LOADING = 4;
/** The v1 rule, kept for the mutation test of `ladder-before-level`: two good sessions. */
const V1_GOOD_SESSIONS = 2;

export interface Decision {
  pattern: PatternId;
  side: Side;
  /** Level before and after. */
  from: number;
  to: number;
  fromRung: number;
  toRung: number;
  change: 'level_up' | 'rung_up' | 'step_down' | 'level_down' | 'hold';
  ruleId: string;
  reason: string;
}

export interface Nudge {
  kind: 'clinician_review';
  pattern: PatternId;
  side: Side;
  ruleId: string;
}

export const PROGRESSION_V2_RULES = {
  flare: { id: 'step-down-morning-flare', reason: 'the hip flared the next morning (2+ points above usual)' },
  painHigh: { id: 'step-down-pain-above-5', reason: `this exercise went above ${PAIN_ACCEPTABLE_MAX}/10` },
  form: { id: 'step-down-form', reason: 'form was breaking down' },
  painHold: { id: 'hold-pain-4-5', reason: 'pain of 4-5/10 that settles is fine: same dose again' },
  effortHold: { id: 'hold-effort-hard', reason: 'it felt hard: same dose until it feels about right' },
  morningHold: { id: 'hold-morning-not-settled', reason: 'the next morning was not settled: same dose' },
  climb: { id: 'climb-rung', reason: 'a good session: one rung up the dosage ladder' },
  topHold: { id: 'hold-top-rung', reason: `at the top rung: a new level needs ${MIN_GOOD_EXPOSURES} good sessions and ${MIN_DAYS_AT_LEVEL} days at this level` },
  levelUp: { id: 'level-up', reason: `top rung, ${MIN_GOOD_EXPOSURES}+ good sessions and ${MIN_DAYS_AT_LEVEL}+ days at this level` },
  provocative: { id: 'hold-provocative-gate', reason: 'the next level loads the pinchy position; it waits for a reassessment with that test at 3/10 or less' },
  loadingGate: { id: 'hold-loading-not-earned', reason: `an irritable hip earns loading after ${SETTLED_MORNINGS_FOR_LOADING} settled mornings in a row` },
  gated: { id: 'hold-single-leg-gate', reason: 'the next level is single-leg loading, which waits for a steady, strong side' },
  top: { id: 'hold-chain-top', reason: 'the top of this chain: keep building here' },
  review: { id: 'review-two-step-downs', reason: 'two step-downs in a row on this pattern' },
} as const;

export function initialTrack(level: number, date: string): TrackState {
  return { level, rung: 0, goodExposures: 0, levelSince: date, stepDowns: 0 };
}

export function emptyEngineState(): EngineState {
  return { tracks: {}, settledMornings: 0 };
}

/** Levels and rungs for `buildSession`. */
export function levelsOf(state: EngineState): ProgressionLevels {
  return Object.fromEntries(Object.entries(state.tracks).map(([k, t]) => [k, { level: t.level, rung: t.rung }]));
}

type Verdict = keyof typeof PROGRESSION_V2_RULES;

/** First match wins (flare before pain before form): the verdict for one exercise. */
function verdictFor(pain: number, fb: SessionFeedback, flared: boolean): Verdict {
  if (flared) return 'flare';
  if (pain > PAIN_ACCEPTABLE_MAX) return 'painHigh';
  if (fb.form === 'struggled') return 'form';
  if (pain > PAIN_OK_MAX) return 'painHold';
  if (fb.effort === 'hard') return 'effortHold';
  if (fb.morning === 'flare') return 'morningHold';
  return 'climb';
}

export interface DecideInput {
  plan: Plan;
  session: Session;
  feedback: SessionFeedback;
  state: EngineState;
  library: Library;
  options?: EngineOptions;
}

/**
 * One session's feedback -> per-pattern, per-side decisions (spec v2). Only the patterns of the
 * exercises that hurt step down; a morning flare steps down the exercises named as painful, or
 * every trained pattern when none was named. Pure: returns the new state.
 */
export function decideSession(input: DecideInput): { state: EngineState; decisions: Decision[]; nudges: Nudge[] } {
  const { plan, session, feedback: fb, library, options } = input;
  const state: EngineState = { tracks: { ...input.state.tracks }, settledMornings: input.state.settledMornings };
  if (!fb.done || session.items.length === 0) return { state, decisions: [], nudges: [] };
  const date = session.localDate;
  const byExercise = fb.painByExercise ?? {};
  const perExercise = ruleOn(options, 'per-exercise-pain');
  const sessionMax = Math.max(fb.pain ?? 0, ...Object.values(byExercise));
  const named = Object.entries(byExercise).filter(([, p]) => p > PAIN_OK_MAX).map(([id]) => id);
  const flare = fb.morning === 'flare' && ruleOn(options, 'flare-steps-down');
  state.settledMornings = fb.morning === 'flare' ? 0 : state.settledMornings + 1;
  const gates = gatesOf(plan);
  const decisions: Decision[] = [];
  const nudges: Nudge[] = [];
  for (const item of session.items) {
    // The goal's walk has no track of its own (E4).
    if (item.weeklyWalk) continue;
    const key = trackKey(item.pattern, item.side);
    const before = state.tracks[key] ?? initialTrack(item.level, date);
    const pain = perExercise ? (byExercise[item.exerciseId] ?? fb.pain ?? 0) : sessionMax;
    const flared = flare && (!perExercise || named.length === 0 || named.includes(item.exerciseId));
    const verdict = verdictFor(pain, fb, flared);
    const stepDown = verdict === 'flare' || verdict === 'painHigh' || verdict === 'form';
    // An off-day stand-in (E1) is not the pattern's level: good days leave the track alone, and a
    // painful one eases the track where it stands (its own level and rung), never the stand-in's.
    if (item.offDay && !stepDown) continue;
    const chain = library.chains[item.pattern];
    const exercise = library.exerciseById.get(item.exerciseId)!;
    let next: TrackState = item.offDay ? { ...before } : { ...before, level: item.level, rung: item.rung ?? before.rung };
    let rule: Verdict = verdict;
    if (stepDown) {
      next = next.rung > 0 ? { ...next, rung: next.rung - 1 } : { ...next, level: Math.max(1, next.level - 1), rung: 0, goodExposures: 0, levelSince: next.level > 1 ? date : next.levelSince };
      next.stepDowns += 1;
      next.goodExposures = next.level === before.level ? next.goodExposures : 0;
      if (next.stepDowns >= REGRESSIONS_BEFORE_REVIEW) nudges.push({ kind: 'clinician_review', pattern: item.pattern, side: item.side, ruleId: PROGRESSION_V2_RULES.review.id });
    } else if (verdict === 'climb') {
      next.stepDowns = 0;
      next.goodExposures += 1;
      const ladder = ruleOn(options, 'ladder-before-level');
      if (ladder && next.rung < topRung(exercise, options)) next.rung += 1;
      else {
        rule = levelUpVerdict(next, chain.levels.length, date, ladder);
        if (rule === 'levelUp') {
          const allowed = openLevelAtOrBelow(chain, next.level + 1, { pattern: item.pattern, side: item.side, equipment: plan.equipment }, gates, options);
          const target = levelAt(chain, next.level + 1);
          const irritableLoading = gates.irritability === 'high' && target.stage === 'loading' && state.settledMornings < SETTLED_MORNINGS_FOR_LOADING;
          if (allowed <= next.level) rule = target.provocative ? 'provocative' : 'gated';
          else if (irritableLoading) rule = 'loadingGate';
          else next = { ...next, level: next.level + 1, rung: 0, goodExposures: 0, levelSince: date };
        }
      }
    }
    state.tracks[key] = next;
    if (next.level !== before.level || next.rung !== before.rung || rule !== 'climb') {
      decisions.push({
        pattern: item.pattern,
        side: item.side,
        from: before.level,
        to: next.level,
        fromRung: before.rung,
        toRung: next.rung,
        change: next.level > before.level ? 'level_up' : next.level < before.level ? 'level_down' : next.rung > before.rung ? 'rung_up' : next.rung < before.rung ? 'step_down' : 'hold',
        ruleId: PROGRESSION_V2_RULES[rule].id,
        reason: PROGRESSION_V2_RULES[rule].reason,
      });
    }
  }
  return { state, decisions, nudges };
}

function levelUpVerdict(t: TrackState, chainLength: number, date: string, ladder: boolean): Verdict {
  if (t.level >= chainLength) return 'top';
  if (!ladder) return t.goodExposures >= V1_GOOD_SESSIONS ? 'levelUp' : 'topHold';
  const days = dayNumber(date) - dayNumber(t.levelSince);
  return t.goodExposures >= MIN_GOOD_EXPOSURES && days >= MIN_DAYS_AT_LEVEL ? 'levelUp' : 'topHold';
}

