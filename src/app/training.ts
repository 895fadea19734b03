import { PATTERN_IDS, type Effort, type FeedbackSignal, type Form } from '../content/ids.js';
import type { TroubleshootingTopic } from '../content/schema.js';
import { normaliseEquipment } from '../coaching/assessment-answers.js';
import { applyOutcome, feedbackSignals, initialState, type ProgressionDecision } from '../coaching/progression.js';
import type { MorningCheck, SessionOutcome } from '../coaching/rules.js';
import type { Referral } from '../coaching/safety.js';
import { buildSession, type Session } from '../coaching/session.js';
import { REGRESSED_TWICE_SIGNAL } from '../coaching/targets.js';
import { latestMeasures } from '../db/repos/measures.js';
import type { Person } from '../db/repos/people.js';
import { activePlan, type StoredPlan } from '../db/repos/plans.js';
import { progressionLevels, saveTrackState, trackState } from '../db/repos/progression.js';
import {
  ensureWorkout,
  feedbackFor,
  getWorkout,
  insertFeedback,
  setFeedbackDraft,
  setWorkoutStatus,
  settleFeedback,
  unsettledFeedback,
  workoutOn,
  type Feedback,
  type Workout,
} from '../db/repos/workouts.js';
import type { FeedbackDraft, StoredDecision } from '../db/schema.js';
import type { AppDeps, Tx } from './context.js';
import type { People } from './people.js';
import type { Safety } from './safety.js';

export interface FeedbackInput {
  painDuring: number;
  effort: Effort;
  form: Form;
}

export interface FeedbackResult {
  decisions: StoredDecision[];
  signals: FeedbackSignal[];
  topics: TroubleshootingTopic[];
  clinicianReview: boolean;
  /** True when the morning check will decide progress (nothing moved yet). */
  awaitingMorning: boolean;
}

export type FeedbackOutcome = { kind: 'recorded'; result: FeedbackResult } | { kind: 'already_recorded' } | { kind: 'not_found' };

export interface MorningResult {
  decisions: StoredDecision[];
  signals: FeedbackSignal[];
  topics: TroubleshootingTopic[];
  clinicianReview: boolean;
}

export type PendingMorning = Feedback & { localDate: string };
export type TodaysWorkout = { workout: Workout; session: Session };

/**
 * What the person should see next when they come to train, decided once for the Discord handler,
 * the console coach and the daily DM: a referral, no plan yet, the morning check, or today's session.
 */
export type TrainingNow =
  | { kind: 'not_consented' }
  | { kind: 'referral'; referral: Referral }
  | { kind: 'no_plan' }
  | { kind: 'morning_check'; pending: PendingMorning; draft: FeedbackDraft }
  | ({ kind: 'session' } & TodaysWorkout);

function withReviewSignal(signals: FeedbackSignal[], decisions: readonly StoredDecision[]): FeedbackSignal[] {
  return decisions.some((d) => d.clinicianReview) ? [...signals, REGRESSED_TWICE_SIGNAL] : signals;
}

/** Training: the day's workout, feedback, the morning check and progression. */
export class Training {
  constructor(
    private readonly deps: AppDeps,
    private readonly people: People,
    private readonly safety: Safety,
  ) {}

  activePlan(personId: string): StoredPlan | undefined {
    return activePlan(this.deps.db, personId);
  }

  /** The one place that decides what /workout, the console coach and the daily DM lead with. */
  now(personId: string): TrainingNow {
    const person = this.people.find(personId);
    if (!person?.consentAt) return { kind: 'not_consented' };
    const referral = this.safety.referral(personId);
    if (referral) return { kind: 'referral', referral };
    const localDate = this.people.localDate(person);
    const pending = this.morningCheckDue(personId, localDate);
    if (pending) return { kind: 'morning_check', pending, draft: this.workout(personId, pending.workoutId)?.feedbackDraft ?? {} };
    const today = this.workoutFor(person, localDate);
    return 'kind' in today ? today : { kind: 'session', ...today };
  }

  /** A morning check is due when a session from an earlier day still waits for it. */
  morningCheckDue(personId: string, localDate: string): PendingMorning | undefined {
    const pending = this.pendingMorningCheck(personId);
    return pending && pending.localDate < localDate ? pending : undefined;
  }

  /** Today's session in the person's own timezone, stored so the same day always shows the same one. */
  todaysWorkout(personId: string, localDate?: string): TodaysWorkout | { kind: 'no_plan' } | { kind: 'referral'; referral: Referral } {
    const person = this.people.person(personId);
    const referral = this.safety.referral(personId);
    if (referral) return { kind: 'referral', referral };
    return this.workoutFor(person, localDate ?? this.people.localDate(person));
  }

  /** A day's workout for a person already loaded (and screened); built once, then always the same. */
  workoutFor(person: Person, localDate: string): TodaysWorkout | { kind: 'no_plan' } {
    const existing = workoutOn(this.deps.db, person.id, localDate);
    if (existing) return { workout: existing, session: existing.session };
    const stored = this.activePlan(person.id);
    if (!stored) return { kind: 'no_plan' };
    const session = buildSession(
      {
        plan: stored.plan,
        userId: person.id,
        localDate,
        minutes: person.minutes,
        equipment: normaliseEquipment(person.equipment),
        levels: progressionLevels(this.deps.db, person.id),
      },
      this.deps.library,
    );
    const workout = ensureWorkout(this.deps.db, person.id, stored.id, session, this.deps.clock());
    return { workout, session: workout.session };
  }

