import { and, eq } from 'drizzle-orm';
import { deliveries } from '../schema.js';
import type { Queryable } from '../types.js';

export type Delivery = typeof deliveries.$inferSelect;

/** Claims (person, local date) once. Returns undefined if it was already claimed: never send twice. */
export function claimDelivery(db: Queryable, personId: string, localDate: string, nonce: string, now: Date): Delivery | undefined {
  return db
    .insert(deliveries)
    .values({ personId, localDate, nonce, status: 'claimed', claimedAt: now })
    .onConflictDoNothing()
    .returning()
    .get();
}

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
  update: { status: Delivery['status']; messageId?: string; error?: string; attempts?: number },
  now: Date,
): void {
  db.update(deliveries)
    .set({ ...update, ...(update.status === 'sent' ? { sentAt: now } : {}) })
    .where(eq(deliveries.id, id))
    .run();
}
