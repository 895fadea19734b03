import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { Coach } from '../app/coach.js';
import type { Clock } from '../app/time.js';
import { weekdayIndex } from '../coaching/calendar.js';
import { nextRunAfter, runLocalDate } from '../coaching/schedule.js';
import { DmLedger, type Delivery, type PersonClaim } from '../app/dm-ledger.js';
import type { Db } from '../db/connection.js';
import type { Person } from '../db/repos/people.js';
import type { DmSender } from './ports.js';
import { composeParts, nudgeView, renderPart } from './messages.js';
import { Phraser } from '../qa/phrase.js';
import { NO_LLM } from '../qa/client.js';

/**
 * The daily DM loop. Exactly once per person and local date:
 *   1. one short transaction claims the day (a ledger row unique on person + date, with the parts
 *      it will send) and advances next_run_at;
 *   2. the day's workout is built (once: it is stored per person and date) just before the first
 *      send, outside the claim transaction, and each part is sent with a nonce Discord enforces,
 *      so a retried send cannot post twice;
 *   3. each confirmed part is recorded, so a retry resumes after it.
 * A tick claims up to BATCH people, sends to them, then claims the next BATCH: only one batch's
 * work is alive at a time, and the first DMs go out while later people are still due.
 * A crash anywhere leaves a claimed row that the next tick resends (same nonces) while it is
 * inside the person's window; days missed beyond the window are recorded as skipped.
 * Only the holder of the lease runs a tick, so a second process never sends.
 */

export interface SchedulerOptions {
  db: Db;
  coach: Coach;
  sender: DmSender;
  /** Opening lines (LLM-phrased when configured); default: templates. */
  phraser?: Phraser;
  clock: Clock;
  logger: Logger;
  /** How late a delivery may still go out (default 3 h). */
  windowMs?: number;
  /** Time between ticks when started (30-60 s in production). */
  intervalMs?: number;
  /** People claimed, then sent to, before the next are claimed (default BATCH). */
  batchSize?: number;
  /** Sends in flight at once; discord.js's own limiter keeps the global rate. */
  concurrency?: number;
  /** A name for this process in the lease (default: random). */
  owner?: string;
  /** Observation points, for fault-injection tests (e.g. a crash right after a claim). */
  hooks?: { afterClaim?: (d: Delivery) => void; afterSend?: (d: Delivery, part: number) => void };
}

export interface TickReport {
  leader: boolean;
  claimed: number;
  skipped: number;
  sent: number;
  blocked: number;
  retrying: number;
  failed: number;
  nudges: number;
  /** Time spent claiming (ledger rows and next runs), and sending (building each session, rendering, sending). */
  claimMs: number;
  sendMs: number;
}

const LEASE = 'dm-scheduler';
/** People per claim transaction: small enough that interactions are never held up for long. */
const CLAIM_TX = 100;
/** People claimed, then sent to, before the next are claimed: bounds what a fan-out holds at once. */
export const BATCH = 500;

export class Scheduler {
  private readonly windowMs: number;
  private readonly intervalMs: number;
  private readonly concurrency: number;
  private readonly batchSize: number;
  private readonly owner: string;
  private readonly phraser: Phraser;
  private readonly ledger: DmLedger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<TickReport> | undefined;
  private stopped = false;

  constructor(private readonly opts: SchedulerOptions) {
    this.windowMs = opts.windowMs ?? 3 * 3_600_000;
    this.intervalMs = opts.intervalMs ?? 30_000;
    this.concurrency = opts.concurrency ?? 20;
    this.batchSize = opts.batchSize ?? BATCH;
    this.owner = opts.owner ?? `pid${process.pid}-${randomBytes(4).toString('hex')}`;
    this.ledger = new DmLedger({ db: opts.db });
    this.phraser = opts.phraser ?? new Phraser({ llm: NO_LLM, db: opts.db, clock: opts.clock, library: opts.coach.library, model: '' });
  }

