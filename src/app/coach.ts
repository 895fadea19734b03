import { PATTERN_IDS, PATTERN_LABELS, type Effort, type FeedbackSignal, type Form } from '../content/ids.js';
import type { Library } from '../content/library.js';
import type { RedFlag, TroubleshootingTopic } from '../content/schema.js';
import { normaliseEquipment, type Answers, type Prefs } from '../coaching/assessment-answers.js';
import { buildPlan, type Plan } from '../coaching/plan.js';
import { applyOutcome, feedbackSignals, initialState, type ProgressionDecision } from '../coaching/progression.js';
import type { MorningCheck, SessionOutcome } from '../coaching/rules.js';
import { screenRedFlags, type Referral } from '../coaching/safety.js';
import { buildSession, type Session } from '../coaching/session.js';
import {
  reduceAssessment,
  type AssessmentAction,
  type AssessmentContext,
  type AssessmentState,
} from '../flows/assessment-state.js';
import { assessmentView } from '../flows/assessment-view.js';
import type { View } from '../flows/view.js';
import type { Db } from '../db/connection.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
import {
  closeAssessment,
  inProgressAssessment,
  completedAssessments,
  latestCompletedAssessment,
  resultsFor,
  saveAssessmentProgress,
  saveResults,
  startAssessment,
  type StoredAssessment,
} from '../db/repos/assessments.js';
import { latestMeasures, recordMeasures } from '../db/repos/measures.js';
import { deletePerson, ensurePerson, getPerson, markDmBlockedNoticed, recordConsent, setNextRun, setStatus, updateSettings, type Person, type PersonSettings } from '../db/repos/people.js';
import { snoozeDelivery } from '../db/repos/deliveries.js';
import type { Queryable } from '../db/types.js';
import { localParts, nextRunAfter } from '../coaching/schedule.js';
import { activePlan, activePlanStartedAt, saveActivePlan, type StoredPlan } from '../db/repos/plans.js';
import { progressionLevels, progressionStates, resetProgressionFromPlan, saveTrackState, trackState } from '../db/repos/progression.js';
import { clearReferrals, clearedUrgentFlags, openReferral, recordScreen } from '../db/repos/safety.js';
import {
  ensureWorkout,
  feedbackFor,
  feedbackSince,
  getWorkout,
  insertFeedback,
  recentWorkouts,
  workoutOn,
  setFeedbackDraft,
  setWorkoutStatus,
  settleFeedback,
  unsettledFeedback,
  type Feedback,
  type Workout,
} from '../db/repos/workouts.js';
import type { StoredDecision } from '../db/schema.js';
import { localDateIn, type Clock } from './time.js';
import { daysBetween, habitSummary, weeklySummary, type HabitSummary, type WeeklySummary } from '../coaching/progress.js';
import { addDays } from '../coaching/calendar.js';
import { measureHistory, psfsMean, type Measure } from '../db/repos/measures.js';
import { compareAssessments, type Comparison } from '../coaching/reassessment.js';
import { exportPerson, type PersonExport } from '../db/repos/privacy.js';
import { communityStats, doneWorkoutsBetween, measuredTwice } from '../db/repos/stats.js';
import { communityData, outcomesData } from '../charts/data.js';
import type { AssessmentColumn, CommunityData, OutcomesData } from '../charts/charts.js';
import type { FeedbackDraft } from '../db/schema.js';
import type { PatternId, Rating, Side } from '../content/ids.js';

/** Two regressions in a row on a pattern raise the "regressed twice" troubleshooting signal too. */
function withReviewSignal(signals: FeedbackSignal[], decisions: readonly StoredDecision[]): FeedbackSignal[] {
  return decisions.some((d) => d.clinicianReview) ? [...signals, 'regressed_twice'] : signals;
}

/** The spec's early habit target: 6 sessions in the first 2 weeks. */
export const EARLY_TARGET = { sessions: 6, days: 14 } as const;

/** The spec: reassess every 4 weeks. */
export const REASSESS_AFTER_DAYS = 28;

export interface ProgressReport {
  habit: HabitSummary;
  measures: Measure[];
  tracks: { pattern: PatternId; side: Side; startLevel: number; level: number; chainLength: number }[];
  planStarted: string;
  today: string;
}

export interface CoachDeps {
  db: Db;
  library: Library;
  clock: Clock;
}

export type AssessmentStepResult =
  | { kind: 'continue'; assessment: StoredAssessment; view: View }
  | { kind: 'referral'; referral: Referral }
  | { kind: 'complete'; plan: Plan; assessmentId: number; comparison: Comparison | null }
  | { kind: 'paused'; assessment: StoredAssessment };

