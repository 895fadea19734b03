import type { Logger } from 'pino';
import type { Clock } from './app/time.js';
import { clockFrom, ConfigError, loadBotConfig, type BotConfig } from './config.js';
import type { DbHandle } from './db/connection.js';
import { startBot, type RunningBot } from './discord/bot.js';
import { RestDmSender } from './discord/dm-sender.js';
import { createLogger } from './logger.js';
import { RetentionSweeper } from './scheduler/retention-sweeper.js';
import { Scheduler } from './scheduler/scheduler.js';

/** The bot and, when SCHEDULER=on, the daily-DM scheduler that sends through the bot's REST client. */
export interface RunningHipCoach extends RunningBot {
  scheduler: Scheduler | undefined;
}

/**
 * Build and start everything `npm start` runs, on one clock: the real one, or HIPCOACH_NOW when it
 * is set (demos), so the bot and the daily-DM scheduler agree on what day it is. The scheduler is
 * built here, not in the bot, so neither adapter knows the other: it sees only its DmSender port.
 */
export async function startHipCoach(
  config: BotConfig,
  logger: Logger,
  opts: { clock?: Clock; database?: DbHandle; startScheduler?: boolean } = {},
): Promise<RunningHipCoach> {
  const clock = opts.clock ?? clockFrom(config);
  const bot = await startBot({ config, logger, clock, ...(opts.database ? { database: opts.database } : {}) });
  const scheduler =
    config.SCHEDULER === 'on'
      ? new Scheduler({
          db: bot.database.db,
          coach: bot.context.coach,
          sender: new RestDmSender(bot.client.rest),
          clock,
          logger,
          phraser: bot.context.phraser,
          intervalMs: config.SCHEDULER_INTERVAL_SECONDS * 1000,
          windowMs: config.DM_WINDOW_HOURS * 3_600_000,
        })
      : undefined;
  if (opts.startScheduler !== false) scheduler?.start();
  // The retention rule runs beside the one scheduler (it sends DMs too); its claims keep it single.
  const retention =
    config.SCHEDULER === 'on'
      ? new RetentionSweeper({ retention: bot.context.coach.retention, sender: new RestDmSender(bot.client.rest), clock, logger, days: config.DATA_RETENTION_DAYS })
      : undefined;
  if (opts.startScheduler !== false) retention?.start();
  let stopped: Promise<void> | undefined;
  // The scheduler stops first, so no DM starts while the bot is closing its connections.
  const stop = () => (stopped ??= (async () => {
    await scheduler?.stop();
    await retention?.stop();
    await bot.stop();
  })());
  return { ...bot, scheduler, stop };
}

/**
 * `npm start`: the composition root. Reads .env, starts the bot, and shuts down gracefully on
 * SIGINT/SIGTERM (stop taking work, finish what is in flight, close Discord and the database).
 */
export async function main(): Promise<number> {
  await import('dotenv/config');
  let config;
  try {
    config = loadBotConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) process.stderr.write(`hipcoach: ${problem}\n`);
      return 1;
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let bot;
  try {
    bot = await startHipCoach(config, logger);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.fatal({ err: error }, 'could not start');
    process.stderr.write(`hipcoach: could not start: ${message}\n`);
    return 1;
  }
  const running = bot;
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      void running.stop().then(resolve);
    };
    process.once('SIGINT', () => { shutdown('SIGINT'); });
    process.once('SIGTERM', () => { shutdown('SIGTERM'); });
  });
  return 0;
}
