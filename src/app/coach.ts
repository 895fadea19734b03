import type { FeedbackSignal, GoalId, Side, TestId } from '../content/ids.js';
import type { Library } from '../content/library.js';
import type { TroubleshootingTopic } from '../content/schema.js';
import type { Prefs } from '../coaching/assessment-answers.js';
import type { Referral } from '../coaching/safety.js';
import type { WeeklySummary } from '../coaching/progress.js';
import type { AssessmentColumn, CommunityData, OutcomesData } from '../charts/charts.js';
import type { StoredAssessment } from '../db/repos/assessments.js';
import type { Person, PersonSettings } from '../db/repos/people.js';
import type { StoredPlan } from '../db/repos/plans.js';
import type { PersonExport } from '../db/repos/privacy.js';
import type { Feedback, Workout } from '../db/repos/workouts.js';
import type { FeedbackDraft } from '../db/schema.js';
import type { Queryable } from '../db/types.js';
import type { AssessmentAction } from '../flows/assessment-state.js';
import type { View } from '../views/view.js';
import { Assessments, type AssessmentEntry, type AssessmentKind, type AssessmentStepResult, type OpenAssessment } from './assessment.js';
import type { AppDeps } from './context.js';
import { Daily } from './daily.js';
import { Goals, type GoalChange } from './goals.js';
import { Guilds } from './guilds.js';
import { People } from './people.js';
import { Privacy } from './privacy.js';
import { Retention } from './retention.js';
import { Questions } from './questions.js';
import { Reports, type ProgressReport } from './reports.js';
import { Safety } from './safety.js';
import { Training, type FeedbackInput, type FeedbackOutcome, type MorningResult, type PendingMorning, type TodaysWorkout, type TrainingNow } from './training.js';

export type { AssessmentEntry, AssessmentKind, AssessmentStepResult, ChecksDone, OpenAssessment } from './assessment.js';
export type { FeedbackInput, FeedbackOutcome, FeedbackResult, MorningResult, MorningVerdict, PendingMorning, TrainingNow } from './training.js';
export type { ProgressReport } from './reports.js';
export type { GoalChange } from './goals.js';
export { EARLY_TARGET, REASSESS_AFTER_DAYS } from '../coaching/targets.js';
export type CoachDeps = AppDeps;

/**
 * The coach's use cases, shared by the Discord bot, the console coach and the scheduler: a thin
 * facade over one module per aggregate (people, safety, assessment, training, reports, privacy,
 * questions, daily, guilds, retention), so callers keep one handle. Each use case is one unit of work.
 */
export class Coach {
  readonly people: People;
  readonly goals: Goals;
  readonly safety: Safety;
  readonly assessments: Assessments;
  readonly training: Training;
  readonly reports: Reports;
  readonly privacy: Privacy;
  readonly questions: Questions;
  readonly daily: Daily;
  readonly guilds: Guilds;
  readonly retention: Retention;

  constructor(private readonly deps: CoachDeps) {
    this.people = new People(deps);
    this.goals = new Goals(deps, this.people);
    this.safety = new Safety(deps, this.people);
    this.assessments = new Assessments(deps, this.people, this.safety);
    this.training = new Training(deps, this.people, this.safety);
    this.reports = new Reports(deps, this.people);
    this.privacy = new Privacy(deps);
    this.questions = new Questions(deps);
    this.daily = new Daily(deps, this.training, this.reports, this.assessments, this.safety);
    this.guilds = new Guilds(deps);
    this.retention = new Retention(deps);
  }

  get library(): Library {
    return this.deps.library;
  }

  // People
  /** The stored person or a new person's defaults; never writes. */
  person(personId: string): Person { return this.people.person(personId); }
  /** The stored person, created with defaults on first contact. */
  ensurePerson(personId: string): Person { return this.people.ensure(personId); }
  findPerson(personId: string): Person | undefined { return this.people.find(personId); }
  consent(personId: string): Person { return this.people.consent(personId); }
  updateSettings(personId: string, settings: PersonSettings): Person { return this.people.updateSettings(personId, settings); }
  rescheduleReminders(personId: string, db?: Queryable): Date | null { return this.people.rescheduleReminders(personId, db); }
  prefsOf(person: Person): Prefs { return this.people.prefsOf(person); }
  localDate(person: Person): string { return this.people.localDate(person); }
  snooze(personId: string, localDate: string, hours: number): string | null { return this.people.snooze(personId, localDate, hours); }
  takeDmBlockedNotice(personId: string): boolean { return this.people.takeDmBlockedNotice(personId); }
  dmsWork(personId: string): void { this.people.dmsWork(personId); }
  /** person.goal ?? the latest assessment's goal ?? daily_life. */
  goalOf(personId: string): GoalId { return this.goals.goalOf(personId); }
  /** Change the goal (parsed here: bad input -> `{ ok: false, error }`, nothing changes); rebuilds the plan keeping levels. */
  setGoal(personId: string, goal: unknown): GoalChange { return this.goals.setGoal(personId, goal); }