  start(): void {
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick().catch((error: unknown) => {
        this.opts.logger.error({ err: error }, 'scheduler tick failed');
        return emptyReport(false);
      });
      void this.running.finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, this.intervalMs);
      });
    };
    loop();
  }

  /** Stop after the tick in progress, and give the lease up so another process can take over. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.ledger.releaseLease(LEASE, this.owner);
  }

  async tick(): Promise<TickReport> {
    const now = this.opts.clock();
    // Short enough that a restarted process takes over (and resends with the same nonces) well
    // inside the few minutes Discord remembers a nonce; long enough to survive a slow tick.
    const leaseMs = Math.max(this.intervalMs * 3, 60_000);
    if (!this.ledger.acquireLease(LEASE, this.owner, now, leaseMs)) return emptyReport(false);
    const report = emptyReport(true);
    let claimMs = 0;
    let sendMs = 0;
    // Retries from earlier ticks first, then batch by batch: claim up to BATCH people, send to them.
    for (let more = true; ; ) {
      const t0 = performance.now();
      await this.sendPending(now, report);
      const t1 = performance.now();
      sendMs += t1 - t0;
      if (!more) break;
      more = (await this.claimDue(now, report)) === this.batchSize;
      claimMs += performance.now() - t1;
    }
    await this.sendNudges(now, report);
    report.claimMs = Math.round(claimMs);
    report.sendMs = Math.round(sendMs);
    return report;
  }

  /** Claim the next batch of due people (fewer when fewer are due), CLAIM_TX per transaction; returns how many. */
  private async claimDue(now: Date, report: TickReport): Promise<number> {
    let people = 0;
    while (people < this.batchSize) {
      const due = this.ledger.duePeople(now, Math.min(CLAIM_TX, this.batchSize - people));
      if (due.length === 0) break;
      people += due.length;
      // Reads and decisions first, outside the transaction; then one short transaction writes them.
      const claimed = this.ledger.record(due.map((person) => this.planClaims(person, now, report)), now);
      report.claimed += claimed.length;
      // Observed after the commit: a crash from here on must find the claim on restart.
      for (const d of claimed) this.opts.hooks?.afterClaim?.(d);
      // Let waiting interactions run between transactions.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return people;
  }

  /** Every day due for one person up to now: claimed inside the catch-up window, skipped outside it. */
  private planClaims(person: Person, now: Date, report: TickReport): PersonClaim {
    const claim: PersonClaim = { personId: person.id, claims: [], skips: [], nextRunAt: person.nextRunAt! };
    const hasPlan = this.ledger.hasPlan(person.id);
    let runAt = person.nextRunAt!;
    while (runAt.getTime() <= now.getTime()) {
      const localDate = runLocalDate(person.timezone, runAt);
      if (now.getTime() - runAt.getTime() > this.windowMs) {
        claim.skips.push({ localDate, dueAt: runAt });
        report.skipped++;
      } else if (hasPlan) {
        const parts = composeParts(this.opts.coach.daily.partsFacts(person, localDate, weekdayIndex(localDate) === 6));
        claim.claims.push({ personId: person.id, localDate, nonce: randomBytes(9).toString('base64url'), dueAt: runAt, parts, workoutId: null });
      }
      runAt = nextRunAfter(person.reminderTime, person.timezone, runAt);
    }
    claim.nextRunAt = runAt;
    return claim;
  }

  private async sendPending(now: Date, report: TickReport): Promise<void> {
    for (;;) {
      const batch = this.ledger.sendable(now, CLAIM_TX);
      if (batch.length === 0) return;
      await pool(batch, this.concurrency, (d) => this.deliver(d, now, report));
      if (batch.length < CLAIM_TX) return;
    }
  }

  /** Send the parts not yet confirmed, in order; classify any failure. */
  private async deliver(claimed: Delivery, now: Date, report: TickReport): Promise<void> {
    const person = this.ledger.person(claimed.personId);
    if (!person) return;
    if (claimed.dueAt && now.getTime() - claimed.dueAt.getTime() > this.windowMs) {
      this.ledger.mark(claimed.id, { status: 'failed', error: 'the catch-up window passed before it could be sent' }, now);
      report.failed++;
      return;
    }
    const delivery = this.withWorkout(claimed, person, now);
    if (!delivery) {
      report.failed++;
      return;
    }
    const messages: unknown[] = [];
    for (const part of delivery.parts) {
      for (const dm of await renderPart(this.opts.coach, this.phraser, person, delivery, part)) messages.push(...this.opts.sender.render(person.id, dm));
    }
    let channelId = person.dmChannelId;
    for (let i = delivery.partsSent; i < messages.length; i++) {
      const result = await this.opts.sender.send({ userId: person.id, channelId }, messages[i], `${delivery.nonce}${i}`);
      if (!result.ok) {
        this.failed(delivery, person, result, now, report);
        return;
      }
      if (channelId !== result.channelId) {
        channelId = result.channelId;
        this.ledger.rememberDmChannel(person.id, channelId);
      }
      this.opts.hooks?.afterSend?.(delivery, i);
      this.ledger.partSent(delivery.id, i + 1, i + 1 === messages.length, this.opts.clock());
    }
    if (messages.length === 0 || delivery.partsSent >= messages.length) this.ledger.partSent(delivery.id, messages.length, true, this.opts.clock());
    report.sent++;
  }

  /**
   * The delivery with its day's workout, built on first send (stored per person and date, so a
   * resend after a crash, and /workout, find the same one); undefined when there is no plan now.
   */
  private withWorkout(delivery: Delivery, person: Person, now: Date): Delivery | undefined {
    if (delivery.workoutId !== null || !delivery.parts.includes('workout')) return delivery;
    const today = this.opts.coach.workoutFor(person, delivery.localDate);
    if ('kind' in today) {
      this.ledger.mark(delivery.id, { status: 'failed', error: 'no active plan when it was time to send' }, now);
      return undefined;
    }
    this.ledger.attachWorkout(delivery.id, today.workout.id);
    return { ...delivery, workoutId: today.workout.id };
  }

  private failed(delivery: Delivery, person: Person, result: { kind: 'blocked' | 'retry' | 'fatal'; error: string }, now: Date, report: TickReport): void {
    if (result.kind === 'blocked') {
      // The person does not accept DMs: no retries; they hear about it next time they use a command.
      this.ledger.mark(delivery.id, { status: 'failed', error: 'dm_blocked' }, now);
      this.ledger.markDmBlocked(person.id, now);
      report.blocked++;
      return;
    }
    const attempts = delivery.attempts + 1;
    const backoff = Math.min(60_000 * 2 ** (attempts - 1), 30 * 60_000);
    const retryAt = new Date(now.getTime() + backoff);
    const windowEnd = (delivery.dueAt ?? delivery.claimedAt).getTime() + this.windowMs;
    if (result.kind === 'fatal' || retryAt.getTime() > windowEnd) {
      this.ledger.mark(delivery.id, { status: 'failed', error: result.error.slice(0, 500), attempts }, now);
      report.failed++;
      return;
    }
    this.ledger.mark(delivery.id, { status: 'claimed', error: result.error.slice(0, 500), attempts, nextAttemptAt: retryAt }, now);
    report.retrying++;
    this.opts.logger.warn({ delivery: delivery.id, attempts, retryAt }, 'daily DM failed; will retry inside the window');
  }

  private async sendNudges(now: Date, report: TickReport): Promise<void> {
    const due = this.ledger.dueNudges(now, BATCH);
    await pool(due, this.concurrency, async (d) => {
      const person = this.ledger.person(d.personId);
      if (!person || d.workoutId === null) return;
      const [payload] = this.opts.sender.render(person.id, nudgeView(d.workoutId));
      const result = await this.opts.sender.send({ userId: person.id, channelId: person.dmChannelId }, payload, `${d.nonce}n${d.remindAt?.getTime() ?? 0}`.slice(0, 25));
      if (result.ok) {
        this.ledger.mark(d.id, { status: 'sent', remindedAt: now }, now);
        report.nudges++;
      } else if (result.kind === 'blocked') {
        this.ledger.markDmBlocked(person.id, now);
        this.ledger.mark(d.id, { status: 'sent', remindedAt: now }, now);
      }
    });
  }
}

function emptyReport(leader: boolean): TickReport {
  return { leader, claimed: 0, skipped: 0, sent: 0, blocked: 0, retrying: 0, failed: 0, nudges: 0, claimMs: 0, sendMs: 0 };
}

/** Run `work` over items with at most `size` in flight. */
async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

