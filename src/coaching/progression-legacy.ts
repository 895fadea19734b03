import type { FeedbackSignal } from '../content/ids.js';
import {
  GOOD_SESSIONS_TO_PROGRESS,
  MORNING_FLARE_POINTS,
  PAIN_ACCEPTABLE_MAX,
  PAIN_OK_MAX,
  PROGRESSION_RULES,
  REGRESSIONS_BEFORE_REVIEW,
  type ProgressionRule,
  type SessionOutcome,
} from './rules.js';

/** A person's place on one pattern's chain (one side, or both). */
export interface ProgressionState {
  level: number;
  /** Consecutive good sessions at this level. */
  goodStreak: number;
  /** Consecutive regressions on this pattern. */
  regressStreak: number;
}

export interface ProgressionDecision {
  change: 'progress' | 'regress' | 'hold' | 'pending';
  ruleId: string;
  explain: string;
  fromLevel: number;
  toLevel: number;
  state: ProgressionState;
  /** Two regressions in a row: suggest a clinician review (a nudge, not a red flag). */
  clinicianReview: boolean;
}

export function initialState(level: number): ProgressionState {
  return { level, goodStreak: 0, regressStreak: 0 };
}

export function matchRule(outcome: SessionOutcome): ProgressionRule {
  const rule = PROGRESSION_RULES.find((r) => r.when(outcome));
  // The last rule always matches; this guards against an edited table.
  if (!rule) throw new Error('progression rules must end with a catch-all');
  return rule;
}

/**
 * Apply one session's outcome to one track. `maxLevel` is the top of the chain. With the morning
 * check still 'pending', only same-day regressions apply; call again once the morning is known.
 */
export function applyOutcome(state: ProgressionState, outcome: SessionOutcome, maxLevel: number): ProgressionDecision {
  const rule = matchRule(outcome);
  const from = state.level;
  const base = { ruleId: rule.id, explain: rule.explain, fromLevel: from };
  switch (rule.change) {
    case 'pending':
      return { ...base, change: 'pending', toLevel: from, state, clinicianReview: false };
    case 'regress': {
      const regressStreak = state.regressStreak + 1;
      const to = Math.max(1, from - 1);
      return {
        ...base,
        change: 'regress',
        toLevel: to,
        state: { level: to, goodStreak: 0, regressStreak },
        clinicianReview: regressStreak >= REGRESSIONS_BEFORE_REVIEW,
      };
    }
    case 'hold':
      return { ...base, change: 'hold', toLevel: from, state: { level: from, goodStreak: 0, regressStreak: 0 }, clinicianReview: false };
    case 'count':
    case 'progress': {
      const goodStreak = state.goodStreak + 1;
      if (goodStreak >= GOOD_SESSIONS_TO_PROGRESS && from < maxLevel) {
        return {
          ...base,
          change: 'progress',
          ruleId: 'progress-two-good-sessions',
          explain: `${GOOD_SESSIONS_TO_PROGRESS} good sessions in a row: ${rule.explain}`,
          toLevel: from + 1,
          state: { level: from + 1, goodStreak: 0, regressStreak: 0 },
          clinicianReview: false,
        };
      }
      return { ...base, change: 'hold', toLevel: from, state: { level: from, goodStreak, regressStreak: 0 }, clinicianReview: false };
    }
  }
}

/** Which troubleshooting signals a session's feedback raises (the bot shows matching topics). */
export function feedbackSignals(outcome: SessionOutcome): FeedbackSignal[] {
  const signals: FeedbackSignal[] = [];
  if (outcome.painDuring > PAIN_ACCEPTABLE_MAX) signals.push('pain_high');
  else if (outcome.painDuring > PAIN_OK_MAX) signals.push('pain_moderate');
  if (outcome.effort === 'hard') signals.push('effort_hard');
  if (outcome.form === 'struggled') signals.push('form_struggled');
  if (typeof outcome.morning === 'object' && outcome.morning.pain - outcome.morning.usual >= MORNING_FLARE_POINTS) {
    signals.push('morning_flare');
  }
  return signals;
}