  // Safety
  referral(personId: string): Referral | null { return this.safety.referral(personId); }
  recordFreeTextRedFlags(personId: string, referral: Referral): boolean { return this.safety.recordFreeTextRedFlags(personId, referral); }
  clearedByClinician(personId: string): boolean { return this.safety.clearedByClinician(personId); }

  // Assessment
  assessmentEntry(personId: string): AssessmentEntry { return this.assessments.entry(personId); }
  currentAssessment(personId: string): StoredAssessment | undefined { return this.assessments.currentAssessment(personId); }
  startOrResume(personId: string, requested?: AssessmentKind): OpenAssessment { return this.assessments.startOrResume(personId, requested); }
  /** The old name of `startOrResume` (it writes: starts an assessment when none is in progress). */
  openAssessment(personId: string, requested?: AssessmentKind): OpenAssessment { return this.assessments.startOrResume(personId, requested); }
  assessmentView(assessment: StoredAssessment, notice?: string, focus?: Side): View { return this.assessments.view(assessment, notice, focus); }
  act(personId: string, action: AssessmentAction | { type: 'pause' }, opts?: { autoAdvance?: boolean }): AssessmentStepResult | { kind: 'no_assessment' } { return this.assessments.act(personId, action, opts); }
  /** Deferred checks: the tests a first plan was built without, a couple per sitting. */
  pendingChecks(personId: string): TestId[] { return this.assessments.pendingChecks(personId); }
  startChecks(personId: string): OpenAssessment | { kind: 'no_checks' } { return this.assessments.startChecks(personId); }
  planDelivered(planId: number): boolean { return this.assessments.planDelivered(planId); }

  // Training
  activePlan(personId: string): StoredPlan | undefined { return this.training.activePlan(personId); }
  trainingNow(personId: string): TrainingNow { return this.training.now(personId); }
  morningCheckDue(personId: string, localDate: string): PendingMorning | undefined { return this.training.morningCheckDue(personId, localDate); }
  todaysWorkout(personId: string, localDate?: string): ReturnType<Training['todaysWorkout']> { return this.training.todaysWorkout(personId, localDate); }
  workoutFor(person: Person, localDate: string): TodaysWorkout | { kind: 'no_plan' } { return this.training.workoutFor(person, localDate); }
  skipWorkout(personId: string, workoutId: number): boolean { return this.training.skipWorkout(personId, workoutId); }
  recordFeedback(personId: string, workoutId: number, input: FeedbackInput): FeedbackOutcome { return this.training.recordFeedback(personId, workoutId, input); }
  pendingMorningCheck(personId: string): PendingMorning | undefined { return this.training.pendingMorningCheck(personId); }
  recordMorningCheck(personId: string, feel: 'better' | 'same' | 'worse', pain?: number): MorningResult | undefined { return this.training.recordMorningCheck(personId, feel, pain); }
  workout(personId: string, workoutId: number): Workout | undefined { return this.training.workout(personId, workoutId); }
  recordedFeedback(workoutId: number): Feedback | undefined { return this.training.recordedFeedback(workoutId); }
  saveFeedbackDraft(personId: string, workoutId: number, draft: FeedbackDraft): boolean { return this.training.saveFeedbackDraft(personId, workoutId, draft); }
  topicsFor(signals: readonly FeedbackSignal[]): TroubleshootingTopic[] { return this.training.topicsFor(signals); }

  // Reports
  progress(personId: string): ProgressReport | undefined { return this.reports.progress(personId); }
  weekly(personId: string, localDate: string): WeeklySummary { return this.reports.weekly(personId, localDate); }
  reassessmentDue(person: Person, localDate: string): number | null { return this.reports.reassessmentDue(person, localDate); }
  chartData(personId: string): { outcomes: OutcomesData; assessments: AssessmentColumn[] } | undefined { return this.reports.chartData(personId); }
  communityReport(): CommunityData { return this.reports.communityReport(); }
  stats(): { onboarded: number; assessmentsDone: number; activeThisWeek: number } { return this.reports.stats(); }

  // Daily DM and questions
  dailyFacts(person: Person, localDate: string): string[] { return this.daily.dailyFacts(person, localDate); }
  planSummaryForPrompt(personId: string): string { return this.questions.planSummaryForPrompt(personId); }

  // Privacy
  exportData(personId: string): PersonExport { return this.privacy.exportData(personId); }
  erase(personId: string): boolean { return this.privacy.erase(personId); }
}
