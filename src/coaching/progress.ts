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
  /** The session's highest pain; 0-3 is one answer, "none went above 3/10" (see `WeekPain`). */
  painDuring: number;
  decisions: { pattern: string; side: string; change: string; toLevel: number }[];
}

export interface WeeklySummary {
  weekStart: string;
  sessions: number;
  streak: number;
  painThisWeek: WeekPain | null;
  painLastWeek: WeekPain | null;
  moved: { pattern: string; side: string; change: 'level_up' | 'level_down'; toLevel: number }[];
}

/**
 * A week's session pain in the person's own answers. The bot never asks a score below 4 ("none
 * went above 3/10" is one answer, stored as 3), so an average would invent numbers: the week says
 * how many sessions stayed within 3/10 and the highest score above that.
 */
export interface WeekPain {
  sessions: number;
  withinOk: number;
  /** The highest score above 3/10; null when every session stayed within it. */
  highestAbove: number | null;
}

export function weekPain(feedback: readonly WeekFeedback[]): WeekPain | null {
  if (feedback.length === 0) return null;
  const above = feedback.map((f) => f.painDuring).filter((p) => p > PAIN_OK_MAX);
  return { sessions: feedback.length, withinOk: feedback.length - above.length, highestAbove: above.length ? Math.max(...above) : null };
}

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
    painThisWeek: weekPain(feedback.filter((f) => inWeek(f.localDate))),
    painLastWeek: weekPain(feedback.filter((f) => inLastWeek(f.localDate))),
    moved,
  };
}
