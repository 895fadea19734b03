import { addDays, dayNumber, weekdayIndex } from './calendar.js';
import { PAIN_OK_MAX } from './rules.js';

/** Habit figures from workout history. Pure: the caller passes today's local date. */

export interface WorkoutDay {
  localDate: string;
  status: 'planned' | 'done' | 'skipped';
}

export interface HabitSummary {
  sessionsDone: number;
  /** Done since Monday of this week (the person's local week). */
  thisWeek: number;
  /** Consecutive days with a done session, ending today or yesterday. */
  streak: number;
}

export function habitSummary(days: readonly WorkoutDay[], today: string): HabitSummary {
  const done = new Set(days.filter((d) => d.status === 'done').map((d) => d.localDate));
  const monday = addDays(today, -weekdayIndex(today));
  const thisWeek = [...done].filter((d) => d >= monday && d <= today).length;
  // A streak survives until the end of today: yesterday's streak still counts this morning.
  let cursor = done.has(today) ? today : addDays(today, -1);
  let streak = 0;
  while (done.has(cursor)) {
    streak++;
    cursor = addDays(cursor, -1);
  }
  return { sessionsDone: done.size, thisWeek, streak };
}

/** Days between two local dates (b - a). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

export interface WeekFeedback {
  localDate: string;
  /** The session's highest pain; 0-3 is one answer, "none went above 3/10" (see `weeklyPain`). */
  painDuring: number;
  decisions: { pattern: string; side: string; change: string; toLevel: number }[];
}

export interface WeeklySummary {
  weekStart: string;
  sessions: number;
  streak: number;
  painThisWeek: number | null;
  painLastWeek: number | null;
  moved: { pattern: string; side: string; change: 'level_up' | 'level_down'; toLevel: number }[];
}

/**
 * What a session adds to the weekly average pain. The bot never asks a score below 4: "none went
 * above 3/10" is stored as 3 (an upper bound the engine needs, as "acceptable"), and counting it
 * as 3 made a week of quiet sessions read "3/10". It is a range of 0-3, so it counts as the middle
 * of that range, 1.5: over several sessions this is off by at most 1.5 points and, unlike 3 or 0,
 * not always in the same direction. Scores of 4 and above are the person's own and count as given.
 */
export const AT_MOST_OK_WEEKLY_PAIN = PAIN_OK_MAX / 2;

export function weeklyPain(painDuring: number): number {
  return painDuring > PAIN_OK_MAX ? painDuring : AT_MOST_OK_WEEKLY_PAIN;
}

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);

/** The week (Monday to `today`) in numbers, with last week's pain for comparison. */
export function weeklySummary(days: readonly WorkoutDay[], feedback: readonly WeekFeedback[], today: string): WeeklySummary {
  const weekStart = addDays(today, -weekdayIndex(today));
  const lastWeekStart = addDays(weekStart, -7);
  const inWeek = (d: string) => d >= weekStart && d <= today;
  const inLastWeek = (d: string) => d >= lastWeekStart && d < weekStart;
  const moved = feedback
    .filter((f) => inWeek(f.localDate))
    .flatMap((f) => f.decisions.filter((d) => d.change === 'level_up' || d.change === 'level_down'))
    .map((d) => ({ pattern: d.pattern, side: d.side, change: d.change as 'level_up' | 'level_down', toLevel: d.toLevel }));
  return {
    weekStart,
    sessions: new Set(days.filter((d) => d.status === 'done' && inWeek(d.localDate)).map((d) => d.localDate)).size,
    streak: habitSummary(days, today).streak,
    painThisWeek: mean(feedback.filter((f) => inWeek(f.localDate)).map((f) => weeklyPain(f.painDuring))),
    painLastWeek: mean(feedback.filter((f) => inLastWeek(f.localDate)).map((f) => weeklyPain(f.painDuring))),
    moved,
  };
}
