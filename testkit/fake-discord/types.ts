// Public types of the fake Discord server. Payload shapes follow Discord API v10 (snake_case, as
// on the wire), so tests can compare them with what discord.js sends and receives.

export type Json = Record<string, unknown>;

/** A person (or the bot) as Discord serialises a user object. */
export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot: boolean;
}

export interface FakeAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type: string;
  description?: string;
}

/** A message as the fake stores it (and returns it over REST). */
export interface FakeMessage {
  id: string;
  channel_id: string;
  author: FakeUser;
  content: string;
  timestamp: string;
  edited_timestamp: string | null;
  tts: boolean;
  mention_everyone: boolean;
  mentions: FakeUser[];
  mention_roles: string[];
  attachments: FakeAttachment[];
  embeds: Json[];
  components: Json[];
  pinned: boolean;
  /** 0 default, 19 reply, 20 chat input command response. */
  type: number;
  /** Bit 64 = ephemeral, 128 = loading ("is thinking…"), 32768 = components v2. */
  flags: number;
  nonce?: string | number;
  webhook_id?: string;
  application_id?: string;
  interaction_metadata?: Json;
  interaction?: Json;
  message_reference?: Json;
  thread?: FakeChannel;
}

export interface FakeChannel {
  id: string;
  /** 0 guild text, 1 DM, 11 public thread, 12 private thread. */
  type: number;
  flags: number;
  last_message_id: string | null;
  guild_id?: string;
  name?: string;
  position?: number;
  parent_id?: string | null;
  topic?: string | null;
  nsfw?: boolean;
  rate_limit_per_user?: number;
  permission_overwrites?: Json[];
  recipients?: FakeUser[];
  owner_id?: string;
  message_count?: number;
  member_count?: number;
  total_message_sent?: number;
  thread_metadata?: {
    archived: boolean;
    auto_archive_duration: number;
    archive_timestamp: string;
    locked: boolean;
    invitable?: boolean;
    create_timestamp: string;
  };
}

export interface FakeGuildInfo {
  id: string;
  name: string;
  /** The first text channel (where slash commands land by default). */
  textChannelId: string;
  channels: FakeChannel[];
  everyoneRoleId: string;
  adminRoleId: string;
  botRoleId: string;
}

export interface FakeCommand {
  id: string;
  application_id: string;
  name: string;
  type: number;
  version: string;
  guild_id?: string;
  description?: string;
  options?: Json[];
  default_member_permissions?: string | null;
  contexts?: number[] | null;
  dm_permission?: boolean;
  [key: string]: unknown;
}

export interface RecordedFile {
  /** Form field name, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  size: number;
  bytes: Buffer;
}

export interface MultipartBody {
  /** Parsed `payload_json` field, if any. */
  payload_json?: unknown;
  /** Every non-file field as text (payload_json included, unparsed). */
  fields: Record<string, string>;
  files: RecordedFile[];
}

export interface RecordedRequest {
  method: string;
  /** Decoded path without `/api/v10`, e.g. `/webhooks/1/abc/messages/@original`. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON, a MultipartBody, raw text, or undefined when there was no body. */
  body: unknown;
  /** Convenience: the JSON payload whether it came as JSON or as multipart `payload_json`. */
  json: unknown;
  /** Convenience: uploaded files (empty unless multipart). */
  files: RecordedFile[];
  /** Date.now() when the request arrived. */
  at: number;
  /** HTTP status the fake answered with (0 while still being handled). */
  status: number;
}

export type RequestMatcher =
  | ((request: RecordedRequest) => boolean)
  | {
      method?: string;
      /**
       * Exact decoded path (`/channels/123/messages`), a template where `:name` segments match
       * anything (`/channels/:id/messages`), or a RegExp tested against the path.
       */
      path?: string | RegExp;
    };

export type Failure =
  | {
      kind: 'rateLimit';
      /** Default 250 ms. Sent as `Retry-After` (seconds, decimal) and `retry_after`. */
      retryAfterMs?: number;
      global?: boolean;
      /** Default 'global' when global, else 'user'. */
      scope?: 'user' | 'global' | 'shared';
    }
  | { kind: 'error'; status: number; code: number; message: string; errors?: Json }
  | { kind: 'serverError'; status?: number };

