import { EVERYONE_TEST_IDS, SIDES, TEST_IDS, TEST_SPEC, type NinetyNinetyHip, type Rating, type Side, type TestId } from '../content/ids.js';
import { addDays, dayNumber, weekdayIndex } from '../coaching/calendar.js';
import type { AssessmentColumn, CommunityData, OutcomesData } from './types.js';

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

/**
 * One assessment as a column of the test grid: each stored result by `test:side`, with the 90/90
 * sit's which-hip answer (kept in the assessment's draft, not in the results table) beside it.
 */
export function assessmentColumn(
  label: string,
  rows: readonly { testId: TestId; side: Side; rating: string; pain: number }[],
  hips: Partial<Record<Side, NinetyNinetyHip>> = {},
): AssessmentColumn {
  return {
    label,
    results: new Map(
      rows.map((r) => {
        const hip = r.testId === 'ninety_ninety_sit' ? hips[r.side] : undefined;
        return [`${r.testId}:${r.side}`, { rating: r.rating as Rating, pain: r.pain, ...(hip ? { hip } : {}) }] as const;
      }),
    ),
  };
}

/** The grid's rows: every test asked of everyone, plus a goal-only test (the hop) once any column has it. */
export function gridRows(columns: readonly AssessmentColumn[]): { testId: TestId; side: Side }[] {
  const taken = (t: TestId) => columns.some((c) => [...c.results.keys()].some((k) => k.startsWith(`${t}:`)));
  return TEST_IDS.filter((t) => EVERYONE_TEST_IDS.includes(t) || taken(t)).flatMap((testId): { testId: TestId; side: Side }[] =>
    TEST_SPEC[testId].sides === 'both' ? [{ testId, side: 'both' }] : SIDES.map((side) => ({ testId, side })),
  );
}
