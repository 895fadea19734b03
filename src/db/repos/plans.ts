import { and, eq, isNull, sql } from 'drizzle-orm';
import { prepared } from '../prepared.js';
import type { Plan } from '../../coaching/plan.js';
import { plans } from '../schema.js';
import type { Queryable } from '../types.js';

export type StoredPlan = typeof plans.$inferSelect;

/** Make this the person's one active plan; earlier plans stay as history. Call inside a transaction. */
export function saveActivePlan(db: Queryable, personId: string, assessmentId: number | null, plan: Plan, now: Date): StoredPlan {
  db.update(plans).set({ active: false }).where(and(eq(plans.personId, personId), eq(plans.active, true))).run();
  return db
    .insert(plans)
    .values({ personId, assessmentId, contentVersion: plan.contentVersion, plan, active: true, createdAt: now })
    .returning()
    .get();
}

export function activePlan(db: Queryable, personId: string): StoredPlan | undefined {
  return prepared(db, 'activePlan', () => db.select().from(plans).where(and(eq(plans.personId, sql.placeholder('personId')), eq(plans.active, true))).prepare()).get({ personId });
}

/** Whether the person has an active plan: read from the partial index alone, never the plan row. */
export function hasActivePlan(db: Queryable, personId: string): boolean {
  // A literal `active = 1` (not a bound value) lets SQLite use the partial index plans_one_active.
  return prepared(db, 'hasActivePlan', () => db.select({ id: plans.id }).from(plans).where(and(eq(plans.personId, sql.placeholder('personId')), sql`${plans.active} = 1`)).prepare()).get({ personId }) !== undefined;
}

/** When the active plan was made, without reading the plan itself. */
export function activePlanStartedAt(db: Queryable, personId: string): Date | undefined {
  return prepared(db, 'activePlanStartedAt', () =>
    db.select({ at: plans.createdAt }).from(plans).where(and(eq(plans.personId, sql.placeholder('personId')), eq(plans.active, true))).prepare(),
  ).get({ personId })?.at;
}

/** The active plan if the person has not yet been shown it (a crash between saving and showing). */
export function undeliveredPlan(db: Queryable, personId: string): StoredPlan | undefined {
  return db
    .select()
    .from(plans)
    .where(and(eq(plans.personId, personId), eq(plans.active, true), isNull(plans.deliveredAt)))
    .get();
}

/** Record that the plan was shown; false when it already was. */
export function markPlanDelivered(db: Queryable, planId: number, now: Date): boolean {
  return db.update(plans).set({ deliveredAt: now }).where(and(eq(plans.id, planId), isNull(plans.deliveredAt))).run().changes > 0;
}
