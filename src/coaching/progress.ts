import { addDays, dayNumber, weekdayIndex } from './calendar.js';

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
