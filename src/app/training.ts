import { z } from 'zod';
import { EFFORTS, FORMS, type Effort, type FeedbackSignal, type Form } from '../content/ids.js';
import type { TroubleshootingTopic } from '../content/schema.js';
import { normaliseEquipment, painScore } from '../coaching/assessment-answers.js';
import { decideSession, levelsOf, type Nudge } from '../coaching/progression.js';
import { PAIN_OK_MAX } from '../coaching/rules.js';
import type { Referral } from '../coaching/safety.js';
import { buildSession, trackKey, type Session } from '../coaching/session.js';
import { summariseDecisions } from '../coaching/summary.js';
import { latestMeasures } from '../db/repos/measures.js';
import type { Person } from '../db/repos/people.js';
import { activePlan, type StoredPlan } from '../db/repos/plans.js';
import { engineState, saveEngineState, setSettledMornings } from '../db/repos/progression.js';
import {
  ensureWorkout,
  feedbackFor,
  getWorkout,
  insertFeedback,
  setFeedbackDraft,
  setWorkoutSession,
  setWorkoutStatus,
  settleFeedback,
  unsettledFeedback,
  workoutOn,
  type Feedback,
  type Workout,
} from '../db/repos/workouts.js';
import type { FeedbackDraft, StoredDecision } from '../db/schema.js';
import { engineFeedback, feedbackSignals, morningVerdict, storedDecisions, undoSession } from './session-feedback.js';
import { localDateIn } from './time.js';
import type { AppDeps, Tx } from './context.js';
import type { People } from './people.js';
import type { Safety } from './safety.js';

/** Feedback for one session, checked against that session's exercises. */
function feedbackInputSchema(session: Session) {
  const ids = new Set(session.items.map((i) => i.exerciseId));
  return z.object({
    painByExercise: z.record(
      z.string().refine((id) => ids.has(id), { error: 'Please pick exercises from today\'s workout.' }),
      painScore,
    ),
    pain: painScore.optional(),
    effort: z.enum(EFFORTS),
    form: z.enum(FORMS),
  });
}

/** Session feedback (spec v2): the exercises that went above 3/10 name themselves. */
export interface FeedbackInput {
  /** Exercise id -> pain (0-10), for today's exercises that went above 3/10; {} when none did. */
  painByExercise: Record<string, number>;
  /** Highest pain of every other exercise; absent means "3 or less" (recorded as 3, an upper bound). */
  pain?: number;
  effort: Effort;
  form: Form;
}

export interface FeedbackResult {
  decisions: StoredDecision[];
  /** What moved, one line per change, "no change" grouped into one line. */
  lines: string[];
  nudges: Nudge[];
  signals: FeedbackSignal[];
  topics: TroubleshootingTopic[];
  clinicianReview: boolean;
}

export type FeedbackOutcome =
  | { kind: 'recorded'; result: FeedbackResult }
  | { kind: 'already_recorded' }
  | { kind: 'not_found' }
  | { kind: 'invalid'; message: string };

/** The morning's verdict: settled, a flare (2+ points above usual), or worse by less than that. */
export type MorningVerdict = 'settled' | 'flare' | 'unsettled';

