import { daysBetween, habitSummary } from '../coaching/progress.js';
import { EARLY_TARGET } from '../coaching/targets.js';
import type { Person } from '../db/repos/people.js';
import { activePlanStartedAt } from '../db/repos/plans.js';
import { recentWorkouts } from '../db/repos/workouts.js';
import type { TestId } from '../content/ids.js';
import { CHECKS_PER_SITTING } from '../flows/assessment-state.js';
import { checksMinutes } from '../coaching/targets.js';
import type { Assessments } from './assessment.js';
import type { AppDeps } from './context.js';
import type { Reports } from './reports.js';
import type { Safety } from './safety.js';
import type { Training } from './training.js';
import { localDateIn } from './time.js';

/** Which parts a day's DM has; the order is the order they are sent in. */
export interface DailyFacts {
  morningPending: boolean;
  isSunday: boolean;
  reassessDue: boolean;
}

/** The deferred checks a day offers: the next sitting's tests by name, and how many stay after it. */
export interface ChecksOffer {
  tests: TestId[];
  names: string[];
  /** A rough length for the sitting, in minutes (`checksMinutes`). */
  minutes: number;
  /** Checks still to come after this sitting. */
  after: number;
}

/** The daily DM's decisions: which parts it carries, and the facts for its opening line. */
export class Daily {
  constructor(
    private readonly deps: AppDeps,
    private readonly training: Training,
    private readonly reports: Reports,
    private readonly assessments: Assessments,
    private readonly safety: Safety,
  ) {}

  /**
   * The next deferred checks to offer with today's workout, or null when none are left, a referral
   * stands, or a check-in is already under way (/assess resumes that one). Reads only: the daily DM, /workout
   * and the console coach all ask here, so they offer the same tests.
   */
  checksOffer(personId: string): ChecksOffer | null {
    // The gate /assess uses (consent, no standing referral), then nothing in progress.
    if (this.safety.gate(personId) || this.assessments.currentAssessment(personId)) return null;
    const pending = this.assessments.pendingChecks(personId);
    if (pending.length === 0) return null;
    const tests = pending.slice(0, CHECKS_PER_SITTING);
    const names = tests.map((t) => this.deps.library.testById.get(t)?.name ?? t);
    return { tests, names, minutes: checksMinutes(tests.length), after: pending.length - tests.length };
  }

  /** What a person's DM for `localDate` should contain (the same rules /workout uses). */
  partsFacts(person: Person, localDate: string, isSunday: boolean): DailyFacts {
    return {
      morningPending: this.training.morningCheckDue(person.id, localDate) !== undefined,
      isSunday,
      reassessDue: this.reports.reassessmentDue(person, localDate) !== null,
    };
  }

  /** Facts for the daily DM's opening line: plan day, streak, the early target. */
  dailyFacts(person: Person, localDate: string): string[] {
    // Light reads only: this runs for every daily DM, so no plan JSON and no long history.
    const started = activePlanStartedAt(this.deps.db, person.id);
    if (!started) return [];
    const day = daysBetween(localDateIn(person.timezone, started), localDate) + 1;
    const habit = habitSummary(recentWorkouts(this.deps.db, person.id, 31), localDate);
    // A streak of 0 and "0 of 6" read as a score of nothing: before the first session, say the aim.
    const facts = [`day ${day} of your plan`, ...(habit.streak > 0 ? [`streak: ${habit.streak} day${habit.streak === 1 ? '' : 's'}`] : [])];
    if (day <= EARLY_TARGET.days) facts.push(habit.sessionsDone > 0 ? `${habit.sessionsDone} of ${EARLY_TARGET.sessions} sessions in your first two weeks` : `aim: ${EARLY_TARGET.sessions} sessions in your first two weeks`);
    else facts.push(`${habit.thisWeek} session${habit.thisWeek === 1 ? '' : 's'} so far this week`);
    // No decision news here: what moved was said once, in the feedback and morning-check replies.
    return facts;
  }
}
