import { GOAL_PATTERNS, type PatternId } from '../content/ids.js';
import type { Library } from '../content/library.js';
import type { Answers } from './assessment-answers.js';
import { addDays } from './calendar.js';
import type { EngineOptions } from './engine-rules.js';
import { DEFAULT_FEEDBACK, type FeedbackFile, type SessionFeedback } from './feedback.js';
import { buildPlan, type Plan } from './plan.js';
import { decideSession, emptyEngineState, initialTrack, levelsOf, type Decision, type EngineState, type Nudge } from './progression.js';
import { carryProgress } from './reassessment.js';
import { buildSession, trackKey, type Session } from './session.js';

export interface SimulateInput {
  answers: Answers;
  start: string;
  days: number;
  minutes?: number;
  feedback?: FeedbackFile;
  options?: EngineOptions;
}

type PerSide = { left: number; right: number } | { both: number } | { left: number } | { right: number };

export interface SimulatedDay {
  date: string;
  session: Session;
  levels: Partial<Record<PatternId, PerSide>>;
  rungs: Partial<Record<PatternId, PerSide>>;
  decisions: Decision[];
  nudges: Nudge[];
}

/** The user id simulations run as: sessions rotate by it, so it is fixed for byte-identical output. */
export const SIMULATE_USER = 'simulate';

/** Levels and rungs at the start of the day, per pattern, for every plan item and open goal track. */
function snapshot(plan: Plan, state: EngineState, field: 'level' | 'rung'): SimulatedDay['levels'] {
  const out: Record<string, Record<string, number>> = {};
  for (const item of plan.items) {
    const t = state.tracks[trackKey(item.pattern, item.side)];
    (out[item.pattern] ??= {})[item.side] = field === 'level' ? (t?.level ?? item.level) : (t?.rung ?? 0);
  }
  for (const pattern of GOAL_PATTERNS) {
    const t = state.tracks[trackKey(pattern, 'both')];
    if (t) out[pattern] = { both: t[field] };
  }
  return out;
}

/**
 * Four weeks of coaching without waiting four weeks: each day's session at the current levels,
 * the day's feedback, the decisions it causes, and reassessments on their dates. Pure and
 * deterministic: the same input gives deep-equal output.
 */
export function simulate(input: SimulateInput, library: Library): { days: SimulatedDay[] } {
  const { options } = input;
  let answers = input.answers;
  let plan = buildPlan(answers, library, options);
  let state: EngineState = emptyEngineState();
  for (const item of plan.items) state.tracks[trackKey(item.pattern, item.side)] = initialTrack(item.level, input.start);
  const days: SimulatedDay[] = [];
  for (let i = 0; i < input.days; i++) {
    const date = addDays(input.start, i);
    const retest = input.feedback?.reassess[date];
    if (retest) {
      const next: Answers = { ...answers, tests: retest };
      const newPlan = buildPlan(next, library, options);
      state = carryProgress({ state, newPlan, before: answers.tests, after: retest, date, library }, options);
      answers = next;
      plan = newPlan;
    }
    const levels = snapshot(plan, state, 'level');
    const rungs = snapshot(plan, state, 'rung');
    const session = buildSession(
      { plan, userId: SIMULATE_USER, localDate: date, levels: levelsOf(state), planStart: input.start, ...(input.minutes !== undefined ? { minutes: input.minutes } : {}), ...(options ? { options } : {}) },
      library,
    );
    const feedback: SessionFeedback = input.feedback?.days[date] ?? input.feedback?.default ?? DEFAULT_FEEDBACK;
    // Goal tracks (impact) join the state the first day they appear in a session.
    for (const item of session.items) {
      if (item.offDay || item.weeklyWalk) continue;
      const key = trackKey(item.pattern, item.side);
      state.tracks[key] ??= initialTrack(item.level, date);
    }
    const decided = decideSession({ plan, session, feedback, state, library, ...(options ? { options } : {}) });
    state = decided.state;
    days.push({ date, session, levels, rungs, decisions: decided.decisions, nudges: decided.nudges });
  }
  return { days };
}