export interface Where {
  /** A DM between the user and the bot. */
  dm?: boolean;
  guildId?: string;
  /** A guild text channel or thread id (or the user's DM channel id). */
  channelId?: string;
  locale?: string;
}

export interface ComponentTarget extends Where {
  /** The message the component is on (object or id). Defaults to the last bot message the user got. */
  message?: FakeMessage | string;
}

export interface CommandOption {
  name: string;
  /** 1 subcommand, 2 group, 3 string, 4 integer, 5 boolean, 6 user, 7 channel, 8 role, 10 number. */
  type: number;
  value?: string | number | boolean;
  options?: CommandOption[];
  focused?: boolean;
}

export interface CallbackBody {
  /** 1 pong, 4 message, 5 deferred message, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  type: number;
  data?: Json;
  files: RecordedFile[];
  at: number;
}

export interface FinalOptions {
  /** Overall limit (default 5000 ms). */
  timeoutMs?: number;
  /** Wait until no edit has arrived for this long (default 60 ms). */
  quietMs?: number;
  /** Wait for at least one edit of @original (default: true after a type 5 defer, else false). */
  waitForEdit?: boolean;
}

export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  /** The INTERACTION_CREATE payload that was dispatched. */
  readonly payload: Json;
  readonly user: FakeUser;
  /** First callback the bot sent (waits for it, default 4000 ms). */
  callback(timeoutMs?: number): Promise<CallbackBody>;
  /** All callbacks received so far (more than one means the bot double-acknowledged). */
  callbacks(): CallbackBody[];
  /** The message as the person now sees it: callback data with later @original edits applied. */
  final(options?: FinalOptions): Promise<FakeMessage | null>;
  /** Current @original (null if none or deleted), without waiting. */
  original(): FakeMessage | null;
  /** Follow-up messages (POST /webhooks/{app}/{token}), latest state. */
  followUps(): FakeMessage[];
  waitForFollowUps(count: number, timeoutMs?: number): Promise<FakeMessage[]>;
  /** Number of PATCHes to @original so far. */
  editCount(): number;
  /** Modal data if the bot answered with type 9. */
  modal(): Json | null;
  /** Choices if the bot answered an autocomplete with type 8. */
  choices(): Json[] | null;
}

export interface FakeGuildOptions {
  id?: string;
  name?: string;
  /** Text channels; default `general` and `coaching`. */
  channels?: { id?: string; name: string }[];
}

export interface StartFakeDiscordOptions {
  /** Default 0 (pick a free port). */
  port?: number;
  /** If set, REST `Authorization: Bot <token>` and IDENTIFY must use it. */
  token?: string;
  bot?: { id?: string; username?: string };
  applicationFlags?: number;
  /** Default: one guild "HipCoach Test" with #general and #coaching. Pass [] for none. */
  guilds?: FakeGuildOptions[];
  /** Global REST limit per second (Discord: 50). null disables. Default 50. */
  globalLimitPerSecond?: number | null;
  /** Per-route bucket size and window (default 50 per 1000 ms; Discord's real ones are tighter). */
  bucketLimit?: number;
  bucketWindowMs?: number;
  /** Default 41250. */
  heartbeatIntervalMs?: number;
  /** Callbacks later than this answer 10062 Unknown interaction (Discord: 3000). Infinity disables. */
  interactionDeadlineMs?: number;
  /** Interaction tokens (edits, follow-ups) expire after this (Discord: 15 min). */
  interactionTokenTtlMs?: number;
  /** `enforce_nonce` de-duplication window (default 3 minutes). */
  nonceWindowMs?: number;
  /** If true, slash()/autocomplete() throw for commands the bot never registered. Default false. */
  requireRegisteredCommands?: boolean;
  /** Debug log sink (default: silent). */
  log?: (line: string) => void;
}

export interface FakeDiscordStats {
  requests: number;
  /** Every 429 the fake sent (injected, bucket or global). */
  rateLimited: number;
  globalRateLimited: number;
  /** 401/403/429 answers (Discord bans at 10,000 per 10 minutes). */
  invalidRequests: number;
  identifies: number;
  resumes: number;
}

