import type { Logger } from 'pino';
import type { Retention } from '../app/retention.js';
import type { DmSender } from './ports.js';
import { retentionNotice } from './retention-notice.js';

const DAY_MS = 86_400_000;
export const NOTICE_DAYS = 7;
/** People handled per sweep; the next sweep picks up the rest. */
const BATCH = 500;

export interface RetentionDeps {
  retention: Retention;
  sender: DmSender;
  clock: () => Date;
  logger: Logger;
  /** DATA_RETENTION_DAYS. */
  days: number;
  /** How often the sweep runs; hourly is plenty for a rule counted in days. */
  intervalMs?: number;
}

export interface SweepReport {
  noticed: number;
  erased: number;
}

/**
 * The retention rule: a person quiet for `days - 7` days gets one DM notice; a week after that
 * notice, if still quiet after `days`, they are erased exactly as `/privacy delete` erases. Any
 * interaction resets the clock. Logs carry counts only, never who.
 */
export class RetentionSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SweepReport> | undefined;

  constructor(private readonly deps: RetentionDeps) {}

  async sweep(): Promise<SweepReport> {
    const { retention, sender, clock, days } = this.deps;
    const now = clock();
    const quietSince = new Date(now.getTime() - days * DAY_MS);
    const noticedBy = new Date(now.getTime() - NOTICE_DAYS * DAY_MS);
    let erased = 0;
    for (const id of retention.toErase(quietSince, noticedBy, BATCH)) {
      if (retention.erase(id)) erased++;
    }

    let noticed = 0;
    const noticeSince = new Date(now.getTime() - (days - NOTICE_DAYS) * DAY_MS);
    for (const person of retention.toNotify(noticeSince, BATCH)) {
      if (!retention.claimNotice(person.id, now)) continue;
      const eraseAt = new Date(now.getTime() + NOTICE_DAYS * DAY_MS);
      const [message] = sender.render(person.id, retentionNotice(days, eraseAt));
      // Nonces are per channel (one person each), so the claim time alone keeps a resend single.
      const result = await sender.send({ userId: person.id, channelId: person.dmChannelId }, message, `rn${now.getTime()}`);
      // Blocked or refused DMs still count as notice given: the rule must not wait forever.
      if (!result.ok && result.kind === 'retry') retention.releaseNotice(person.id, now);
      else noticed++;
    }
    if (noticed || erased) this.deps.logger.info({ noticed, erased, days }, 'data retention');
    return { noticed, erased };
  }

  start(): void {
    const run = () => {
      this.running ??= this.sweep()
        .catch((error: unknown) => {
          this.deps.logger.error({ err: error }, 'data retention sweep failed');
          return { noticed: 0, erased: 0 };
        })
        .finally(() => (this.running = undefined));
    };
    run();
    this.timer = setInterval(run, this.deps.intervalMs ?? 3_600_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
