import 'dotenv/config';
import { ConfigError, loadBotConfig } from './config.js';
import { startBot } from './discord/bot.js';
import { createLogger } from './logger.js';

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
    bot = await startBot({ config, logger });
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