export interface MorningResult extends FeedbackResult {
  verdict: MorningVerdict;
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
    const gate = this.safety.gate(personId);
    if (gate) return gate.kind === 'needs_consent' ? { kind: 'not_consented' } : gate;
    const person = this.people.find(personId)!;
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
    const built = this.sessionFor(this.deps.db, person, localDate);
    if (!built) return { kind: 'no_plan' };
    const workout = ensureWorkout(this.deps.db, person.id, built.planId, built.session, this.deps.clock());
    return { workout, session: workout.session };
  }

  /** The day's session at the person's current levels and rungs (engine v2 state). */
  private sessionFor(db: Tx | AppDeps['db'], person: Person, localDate: string): { session: Session; planId: number } | undefined {
    const stored = activePlan(db, person.id);
    if (!stored) return undefined;
    const session = buildSession(
      {
        plan: stored.plan,
        userId: person.id,
        localDate,
        minutes: person.minutes,
        equipment: normaliseEquipment(person.equipment),
        levels: levelsOf(engineState(db, person.id, localDate)),
        planStart: localDateIn(person.timezone, stored.createdAt),
      },
      this.deps.library,
    );
    return { session, planId: stored.id };
  }

  skipWorkout(personId: string, workoutId: number): boolean {
    const workout = getWorkout(this.deps.db, workoutId);
    if (workout?.personId !== personId || workout.status !== 'planned') return false;
    setWorkoutStatus(this.deps.db, workoutId, 'skipped', this.deps.clock());
    return true;
  }

  /**
   * Session feedback (spec v2): the engine decides per pattern and side now, from per-exercise
   * pain, effort and form. A climb stands unless the next morning flares: then the morning check
   * undoes this session's moves and decides again with the flare (so two flares in a row are two
   * step-downs, and the clinician nudge).
   */
  recordFeedback(personId: string, workoutId: number, input: FeedbackInput): FeedbackOutcome {
    const workout = getWorkout(this.deps.db, workoutId);
    if (workout?.personId !== personId) return { kind: 'not_found' };
    if (feedbackFor(this.deps.db, workoutId)) return { kind: 'already_recorded' };
    const parsed = feedbackInputSchema(workout.session).safeParse(input);
    if (!parsed.success) return { kind: 'invalid', message: parsed.error.issues[0]?.message ?? 'That feedback could not be read.' };
    const now = this.deps.clock();
    // "None went above 3/10" is stored as 3, the top of the 0-3 answer (the column is required):
    // the engine reads it as acceptable pain, and the weekly summary counts it as a session within
    // 3/10 (`WeekPain`, coaching/progress.ts), never as a score the person gave.
    const row = { painDuring: parsed.data.pain ?? PAIN_OK_MAX, painByExercise: parsed.data.painByExercise, effort: parsed.data.effort, form: parsed.data.form };
    return this.deps.db.transaction((tx) => {
      // Older sessions whose morning never came are settled as they stand (nothing to undo).
      for (const old of unsettledFeedback(tx, personId)) settleFeedback(tx, old.id, { feel: null, pain: null, decisions: old.decisions }, now);
      const before = engineState(tx, personId, workout.localDate);
      const plan = this.activePlan(personId)?.plan;
      const decided = plan ? decideSession({ plan, session: workout.session, feedback: engineFeedback(row), state: before, library: this.deps.library }) : undefined;
      const decisions = decided ? storedDecisions(decided.decisions, decided.nudges, before) : [];
      const inserted = insertFeedback(tx, { workoutId, personId, ...row, decisions, settled: false }, now);
      if (!inserted) return { kind: 'already_recorded' } as const;
      // The morning check counts settled mornings; until then the count stays where it was.
      if (decided) saveEngineState(tx, personId, { ...decided.state, settledMornings: before.settledMornings }, now);
      setWorkoutStatus(tx, workoutId, 'done', now);
      return { kind: 'recorded', result: this.result(row, decisions, decided?.nudges ?? [], false) } as const;
    });
  }

  /** Feedback waiting for a morning check, if any (the newest is the one to ask about). */
  pendingMorningCheck(personId: string): PendingMorning | undefined {
    return unsettledFeedback(this.deps.db, personId).at(-1);
  }

  /**
   * The morning after: "better"/"same" is settled; "worse" asks the pain, and 2+ points above usual
   * is a flare, which undoes the last session's moves and decides it again with the flare (the
   * exercises named as painful step down, or every trained pattern when none was named).
   */
  recordMorningCheck(personId: string, feel: 'better' | 'same' | 'worse', pain?: number): MorningResult | undefined {
    const now = this.deps.clock();
    const usual = latestMeasures(this.deps.db, personId)?.painAverage;
    const verdict = morningVerdict(feel, pain, usual);
    return this.deps.db.transaction((tx) => {
      const pending = unsettledFeedback(tx, personId);
      const latest = pending.at(-1);
      if (!latest) return undefined;
      for (const old of pending.slice(0, -1)) settleFeedback(tx, old.id, { feel: null, pain: null, decisions: old.decisions }, now);
      const current = engineState(tx, personId, latest.localDate);
      let decisions: StoredDecision[] = [];
      let nudges: Nudge[] = [];
      const plan = this.activePlan(personId)?.plan;
      const workout = getWorkout(tx, latest.workoutId);
      if (verdict === 'flare' && plan && workout) {
        const { state: undone, undone: keys } = undoSession(current, latest.decisions);
        const decided = decideSession({ plan, session: workout.session, feedback: engineFeedback(latest, 'flare'), state: undone, library: this.deps.library });
        const moved = decided.decisions.filter((d) => keys.has(trackKey(d.pattern, d.side)));
        decisions = storedDecisions(moved, decided.nudges, undone);
        nudges = decided.nudges.filter((n) => keys.has(trackKey(n.pattern, n.side)));
        const tracks = Object.fromEntries([...keys].map((k) => [k, decided.state.tracks[k]!]));
        saveEngineState(tx, personId, { tracks, settledMornings: 0 }, now);
      } else {
        setSettledMornings(tx, personId, verdict === 'settled' ? current.settledMornings + 1 : 0, now);
      }
      settleFeedback(tx, latest.id, { feel, pain: pain ?? null, decisions: verdict === 'flare' ? decisions : latest.decisions }, now);
      if (verdict === 'flare') this.refreshPlannedWorkout(tx, personId);
      return { ...this.result(latest, decisions, nudges, verdict === 'flare'), verdict };
    });
  }

  /** After a flare, today's workout (built for the daily DM before the check) follows the new levels. */
  private refreshPlannedWorkout(tx: Tx, personId: string): void {
    const person = this.people.find(personId);
    if (!person) return;
    const today = workoutOn(tx, personId, this.people.localDate(person));
    if (today?.status !== 'planned') return;
    const built = this.sessionFor(tx, person, today.localDate);
    if (built) setWorkoutSession(tx, today.id, built.session);
  }

  private result(f: Pick<Feedback, 'painDuring' | 'painByExercise' | 'effort' | 'form'>, decisions: StoredDecision[], nudges: Nudge[], flare: boolean): FeedbackResult {
    const signals = feedbackSignals(f, flare, decisions);
    return { decisions, lines: summariseDecisions(decisions), nudges, signals, topics: this.topicsFor(signals), clinicianReview: nudges.length > 0 };
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
