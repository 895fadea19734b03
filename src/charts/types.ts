import type { NinetyNinetyHip, Rating } from '../content/ids.js';

/** The charts' inputs: plain data, built by the app from the database and read by the chart code. */

export interface OutcomePoint {
  week: number;
  painAverage: number;
  painWorst: number;
  psfs: number | null;
}

export interface OutcomesData {
  /** Sessions done in each week since the plan started (week 1 first). */
  sessionsPerWeek: number[];
  measures: OutcomePoint[];
}

export interface AssessmentColumn {
  /** e.g. the local date of the assessment. */
  label: string;
  /** By `test:side`; `hip` is the 90/90 sit's answer: the front leg's or the back leg's hip. */
  results: ReadonlyMap<string, { rating: Rating; pain: number; hip?: NinetyNinetyHip }>;
}

export interface CommunityData {
  weekLabels: string[];
  activePeople: number[];
  sessions: number[];
  /** Aggregates among people reassessed; null when too few to share without identifying anyone. */
  reassessed: { people: number; painChange: number; psfsChange: number | null } | null;
}