export type OpenAssessment =
  | { kind: 'needs_consent' }
  | { kind: 'referral'; referral: Referral }
  | { kind: 'open'; assessment: StoredAssessment; resumed: boolean; view: View };

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

export type FeedbackOutcome =
  | { kind: 'recorded'; result: FeedbackResult }
  | { kind: 'already_recorded' }
  | { kind: 'not_found' };

export interface MorningResult {
  decisions: StoredDecision[];
  signals: FeedbackSignal[];
  topics: TroubleshootingTopic[];
  clinicianReview: boolean;
}

/**
 * The coach's use cases, shared by the Discord bot and the console coach. Each method is one unit
 * of work: it reads state, runs the pure domain, and writes the result in one transaction.
 */
export class Coach {
  constructor(private readonly deps: CoachDeps) {}

  get library(): Library {
    return this.deps.library;
  }

  private now(): Date {
    return this.deps.clock();
  }

  person(personId: string): Person {
    return ensurePerson(this.deps.db, personId, this.now());
  }

  findPerson(personId: string): Person | undefined {
    return getPerson(this.deps.db, personId);
  }

  consent(personId: string): Person {
    const now = this.now();
    return this.deps.db.transaction((tx) => {
      ensurePerson(tx, personId, now);
      recordConsent(tx, personId, now);
      return getPerson(tx, personId)!;
    });
  }

  /** Save settings; a change of time, zone or reminders reschedules the daily DM. */
  updateSettings(personId: string, settings: PersonSettings): Person {
    this.person(personId);
    const unblock = settings.remindersOn === true ? { dmBlockedAt: null, dmBlockedNoticeAt: null } : {};
    updateSettings(this.deps.db, personId, { ...settings, ...unblock }, this.now());
    if (settings.timezone !== undefined || settings.reminderTime !== undefined || settings.remindersOn !== undefined) {
      this.rescheduleReminders(personId);
    }
    return getPerson(this.deps.db, personId)!;
  }

  /** The next daily DM, or none: reminders on, an active plan, no referral and DMs not blocked. */
  rescheduleReminders(personId: string, db: Queryable = this.deps.db): Date | null {
    const person = getPerson(db, personId);
    if (!person) return null;
    const eligible = person.remindersOn && person.status === 'active' && person.dmBlockedAt === null && activePlan(db, personId) !== undefined;
    const next = eligible ? nextRunAfter(person.reminderTime, person.timezone, this.now()) : null;
    setNextRun(db, personId, next);
    return next;
  }

  prefsOf(person: Person): Prefs {
    return { minutes: person.minutes, equipment: normaliseEquipment(person.equipment) };
  }

  localDate(person: Person): string {
    return localDateIn(person.timezone, this.now());
  }

  /** Open referral, if any: while it stands, no plan or workout is offered. */
  referral(personId: string): Referral | null {
    const open = openReferral(this.deps.db, personId);
    return open?.level ? { level: open.level, flags: open.positiveFlags } : null;
  }

  /** Urgent flags a clinician has cleared are not asked again; emergency flags always are. */
  private askedFlags(personId: string): RedFlag[] {
    const cleared = clearedUrgentFlags(this.deps.db, personId);
    return this.library.redFlags.flags.filter((f) => f.level === 'emergency' || !cleared.has(f.id));
  }

  /** Start an assessment (a reassessment once a plan exists), or resume the one in progress at its step. */
  openAssessment(personId: string, requested?: 'initial' | 'reassessment'): OpenAssessment {
    const person = this.person(personId);
    if (!person.consentAt) return { kind: 'needs_consent' };
    const referral = this.referral(personId);
    if (referral) return { kind: 'referral', referral };
    const existing = inProgressAssessment(this.deps.db, personId);
    const kind = requested ?? (this.activePlan(personId) ? 'reassessment' : 'initial');
    const assessment = existing ?? startAssessment(this.deps.db, personId, kind, this.now());
    const view = assessmentView(assessment, this.library, this.askedFlags(personId));
    return { kind: 'open', assessment, resumed: existing !== undefined, view };
  }

  assessmentView(assessment: StoredAssessment, notice?: string): View {
    return assessmentView(assessment, this.library, this.askedFlags(assessment.personId), notice);
  }

