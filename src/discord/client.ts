import { Client, GatewayIntentBits, Options, Partials, type RESTOptions } from 'discord.js';

/**
 * @discordjs/rest keeps one route handler per DM channel and sweeps idle ones hourly by default:
 * after a fan-out to 10,000 people that is 10,000 handlers held for an hour (and all of them
 * alive at the end of the tick). A five-second sweep lets each go soon after its DM is sent, so a
 * fan-out holds only the last few seconds' worth (a handler still rate-limited is never swept); bucket hashes (one per route shape) need no change.
 */
export const REST_OPTIONS = { handlerSweepInterval: 5_000, hashSweepInterval: 600_000, hashLifetime: 3_600_000 } satisfies Partial<RESTOptions>;

/**
 * The discord.js client with the smallest footprint that works: only the Guilds intent (slash
 * commands and buttons arrive without others), and caches bounded so memory stays flat however
 * many servers and people there are. State lives in SQLite, never in these caches.
 */
export function createClient(opts: { apiBaseUrl?: string | undefined; extraIntents?: GatewayIntentBits[] }): Client {
  const isBot = (id: string, client: Client) => id === client.user?.id;
  const client: Client = new Client({
    intents: [GatewayIntentBits.Guilds, ...(opts.extraIntents ?? [])],
    partials: [Partials.Channel],
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      GuildInviteManager: 0,
      GuildBanManager: 0,
      AutoModerationRuleManager: 0,
      ThreadMemberManager: 0,
      GuildForumThreadManager: 20,
      GuildTextThreadManager: 20,
      UserManager: { maxSize: 1000, keepOverLimit: (u) => isBot(u.id, client) },
      GuildMemberManager: { maxSize: 0, keepOverLimit: (m) => isBot(m.id, client) },
      DMMessageManager: 0,
      GuildMessageManager: 0,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      users: { interval: 3600, filter: () => (u) => !isBot(u.id, client) },
      threads: { interval: 3600, lifetime: 3600 },
    },
    allowedMentions: { parse: [] },
    enforceNonce: true,
    rest: { ...REST_OPTIONS, ...(opts.apiBaseUrl ? { api: opts.apiBaseUrl } : {}) },
  });
  return client;
}
