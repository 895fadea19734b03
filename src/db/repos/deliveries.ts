import { and, asc, eq, isNull, lte, or } from 'drizzle-orm';
import { deliveries, type DeliveryPart } from '../schema.js';
import type { Queryable } from '../types.js';

export type Delivery = typeof deliveries.$inferSelect;

export function deliveryOn(db: Queryable, personId: string, localDate: string): Delivery | undefined {
  return db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.personId, personId), eq(deliveries.localDate, localDate)))
    .get();
}

export function markDelivery(
  db: Queryable,
  id: number,
  update: { status: Delivery['status']; messageId?: string; error?: string; attempts?: number; nextAttemptAt?: Date | null; remindedAt?: Date },
  now: Date,
): void {
  db.update(deliveries)
    .set({ ...update, ...(update.status === 'sent' ? { sentAt: now } : {}) })
    .where(eq(deliveries.id, id))
    .run();
}

export interface ClaimInput {
  personId: string;
  localDate: string;
  nonce: string;
  dueAt: Date;
  parts: DeliveryPart[];
  workoutId: number | null;
}

/** Claim one (person, local date) with what it will send; undefined if it was already claimed. */
export function claimDay(db: Queryable, input: ClaimInput, now: Date): Delivery | undefined {
  // Only the id comes back (reading the row would parse the parts just written): one per person in a fan-out.
  const [row] = db
    .insert(deliveries)
    .values({ ...input, status: 'claimed', claimedAt: now })
    .onConflictDoNothing()
    .returning({ id: deliveries.id })
    .all();
  if (!row) return undefined;
  return {
    ...input,
    id: row.id,
    status: 'claimed',
    partsSent: 0,
    nextAttemptAt: null,
    remindAt: null,
    remindedAt: null,
    attempts: 0,
    messageId: null,
    error: null,
    claimedAt: now,
    sentAt: null,
  };
}

/** Record a day that fell outside the catch-up window, so it is never sent later. */
export function skipDay(db: Queryable, personId: string, localDate: string, dueAt: Date, now: Date): void {
  db.insert(deliveries)
    .values({ personId, localDate, nonce: '-', status: 'skipped', dueAt, claimedAt: now, error: 'outside the catch-up window' })
    .onConflictDoNothing()
    .run();
}

/** Claimed deliveries ready to (re)send now, oldest first. */
export function sendable(db: Queryable, now: Date, limit: number): Delivery[] {
  return db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.status, 'claimed'), or(isNull(deliveries.nextAttemptAt), lte(deliveries.nextAttemptAt, now))))
    .orderBy(asc(deliveries.id))
    .limit(limit)
    .all();
}

/** Snoozed deliveries whose nudge is due. */
export function dueNudges(db: Queryable, now: Date, limit: number): Delivery[] {
  return db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.status, 'sent'), lte(deliveries.remindAt, now), isNull(deliveries.remindedAt)))
    .orderBy(asc(deliveries.id))
    .limit(limit)
    .all();
}

export function recordPartSent(db: Queryable, id: number, partsSent: number, done: boolean, now: Date): void {
  db.update(deliveries)
    .set({ partsSent, ...(done ? { status: 'sent' as const, sentAt: now, nextAttemptAt: null } : {}) })
    .where(eq(deliveries.id, id))
    .run();
}

export function snoozeDelivery(db: Queryable, personId: string, localDate: string, remindAt: Date): boolean {
  return (
    db
      .update(deliveries)
      .set({ remindAt, remindedAt: null })
      .where(and(eq(deliveries.personId, personId), eq(deliveries.localDate, localDate), eq(deliveries.status, 'sent')))
      .run().changes > 0
  );
}