  skipWorkout(personId: string, workoutId: number): boolean {
    const workout = getWorkout(this.deps.db, workoutId);
    if (workout?.personId !== personId || workout.status !== 'planned') return false;
    setWorkoutStatus(this.deps.db, workoutId, 'skipped', this.deps.clock());
    return true;
  }

  /** Session feedback: same-day regressions apply now; progress waits for the morning check. */
  recordFeedback(personId: string, workoutId: number, input: FeedbackInput): FeedbackOutcome {
    const workout = getWorkout(this.deps.db, workoutId);
    if (workout?.personId !== personId) return { kind: 'not_found' };
    if (feedbackFor(this.deps.db, workoutId)) return { kind: 'already_recorded' };
    const now = this.deps.clock();
    const outcome: SessionOutcome = { ...input, morning: 'pending' };
    return this.deps.db.transaction((tx) => {
      // Older sessions whose morning never came are settled first (they hold: nothing confirmed).
      for (const old of unsettledFeedback(tx, personId)) this.settle(tx, old, 'missing', now);
      const decisions = this.decide(tx, personId, workout, outcome, now);
      const awaitingMorning = decisions.every((d) => d.change === 'pending');
      const inserted = insertFeedback(tx, { workoutId, personId, ...input, decisions, settled: !awaitingMorning }, now);
      if (!inserted) return { kind: 'already_recorded' } as const;
      setWorkoutStatus(tx, workoutId, 'done', now);
      const signals = withReviewSignal(feedbackSignals(outcome), decisions);
      return { kind: 'recorded', result: { decisions, signals, topics: this.topicsFor(signals), clinicianReview: decisions.some((d) => d.clinicianReview), awaitingMorning } } as const;
    });
  }

  /** Feedback waiting for a morning check, if any (the newest is the one to ask about). */
  pendingMorningCheck(personId: string): PendingMorning | undefined {
    return unsettledFeedback(this.deps.db, personId).at(-1);
  }

  /** The next morning's check completes every session still waiting for it. */
  recordMorningCheck(personId: string, feel: 'better' | 'same' | 'worse', pain: number): MorningResult | undefined {
    const now = this.deps.clock();
    const usual = latestMeasures(this.deps.db, personId)?.painAverage;
    // Without a baseline, "worse" alone cannot be measured in points: it holds, never regresses.
    const morning: MorningCheck = { pain, usual: usual ?? (feel === 'worse' ? pain - 1 : pain) };
    return this.deps.db.transaction((tx) => {
      const pending = unsettledFeedback(tx, personId);
      if (pending.length === 0) return undefined;
      const decisions: StoredDecision[] = [];
      pending.forEach((f, i) => {
        const isLatest = i === pending.length - 1;
        decisions.push(...this.settle(tx, f, isLatest ? morning : 'missing', now, isLatest ? feel : null));
      });
      const latest = pending.at(-1)!;
      const signals = withReviewSignal(feedbackSignals({ painDuring: latest.painDuring, effort: latest.effort, form: latest.form, morning }), decisions);
      return { decisions, signals, topics: this.topicsFor(signals), clinicianReview: decisions.some((d) => d.clinicianReview) };
    });
  }

  private settle(tx: Tx, f: Feedback, morning: MorningCheck | 'missing', now: Date, feel: 'better' | 'same' | 'worse' | null = null): StoredDecision[] {
    const workout = getWorkout(tx, f.workoutId);
    if (!workout) return [];
    const decisions = this.decide(tx, f.personId, workout, { painDuring: f.painDuring, effort: f.effort, form: f.form, morning }, now);
    settleFeedback(tx, f.id, { feel, pain: typeof morning === 'object' ? morning.pain : null, decisions }, now);
    return decisions;
  }

  /** Apply one outcome to every track the session trained, saving states that changed. */
  private decide(tx: Tx, personId: string, workout: Workout, outcome: SessionOutcome, now: Date): StoredDecision[] {
    const seen = new Set<string>();
    const decisions: StoredDecision[] = [];
    for (const item of workout.session.items) {
      const key = `${item.pattern}:${item.side}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const chain = this.deps.library.chains[item.pattern];
      const state = trackState(tx, personId, item.pattern, item.side) ?? { pattern: item.pattern, side: item.side, ...initialState(item.level) };
      const d: ProgressionDecision = applyOutcome(state, outcome, chain.levels.length);
      if (d.change !== 'pending') saveTrackState(tx, personId, { pattern: item.pattern, side: item.side, ...d.state }, now);
      decisions.push({
        pattern: item.pattern,
        side: item.side,
        change: d.change,
        ruleId: d.ruleId,
        fromLevel: d.fromLevel,
        toLevel: d.toLevel,
        clinicianReview: d.clinicianReview,
      });
    }
    return decisions.sort((a, b) => PATTERN_IDS.indexOf(a.pattern) - PATTERN_IDS.indexOf(b.pattern));
  }

  workout(personId: string, workoutId: number): Workout | undefined {
    const w = getWorkout(this.deps.db, workoutId);
    return w?.personId === personId ? w : undefined;
  }

  recordedFeedback(workoutId: number): Feedback | undefined {
    return feedbackFor(this.deps.db, workoutId);
  }

  saveFeedbackDraft(personId: string, workoutId: number, draft: FeedbackDraft): boolean {
    if (!this.workout(personId, workoutId)) return false;
    setFeedbackDraft(this.deps.db, workoutId, draft);
    return true;
  }

  /** Troubleshooting topics for feedback signals, first match per signal, in guide order. */
  topicsFor(signals: readonly FeedbackSignal[]): TroubleshootingTopic[] {
    const chosen = signals.flatMap((s) => this.deps.library.troubleshooting.find((t) => t.showWhen.includes(s)) ?? []);
    return [...new Set(chosen)];
  }
}