  /** Apply one answer or button to the person's assessment in progress and save the result. */
  act(personId: string, action: AssessmentAction | { type: 'pause' }): AssessmentStepResult | { kind: 'no_assessment' } {
    const person = this.person(personId);
    const current = inProgressAssessment(this.deps.db, personId);
    if (!current) return { kind: 'no_assessment' };
    if (action.type === 'pause') return { kind: 'paused', assessment: current };
    const flags = this.askedFlags(personId);
    const ctx: AssessmentContext = { flags, prefs: this.prefsOf(person) };
    const result = reduceAssessment(current, action, ctx);
    const now = this.now();
    switch (result.kind) {
      case 'continue': {
        saveAssessmentProgress(this.deps.db, current.id, result.state.step, result.state.draft, now);
        const assessment = { ...current, ...result.state, updatedAt: now };
        return { kind: 'continue', assessment, view: assessmentView(assessment, this.library, flags, result.notice) };
      }
      case 'referral': {
        const referral = screenRedFlags(result.state.draft.redFlags)!;
        this.deps.db.transaction((tx) => {
          saveAssessmentProgress(tx, current.id, result.state.step, result.state.draft, now);
          recordScreen(
            tx,
            {
              personId,
              answers: result.state.draft.redFlags,
              positiveFlags: referral.flags,
              level: referral.level,
              source: current.kind === 'initial' ? 'assessment' : 'reassessment',
            },
            now,
          );
          closeAssessment(tx, current.id, 'referred', now);
          setStatus(tx, personId, 'referred', now);
          setNextRun(tx, personId, null);
        });
        return { kind: 'referral', referral };
      }
      case 'complete': {
        const comparison = current.kind === 'reassessment' ? this.compareWithLast(person, result.answers) : null;
        return { kind: 'complete', plan: this.completeAssessment(person, current, result.state, result.answers), assessmentId: current.id, comparison };
      }
    }
  }

  /** Reassessment: change per test and side against the last completed assessment, and in PSFS. */
  private compareWithLast(person: Person, answers: Answers): Comparison | null {
    const last = latestCompletedAssessment(this.deps.db, person.id);
    if (!last) return null;
    const history = measureHistory(this.deps.db, person.id);
    const first = history[0];
    const newMean = answers.baseline ? psfsMean(answers.baseline.psfs) : null;
    const days = first ? daysBetween(localDateIn(person.timezone, first.takenAt), this.localDate(person)) : 0;
    return compareAssessments(resultsFor(this.deps.db, last.id), answers.tests, { before: first?.psfsMean ?? null, after: newMean }, days);
  }

  private completeAssessment(person: Person, current: StoredAssessment, state: AssessmentState, answers: Answers): Plan {
    const plan = buildPlan(answers, this.library);
    const now = this.now();
    this.deps.db.transaction((tx) => {
      saveAssessmentProgress(tx, current.id, state.step, state.draft, now);
      recordScreen(
        tx,
        { personId: person.id, answers: answers.redFlags, positiveFlags: [], level: null, source: current.kind === 'initial' ? 'assessment' : 'reassessment' },
        now,
      );
      saveResults(tx, current.id, person.id, answers.tests, now);
      if (answers.baseline) recordMeasures(tx, person.id, current.id, answers.baseline, now);
      saveActivePlan(tx, person.id, current.id, plan, now);
      resetProgressionFromPlan(tx, person.id, plan, now);
      closeAssessment(tx, current.id, 'completed', now);
      setStatus(tx, person.id, 'active', now);
      this.rescheduleReminders(person.id, tx);
    });
    return plan;
  }

  /**
   * A red flag written in free text (a question, a message): for someone who has consented, it is
   * stored like a screen answer, stops the plan and pauses DMs until a clinician clears them.
   * Nothing is stored for people who never consented.
   */
  recordFreeTextRedFlags(personId: string, referral: Referral): boolean {
    const person = this.findPerson(personId);
    if (!person?.consentAt) return false;
    const now = this.now();
    this.deps.db.transaction((tx) => {
      recordScreen(tx, { personId, answers: Object.fromEntries(referral.flags.map((f) => [f, true])), positiveFlags: referral.flags, level: referral.level, source: 'free_text' }, now);
      setStatus(tx, personId, 'referred', now);
      setNextRun(tx, personId, null);
    });
    return true;
  }

