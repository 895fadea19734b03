import type { Answers, Tests } from '../coaching/assessment-answers.js';
import type { RedFlagId } from '../content/ids.js';
import { buildPlan, type Plan } from '../coaching/plan.js';
import { daysBetween } from '../coaching/progress.js';
import { carryProgress, compareAssessments, ninetyNinetyHips, type Comparison } from '../coaching/reassessment.js';
import { screenRedFlags, type Referral } from '../coaching/safety.js';
import {
  closeAssessment,
  dropResults,
  inProgressAssessment,
  latestCompletedAssessment,
  resultsFor,
  saveAssessmentProgress,
  saveResults,
  startAssessment,
  type StoredAssessment,
} from '../db/repos/assessments.js';
import { measureHistory, psfsMean, recordMeasures } from '../db/repos/measures.js';
import { setNextRun, setStatus, updateSettings, type Person } from '../db/repos/people.js';
import { activePlan, activePlanStartedAt, markPlanDelivered, saveActivePlan, undeliveredPlan, type StoredPlan } from '../db/repos/plans.js';
import { engineState, replaceEngineState, seedEngineState } from '../db/repos/progression.js';
import { recordScreen } from '../db/repos/safety.js';
import { CORE_TESTS, draftToAnswers, emptyDraft, reduceAssessment, testsInSitting, type AssessmentAction, type AssessmentContext, type AssessmentState } from '../flows/assessment-state.js';
import { confirmFlagsName } from '../flows/assessment-input.js';
import type { Side, TestId } from '../content/ids.js';
import { carriedState, checksDraft, laterForGoal, mergedDraft, whatChanged } from './checks.js';
import { assessmentView } from '../views/assessment-view.js';
import { redFlagConfirmView } from '../views/referral-view.js';
import type { View } from '../views/view.js';
import type { AppDeps } from './context.js';
import type { People } from './people.js';
import type { Safety } from './safety.js';
import { localDateIn } from './time.js';

export type AssessmentKind = 'initial' | 'reassessment';

export type AssessmentStepResult =
  | { kind: 'continue'; assessment: StoredAssessment; view: View }
  | { kind: 'referral'; referral: Referral }
  /** Red flags ticked: the "You ticked" check (nothing stored until "That's right"). */
  | { kind: 'confirm_flags'; flags: RedFlagId[]; view: View }
  | { kind: 'complete'; plan: Plan; planId: number; assessmentId: number; comparison: Comparison | null; checks?: ChecksDone }
  | { kind: 'paused'; assessment: StoredAssessment };

/** A sitting of deferred checks finished: what changed in one line, and how many checks are left. */
export interface ChecksDone {
  changed: string;
  left: number;
}

export type OpenAssessment =
  | { kind: 'needs_consent' }
  | { kind: 'referral'; referral: Referral }
  | { kind: 'open'; assessment: StoredAssessment; resumed: boolean; view: View };

/**
 * Where `/assess` lands, decided without writing anything: consent first, a standing referral,
 * the assessment in progress, a plan saved but never shown (a crash), a plan (offer the check-in),
 * or nothing yet (start).
 */
export type AssessmentEntry =
  | { kind: 'needs_consent' }
  | { kind: 'referral'; referral: Referral }
  | { kind: 'in_progress'; assessment: StoredAssessment; view: View }
  | { kind: 'undelivered_plan'; plan: StoredPlan }
  | { kind: 'has_plan'; plan: StoredPlan; checks: TestId[] }
  | { kind: 'none' };

/** The assessment: reads (`entry`, `currentAssessment`) never write; `startOrResume` and `act` do. */
export class Assessments {
  constructor(
    private readonly deps: AppDeps,
    private readonly people: People,
    private readonly safety: Safety,
  ) {}

  /** The assessment in progress, if any. Reads only. */
  currentAssessment(personId: string): StoredAssessment | undefined {
    return inProgressAssessment(this.deps.db, personId);
  }

  /** What `/assess` should show now. Reads only. */
  entry(personId: string): AssessmentEntry {
    const gate = this.safety.gate(personId);
    if (gate) return gate;
    const current = this.currentAssessment(personId);
    if (current) return { kind: 'in_progress', assessment: current, view: this.view(current) };
    const undelivered = undeliveredPlan(this.deps.db, personId);
    if (undelivered) return { kind: 'undelivered_plan', plan: undelivered };
    const plan = activePlan(this.deps.db, personId);
    return plan ? { kind: 'has_plan', plan, checks: this.pendingChecks(personId) } : { kind: 'none' };
  }

  /** The deferred tests still to come (the last completed assessment's list). Reads only. */
  pendingChecks(personId: string): TestId[] {
    // A light read (no plan JSON): the daily DM asks this for everyone it sends to.
    if (!activePlanStartedAt(this.deps.db, personId)) return [];
    return latestCompletedAssessment(this.deps.db, personId)?.draft.later ?? [];
  }

