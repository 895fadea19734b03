import type { AssessmentColumn, CommunityData, OutcomesData } from '../charts/charts.js';
import { assessmentColumn, communityData, outcomesData } from '../charts/data.js';
import type { PatternId, Side } from '../content/ids.js';
import { addDays } from '../coaching/calendar.js';
import { ninetyNinetyHips } from '../coaching/reassessment.js';
import { daysBetween, habitSummary, weeklySummary, type HabitSummary, type WeeklySummary } from '../coaching/progress.js';
import { REASSESS_AFTER_DAYS, REASSESS_REMIND_EVERY_DAYS } from '../coaching/targets.js';
import { completedAssessments, lastAssessmentCompletedAt, resultsFor } from '../db/repos/assessments.js';
import { measureHistory, type Measure } from '../db/repos/measures.js';
import type { Person } from '../db/repos/people.js';
import { activePlan } from '../db/repos/plans.js';
import { progressionStates } from '../db/repos/progression.js';
import { communityStats, doneWorkoutsBetween, measuredTwice } from '../db/repos/stats.js';
import { feedbackSince, recentWorkouts } from '../db/repos/workouts.js';
import { sessionPain } from './session-feedback.js';
import type { AppDeps } from './context.js';
import type { People } from './people.js';
import { localDateIn } from './time.js';

export interface ProgressReport {
  habit: HabitSummary;
  measures: Measure[];
  tracks: { pattern: PatternId; side: Side; startLevel: number; level: number; chainLength: number }[];
  planStarted: string;
  today: string;
}

/** Reports: /progress, the weekly summary, the reassessment invitation, charts, community figures. */
export class Reports {
  constructor(
    private readonly deps: AppDeps,
    private readonly people: People,
  ) {}

  /** Habit, outcome measures and pattern levels for /progress. */
  progress(personId: string): ProgressReport | undefined {
    const person = this.people.find(personId);
    const stored = activePlan(this.deps.db, personId);
    if (!person || !stored) return undefined;
    const today = this.people.localDate(person);
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
        chainLength: this.deps.library.chains[item.pattern].levels.length,
      })),
      planStarted: localDateIn(person.timezone, stored.createdAt),
      today,
    };
  }

  /** The week so far, for the Sunday summary DM. */
  weekly(personId: string, localDate: string): WeeklySummary {
    const days = recentWorkouts(this.deps.db, personId, 60);
    const fb = feedbackSince(this.deps.db, personId, addDays(localDate, -14));
    const week = fb.map((f) => ({
      localDate: f.localDate,
      painDuring: sessionPain(f),
      decisions: f.decisions.map((d) => ({ pattern: d.pattern, side: d.side, change: d.change, toLevel: d.to })),
    }));
    return weeklySummary(days, week, localDate);
  }

  /**
   * Reassessment is due 4 weeks after the last completed assessment, and the invitation repeats
   * weekly until it is done. Returns the days since that assessment when an invitation is due.
   */
  reassessmentDue(person: Person, localDate: string): number | null {
    // Only the date: this runs for every daily DM, and the full assessment parses its answers.
    const completedAt = lastAssessmentCompletedAt(this.deps.db, person.id);
    if (!completedAt) return null;
    const days = daysBetween(localDateIn(person.timezone, completedAt), localDate);
    return days >= REASSESS_AFTER_DAYS && (days - REASSESS_AFTER_DAYS) % REASSESS_REMIND_EVERY_DAYS === 0 ? days : null;
  }

  /** Everything the /progress charts need, or undefined when there is nothing to draw yet. */
  chartData(personId: string): { outcomes: OutcomesData; assessments: AssessmentColumn[] } | undefined {
    const person = this.people.find(personId);
    const report = this.progress(personId);
    if (!person || !report) return undefined;
    const done = recentWorkouts(this.deps.db, personId, 400).filter((w) => w.status === 'done').map((w) => w.localDate);
    const measures = measureHistory(this.deps.db, personId).map((m) => ({ date: localDateIn(person.timezone, m.takenAt), painAverage: m.painAverage, painWorst: m.painWorst, psfsMean: m.psfsMean }));
    const start = measures[0]?.date ?? report.planStarted;
    // A deferred-checks sitting moves the results it completes onto itself: sittings left empty are no column.
    const assessments = completedAssessments(this.deps.db, personId)
      .map((a) => ({ a, results: resultsFor(this.deps.db, a.id) }))
      .filter(({ results }) => results.length > 0)
      .map(({ a, results }) => assessmentColumn(localDateIn(person.timezone, a.completedAt ?? a.updatedAt), results, ninetyNinetyHips(a.draft)));
    return { outcomes: outcomesData(start, report.today, done, measures), assessments };
  }

  /** Anonymous community figures for the admin report. */
  communityReport(): CommunityData {
    const today = this.deps.clock().toISOString().slice(0, 10);
    const from = addDays(today, -7 * 8);
    return communityData(today, doneWorkoutsBetween(this.deps.db, from, today), measuredTwice(this.deps.db));
  }

  /** Community figures for admins: counts only, never a person's data. */
  stats(): { onboarded: number; assessmentsDone: number; activeThisWeek: number } {
    return communityStats(this.deps.db, this.deps.clock());
  }
}
