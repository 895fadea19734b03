import { and, countDistinct, eq, gte, isNotNull } from 'drizzle-orm';
import { assessmentSessions, people, workouts } from '../schema.js';
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