  /** Facts for the daily DM's opening line: plan day, streak, the early target, recent moves. */
  dailyFacts(person: Person, localDate: string): string[] {
    // Light reads only: this runs for every daily DM, so no plan JSON and no long history.
    const started = activePlanStartedAt(this.deps.db, person.id);
    if (!started) return [];
    const day = daysBetween(localDateIn(person.timezone, started), localDate) + 1;
    const habit = habitSummary(recentWorkouts(this.deps.db, person.id, 31), localDate);
    const facts = [`day ${day} of your plan`, `streak: ${habit.streak} day${habit.streak === 1 ? '' : 's'}`];
    if (day <= EARLY_TARGET.days) facts.push(`${habit.sessionsDone} of ${EARLY_TARGET.sessions} sessions in your first two weeks`);
    else facts.push(`${habit.thisWeek} session${habit.thisWeek === 1 ? '' : 's'} so far this week`);
    const lastMoves = feedbackSince(this.deps.db, person.id, addDays(localDate, -2))
      .flatMap((f) => f.decisions)
      .filter((d) => d.change === 'progress' || d.change === 'regress');
    for (const d of lastMoves.slice(-2)) {
      facts.push(`${PATTERN_LABELS[d.pattern].toLowerCase()} ${d.change === 'progress' ? 'moved up' : 'eased back'} to level ${d.toLevel}`);
    }
    return facts;
  }

  /** A few plain facts from the person's own plan, for answers in their DMs only. */
  planSummaryForPrompt(personId: string): string {
    const stored = this.activePlan(personId);
    if (!stored) return '';
    const focus = stored.plan.items.filter((i) => i.tier === 'focus').map((i) => `${i.name} (${i.pattern.replace('_', ' ')}, ${i.side})`);
    return focus.length ? `their focus exercises are ${focus.slice(0, 8).join(', ')}.` : 'they have a plan with whole-body loading and trunk work.';
  }

  /** The person says a clinician cleared them: the referral closes and they may assess again. */
  clearedByClinician(personId: string): boolean {
    const now = this.now();
    return this.deps.db.transaction((tx) => {
      const cleared = clearReferrals(tx, personId, now);
      if (cleared > 0) setStatus(tx, personId, 'consented', now);
      return cleared > 0;
    });
  }

  activePlan(personId: string): StoredPlan | undefined {
    return activePlan(this.deps.db, personId);
  }

  /** Today's session in the person's own timezone, stored so the same day always shows the same one. */
  todaysWorkout(personId: string, localDate?: string): { workout: Workout; session: Session } | { kind: 'no_plan' } | { kind: 'referral'; referral: Referral } {
    const person = this.person(personId);
    const referral = this.referral(personId);
    if (referral) return { kind: 'referral', referral };
    return this.workoutFor(person, localDate ?? this.localDate(person));
  }

