import type { Db } from '../db/connection.js';
import { attachWorkout, claimDay, dueNudges, markDelivery, recordPartSent, sendable, skipDay, type ClaimInput, type Delivery } from '../db/repos/deliveries.js';
import { acquireLease, releaseLease } from '../db/repos/lease.js';
import { duePeople, getPerson, markDmBlocked, rememberDmChannel, setNextRun, type Person } from '../db/repos/people.js';
import { hasActivePlan } from '../db/repos/plans.js';

export type { Delivery } from '../db/repos/deliveries.js';

/** What one due person's claim writes: the days to claim or skip, and when the next one is due. */
export interface PersonClaim {
  personId: string;
  claims: ClaimInput[];
  skips: { localDate: string; dueAt: Date }[];
  nextRunAt: Date;
}

/**
 * The daily DM's exactly-once machinery, for the scheduler: the lease (one sender at a time), the
 * ledger of deliveries (one row per person and local date) and the person fields the scheduler
 * writes (next run, DM channel, DMs blocked). The scheduler decides; this is where it writes.
 */
export class DmLedger {
  constructor(private readonly deps: { db: Db }) {}

  acquireLease(name: string, owner: string, now: Date, ttlMs: number): boolean {
    return acquireLease(this.deps.db, name, owner, now, ttlMs);
  }

  releaseLease(name: string, owner: string): void {
    releaseLease(this.deps.db, name, owner);
  }

  /** People whose daily DM is due, oldest first. */
  duePeople(now: Date, limit: number): Person[] {
    return duePeople(this.deps.db, now, limit);
  }

  /** Cheap (index only): whether a daily DM has a plan to send from. */
  hasPlan(personId: string): boolean {
    return hasActivePlan(this.deps.db, personId);
  }

  /**
   * Write a batch of claims in one short transaction: a ledger row per claimed day (unique on
   * person + date, so a day is claimed once whoever races), a skipped row per missed day, and
   * each person's next run. Returns the days this call claimed (not those claimed before).
   */
  record(batch: readonly PersonClaim[], now: Date): Delivery[] {
    const claimed: Delivery[] = [];
    // The repos' prepared statements belong to the connection, so they run inside this transaction.
    this.deps.db.transaction(() => {
      for (const p of batch) {
        for (const s of p.skips) skipDay(this.deps.db, p.personId, s.localDate, s.dueAt, now);
        for (const c of p.claims) {
          const d = claimDay(this.deps.db, c, now);
          if (d) claimed.push(d);
        }
        setNextRun(this.deps.db, p.personId, p.nextRunAt);
      }
    });
    return claimed;
  }

  /** Claimed deliveries ready to (re)send now, oldest first. */
  sendable(now: Date, limit: number): Delivery[] {
    return sendable(this.deps.db, now, limit);
  }

  /** Snoozed deliveries whose nudge is due. */
  dueNudges(now: Date, limit: number): Delivery[] {
    return dueNudges(this.deps.db, now, limit);
  }

  person(personId: string): Person | undefined {
    return getPerson(this.deps.db, personId);
  }

  attachWorkout(deliveryId: number, workoutId: number): void {
    attachWorkout(this.deps.db, deliveryId, workoutId);
  }

  mark(deliveryId: number, update: Parameters<typeof markDelivery>[2], now: Date): void {
    markDelivery(this.deps.db, deliveryId, update, now);
  }

  partSent(deliveryId: number, partsSent: number, done: boolean, now: Date): void {
    recordPartSent(this.deps.db, deliveryId, partsSent, done, now);
  }

  rememberDmChannel(personId: string, channelId: string): void {
    rememberDmChannel(this.deps.db, personId, channelId);
  }

  markDmBlocked(personId: string, now: Date): void {
    markDmBlocked(this.deps.db, personId, now);
  }
}
