import type { FeedbackSignal } from '../content/ids.js';
import type { SessionFeedback } from '../coaching/feedback.js';
import type { Decision, EngineState, Nudge, TrackState } from '../coaching/progression.js';
import { MORNING_FLARE_POINTS, PAIN_ACCEPTABLE_MAX, PAIN_OK_MAX } from '../coaching/rules.js';
import { trackKey } from '../coaching/session.js';
import { REGRESSED_TWICE_SIGNAL } from '../coaching/targets.js';
import type { Feedback } from '../db/repos/workouts.js';
import type { StoredDecision } from '../db/schema.js';

/** Glue between stored feedback rows and the pure engine (`decideSession`), shared by training.ts. */

/** Decisions as stored: each with the track before the session (a flare re-decides from it) and its nudge. */
export function storedDecisions(decisions: readonly Decision[], nudges: readonly Nudge[], before: EngineState): StoredDecision[] {
  return decisions.map((d) => {
    const key = trackKey(d.pattern, d.side);
    const prior: TrackState | undefined = before.tracks[key];
    return {
      ...d,
      clinicianReview: nudges.some((n) => n.pattern === d.pattern && n.side === d.side),
      ...(prior ? { before: prior } : {}),
    };
  });
}

/** The engine's input from a stored feedback row and, once known, the morning. */
export function engineFeedback(f: Pick<Feedback, 'painDuring' | 'painByExercise' | 'effort' | 'form'>, morning?: 'settled' | 'flare'): SessionFeedback {
  return { done: true, pain: f.painDuring, painByExercise: f.painByExercise ?? {}, effort: f.effort, form: f.form, ...(morning ? { morning } : {}) };
}

/** The highest pain of a session: the named exercises and every other one. */
export function sessionPain(f: Pick<Feedback, 'painDuring' | 'painByExercise'>): number {
  return Math.max(f.painDuring, ...Object.values(f.painByExercise ?? {}));
}

/**
 * Better or the same is a settled morning. Worse is a flare at 2+ points above the person's usual
 * pain (their baseline average); without a baseline, "worse" alone cannot be measured in points.
 */
export function morningVerdict(feel: 'better' | 'same' | 'worse', pain: number | undefined, usual: number | undefined): 'settled' | 'flare' | 'unsettled' {
  if (feel !== 'worse') return 'settled';
  return pain !== undefined && usual !== undefined && pain - usual >= MORNING_FLARE_POINTS ? 'flare' : 'unsettled';
}

/** Which troubleshooting signals a session (and its morning) raise; the bot shows matching topics. */
export function feedbackSignals(
  f: Pick<Feedback, 'painDuring' | 'painByExercise' | 'effort' | 'form'>,
  flare: boolean,
  decisions: readonly StoredDecision[],
): FeedbackSignal[] {
  const signals: FeedbackSignal[] = [];
  const pain = sessionPain(f);
  if (pain > PAIN_ACCEPTABLE_MAX) signals.push('pain_high');
  else if (pain > PAIN_OK_MAX) signals.push('pain_moderate');
  if (f.effort === 'hard') signals.push('effort_hard');
  if (f.form === 'struggled') signals.push('form_struggled');
  if (flare) signals.push('morning_flare');
  if (decisions.some((d) => d.clinicianReview)) signals.push(REGRESSED_TWICE_SIGNAL);
  return signals;
}

/**
 * The state to decide a flared session again from: each track the session moved goes back to
 * where it was before, unless something else (a reassessment) has moved it since.
 */
export function undoSession(current: EngineState, decisions: readonly StoredDecision[]): { state: EngineState; undone: Set<string> } {
  const tracks = { ...current.tracks };
  const undone = new Set<string>();
  for (const d of decisions) {
    const key = trackKey(d.pattern, d.side);
    const now = tracks[key];
    if (!d.before || undone.has(key) || !now || now.level !== d.to || now.rung !== d.toRung) continue;
    tracks[key] = d.before;
    undone.add(key);
  }
  return { state: { tracks, settledMornings: current.settledMornings }, undone };
}