export interface FakeDiscord {
  readonly port: number;
  /** `http://127.0.0.1:PORT/api`, for `new Client({ rest: { api } })`. */
  readonly apiBase: string;
  readonly gatewayUrl: string;
  readonly bot: FakeUser;
  readonly applicationId: string;
  readonly guilds: FakeGuildInfo[];
  /** The first configured guild (throws if there is none). */
  readonly defaultGuild: FakeGuildInfo;

  user(name: string, options?: { id?: string; permissions?: bigint | number | string }): FakeUser;
  /** Guild permissions of a member (e.g. 0x20n Manage Server for admins); all guilds if no guildId. */
  setPermissions(user: FakeUser | string, permissions: bigint | number | string, guildId?: string): void;
  /** A user who blocks DMs: sends to their DM channel answer 403 / 50007. */
  blockDMs(user: FakeUser | string, blocked?: boolean): void;

  /**
   * Dispatch a chat-input command. `where` defaults to the first guild's first text channel
   * (`{ dm: true }` for a bot DM). Options as on the wire; subcommands as
   * `[{ type: 1, name: 'export', options: [] }]`. Waits up to 5 s for a gateway session.
   */
  slash(user: FakeUser, commandName: string, options?: CommandOption[], where?: Where): Promise<InteractionHandle>;
  /** Like slash(), type 4; exactly one option (possibly nested) must have `focused: true`. */
  autocomplete(user: FakeUser, commandName: string, options: CommandOption[], where?: Where): Promise<InteractionHandle>;
  /**
   * Press a button. The message defaults to the last bot message this user got (interaction
   * reply, follow-up or DM); the place defaults to that message's channel. Throws if the message
   * has no such component or it is disabled.
   */
  click(user: FakeUser, customId: string, target?: ComponentTarget): Promise<InteractionHandle>;
  /** Choose values in a string select (checked against its options and min/max_values). */
  select(user: FakeUser, customId: string, values: string[], target?: ComponentTarget): Promise<InteractionHandle>;
  /**
   * Submit the modal the bot last showed this user with that custom_id, mirroring its structure
   * (labels or action rows) and checking required / unknown fields. Arrays answer selects.
   */
  submitModal(
    user: FakeUser,
    customId: string,
    fields: Record<string, string | string[]>,
    target?: ComponentTarget,
  ): Promise<InteractionHandle>;
  /** A person writes a message (default: DM with the bot; or a guild channel / thread); dispatches MESSAGE_CREATE. */
  userMessage(user: FakeUser, content: string, where?: Where): FakeMessage;
  /** Raw gateway dispatch to every session; returns how many sessions got it. */
  dispatch(event: string, data: Json, requiredIntent?: number): number;

  dmChannelId(user: FakeUser | string): string;
  /** Messages the bot posted in that user's DM channel (latest state, oldest first). */
  dmMessages(user: FakeUser | string): FakeMessage[];
  channelMessages(channelId: string): FakeMessage[];
  message(id: string): FakeMessage | undefined;
  threads(parentId?: string): FakeChannel[];
  channel(id: string): FakeChannel | undefined;
  registeredCommands(guildId?: string): FakeCommand[];

  requests(filter?: RequestMatcher): RecordedRequest[];
  /** First recorded request (since the last clearRequests) matching, or the next one to arrive. */
  waitForRequest(predicate: RequestMatcher, timeoutMs?: number): Promise<RecordedRequest>;
  clearRequests(): void;

  /** The next `times` requests matching `match` get `failure` instead of being handled. */
  failNext(match: RequestMatcher, failure: Failure, times?: number): void;
  clearFailures(): void;
  setGlobalLimit(perSecond: number | null): void;
  stats(): FakeDiscordStats;
  readonly rateLimitedCount: number;

  /** Resolves when a session has identified and got its GUILD_CREATEs. */
  waitForReady(timeoutMs?: number): Promise<void>;
  /** Send op 7 Reconnect (client resumes on the resume_gateway_url). */
  requestReconnect(): void;
  /** Send op 9 Invalid Session. */
  invalidateSessions(resumable?: boolean): void;
  close(): Promise<void>;
}
