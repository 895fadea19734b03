import { Events, GatewayIntentBits, MessageFlags, type Client, type Interaction } from 'discord.js';
import type { Logger } from 'pino';
import { Coach } from '../app/coach.js';
import { systemClock, type Clock } from '../app/time.js';
import type { BotConfig } from '../config.js';
import { getLibrary } from '../content/load.js';
import { openDatabase, type DbHandle } from '../db/connection.js';
import { createClient } from './client.js';
import type { BotContext } from './context.js';
import { handleInteraction } from './interactions.js';
import { registerCommands } from './register.js';
import { handleQaMessage } from './qa-channel.js';
import { createLlm } from '../qa/client.js';
import { Phraser } from '../qa/phrase.js';
import { Answerer } from '../qa/answer.js';
import { retrieverFor } from '../qa/retrieval.js';

export interface RunningBot {
  client: Client;
  context: BotContext;
  database: DbHandle;
  /** Resolves once nothing is in flight (every interaction and message handled), e.g. for tests that wait for the bot, not for quiet. */
  idle(): Promise<void>;
  /** Stop taking work, let what is in flight finish (up to the grace period), then close everything. */
  stop(): Promise<void>;
}

export const RESTARTING = 'HipCoach is restarting. Please try again in a minute; nothing you entered was lost.';

/** Wire the pieces, log in, register commands if they changed, and resolve once ready. */
/** The daily-DM scheduler is not built here: `startHipCoach()` in src/main.ts wires it to this bot's REST client. */
export async function startBot(opts: { config: BotConfig; logger: Logger; clock?: Clock; database?: DbHandle }): Promise<RunningBot> {
  const { config, logger } = opts;
  const clock = opts.clock ?? systemClock;
  const database = opts.database ?? openDatabase(config.DATABASE_PATH);
  const library = getLibrary();
  const coach = new Coach({ db: database.db, library, clock });
  const llm = await createLlm(config, { db: database.db, clock, logger });
  const phraser = new Phraser({ llm, db: database.db, clock, library, model: config.LLM_MODEL });
  const answerer = new Answerer({ library, retriever: retrieverFor(library), llm, coach, db: database.db, clock, logger, config });
  const context: BotContext = { coach, library, db: database.db, clock, logger, answerer, phraser };
  const client = createClient({
    apiBaseUrl: config.DISCORD_API_BASE_URL,
    // Guild messages (not privileged) let HipCoach answer @mentions in the Q&A channel; the
    // privileged Message Content intent, when enabled, lets it answer every message there.
    extraIntents: [GatewayIntentBits.GuildMessages, ...(config.MESSAGE_CONTENT_INTENT === 'on' ? [GatewayIntentBits.MessageContent] : [])],
  });

  const inFlight = new Set<Promise<void>>();
  let accepting = true;
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (!accepting) {
      if (interaction.isRepliable()) void interaction.reply({ content: RESTARTING, flags: MessageFlags.Ephemeral }).catch(() => undefined);
      return;
    }
    const work = handleInteraction(context, interaction).finally(() => inFlight.delete(work));
    inFlight.add(work);
  });
  client.on(Events.MessageCreate, (message) => {
    if (!accepting) return;
    const work = handleQaMessage(context, message).finally(() => inFlight.delete(work));
    inFlight.add(work);
  });
  client.on(Events.Error, (error) => {
    logger.error({ err: error }, 'discord client error');
  });
  client.rest.on('rateLimited', (info) => {
    logger.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'rate limited by Discord; backing off');
  });

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(config.DISCORD_TOKEN);
    const readyClient = await ready;
    const result = await registerCommands({
      rest: client.rest,
      applicationId: readyClient.application.id,
      guildId: config.DISCORD_GUILD_ID,
      guilds: coach.guilds,
      logger,
    });
    logger.info(
      { user: readyClient.user.tag, guilds: readyClient.guilds.cache.size, commands: result, scope: config.DISCORD_GUILD_ID ? 'guild' : 'global' },
      `HipCoach is online as ${readyClient.user.tag} in ${readyClient.guilds.cache.size} server(s)`,
    );
  } catch (error) {
    await client.destroy();
    if (!opts.database) database.close();
    throw error;
  }

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      accepting = false;
      const grace = new Promise<void>((resolve) => setTimeout(resolve, config.SHUTDOWN_GRACE_MS).unref());
      await Promise.race([Promise.allSettled([...inFlight]), grace]);
      await client.destroy();
      if (!opts.database) database.close();
      logger.info('HipCoach stopped');
    })();
    return stopped;
  };
  const idle = async () => {
    // Work can start more work (a reply triggers nothing new today, but a loop keeps this true).
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };
  return { client, context, database, idle, stop };
}
