import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { prepared } from '../prepared.js';
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
  // Prepared once with placeholders: this runs for every person in a fan-out, and building the
  // query (objects, then SQL text) cost more than running it. Only the id comes back.
  const [row] = prepared(db, 'claimDay', () =>
    db
      .insert(deliveries)
      .values({
        personId: sql.placeholder('personId'),
        localDate: sql.placeholder('localDate'),
        nonce: sql.placeholder('nonce'),
        dueAt: sql.placeholder('dueAt'),
        parts: sql.placeholder('parts'),
        workoutId: sql.placeholder('workoutId'),
        status: 'claimed',
        claimedAt: sql.placeholder('claimedAt'),
      })
      .onConflictDoNothing()
      .returning({ id: deliveries.id })
      .prepare(),
  ).all({ ...input, claimedAt: now });
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
  prepared(db, 'skipDay', () =>
    db
      .insert(deliveries)
      .values({
        personId: sql.placeholder('personId'),
        localDate: sql.placeholder('localDate'),
        nonce: '-',
        status: 'skipped',
        dueAt: sql.placeholder('dueAt'),
        claimedAt: sql.placeholder('claimedAt'),
        error: 'outside the catch-up window',
      })
      .onConflictDoNothing()
      .prepare(),
  ).run({ personId, localDate, dueAt, claimedAt: now });
}

/** The workout a claimed day sends, fixed when it is first built (just before the first send). */
export function attachWorkout(db: Queryable, id: number, workoutId: number): void {
  prepared(db, 'attachWorkout', () => db.update(deliveries).set({ workoutId: sql`${sql.placeholder('workoutId')}` }).where(eq(deliveries.id, sql.placeholder('id'))).prepare()).run({ id, workoutId });
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
  // Prepared once (two shapes): this runs after every message of a fan-out.
  if (done) {
    prepared(db, 'recordLastPartSent', () =>
      db
        .update(deliveries)
        .set({ partsSent: sql`${sql.placeholder('partsSent')}`, status: 'sent', sentAt: sql`${sql.placeholder('sentAt')}`, nextAttemptAt: null })
        .where(eq(deliveries.id, sql.placeholder('id')))
        .prepare(),
    ).run({ id, partsSent, sentAt: now.getTime() });
    return;
  }
  prepared(db, 'recordPartSent', () => db.update(deliveries).set({ partsSent: sql`${sql.placeholder('partsSent')}` }).where(eq(deliveries.id, sql.placeholder('id'))).prepare()).run({ id, partsSent });
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