  /** A day's workout for a person already loaded (and screened); built once, then always the same. */
  workoutFor(person: Person, localDate: string): { workout: Workout; session: Session } | { kind: 'no_plan' } {
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
      this.library,
    );
    const workout = ensureWorkout(this.deps.db, person.id, stored.id, session, this.now());
    return { workout, session: workout.session };
  }

  skipWorkout(personId: string, workoutId: number): boolean {
    const workout = getWorkout(this.deps.db, workoutId);
    if (workout?.personId !== personId || workout.status !== 'planned') return false;
    setWorkoutStatus(this.deps.db, workoutId, 'skipped', this.now());
    return true;
  }

  /** Session feedback: same-day regressions apply now; progress waits for the morning check. */
  recordFeedback(personId: string, workoutId: number, input: FeedbackInput): FeedbackOutcome {
    const workout = getWorkout(this.deps.db, workoutId);
    if (workout?.personId !== personId) return { kind: 'not_found' };
    if (feedbackFor(this.deps.db, workoutId)) return { kind: 'already_recorded' };
    const now = this.now();
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
  pendingMorningCheck(personId: string): (Feedback & { localDate: string }) | undefined {
    return unsettledFeedback(this.deps.db, personId).at(-1);
  }

  /** The next morning's check completes every session still waiting for it. */
  recordMorningCheck(personId: string, feel: 'better' | 'same' | 'worse', pain: number): MorningResult | undefined {
    const now = this.now();
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

  private settle(
    tx: Tx,
    f: Feedback,
    morning: MorningCheck | 'missing',
    now: Date,
    feel: 'better' | 'same' | 'worse' | null = null,
  ): StoredDecision[] {
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
      const chain = this.library.chains[item.pattern];
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

  /** Habit, outcome measures and pattern levels for /progress. */
  progress(personId: string): ProgressReport | undefined {
    const person = this.findPerson(personId);
    const stored = this.activePlan(personId);
    if (!person || !stored) return undefined;
    const today = this.localDate(person);
    const days = recentWorkouts(this.deps.db, personId, 400);
    const levels = progressionStates(this.deps.db, personId);
    return {
      habit: habitSummary(days, today),
      measures: measureHistory(this.deps.db, personId),
      tracks: stored.plan.items.map((item) => ({
        pattern: item.pattern,
        side: item.side,
        startLevel: item.level,
        level: levels.find((l) => l.pattern === item.pattern && l.side === item.side)?.level ?? item.level,
        chainLength: this.library.chains[item.pattern].levels.length,
      })),
      planStarted: localDateIn(person.timezone, stored.createdAt),
      today,
    };
  }

  /** Snooze the day's reminder: returns the local time of the nudge, or null if there is no DM to snooze. */
  snooze(personId: string, localDate: string, hours: number): string | null {
    const person = this.findPerson(personId);
    if (!person) return null;
    const at = new Date(this.now().getTime() + hours * 3_600_000);
    if (!snoozeDelivery(this.deps.db, personId, localDate, at)) return null;
    const local = localParts(person.timezone, at);
    return `${String(Math.floor(local.minutes / 60)).padStart(2, '0')}:${String(local.minutes % 60).padStart(2, '0')}`;
  }

  /** Whether to tell the person (once, privately) that their DMs are blocked. */
  takeDmBlockedNotice(personId: string): boolean {
    const person = this.findPerson(personId);
    if (!person?.dmBlockedAt || person.dmBlockedNoticeAt) return false;
    markDmBlockedNoticed(this.deps.db, personId, this.now());
    return true;
  }

  /** A DM interaction proves DMs work again: lift the block and reschedule. */
  dmsWork(personId: string): void {
    const person = this.findPerson(personId);
    if (!person?.dmBlockedAt) return;
    updateSettings(this.deps.db, personId, { dmBlockedAt: null, dmBlockedNoticeAt: null }, this.now());
    this.rescheduleReminders(personId);
  }

  /** The week so far, for the Sunday summary DM. */
  weekly(personId: string, localDate: string): WeeklySummary {
    const days = recentWorkouts(this.deps.db, personId, 60);
    const fb = feedbackSince(this.deps.db, personId, addDays(localDate, -14));
    return weeklySummary(days, fb, localDate);
  }

  /**
   * Reassessment is due 4 weeks after the last completed assessment, and the invitation repeats
   * weekly until it is done. Returns the days since that assessment when an invitation is due.
   */
  reassessmentDue(person: Person, localDate: string): number | null {
    const last = latestCompletedAssessment(this.deps.db, person.id);
    if (!last?.completedAt) return null;
    const days = daysBetween(localDateIn(person.timezone, last.completedAt), localDate);
    return days >= REASSESS_AFTER_DAYS && (days - REASSESS_AFTER_DAYS) % 7 === 0 ? days : null;
  }

  /** Everything the /progress charts need, or undefined when there is nothing to draw yet. */
  chartData(personId: string): { outcomes: OutcomesData; assessments: AssessmentColumn[] } | undefined {
    const person = this.findPerson(personId);
    const report = this.progress(personId);
    if (!person || !report) return undefined;
    const done = recentWorkouts(this.deps.db, personId, 400).filter((w) => w.status === 'done').map((w) => w.localDate);
    const measures = measureHistory(this.deps.db, personId).map((m) => ({ date: localDateIn(person.timezone, m.takenAt), painAverage: m.painAverage, painWorst: m.painWorst, psfsMean: m.psfsMean }));
    const start = measures[0]?.date ?? report.planStarted;
    const assessments = completedAssessments(this.deps.db, personId).map((a) => ({
      label: localDateIn(person.timezone, a.completedAt ?? a.updatedAt),
      results: new Map(resultsFor(this.deps.db, a.id).map((r) => [`${r.testId}:${r.side}`, { rating: r.rating as Rating, pain: r.pain }])),
    }));
    return { outcomes: outcomesData(start, report.today, done, measures), assessments };
  }

  /** Anonymous community figures for the admin report. */
  communityReport(): CommunityData {
    const today = this.now().toISOString().slice(0, 10);
    const from = addDays(today, -7 * 8);
    return communityData(today, doneWorkoutsBetween(this.deps.db, from, today), measuredTwice(this.deps.db));
  }

  exportData(personId: string): PersonExport {
    return exportPerson(this.deps.db, personId);
  }

  /** Erase everything about the person (every table cascades from people). */
  erase(personId: string): boolean {
    return deletePerson(this.deps.db, personId);
  }

  /** Community figures for admins: counts only, never a person's data. */
  stats(): { onboarded: number; assessmentsDone: number; activeThisWeek: number } {
    return communityStats(this.deps.db, this.now());
  }

  /** Troubleshooting topics for feedback signals, first match per signal, in guide order. */
  topicsFor(signals: readonly FeedbackSignal[]): TroubleshootingTopic[] {
    const chosen = signals.flatMap((s) => this.library.troubleshooting.find((t) => t.showWhen.includes(s)) ?? []);
    return [...new Set(chosen)];
  }
}
