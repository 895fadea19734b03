import { and, asc, countDistinct, eq, gte, isNotNull, lte } from 'drizzle-orm';
import { assessmentSessions, measures, people, workouts } from '../schema.js';
import { countRows, type Queryable } from '../types.js';

/** Anonymous counts for server admins: how many, never who. */
export function communityStats(db: Queryable, now: Date): { onboarded: number; assessmentsDone: number; activeThisWeek: number } {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const active = db
    .select({ n: countDistinct(workouts.personId) })
    .from(workouts)
    .where(and(eq(workouts.status, 'done'), gte(workouts.completedAt, weekAgo)))
    .get();
  return {
    onboarded: countRows(db, people, isNotNull(people.consentAt)),
    assessmentsDone: countRows(db, assessmentSessions, eq(assessmentSessions.status, 'completed')),
    activeThisWeek: active?.n ?? 0,
  };
}

/** Done sessions in a date range, per person and local date (for the community chart). */
export function doneWorkoutsBetween(db: Queryable, fromDate: string, toDate: string): { personId: string; localDate: string }[] {
  return db
    .select({ personId: workouts.personId, localDate: workouts.localDate })
    .from(workouts)
    .where(and(eq(workouts.status, 'done'), gte(workouts.localDate, fromDate), lte(workouts.localDate, toDate)))
    .all();
}

/** Each person's first and latest outcome measures, for people measured at least twice. */
export function measuredTwice(db: Queryable): { painChange: number; psfsChange: number | null }[] {
  const rows = db.select().from(measures).orderBy(asc(measures.personId), asc(measures.takenAt), asc(measures.id)).all();
  const byPerson = new Map<string, (typeof rows)[number][]>();
  for (const r of rows) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), r]);
  return [...byPerson.values()]
    .filter((list) => list.length >= 2)
    .map((list) => {
      const first = list[0]!;
      const last = list[list.length - 1]!;
      return {
        painChange: last.painAverage - first.painAverage,
        psfsChange: first.psfsMean !== null && last.psfsMean !== null ? last.psfsMean - first.psfsMean : null,
      };
    });
}
