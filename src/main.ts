import 'dotenv/config';
import type { Logger } from 'pino';
import { clockFrom, ConfigError, loadBotConfig, type BotConfig } from './config.js';
import { startBot, type RunningBot } from './discord/bot.js';
import { createLogger } from './logger.js';

/**
 * Build and start everything `npm start` runs, on one clock: the real one, or HIPCOACH_NOW when it
 * is set (demos), so the bot and the daily-DM scheduler agree on what day it is.
 */
export function startHipCoach(config: BotConfig, logger: Logger): Promise<RunningBot> {
  return startBot({ config, logger, clock: clockFrom(config) });
}

/**
 * `npm start`: the composition root. Reads .env, starts the bot, and shuts down gracefully on
 * SIGINT/SIGTERM (stop taking work, finish what is in flight, close Discord and the database).
 */
export async function main(): Promise<number> {
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
