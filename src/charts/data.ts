import { addDays, dayNumber, weekdayIndex } from '../coaching/calendar.js';
import type { CommunityData, OutcomesData } from './charts.js';

/** Shaping stored history into chart data. Pure: dates are local `YYYY-MM-DD` strings. */

export function weekOf(start: string, date: string): number {
  return Math.floor((dayNumber(date) - dayNumber(start)) / 7) + 1;
}

export function outcomesData(
  planStart: string,
  today: string,
  doneDates: readonly string[],
  measures: readonly { date: string; painAverage: number; painWorst: number; psfsMean: number | null }[],
): OutcomesData {
  const weeks = Math.max(1, weekOf(planStart, today));
  const sessionsPerWeek = Array.from({ length: weeks }, () => 0);
  for (const d of new Set(doneDates)) {
    const w = weekOf(planStart, d);
    if (w >= 1 && w <= weeks) sessionsPerWeek[w - 1]! += 1;
  }
  return {
    sessionsPerWeek,
    measures: measures.map((m) => ({ week: Math.max(1, weekOf(planStart, m.date)), painAverage: m.painAverage, painWorst: m.painWorst, psfs: m.psfsMean })),
  };
}

/** Fewer people than this and averages could point at someone: they are not shown. */
export const MIN_GROUP = 3;

export function communityData(
  today: string,
  done: readonly { personId: string; localDate: string }[],
  changes: readonly { painChange: number; psfsChange: number | null }[],
  weeks = 8,
): CommunityData {
  const thisMonday = addDays(today, -weekdayIndex(today));
  const starts = Array.from({ length: weeks }, (_, i) => addDays(thisMonday, -7 * (weeks - 1 - i)));
  const activePeople = starts.map((s) => new Set(done.filter((d) => d.localDate >= s && d.localDate < addDays(s, 7)).map((d) => d.personId)).size);
  const sessions = starts.map((s) => done.filter((d) => d.localDate >= s && d.localDate < addDays(s, 7)).length);
  const psfs = changes.map((c) => c.psfsChange).filter((c): c is number => c !== null);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    weekLabels: starts.map((s) => s.slice(5)),
    activePeople,
    sessions,
    reassessed: changes.length >= MIN_GROUP ? { people: changes.length, painChange: mean(changes.map((c) => c.painChange)), psfsChange: psfs.length >= MIN_GROUP ? mean(psfs) : null } : null,
  };
}
