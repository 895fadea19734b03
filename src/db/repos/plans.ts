import { and, eq, sql } from 'drizzle-orm';
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

/** When the active plan was made, without reading the plan itself. */
export function activePlanStartedAt(db: Queryable, personId: string): Date | undefined {
  return prepared(db, 'activePlanStartedAt', () =>
    db.select({ at: plans.createdAt }).from(plans).where(and(eq(plans.personId, sql.placeholder('personId')), eq(plans.active, true))).prepare(),
  ).get({ personId })?.at;
}
