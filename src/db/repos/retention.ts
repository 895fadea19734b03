import { and, asc, eq, isNotNull, isNull, lte, notLike } from 'drizzle-orm';
import { people } from '../schema.js';
import type { Queryable } from '../types.js';

/**
 * The data-retention rule's queries. A person's clock is `last_seen_at`, set by every interaction;
 * the console coach's local people (`console:*`) live on the user's own machine and are exempt.
 */

/** Any interaction: the retention clock restarts and a pending erasure notice is withdrawn. */
export function markSeen(db: Queryable, id: string, now: Date): void {
  db.update(people).set({ lastSeenAt: now, retentionNoticeAt: null }).where(eq(people.id, id)).run();
}

export interface RetentionCandidate {
  id: string;
  dmChannelId: string | null;
}

/** People quiet since `cutoff` who have not been told yet, oldest first. */
export function peopleToNotify(db: Queryable, cutoff: Date, limit: number): RetentionCandidate[] {
  return db
    .select({ id: people.id, dmChannelId: people.dmChannelId })
    .from(people)
    .where(and(lte(people.lastSeenAt, cutoff), isNull(people.retentionNoticeAt), notLike(people.id, 'console:%')))
    .orderBy(asc(people.lastSeenAt))
    .limit(limit)
    .all();
}

/** Claims the notice for one person, so two processes never both send it. */
export function claimNotice(db: Queryable, id: string, now: Date): boolean {
  return db.update(people).set({ retentionNoticeAt: now }).where(and(eq(people.id, id), isNull(people.retentionNoticeAt))).run().changes > 0;
}

/** Gives a notice back when its DM could not go out for a passing reason: the next sweep retries. */
export function releaseNotice(db: Queryable, id: string, claimedAt: Date): void {
  db.update(people).set({ retentionNoticeAt: null }).where(and(eq(people.id, id), eq(people.retentionNoticeAt, claimedAt))).run();
}

/** People quiet since `cutoff` whose notice went out on or before `noticedBy`. */
export function peopleToErase(db: Queryable, cutoff: Date, noticedBy: Date, limit: number): string[] {
  return db
    .select({ id: people.id })
    .from(people)
    .where(and(lte(people.lastSeenAt, cutoff), isNotNull(people.retentionNoticeAt), lte(people.retentionNoticeAt, noticedBy), notLike(people.id, 'console:%')))
    .limit(limit)
    .all()
    .map((r) => r.id);
}
