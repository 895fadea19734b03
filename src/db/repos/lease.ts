import { sql } from 'drizzle-orm';
import { leases } from '../schema.js';
import type { Queryable } from '../types.js';

/**
 * Take or renew the named lease for `owner` until now + ttl. Succeeds when the lease is free,
 * expired, or already ours; one atomic statement, so two processes can never both hold it.
 */
export function acquireLease(db: Queryable, name: string, owner: string, now: Date, ttlMs: number): boolean {
  const expiresAt = new Date(now.getTime() + ttlMs);
  // No row comes back when the lease belongs to someone else (the conflict's WHERE fails).
  const rows: { owner: string }[] = db
    .insert(leases)
    .values({ name, owner, expiresAt })
    .onConflictDoUpdate({
      target: leases.name,
      set: { owner, expiresAt },
      setWhere: sql`${leases.owner} = ${owner} OR ${leases.expiresAt} <= ${now.getTime()}`,
    })
    .returning({ owner: leases.owner })
    .all();
  return rows.length === 1 && rows[0]!.owner === owner;
}

export function releaseLease(db: Queryable, name: string, owner: string): void {
  db.delete(leases).where(sql`${leases.name} = ${name} AND ${leases.owner} = ${owner}`).run();
}