  /**
   * Start a sitting of the next deferred checks (or resume the assessment in progress). A first
   * plan was built without them; finishing rebuilds the plan keeping progress.
   */
  startChecks(personId: string): OpenAssessment | { kind: 'no_checks' } {
    const gate = this.safety.gate(personId);
    if (gate) return gate;
    const existing = this.currentAssessment(personId);
    if (existing) return { kind: 'open', assessment: existing, resumed: true, view: this.view(existing) };
    const pending = this.pendingChecks(personId);
    const last = latestCompletedAssessment(this.deps.db, personId);
    if (pending.length === 0 || !last) return { kind: 'no_checks' };
    const draft = checksDraft(pending, last.draft, this.people.find(personId)?.goal ?? last.draft.goal);
    const now = this.deps.clock();
    const assessment = this.deps.db.transaction((tx) => {
      const started = startAssessment(tx, personId, 'reassessment', now, draft);
      const step = `test:${testsInSitting(draft)[0]!}` as const;
      saveAssessmentProgress(tx, started.id, step, draft, now);
      return { ...started, step };
    });
    return { kind: 'open', assessment, resumed: false, view: this.view(assessment) };
  }

  /** The kind a new assessment gets: a reassessment once a plan exists. */
  kindFor(personId: string): AssessmentKind {
    return activePlan(this.deps.db, personId) ? 'reassessment' : 'initial';
  }

  /** Resume the assessment in progress, or start one (of the kind asked, else the kind due). */
  startOrResume(personId: string, requested?: AssessmentKind): OpenAssessment {
    const gate = this.safety.gate(personId);
    if (gate) return gate;
    const existing = this.currentAssessment(personId);
    const kind = requested ?? this.kindFor(personId);
    // A first plan comes from the core tests in one sitting; the rest are deferred checks.
    const draft = kind === 'initial' ? { ...emptyDraft(), asked: [...CORE_TESTS] } : emptyDraft();
    const assessment = existing ?? startAssessment(this.deps.db, personId, kind, this.deps.clock(), draft);
    return { kind: 'open', assessment, resumed: existing !== undefined, view: this.view(assessment) };
  }

  view(assessment: StoredAssessment, notice?: string, focus?: Side): View {
    return assessmentView(assessment, this.deps.library, this.safety.askedFlags(assessment.personId), notice, focus);
  }

  /** Apply one answer or button to the person's assessment in progress and save the result. */
  act(personId: string, action: AssessmentAction | { type: 'pause' }, opts: { autoAdvance?: boolean } = {}): AssessmentStepResult | { kind: 'no_assessment' } {
    const current = this.currentAssessment(personId);
    const person = this.people.find(personId);
    if (!current || !person) return { kind: 'no_assessment' };
    if (action.type === 'pause') return { kind: 'paused', assessment: current };
    const flags = this.safety.askedFlags(personId);
    const ctx: AssessmentContext = { flags, prefs: this.people.prefsOf(person), ...(opts.autoAdvance ? { autoAdvance: true } : {}) };
    const result = reduceAssessment(current, action, ctx);
    const now = this.deps.clock();
    switch (result.kind) {
      case 'continue': {
        saveAssessmentProgress(this.deps.db, current.id, result.state.step, result.state.draft, now);
        // The goal step's answer is the person's goal from now on (settings can change it later).
        const goal = result.state.draft.goal;
        if (goal !== undefined && goal !== current.draft.goal) updateSettings(this.deps.db, personId, { goal }, now);
        const assessment = { ...current, ...result.state, updatedAt: now };
        return { kind: 'continue', assessment, view: assessmentView(assessment, this.deps.library, flags, result.notice) };
      }
      case 'confirm_flags':
        return { kind: 'confirm_flags', flags: result.flags, view: redFlagConfirmView(result.flags, this.deps.library, confirmFlagsName(result.flags)) };
      case 'referral': {
        const referral = screenRedFlags(result.state.draft.redFlags)!;
        this.deps.db.transaction((tx) => {
          saveAssessmentProgress(tx, current.id, result.state.step, result.state.draft, now);
          recordScreen(
            tx,
            { personId, answers: result.state.draft.redFlags, positiveFlags: referral.flags, level: referral.level, source: current.kind === 'initial' ? 'assessment' : 'reassessment' },
            now,
          );
          closeAssessment(tx, current.id, 'referred', now);
          setStatus(tx, personId, 'referred', now);
          setNextRun(tx, personId, null);
        });
        return { kind: 'referral', referral };
      }
      case 'complete': {
        if (current.draft.checksOnly) return this.completeChecks(person, current, result.state, result.deferred);
        const comparison = current.kind === 'reassessment' ? this.compareWithLast(person, result.answers) : null;
        const stored = this.complete(person, current, { ...result.state, draft: { ...result.state.draft, later: result.deferred } }, result.answers);
        return { kind: 'complete', plan: stored.plan, planId: stored.id, assessmentId: current.id, comparison };
      }
    }
  }

  /** The plan has been shown (screen and DM): a later press or `/assess` will not show it again. */
  planDelivered(planId: number): boolean {
    return markPlanDelivered(this.deps.db, planId, this.deps.clock());
  }

  /** Reassessment: change per test and side against the last completed assessment, and in PSFS. */
  private compareWithLast(person: Person, answers: Answers): Comparison | null {
    const last = latestCompletedAssessment(this.deps.db, person.id);
    if (!last) return null;
    const history = measureHistory(this.deps.db, person.id);
    const first = history[0];
    const newMean = answers.baseline ? psfsMean(answers.baseline.psfs) : null;
    const days = first ? daysBetween(localDateIn(person.timezone, first.takenAt), this.people.localDate(person)) : 0;
    const hips = ninetyNinetyHips(last.draft);
    const rows = resultsFor(this.deps.db, last.id).map((r) => (r.testId === 'ninety_ninety_sit' && hips[r.side] ? { ...r, hip: hips[r.side] } : r));
    return compareAssessments(rows, answers.tests, { before: first?.psfsMean ?? null, after: newMean }, days);
  }

  /**
   * A checks sitting is done: its tests join the last assessment's answers, the plan is rebuilt
   * from the whole picture, and each pattern keeps its progress (the reassessment rule).
   */
  private completeChecks(person: Person, current: StoredAssessment, state: AssessmentState, later: TestId[]): AssessmentStepResult {
    const last = latestCompletedAssessment(this.deps.db, person.id);
    const before = activePlan(this.deps.db, person.id);
    // The person's goal now: /settings may have changed it while this sitting was open. A changed
    // goal can add a goal-only test (the hop) to what is still to come, or take one out.
    const goal = person.goal ?? state.draft.goal;
    const sitting = goal ? { ...state.draft, goal } : state.draft;
    const merged = last ? mergedDraft(last.draft, sitting, later) : sitting;
    const draft = goal && goal !== state.draft.goal ? { ...merged, later: laterForGoal(merged, goal) } : merged;
    const answers = draftToAnswers(draft, this.people.prefsOf(person));
    if (!answers.ok || !before) {
      // Nothing to join (the plan was removed meanwhile): close the sitting without a change.
      closeAssessment(this.deps.db, current.id, 'abandoned', this.deps.clock());
      return { kind: 'paused', assessment: current };
    }
    const plan = buildPlan(answers.answers, this.deps.library);
    const now = this.deps.clock();
    const engine = carriedState(engineState(this.deps.db, person.id, this.people.localDate(person)), plan, this.people.localDate(person));
    const stored = this.deps.db.transaction((tx) => {
      saveAssessmentProgress(tx, current.id, state.step, draft, now);
      if (last) dropResults(tx, last.id);
      saveResults(tx, current.id, person.id, answers.answers.tests, now);
      const saved = saveActivePlan(tx, person.id, current.id, plan, now);
      replaceEngineState(tx, person.id, engine, now);
      closeAssessment(tx, current.id, 'completed', now);
      return saved;
    });
    const checks: ChecksDone = { changed: whatChanged(before.plan, plan, this.deps.library), left: draft.later?.length ?? later.length };
    return { kind: 'complete', plan, planId: stored.id, assessmentId: current.id, comparison: null, checks };
  }

  private complete(person: Person, current: StoredAssessment, state: AssessmentState, answers: Answers): StoredPlan {
    const plan = buildPlan(answers, this.deps.library);
    const now = this.deps.clock();
    const today = this.people.localDate(person);
    return this.deps.db.transaction((tx) => {
      // A first plan seeds every track; a reassessment keeps progress (engine v2), not a reset.
      const last = current.kind === 'reassessment' ? latestCompletedAssessment(tx, person.id) : undefined;
      const engine = last
        ? carryProgress({ state: engineState(tx, person.id, today), newPlan: plan, before: testsFrom(resultsFor(tx, last.id)), after: answers.tests, date: today, library: this.deps.library })
        : seedEngineState(plan, today);
      saveAssessmentProgress(tx, current.id, state.step, state.draft, now);
      if (state.draft.goal !== undefined) updateSettings(tx, person.id, { goal: state.draft.goal }, now);
      recordScreen(tx, { personId: person.id, answers: answers.redFlags, positiveFlags: [], level: null, source: current.kind === 'initial' ? 'assessment' : 'reassessment' }, now);
      saveResults(tx, current.id, person.id, answers.tests, now);
      if (answers.baseline) recordMeasures(tx, person.id, current.id, answers.baseline, now);
      const stored = saveActivePlan(tx, person.id, current.id, plan, now);
      replaceEngineState(tx, person.id, engine, now);
      closeAssessment(tx, current.id, 'completed', now);
      setStatus(tx, person.id, 'active', now);
      this.people.rescheduleReminders(person.id, tx);
      return stored;
    });
  }
}

/** Stored test results as the answers file's `tests` shape (carryProgress compares pain by side). */
function testsFrom(rows: readonly { testId: string; side: string; rating: string; pain: number }[]): Tests {
  const tests: Record<string, Record<string, { rating: string; pain: number }>> = {};
  for (const r of rows) (tests[r.testId] ??= {})[r.side] = { rating: r.rating, pain: r.pain };
  // The rows were validated as answers when saved; only their ids and sides are re-keyed here.
  return tests;
}
