/**
 * Fake Discord for end-to-end tests
 * =================================
 *
 * A loopback (127.0.0.1 only) stand-in for Discord's REST API v10 and gateway that a REAL
 * discord.js 14 Client can log in to. It records every request, lets tests play a person
 * (slash commands, buttons, selects, modals, autocomplete, DMs, channel/thread messages) and
 * injects failures (429s, Discord JSON errors, 500s, a global rate limit).
 *
 * Usage
 * -----
 *   import { Client, GatewayIntentBits, Partials } from 'discord.js';
 *   import { Failures, startFakeDiscord } from '../testkit/fake-discord/index.js';
 *
 *   const fake = await startFakeDiscord({ token: 'fake-token' });
 *   const alice = fake.user('Alice');                  // create people BEFORE login: they are
 *   const admin = fake.user('Coach', { permissions: 0x20n }); // members of every guild
 *   const client = new Client({
 *     intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
 *     partials: [Partials.Channel],
 *     rest: { api: fake.apiBase },                     // http://127.0.0.1:PORT/api
 *   });
 *   await client.login('fake-token');                  // gateway URL comes from GET /gateway/bot
 *
 *   const h = await fake.slash(alice, 'plan', [{ name: 'week', type: 4, value: 2 }]);
 *   //    where: omitted = first guild's first text channel; { dm: true }; { guildId, channelId }
 *   (await h.callback()).type;                         // 4, 5, 9 ...
 *   (await h.final())?.content;                        // what Alice now sees (edits applied)
 *   await fake.click(alice, 'plan:next');              // on the last bot message Alice got
 *   await fake.select(alice, 'pick', ['a']);  await fake.submitModal(alice, 'intake', { pain: '4' });
 *   fake.userMessage(alice, 'hello');                  // DM MESSAGE_CREATE (needs DirectMessages)
 *   fake.dmMessages(alice);                            // what the bot sent Alice by DM
 *
 *   fake.failNext({ method: 'POST', path: '/channels/:id/messages' }, { kind: 'rateLimit', retryAfterMs: 200 });
 *   fake.failNext({ path: /\/messages$/ }, Failures.cannotDM());   // 403 / 50007
 *   fake.setGlobalLimit(5);                            // 429 global beyond 5 req/s; fake.stats()
 *   await fake.waitForRequest((r) => r.path.endsWith('/typing'));
 *
 *   await client.destroy();                            // ALWAYS before fake.close()
 *   await fake.close();
 *
 * Behaviour worth knowing
 * -----------------------
 * - Identify is throttled ~5 s per discord.js client: use ONE client per test file.
 * - 204 answers carry no Content-Type (discord.js would try to parse JSON otherwise).
 * - Paths are recorded decoded (`@original`, not `%40original`) and without `/api/v10`.
 * - Callbacks later than `interactionDeadlineMs` (default 3000, like Discord) get 10062, a second
 *   callback gets 40060; tokens expire after 15 min (50027).
 * - After a type 5 defer, the first follow-up edits the "thinking…" message (as Discord does).
 * - Messages are validated like Discord: empty (50006), content > 2000, > 5 action rows,
 *   custom_id > 100 or duplicated, components v2 mixed with content (50035 Invalid Form Body).
 *   Modal submits are checked against the modal the bot showed (unknown/missing required fields
 *   throw in the test), clicks against the message's components (unknown/disabled throw).
 * - Events honour intents: GUILD_CREATE needs Guilds, DM MESSAGE_CREATE needs DirectMessages,
 *   guild MESSAGE_CREATE needs GuildMessages, and without MessageContent a guild message that does
 *   not mention the bot arrives with empty content. userMessage() throws if nobody would get it.
 * - Permissions passed to user()/setPermissions() are granted on top of @everyone; members with
 *   Manage Server (0x20) or Administrator also get the guild's "Admin" role.
 * - Registered commands are checked on use (contexts, dm_permission, default_member_permissions);
 *   unregistered ones are allowed unless `requireRegisteredCommands`.
 */

import { createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { parseMultipart } from './multipart.js';
import { snowflake, snowflakeTimestamp } from './snowflake.js';
import type {
  CallbackBody,
  CommandOption,
  ComponentTarget,
  Failure,
  FakeAttachment,
  FakeChannel,
  FakeCommand,
  FakeDiscord,
  FakeDiscordStats,
  FakeGuildInfo,
  FakeMessage,
  FakeUser,
  FinalOptions,
  InteractionHandle,
  Json,
  RecordedFile,
  RecordedRequest,
  RequestMatcher,
  StartFakeDiscordOptions,
  Where,
} from './types.js';

// ---------------------------------------------------------------------------------------------
// Constants

const API_PREFIX = '/api/v10';

export const Intents = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;

export const Permissions = {
  CreateInstantInvite: 1n << 0n,
  Administrator: 1n << 3n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  UseExternalEmojis: 1n << 18n,
  Connect: 1n << 20n,
  Speak: 1n << 21n,
  ChangeNickname: 1n << 26n,
  UseApplicationCommands: 1n << 31n,
  ManageThreads: 1n << 34n,
  CreatePublicThreads: 1n << 35n,
  CreatePrivateThreads: 1n << 36n,
  SendMessagesInThreads: 1n << 38n,
} as const;

const EVERYONE_PERMISSIONS =
  Permissions.CreateInstantInvite |
  Permissions.AddReactions |
  Permissions.ViewChannel |
  Permissions.SendMessages |
  Permissions.EmbedLinks |
  Permissions.AttachFiles |
  Permissions.ReadMessageHistory |
  Permissions.UseExternalEmojis |
  Permissions.Connect |
  Permissions.Speak |
  Permissions.ChangeNickname |
  Permissions.UseApplicationCommands |
  Permissions.CreatePublicThreads |
  Permissions.CreatePrivateThreads |
  Permissions.SendMessagesInThreads;
const BOT_ROLE_PERMISSIONS = Permissions.ManageMessages | Permissions.ManageThreads;
const ALL_PERMISSIONS = (1n << 51n) - 1n;

const MessageFlag = {
  SuppressEmbeds: 1 << 2,
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
  SuppressNotifications: 1 << 12,
  IsComponentsV2: 1 << 15,
} as const;
const SETTABLE_MESSAGE_FLAGS =
  MessageFlag.SuppressEmbeds | MessageFlag.Ephemeral | MessageFlag.SuppressNotifications | MessageFlag.IsComponentsV2;

const InteractionType = { Ping: 1, ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4, ModalSubmit: 5 } as const;
const ChannelType = { GuildText: 0, DM: 1, GuildAnnouncement: 5, PublicThread: 11, PrivateThread: 12 } as const;
const THREAD_TYPES: readonly number[] = [ChannelType.PublicThread, ChannelType.PrivateThread, 10];
const TEXT_TYPES: readonly number[] = [ChannelType.GuildText, ChannelType.GuildAnnouncement, ...THREAD_TYPES];

/** Ready-made failures for failNext(). */
export const Failures = {
  rateLimit(retryAfterMs = 250, options: { global?: boolean; scope?: 'user' | 'global' | 'shared' } = {}): Failure {
    return { kind: 'rateLimit', retryAfterMs, ...options };
  },
  cannotDM(): Failure {
    return { kind: 'error', status: 403, code: 50007, message: 'Cannot send messages to this user' };
  },
  unknownInteraction(): Failure {
    return { kind: 'error', status: 404, code: 10062, message: 'Unknown interaction' };
  },
  unknownMessage(): Failure {
    return { kind: 'error', status: 404, code: 10008, message: 'Unknown Message' };
  },
  unknownChannel(): Failure {
    return { kind: 'error', status: 404, code: 10003, message: 'Unknown Channel' };
  },
  missingAccess(): Failure {
    return { kind: 'error', status: 403, code: 50001, message: 'Missing Access' };
  },
  missingPermissions(): Failure {
    return { kind: 'error', status: 403, code: 50013, message: 'Missing Permissions' };
  },
  alreadyAcknowledged(): Failure {
    return { kind: 'error', status: 400, code: 40060, message: 'Interaction has already been acknowledged.' };
  },
  serverError(status = 500): Failure {
    return { kind: 'serverError', status };
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Small helpers

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: Json,
  ) {
    super(message);
  }
}

function isObj(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function obj(value: unknown): Json {
  return isObj(value) ? value : {};
}
function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}
function objs(value: unknown): Json[] {
  return arr(value).filter(isObj);
}
function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return value.toString();
  return undefined;
}
function toBigInt(value: bigint | number | string): bigint {
  return typeof value === 'bigint' ? value : BigInt(value);
}
function iso(ms: number = Date.now()): string {
  return new Date(ms).toISOString();
}
function fieldError(code: string, message: string): Json {
  return { _errors: [{ code, message }] };
}
function formError(errors: Json): ApiError {
  return new ApiError(400, 50035, 'Invalid Form Body', errors);
}
/** Length in Unicode code points (how Discord counts message and field limits). */
function charLength(text: string): number {
  let length = 0;
  for (const _codePoint of text) length += 1;
  return length;
}
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
function userId(user: FakeUser | string): string {
  return typeof user === 'string' ? user : user.id;
}
function describeRequest(r: RecordedRequest): string {
  const q = Object.keys(r.query).length ? `?${new URLSearchParams(r.query).toString()}` : '';
  return `${r.method} ${r.path}${q} -> ${r.status}`;
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

// ---------------------------------------------------------------------------------------------
// Internal state shapes

interface GuildState {
  info: FakeGuildInfo;
  ownerId: string;
  joinedAt: string;
  roles: Json[];
}

type Place = { kind: 'dm'; channel: FakeChannel } | { kind: 'guild'; guild: GuildState; channel: FakeChannel };

interface Connection {
  ws: WebSocket;
  session: Session | null;
  deflate: zlib.Deflate | null;
  queue: Promise<void>;
}

interface Session {
  id: string;
  seq: number;
  intents: number;
  shard: [number, number];
  conn: Connection | null;
  buffer: { s: number; t: string; d: Json }[];
  invalid: boolean;
  ready: boolean;
}

interface InteractionState {
  id: string;
  token: string;
  type: number;
  user: FakeUser;
  payload: Json;
  createdAt: number;
  place: Place;
  commandName?: string;
  sourceMessageId?: string;
  callbacks: CallbackBody[];
  originalId: string | null;
  followUpIds: string[];
  edits: number;
  lastActivity: number;
  modal: Json | null;
  choices: Json[] | null;
}

interface ModalRecord {
  userId: string;
  customId: string;
  data: Json;
  place: Place;
  sourceMessageId?: string;
  at: number;
}

interface Ctx {
  rec: RecordedRequest;
  params: Map<string, string>;
  query: Record<string, string>;
  json: Json;
  jsonRaw: unknown;
  files: RecordedFile[];
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: Buffer;
}

interface Route {
  method: string;
  segments: string[];
  auth: boolean;
  handler: (ctx: Ctx) => Reply;
}

interface FailureRule {
  match: RequestMatcher;
  failure: Failure;
  remaining: number;
}

interface Bucket {
  resetAt: number;
  count: number;
}

function param(ctx: Ctx, name: string): string {
  const value = ctx.params.get(name);
  if (value === undefined) throw new Error(`route parameter ${name} missing`);
  return value;
}

function matchPath(pattern: string | RegExp, path: string): boolean {
  if (pattern instanceof RegExp) return pattern.test(path);
  if (!pattern.includes(':')) return pattern === path;
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  return want.length === got.length && want.every((segment, i) => segment.startsWith(':') || segment === got[i]);
}

function matches(matcher: RequestMatcher, request: RecordedRequest): boolean {
  if (typeof matcher === 'function') return matcher(request);
  if (matcher.method !== undefined && matcher.method.toUpperCase() !== request.method) return false;
  if (matcher.path !== undefined && !matchPath(matcher.path, request.path)) return false;
  return true;
}

/** Every component carrying a custom_id (action rows, v2 containers/sections, labels). */
function walkComponents(components: unknown, visit: (component: Json) => void): void {
  for (const component of objs(components)) {
    visit(component);
    walkComponents(component.components, visit);
    if (isObj(component.accessory)) walkComponents([component.accessory], visit);
    if (isObj(component.component)) walkComponents([component.component], visit);
  }
}

// ---------------------------------------------------------------------------------------------
// Validation that mirrors Discord's most common 400s

/** Component types a message may carry: action rows and their controls, and the V2 layout types (9-14, 17). */
const MESSAGE_COMPONENT_TYPES: ReadonlySet<number> = new Set([1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 17]);
const V2_ONLY_TYPES: ReadonlySet<number> = new Set([9, 10, 11, 12, 13, 14, 17]);
const V2_MAX_COMPONENTS = 40;
const V2_MAX_TEXT = 4000;

function validateComponents(components: unknown, flags: number, errors: Json): void {
  const list = objs(components);
  const v2 = (flags & MessageFlag.IsComponentsV2) !== 0;
  if (!v2 && list.length > 5) {
    errors.components = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
    return;
  }
  const seen = new Set<string>();
  let total = 0;
  let text = 0;
  walkComponents(list, (component) => {
    total += 1;
    const type = num(component.type);
    if (type === undefined || !MESSAGE_COMPONENT_TYPES.has(type)) {
      errors.components = fieldError('UNION_TYPE_CHOICES', `Value of field "type" must be one of (${[...MESSAGE_COMPONENT_TYPES].join(', ')}) (got ${String(component.type)}).`);
    } else if (!v2 && V2_ONLY_TYPES.has(type)) {
      errors.components = fieldError('COMPONENTS_V2_FLAG_REQUIRED', `Component type ${type} needs the IS_COMPONENTS_V2 message flag.`);
    }
    if (type === 10) {
      const content = str(component.content);
      if (content === undefined || content.length === 0) errors.components = fieldError('BASE_TYPE_REQUIRED', 'A text display needs content.');
      text += content === undefined ? 0 : charLength(content);
    }
    if (!v2 && list.includes(component) && type !== 1) {
      errors.components = fieldError('UNION_TYPE_CHOICES', 'Top-level components must be action rows (type 1).');
    }
    if (type === 1 && arr(component.components).length > 5) {
      errors.components = fieldError('BASE_TYPE_MAX_LENGTH', 'An action row holds at most 5 components.');
    }
    const customId = str(component.custom_id);
    if (customId !== undefined) {
      if (customId.length > 100 || customId.length === 0) {
        errors.components = fieldError('BASE_TYPE_BAD_LENGTH', `custom_id must be 1-100 characters (got ${customId.length}).`);
      }
      if (seen.has(customId)) {
        errors.components = fieldError('COMPONENT_CUSTOM_ID_DUPLICATED', `Component custom id cannot be duplicated (${customId}).`);
      }
      seen.add(customId);
    } else if (type === 2 && num(component.style) !== 5 && num(component.style) !== 6) {
      errors.components = fieldError('BASE_TYPE_REQUIRED', 'Buttons other than links need a custom_id.');
    }
    if (type === 3 && (arr(component.options).length > 25 || arr(component.options).length === 0)) {
      errors.components = fieldError('BASE_TYPE_BAD_LENGTH', 'A string select needs 1-25 options.');
    }
  });
  if (v2 && total > V2_MAX_COMPONENTS) errors.components = fieldError('BASE_TYPE_MAX_LENGTH', `Must be ${V2_MAX_COMPONENTS} or fewer components.`);
  if (v2 && text > V2_MAX_TEXT) errors.components = fieldError('BASE_TYPE_MAX_LENGTH', `The text displays of a message must total ${V2_MAX_TEXT} or fewer characters (got ${text}).`);
}

/** `attachment://<name>` references of a V2 message's media galleries, files and thumbnails. */
function referencedAttachments(components: unknown): Set<string> {
  const names = new Set<string>();
  const add = (url: unknown) => {
    const u = str(url);
    if (u?.startsWith('attachment://')) names.add(u.slice('attachment://'.length));
  };
  walkComponents(components, (c) => {
    for (const item of objs(c.items)) add(isObj(item.media) ? item.media.url : undefined);
    if (isObj(c.file)) add(c.file.url);
    if (isObj(c.media)) add(c.media.url);
  });
  return names;
}

/** The attachment names a message will carry after this create or edit (kept ones and new uploads). */
function attachmentNamesAfter(data: Json, files: RecordedFile[], existing: FakeMessage | undefined): string[] {
  const uploaded = (entry: Json | undefined, file: RecordedFile) => str(entry?.filename) ?? file.filename;
  const entries = Array.isArray(data.attachments) ? objs(data.attachments) : undefined;
  const names: string[] = [];
  const used = new Set<RecordedFile>();
  if (entries) {
    for (const entry of entries) {
      const ref = idOf(entry.id);
      const kept = existing?.attachments.find((a) => a.id === ref);
      if (kept) names.push(kept.filename);
      const file = kept ? undefined : files.find((f) => f.field === `files[${ref ?? ''}]`) ?? (ref === undefined ? undefined : files[Number(ref)]);
      if (file) {
        used.add(file);
        names.push(uploaded(entry, file));
      }
    }
  } else if (existing) {
    names.push(...existing.attachments.map((a) => a.filename));
  }
  for (const file of files) if (!used.has(file)) names.push(file.filename);
  return names;
}

/**
 * A V2 message shows an attachment only through a component that references it; Discord keeps the
 * rest hidden. The fake rejects both an unreferenced attachment (a figure nobody would see) and a
 * reference to an attachment the message does not carry.
 */
function validateV2Attachments(data: Json, files: RecordedFile[], existing: FakeMessage | undefined, errors: Json): void {
  const components = 'components' in data ? data.components : existing?.components;
  const referenced = referencedAttachments(components);
  const carried = attachmentNamesAfter(data, files, existing);
  const hidden = carried.filter((name) => !referenced.has(name));
  const missing = [...referenced].filter((name) => !carried.includes(name));
  if (hidden.length > 0) {
    errors.attachments = fieldError('COMPONENTS_V2_ATTACHMENT_NOT_REFERENCED', `A components v2 message shows attachments only through a media gallery, file or thumbnail; not referenced: ${hidden.join(', ')}.`);
  }
  if (missing.length > 0) {
    errors.components = fieldError('COMPONENTS_V2_UNKNOWN_ATTACHMENT', `attachment:// references a file the message does not carry: ${missing.join(', ')}.`);
  }
}

/**
 * `existing`: the message an edit changes. Its flags count (a V2 message stays V2: the flag cannot
 * be removed), and turning an older message into V2 needs its content and embeds cleared.
 */
function validateMessage(data: Json, files: RecordedFile[], mode: 'create' | 'edit', existing?: FakeMessage): void {
  const errors: Json = {};
  const content = data.content;
  if (content !== undefined && content !== null && typeof content !== 'string') {
    errors.content = fieldError('BASE_TYPE_STRING', 'Must be a string.');
  }
  if (typeof content === 'string' && charLength(content) > 2000) {
    errors.content = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.');
  }
  const embeds = objs(data.embeds);
  if (embeds.length > 10) errors.embeds = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  embeds.forEach((embed, i) => {
    const title = str(embed.title);
    const description = str(embed.description);
    if (title !== undefined && charLength(title) > 256) {
      errors[`embeds.${i}.title`] = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 256 or fewer in length.');
    }
    if (description !== undefined && charLength(description) > 4096) {
      errors[`embeds.${i}.description`] = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 4096 or fewer in length.');
    }
    if (arr(embed.fields).length > 25) {
      errors[`embeds.${i}.fields`] = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    }
  });
  const requested = num(data.flags) ?? 0;
  const wasV2 = existing !== undefined && (existing.flags & MessageFlag.IsComponentsV2) !== 0;
  if (wasV2 && typeof data.flags === 'number' && (requested & MessageFlag.IsComponentsV2) === 0) {
    errors.flags = fieldError('MESSAGE_CANNOT_REMOVE_COMPONENTS_V2_FLAG', 'The IS_COMPONENTS_V2 flag cannot be removed from a message.');
  }
  const flags = requested | (wasV2 ? MessageFlag.IsComponentsV2 : 0);
  const v2 = (flags & MessageFlag.IsComponentsV2) !== 0;
  if ('components' in data) validateComponents(data.components, flags, errors);
  else if (existing && v2 && !wasV2) validateComponents(existing.components, flags, errors);
  if (v2 && ((typeof content === 'string' && content !== '') || embeds.length > 0)) {
    errors.content = fieldError(
      'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
      'The content and embeds fields cannot be used when using components v2',
    );
  }
  if (existing && v2 && !wasV2) {
    // Upgrading an older message: what it showed must be cleared in the same edit.
    const keepsContent = existing.content !== '' && !('content' in data && (content === null || content === ''));
    const keepsEmbeds = existing.embeds.length > 0 && !('embeds' in data && (data.embeds === null || embeds.length === 0));
    if (keepsContent || keepsEmbeds) {
      errors.content = fieldError('MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2', 'Set content and embeds to null when turning a message into components v2.');
    }
  }
  if (v2) validateV2Attachments(data, files, existing, errors);
  if (Object.keys(errors).length > 0) throw formError(errors);
  if (mode === 'create') {
    const hasContent = typeof content === 'string' && content.trim() !== '';
    const hasOther =
      embeds.length > 0 ||
      files.length > 0 ||
      objs(data.components).length > 0 ||
      arr(data.sticker_ids).length > 0 ||
      isObj(data.poll);
    if (!hasContent && !hasOther) throw new ApiError(400, 50006, 'Cannot send an empty message');
  }
}

function validateModal(data: Json): void {
  const errors: Json = {};
  const title = str(data.title) ?? '';
  const customId = str(data.custom_id) ?? '';
  if (title.length === 0 || charLength(title) > 45) errors.title = fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 45 in length.');
  if (customId.length === 0 || customId.length > 100) {
    errors.custom_id = fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  }
  const components = objs(data.components);
  if (components.length === 0 || components.length > 5) {
    errors.components = fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
  }
  walkComponents(components, (component) => {
    const label = str(component.label);
    if (num(component.type) === 4 && label !== undefined && charLength(label) > 45) {
      errors.components = fieldError('BASE_TYPE_MAX_LENGTH', 'Text input labels must be 45 or fewer in length.');
    }
  });
  if (Object.keys(errors).length > 0) throw formError(errors);
}

function validateChoices(choices: Json[]): void {
  if (choices.length > 25) throw formError({ choices: fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.') });
  choices.forEach((choice, i) => {
    const name = str(choice.name) ?? '';
    if (name.length === 0 || charLength(name) > 100) {
      throw formError({ [`choices.${i}.name`]: fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.') });
    }
    const value = choice.value;
    if (typeof value === 'string' && charLength(value) > 100) {
      throw formError({ [`choices.${i}.value`]: fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.') });
    }
  });
}

function validateCommandOptions(options: Json[], path: string, errors: Json): void {
  if (options.length > 25) errors[path] = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  const names = new Set<string>();
  let sawOptional = false;
  options.forEach((option, i) => {
    const here = `${path}.${i}`;
    const name = str(option.name) ?? '';
    if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
      errors[`${here}.name`] = fieldError('APPLICATION_COMMAND_INVALID_NAME', `Invalid option name "${name}" (lower case, 1-32).`);
    }
    if (names.has(name)) errors[`${here}.name`] = fieldError('APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', 'Option names must be unique.');
    names.add(name);
    const description = str(option.description) ?? '';
    if (description.length === 0 || charLength(description) > 100) {
      errors[`${here}.description`] = fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    }
    const type = num(option.type);
    if (type === 1 || type === 2) {
      validateCommandOptions(objs(option.options), `${here}.options`, errors);
      return;
    }
    if (option.required === true && sawOptional) {
      errors[here] = fieldError('APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
    }
    if (option.required !== true) sawOptional = true;
    if (arr(option.choices).length > 25) errors[`${here}.choices`] = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    if (option.autocomplete === true && arr(option.choices).length > 0) {
      errors[here] = fieldError('APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES', 'Autocomplete cannot be used with choices.');
    }
  });
}

function validateCommand(command: Json, index: number, errors: Json): void {
  const type = num(command.type) ?? 1;
  const name = str(command.name) ?? '';
  if (type === 1) {
    if (!COMMAND_NAME.test(name) || name !== name.toLowerCase()) {
      errors[`${index}.name`] = fieldError('APPLICATION_COMMAND_INVALID_NAME', `Command name "${name}" is invalid (lower case, 1-32).`);
    }
    const description = str(command.description) ?? '';
    if (description.length === 0 || charLength(description) > 100) {
      errors[`${index}.description`] = fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    }
    validateCommandOptions(objs(command.options), `${index}.options`, errors);
  } else if (name.length === 0 || charLength(name) > 32) {
    errors[`${index}.name`] = fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.');
  }
}

// ---------------------------------------------------------------------------------------------
// The server

class Handle implements InteractionHandle {
  constructor(
    private readonly server: FakeDiscordServer,
    private readonly state: InteractionState,
  ) {}

  get id(): string {
    return this.state.id;
  }
  get token(): string {
    return this.state.token;
  }
  get payload(): Json {
    return this.state.payload;
  }
  get user(): FakeUser {
    return this.state.user;
  }

  callback(timeoutMs = 4000): Promise<CallbackBody> {
    const st = this.state;
    return this.server.waitUntil(
      () => st.callbacks[0],
      timeoutMs,
      () => `interaction ${st.id} (${this.describe()}) got no callback within ${timeoutMs} ms`,
    );
  }

  callbacks(): CallbackBody[] {
    return [...this.state.callbacks];
  }

  async final(options: FinalOptions = {}): Promise<FakeMessage | null> {
    const timeoutMs = options.timeoutMs ?? 5000;
    const quietMs = options.quietMs ?? 60;
    const deadline = Date.now() + timeoutMs;
    const first = await this.callback(timeoutMs);
    const st = this.state;
    if (options.waitForEdit ?? first.type === 5) {
      await this.server.waitUntil(
        // Done once @original was edited (a follow-up replacing "thinking…" counts) or is gone.
        () => (st.edits > 0 || this.original() === null ? true : undefined),
        Math.max(1, deadline - Date.now()),
        () =>
          `interaction ${st.id} (${this.describe()}) was acknowledged with type ${first.type} but @original was never edited ` +
          `within ${timeoutMs} ms (the person still sees "thinking…")`,
      );
    }
    for (;;) {
      const idle = Date.now() - st.lastActivity;
      if (idle >= quietMs || Date.now() >= deadline) break;
      await sleep(Math.min(quietMs - idle, Math.max(1, deadline - Date.now())));
    }
    return this.original();
  }

  original(): FakeMessage | null {
    const id = this.state.originalId;
    return id === null ? null : (this.server.liveMessage(id) ?? null);
  }

  followUps(): FakeMessage[] {
    return this.state.followUpIds.map((id) => this.server.liveMessage(id)).filter((m): m is FakeMessage => m !== undefined);
  }

  waitForFollowUps(count: number, timeoutMs = 4000): Promise<FakeMessage[]> {
    return this.server.waitUntil(
      () => (this.state.followUpIds.length >= count ? this.followUps() : undefined),
      timeoutMs,
      () => `interaction ${this.state.id} (${this.describe()}) has ${this.state.followUpIds.length} follow-ups, wanted ${count}`,
    );
  }

  editCount(): number {
    return this.state.edits;
  }

  modal(): Json | null {
    return this.state.modal;
  }

  choices(): Json[] | null {
    return this.state.choices;
  }

  private describe(): string {
    const data = obj(this.state.payload.data);
    return this.state.commandName !== undefined
      ? `/${this.state.commandName}`
      : `custom_id ${str(data.custom_id) ?? '?'}`;
  }
}

class FakeDiscordServer implements FakeDiscord {
  readonly bot: FakeUser;
  readonly applicationId: string;
  port = 0;

  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly events = new EventEmitter();
  private readonly routes: Route[] = [];
  private readonly log: (line: string) => void;

  private readonly guildStates = new Map<string, GuildState>();
  private readonly users = new Map<string, FakeUser>();
  private readonly userJoinedAt = new Map<string, string>();
  private readonly extraPermissions = new Map<string, bigint>(); // `${guildId}:${userId}` or `*:${userId}`
  private readonly blocked = new Set<string>();
  private readonly channels = new Map<string, FakeChannel>();
  private readonly dmByUser = new Map<string, string>();
  private readonly messages = new Map<string, FakeMessage>();
  private readonly deleted = new Set<string>();
  private readonly channelMessageIds = new Map<string, string[]>();
  private readonly nonces = new Map<string, { messageId: string; at: number }>();
  private readonly attachmentBytes = new Map<string, RecordedFile>();
  private readonly commands = new Map<string, FakeCommand[]>(); // 'global' or guild id
  private readonly adhocCommandIds = new Map<string, string>();
  private readonly interactions = new Map<string, InteractionState>();
  private readonly interactionsByToken = new Map<string, InteractionState>();
  private readonly lastBotMessage = new Map<string, string>();
  private readonly modals: ModalRecord[] = [];
  private readonly syntheticMessages = new Set<string>();

  private records: RecordedRequest[] = [];
  private failures: FailureRule[] = [];
  private globalLimit: number | null;
  private globalWindow = { start: 0, count: 0 };
  private readonly buckets = new Map<string, Bucket>();
  private readonly counters: FakeDiscordStats = {
    requests: 0,
    rateLimited: 0,
    globalRateLimited: 0,
    invalidRequests: 0,
    identifies: 0,
    resumes: 0,
  };

  private readonly connections = new Set<Connection>();
  private readonly sessions = new Map<string, Session>();
  private closed = false;

  constructor(private readonly opts: StartFakeDiscordOptions) {
    this.events.setMaxListeners(0);
    this.log = opts.log ?? (() => undefined);
    this.globalLimit = opts.globalLimitPerSecond === undefined ? 50 : opts.globalLimitPerSecond;
    const botId = opts.bot?.id ?? snowflake();
    this.bot = {
      id: botId,
      username: opts.bot?.username ?? 'HipCoach',
      global_name: null,
      discriminator: '0',
      avatar: null,
      bot: true,
    };
    this.applicationId = botId;
    this.users.set(botId, this.bot);
    this.userJoinedAt.set(botId, iso());

    const guildOptions = opts.guilds ?? [{}];
    for (const [index, g] of guildOptions.entries()) {
      const id = g.id ?? snowflake();
      const adminRoleId = snowflake();
      const botRoleId = snowflake();
      const channels: FakeChannel[] = (g.channels ?? [{ name: 'general' }, { name: 'coaching' }]).map((c, position) => ({
        id: c.id ?? snowflake(),
        type: ChannelType.GuildText,
        guild_id: id,
        name: c.name,
        position,
        parent_id: null,
        topic: null,
        nsfw: false,
        last_message_id: null,
        rate_limit_per_user: 0,
        permission_overwrites: [],
        flags: 0,
      }));
      const first = channels[0];
      if (!first) throw new Error(`fake guild ${g.name ?? index} needs at least one text channel`);
      for (const channel of channels) this.channels.set(channel.id, channel);
      const role = (roleId: string, name: string, position: number, permissions: bigint, extra: Json = {}): Json => ({
        id: roleId,
        name,
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position,
        permissions: permissions.toString(),
        managed: false,
        mentionable: false,
        flags: 0,
        ...extra,
      });
      const info: FakeGuildInfo = {
        id,
        name: g.name ?? (index === 0 ? 'HipCoach Test' : `HipCoach Test ${index + 1}`),
        textChannelId: first.id,
        channels,
        everyoneRoleId: id,
        adminRoleId,
        botRoleId,
      };
      this.guildStates.set(id, {
        info,
        ownerId: snowflake(),
        joinedAt: iso(),
        roles: [
          role(id, '@everyone', 0, EVERYONE_PERMISSIONS),
          role(adminRoleId, 'Admin', 1, Permissions.ManageGuild),
          role(botRoleId, this.bot.username, 2, BOT_ROLE_PERMISSIONS, { managed: true, tags: { bot_id: botId } }),
        ],
      });
    }

    this.http = createServer((req, res) => {
      this.onHttp(req, res);
    });
    this.wss = new WebSocketServer({ noServer: true });
    this.http.on('upgrade', (req: IncomingMessage, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== '/gateway' && url.pathname !== '/gateway/') {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        this.onConnection(ws, url);
      });
    });
    this.registerRoutes();
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.opts.port ?? 0, '127.0.0.1', () => {
        this.http.off('error', reject);
        resolve();
      });
    });
    this.port = (this.http.address() as AddressInfo).port;
  }

  // ----- public getters -------------------------------------------------------------------

  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }
  get guilds(): FakeGuildInfo[] {
    return [...this.guildStates.values()].map((g) => g.info);
  }
  get defaultGuild(): FakeGuildInfo {
    const first = this.guilds[0];
    if (!first) throw new Error('the fake has no guilds (started with guilds: [])');
    return first;
  }
  get rateLimitedCount(): number {
    return this.counters.rateLimited;
  }

  // ----- people ---------------------------------------------------------------------------

  user(name: string, options: { id?: string; permissions?: bigint | number | string } = {}): FakeUser {
    const base = name.toLowerCase().replace(/[^a-z0-9_.]/g, '') || 'user';
    let username = base;
    for (let n = 2; [...this.users.values()].some((u) => u.username === username); n += 1) username = `${base}${n}`;
    const user: FakeUser = {
      id: options.id ?? snowflake(),
      username,
      global_name: name,
      discriminator: '0',
      avatar: null,
      bot: false,
    };
    this.users.set(user.id, user);
    this.userJoinedAt.set(user.id, iso());
    if (options.permissions !== undefined) this.setPermissions(user, options.permissions);
    return user;
  }

  setPermissions(user: FakeUser | string, permissions: bigint | number | string, guildId?: string): void {
    this.extraPermissions.set(`${guildId ?? '*'}:${userId(user)}`, toBigInt(permissions));
  }

  blockDMs(user: FakeUser | string, blocked = true): void {
    if (blocked) this.blocked.add(userId(user));
    else this.blocked.delete(userId(user));
  }

  private memberPermissions(guildId: string, uid: string): bigint {
    if (uid === this.bot.id) return EVERYONE_PERMISSIONS | BOT_ROLE_PERMISSIONS;
    const extra = this.extraPermissions.get(`${guildId}:${uid}`) ?? this.extraPermissions.get(`*:${uid}`) ?? 0n;
    const total = EVERYONE_PERMISSIONS | extra;
    return (total & Permissions.Administrator) !== 0n ? ALL_PERMISSIONS : total;
  }

  private memberRoles(guild: GuildState, uid: string): string[] {
    if (uid === this.bot.id) return [guild.info.botRoleId];
    const perms = this.memberPermissions(guild.info.id, uid);
    return (perms & (Permissions.ManageGuild | Permissions.Administrator)) !== 0n ? [guild.info.adminRoleId] : [];
  }

  private member(guild: GuildState, user: FakeUser, withUser = true, withPermissions = false): Json {
    return {
      ...(withUser ? { user } : {}),
      nick: null,
      avatar: null,
      banner: null,
      roles: this.memberRoles(guild, user.id),
      joined_at: this.userJoinedAt.get(user.id) ?? guild.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
      ...(withPermissions ? { permissions: this.memberPermissions(guild.info.id, user.id).toString() } : {}),
    };
  }

  private knownUser(id: string): FakeUser {
    const user = this.users.get(id);
    if (!user) throw new ApiError(404, 10013, 'Unknown User');
    return user;
  }

  // ----- channels & messages --------------------------------------------------------------

  dmChannelId(user: FakeUser | string): string {
    return this.dmChannel(this.users.get(userId(user)) ?? this.knownUser(userId(user))).id;
  }

  private dmChannel(user: FakeUser): FakeChannel {
    const existing = this.dmByUser.get(user.id);
    const channel = existing === undefined ? undefined : this.channels.get(existing);
    if (channel) return channel;
    const created: FakeChannel = { id: snowflake(), type: ChannelType.DM, last_message_id: null, flags: 0, recipients: [user] };
    this.channels.set(created.id, created);
    this.dmByUser.set(user.id, created.id);
    return created;
  }

  dmMessages(user: FakeUser | string): FakeMessage[] {
    const channelId = this.dmByUser.get(userId(user));
    if (channelId === undefined) return [];
    return this.channelMessages(channelId).filter((m) => m.author.id === this.bot.id);
  }

  channelMessages(channelId: string): FakeMessage[] {
    return (this.channelMessageIds.get(channelId) ?? [])
      .map((id) => this.liveMessage(id))
      .filter((m): m is FakeMessage => m !== undefined);
  }

  message(id: string): FakeMessage | undefined {
    return this.liveMessage(id);
  }

  liveMessage(id: string): FakeMessage | undefined {
    return this.deleted.has(id) ? undefined : this.messages.get(id);
  }

  channel(id: string): FakeChannel | undefined {
    return this.channels.get(id);
  }

  threads(parentId?: string): FakeChannel[] {
    return [...this.channels.values()].filter(
      (c) => THREAD_TYPES.includes(c.type) && (parentId === undefined || c.parent_id === parentId),
    );
  }

  registeredCommands(guildId?: string): FakeCommand[] {
    return [...(this.commands.get(guildId ?? 'global') ?? [])];
  }

  private guildOfChannel(channel: FakeChannel): GuildState | undefined {
    return channel.guild_id === undefined ? undefined : this.guildStates.get(channel.guild_id);
  }

  private requireChannel(id: string): FakeChannel {
    const channel = this.channels.get(id);
    if (!channel) throw new ApiError(404, 10003, 'Unknown Channel');
    return channel;
  }

  private attachment(channelId: string, file: RecordedFile, entry: Json): FakeAttachment {
    const id = snowflake();
    const filename = str(entry.filename) ?? file.filename;
    const url = `http://127.0.0.1:${this.port}/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
    this.attachmentBytes.set(id, file);
    const description = str(entry.description);
    return {
      id,
      filename,
      size: file.size,
      url,
      proxy_url: url,
      content_type: file.contentType,
      ...(description === undefined ? {} : { description }),
    };
  }

  private buildAttachments(channelId: string, existing: FakeAttachment[], data: Json, files: RecordedFile[], edit: boolean): FakeAttachment[] {
    const result: FakeAttachment[] = [];
    const used = new Set<RecordedFile>();
    if (Array.isArray(data.attachments)) {
      for (const entry of objs(data.attachments)) {
        const ref = idOf(entry.id);
        const kept = existing.find((a) => a.id === ref);
        if (kept) {
          result.push(kept);
          continue;
        }
        const file = files.find((f) => f.field === `files[${ref ?? ''}]`) ?? (ref === undefined ? undefined : files[Number(ref)]);
        if (file && !used.has(file)) {
          used.add(file);
          result.push(this.attachment(channelId, file, entry));
        }
      }
    } else if (edit) {
      result.push(...existing);
    }
    for (const file of files) if (!used.has(file)) result.push(this.attachment(channelId, file, {}));
    return result;
  }

  private mentionsIn(content: string): FakeUser[] {
    const ids = [...content.matchAll(/<@!?(\d{17,19})>/g)].map((m) => m[1] ?? '');
    return [...new Set(ids)].map((id) => this.users.get(id)).filter((u): u is FakeUser => u !== undefined);
  }

  private createMessage(channel: FakeChannel, author: FakeUser, data: Json, files: RecordedFile[], extra: Partial<FakeMessage> = {}): FakeMessage {
    const id = snowflake();
    const content = str(data.content) ?? '';
    const message: FakeMessage = {
      id,
      channel_id: channel.id,
      author,
      content,
      timestamp: iso(snowflakeTimestamp(id)),
      edited_timestamp: null,
      tts: data.tts === true,
      mention_everyone: false,
      mentions: this.mentionsIn(content),
      mention_roles: [],
      attachments: this.buildAttachments(channel.id, [], data, files, false),
      embeds: objs(data.embeds),
      components: objs(data.components),
      pinned: false,
      type: 0,
      flags: (num(data.flags) ?? 0) & SETTABLE_MESSAGE_FLAGS & ~MessageFlag.Ephemeral,
      ...(isObj(data.message_reference) ? { message_reference: { ...data.message_reference, channel_id: channel.id } } : {}),
      ...extra,
    };
    this.messages.set(id, message);
    const list = this.channelMessageIds.get(channel.id) ?? [];
    list.push(id);
    this.channelMessageIds.set(channel.id, list);
    channel.last_message_id = id;
    if (THREAD_TYPES.includes(channel.type)) {
      channel.message_count = (channel.message_count ?? 0) + 1;
      channel.total_message_sent = (channel.total_message_sent ?? 0) + 1;
    }
    if (channel.type === ChannelType.DM && author.id === this.bot.id) {
      const recipient = channel.recipients?.[0];
      if (recipient) this.lastBotMessage.set(recipient.id, id);
    }
    this.changed();
    return message;
  }

  private applyEdit(message: FakeMessage, data: Json, files: RecordedFile[]): void {
    const wasLoading = (message.flags & MessageFlag.Loading) !== 0;
    if ('content' in data) {
      message.content = str(data.content) ?? '';
      message.mentions = this.mentionsIn(message.content);
    }
    if ('embeds' in data) message.embeds = objs(data.embeds);
    if ('components' in data) message.components = objs(data.components);
    if ('attachments' in data || files.length > 0) {
      message.attachments = this.buildAttachments(message.channel_id, message.attachments, data, files, true);
    }
    let flags = message.flags & ~MessageFlag.Loading;
    if (typeof data.flags === 'number') {
      const editable = MessageFlag.SuppressEmbeds | MessageFlag.IsComponentsV2;
      flags = (flags & ~editable) | (data.flags & editable) | (message.flags & MessageFlag.IsComponentsV2);
    }
    message.flags = flags;
    message.edited_timestamp = wasLoading ? null : iso();
    this.changed();
  }

  /** Gateway form of a message: guild messages carry guild_id + member, DMs channel_type 1. */
  private dispatchMessageCreate(message: FakeMessage, opts: { fromBot: boolean }): number {
    const channel = this.channels.get(message.channel_id);
    if (!channel) return 0;
    const guild = this.guildOfChannel(channel);
    if (!guild) {
      return this.dispatchEach('MESSAGE_CREATE', (session) =>
        (session.intents & Intents.DirectMessages) === 0 ? null : { ...message, channel_type: ChannelType.DM },
      );
    }
    return this.dispatchEach('MESSAGE_CREATE', (session) => {
      if ((session.intents & Intents.GuildMessages) === 0) return null;
      const hidden =
        !opts.fromBot &&
        (session.intents & Intents.MessageContent) === 0 &&
        !message.mentions.some((u) => u.id === this.bot.id);
      return {
        ...message,
        ...(hidden ? { content: '', embeds: [], attachments: [], components: [] } : {}),
        guild_id: guild.info.id,
        member: this.member(guild, message.author, false),
        channel_type: channel.type,
      };
    });
  }

  userMessage(user: FakeUser, content: string, where: Where = { dm: true }): FakeMessage {
    const place = this.resolvePlace(user, where);
    const live = [...this.sessions.values()].filter((s) => s.ready && !s.invalid);
    if (live.length === 0) throw new Error('userMessage: no bot session is connected to the fake gateway');
    const needed = place.kind === 'dm' ? Intents.DirectMessages : Intents.GuildMessages;
    if (!live.some((s) => (s.intents & needed) !== 0)) {
      throw new Error(
        `userMessage: the bot identified without the ${place.kind === 'dm' ? 'DirectMessages' : 'GuildMessages'} intent, ` +
          'so Discord would not deliver this message',
      );
    }
    if (place.channel.thread_metadata?.archived === true) place.channel.thread_metadata.archived = false;
    const message = this.createMessage(place.channel, user, { content }, []);
    this.dispatchMessageCreate(message, { fromBot: false });
    return message;
  }

  // ----- places ---------------------------------------------------------------------------

  private placeOfChannel(user: FakeUser, channel: FakeChannel): Place {
    if (channel.type === ChannelType.DM) {
      if (!channel.recipients?.some((r) => r.id === user.id)) {
        throw new Error(`channel ${channel.id} is another person's DM with the bot, not ${user.username}'s`);
      }
      return { kind: 'dm', channel };
    }
    const guild = this.guildOfChannel(channel);
    if (!guild) throw new Error(`channel ${channel.id} belongs to no known guild`);
    return { kind: 'guild', guild, channel };
  }

  private resolvePlace(user: FakeUser, where: Where | undefined, message?: FakeMessage): Place {
    if (where?.dm === true) return { kind: 'dm', channel: this.dmChannel(user) };
    if (where?.channelId !== undefined) {
      const channel = this.channels.get(where.channelId);
      if (!channel) throw new Error(`unknown channel ${where.channelId}`);
      return this.placeOfChannel(user, channel);
    }
    if (where?.guildId !== undefined) {
      const guild = this.guildStates.get(where.guildId);
      if (!guild) throw new Error(`unknown guild ${where.guildId}`);
      return { kind: 'guild', guild, channel: this.requireChannel(guild.info.textChannelId) };
    }
    if (message) return this.placeOfChannel(user, this.requireChannel(message.channel_id));
    const first = [...this.guildStates.values()][0];
    if (first) return { kind: 'guild', guild: first, channel: this.requireChannel(first.info.textChannelId) };
    return { kind: 'dm', channel: this.dmChannel(user) };
  }

  // ----- interactions (person side) -------------------------------------------------------

  private findCommand(name: string, type: number, place: Place, user: FakeUser): FakeCommand | undefined {
    const scoped = place.kind === 'guild' ? (this.commands.get(place.guild.info.id) ?? []) : [];
    const command =
      scoped.find((c) => c.name === name && c.type === type) ??
      (this.commands.get('global') ?? []).find((c) => c.name === name && c.type === type);
    if (!command) {
      if (this.opts.requireRegisteredCommands === true) {
        const known = [...this.commands.values()].flat().map((c) => c.name);
        throw new Error(`command /${name} is not registered (registered: ${known.join(', ') || 'none'})`);
      }
      return undefined;
    }
    const context = place.kind === 'guild' ? 0 : 1;
    if (Array.isArray(command.contexts) && !command.contexts.includes(context)) {
      throw new Error(`command /${name} is not available in ${place.kind === 'guild' ? 'guilds' : 'bot DMs'} (contexts ${JSON.stringify(command.contexts)})`);
    }
    if (place.kind === 'dm' && command.dm_permission === false) throw new Error(`command /${name} has dm_permission: false`);
    const required = command.default_member_permissions;
    if (place.kind === 'guild' && typeof required === 'string') {
      const have = this.memberPermissions(place.guild.info.id, user.id);
      if ((have & BigInt(required)) !== BigInt(required)) {
        throw new Error(`${user.username} cannot see /${name}: default_member_permissions ${required} not held (has ${have.toString()})`);
      }
    }
    return command;
  }

  private resolvedFor(options: CommandOption[], place: Place): Json | undefined {
    const users: Json = {};
    const members: Json = {};
    const channels: Json = {};
    const roles: Json = {};
    const walk = (list: CommandOption[]): void => {
      for (const option of list) {
        if (option.options) walk(option.options);
        const value = typeof option.value === 'string' ? option.value : undefined;
        if (value === undefined) continue;
        const user = this.users.get(value);
        if ((option.type === 6 || option.type === 9) && user) {
          users[value] = user;
          if (place.kind === 'guild') members[value] = this.member(place.guild, user, false, true);
        }
        const channel = this.channels.get(value);
        if ((option.type === 7 || option.type === 9) && channel) {
          channels[value] = { id: channel.id, name: channel.name, type: channel.type, permissions: ALL_PERMISSIONS.toString() };
        }
        if ((option.type === 8 || option.type === 9) && place.kind === 'guild') {
          const role = place.guild.roles.find((r) => r.id === value);
          if (role) roles[value] = role;
        }
      }
    };
    walk(options);
    const resolved: Json = {};
    if (Object.keys(users).length) resolved.users = users;
    if (Object.keys(members).length) resolved.members = members;
    if (Object.keys(channels).length) resolved.channels = channels;
    if (Object.keys(roles).length) resolved.roles = roles;
    return Object.keys(resolved).length ? resolved : undefined;
  }

  private async createInteraction(
    user: FakeUser,
    type: number,
    data: Json,
    place: Place,
    extra: { commandName?: string; message?: FakeMessage; locale?: string },
  ): Promise<InteractionHandle> {
    await this.waitForSession(5000);
    const id = snowflake();
    const token = Buffer.from(`interaction:${id}:${randomBytes(48).toString('base64url')}`).toString('base64url');
    const botPermissions = (EVERYONE_PERMISSIONS | BOT_ROLE_PERMISSIONS).toString();
    const channelPayload: Json =
      place.kind === 'dm'
        ? { id: place.channel.id, type: ChannelType.DM, last_message_id: place.channel.last_message_id, flags: 0, recipients: [user] }
        : { ...place.channel, permissions: this.memberPermissions(place.guild.info.id, user.id).toString() };
    const payload: Json = {
      id,
      application_id: this.applicationId,
      type,
      data,
      channel: channelPayload,
      channel_id: place.channel.id,
      token,
      version: 1,
      app_permissions: botPermissions,
      locale: extra.locale ?? 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': place.kind === 'guild' ? place.guild.info.id : '0' },
      context: place.kind === 'guild' ? 0 : 1,
      attachment_size_limit: 10 * 1024 * 1024,
      ...(extra.message ? { message: extra.message } : {}),
      ...(place.kind === 'guild'
        ? {
            guild_id: place.guild.info.id,
            guild: { id: place.guild.info.id, locale: 'en-US', features: [] },
            guild_locale: 'en-US',
            member: this.member(place.guild, user, true, true),
          }
        : { user }),
    };
    const state: InteractionState = {
      id,
      token,
      type,
      user,
      payload,
      createdAt: Date.now(),
      place,
      callbacks: [],
      originalId: null,
      followUpIds: [],
      edits: 0,
      lastActivity: Date.now(),
      modal: null,
      choices: null,
      ...(extra.commandName === undefined ? {} : { commandName: extra.commandName }),
      ...(extra.message ? { sourceMessageId: extra.message.id } : {}),
    };
    this.interactions.set(id, state);
    this.interactionsByToken.set(token, state);
    this.dispatch('INTERACTION_CREATE', payload);
    return new Handle(this, state);
  }

  private commandData(user: FakeUser, name: string, options: CommandOption[], place: Place): Json {
    const command = this.findCommand(name, 1, place, user);
    let id = command?.id ?? this.adhocCommandIds.get(name);
    if (id === undefined) {
      id = snowflake();
      this.adhocCommandIds.set(name, id);
    }
    const resolved = this.resolvedFor(options, place);
    return {
      id,
      name,
      type: 1,
      ...(options.length > 0 ? { options } : {}),
      ...(command?.guild_id === undefined ? {} : { guild_id: command.guild_id }),
      ...(resolved ? { resolved } : {}),
    };
  }

  slash(user: FakeUser, commandName: string, options: CommandOption[] = [], where?: Where): Promise<InteractionHandle> {
    try {
      const place = this.resolvePlace(user, where);
      const data = this.commandData(user, commandName, options, place);
      return this.createInteraction(user, InteractionType.ApplicationCommand, data, place, {
        commandName,
        ...(where?.locale === undefined ? {} : { locale: where.locale }),
      });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  autocomplete(user: FakeUser, commandName: string, options: CommandOption[], where?: Where): Promise<InteractionHandle> {
    try {
      const focused: CommandOption[] = [];
      const walk = (list: CommandOption[]): void => {
        for (const o of list) {
          if (o.focused === true) focused.push(o);
          if (o.options) walk(o.options);
        }
      };
      walk(options);
      if (focused.length !== 1) throw new Error(`autocomplete needs exactly one option with focused: true (got ${focused.length})`);
      const place = this.resolvePlace(user, where);
      const data = this.commandData(user, commandName, options, place);
      return this.createInteraction(user, InteractionType.Autocomplete, data, place, {
        commandName,
        ...(where?.locale === undefined ? {} : { locale: where.locale }),
      });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private targetMessage(user: FakeUser, customId: string, target: ComponentTarget | undefined, componentType: number): FakeMessage {
    const given = target?.message;
    if (typeof given === 'string') {
      const found = this.liveMessage(given);
      if (!found) throw new Error(`unknown (or deleted) message ${given}`);
      return found;
    }
    if (given) return this.liveMessage(given.id) ?? given;
    const lastId = this.lastBotMessage.get(user.id);
    const last = lastId === undefined ? undefined : this.liveMessage(lastId);
    const wantedPlace = target && (target.dm === true || target.channelId !== undefined || target.guildId !== undefined)
      ? this.resolvePlace(user, target)
      : undefined;
    if (last && (!wantedPlace || wantedPlace.channel.id === last.channel_id)) return last;
    // No message known: synthesise one from the bot carrying the component.
    const place = wantedPlace ?? this.resolvePlace(user, undefined);
    const component: Json =
      componentType === 2
        ? { type: 2, style: 1, custom_id: customId, label: customId }
        : { type: componentType, custom_id: customId, options: [], min_values: 1, max_values: 25 };
    const synthetic = this.createMessage(place.channel, this.bot, { components: [{ type: 1, components: [component] }] }, []);
    this.syntheticMessages.add(synthetic.id);
    return synthetic;
  }

  private checkComponent(message: FakeMessage, customId: string, componentType: number, values?: string[]): void {
    if (this.syntheticMessages.has(message.id)) return;
    const all: Json[] = [];
    walkComponents(message.components, (c) => {
      if (typeof c.custom_id === 'string') all.push(c);
    });
    const component = all.find((c) => c.custom_id === customId);
    if (!component) {
      throw new Error(
        `message ${message.id} has no component with custom_id "${customId}" (it has: ${all.map((c) => String(c.custom_id)).join(', ') || 'none'})`,
      );
    }
    if (num(component.type) !== componentType) {
      throw new Error(`component "${customId}" is type ${String(component.type)}, not ${componentType}`);
    }
    if (component.disabled === true) throw new Error(`component "${customId}" is disabled; a person cannot use it`);
    if (componentType === 3 && values) {
      const allowed = objs(component.options).map((o) => str(o.value));
      const bad = values.filter((v) => !allowed.includes(v));
      if (bad.length) throw new Error(`select "${customId}" has no option(s) ${bad.join(', ')} (options: ${allowed.join(', ')})`);
      const min = num(component.min_values) ?? 1;
      const max = num(component.max_values) ?? 1;
      if (values.length < min || values.length > max) {
        throw new Error(`select "${customId}" takes ${min}-${max} values, got ${values.length}`);
      }
    }
  }

  private component(user: FakeUser, customId: string, componentType: number, values: string[] | undefined, target?: ComponentTarget): Promise<InteractionHandle> {
    try {
      const message = this.targetMessage(user, customId, target, componentType);
      this.checkComponent(message, customId, componentType, values);
      const explicit = target && (target.dm === true || target.channelId !== undefined || target.guildId !== undefined);
      const place = explicit ? this.resolvePlace(user, target) : this.resolvePlace(user, undefined, message);
      const data: Json = { custom_id: customId, component_type: componentType, ...(values ? { values } : {}) };
      return this.createInteraction(user, InteractionType.MessageComponent, data, place, {
        message,
        ...(target?.locale === undefined ? {} : { locale: target.locale }),
      });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  click(user: FakeUser, customId: string, target?: ComponentTarget): Promise<InteractionHandle> {
    return this.component(user, customId, 2, undefined, target);
  }

  select(user: FakeUser, customId: string, values: string[], target?: ComponentTarget): Promise<InteractionHandle> {
    return this.component(user, customId, 3, values, target);
  }

  submitModal(user: FakeUser, customId: string, fields: Record<string, string | string[]>, target?: ComponentTarget): Promise<InteractionHandle> {
    try {
      const modal = [...this.modals].reverse().find((m) => m.userId === user.id && m.customId === customId);
      const explicit = target && (target.dm === true || target.channelId !== undefined || target.guildId !== undefined);
      let place: Place;
      let message: FakeMessage | undefined;
      let components: Json[];
      if (modal) {
        place = explicit ? this.resolvePlace(user, target) : modal.place;
        message = modal.sourceMessageId === undefined ? undefined : this.liveMessage(modal.sourceMessageId);
        components = this.mirrorModal(modal, fields);
      } else {
        const given = typeof target?.message === 'string' ? this.liveMessage(target.message) : target?.message;
        message = given;
        place = this.resolvePlace(user, target, given);
        components = Object.entries(fields).map(([key, value]) => ({
          type: 1,
          components: [
            Array.isArray(value)
              ? { type: 3, custom_id: key, values: value }
              : { type: 4, custom_id: key, value },
          ],
        }));
      }
      return this.createInteraction(user, InteractionType.ModalSubmit, { custom_id: customId, components }, place, {
        ...(message ? { message } : {}),
        ...(target?.locale === undefined ? {} : { locale: target.locale }),
      });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Build the submitted components with the same structure as the modal the bot showed. */
  private mirrorModal(modal: ModalRecord, fields: Record<string, string | string[]>): Json[] {
    const used = new Set<string>();
    const known: string[] = [];
    const leaf = (c: Json): Json => {
      const type = num(c.type) ?? 0;
      const customId = str(c.custom_id) ?? '';
      known.push(customId);
      const given = fields[customId];
      const base: Json = { type, custom_id: customId, ...(c.id === undefined ? {} : { id: c.id }) };
      if (given !== undefined) used.add(customId);
      if (type === 4) {
        const value = Array.isArray(given) ? given.join(',') : (given ?? '');
        if (value === '' && c.required !== false) {
          throw new Error(`modal "${modal.customId}": text input "${customId}" is required`);
        }
        const min = num(c.min_length);
        const max = num(c.max_length) ?? 4000;
        if (value !== '' && ((min !== undefined && value.length < min) || value.length > max)) {
          throw new Error(`modal "${modal.customId}": "${customId}" must be ${min ?? 0}-${max} characters (got ${value.length})`);
        }
        return { ...base, value };
      }
      const values = given === undefined ? [] : Array.isArray(given) ? given : [given];
      if (type === 3) {
        const allowed = objs(c.options).map((o) => str(o.value));
        const bad = values.filter((v) => !allowed.includes(v));
        if (bad.length) throw new Error(`modal "${modal.customId}": select "${customId}" has no option(s) ${bad.join(', ')}`);
        if (values.length === 0 && c.required !== false && (num(c.min_values) ?? 1) > 0) {
          throw new Error(`modal "${modal.customId}": select "${customId}" is required`);
        }
      }
      return { ...base, values };
    };
    const mirror = (c: Json): Json => {
      const type = num(c.type);
      if (type === 1) return { type: 1, ...(c.id === undefined ? {} : { id: c.id }), components: objs(c.components).map(leaf) };
      if (type === 18 && isObj(c.component)) return { type: 18, ...(c.id === undefined ? {} : { id: c.id }), component: leaf(c.component) };
      if (type === 10) return { type: 10, ...(c.id === undefined ? {} : { id: c.id }) };
      return leaf(c);
    };
    const result = objs(modal.data.components).map(mirror);
    const unknown = Object.keys(fields).filter((k) => !used.has(k));
    if (unknown.length) {
      throw new Error(`modal "${modal.customId}" has no field(s) ${unknown.join(', ')} (fields: ${known.join(', ')})`);
    }
    return result;
  }

  // ----- interactions (bot side) ----------------------------------------------------------

  private interactionMetadata(st: InteractionState): Json {
    return {
      id: st.id,
      type: st.type,
      user: st.user,
      authorizing_integration_owners: st.payload.authorizing_integration_owners,
      ...(st.originalId === null ? {} : { original_response_message_id: st.originalId }),
      ...(st.sourceMessageId === undefined ? {} : { interacted_message_id: st.sourceMessageId }),
      ...(st.commandName === undefined || st.type !== InteractionType.ApplicationCommand ? {} : { name: st.commandName }),
    };
  }

  private interactionMessage(st: InteractionState, data: Json, files: RecordedFile[], loading: boolean, followUp: boolean): FakeMessage {
    const flags =
      ((num(data.flags) ?? 0) & SETTABLE_MESSAGE_FLAGS) | (loading ? MessageFlag.Loading : 0);
    const message = this.createMessage(st.place.channel, this.bot, data, files, {
      flags,
      type: st.type === InteractionType.ApplicationCommand && !followUp ? 20 : followUp ? 0 : 19,
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      interaction_metadata: this.interactionMetadata(st),
      ...(st.type === InteractionType.ApplicationCommand
        ? { interaction: { id: st.id, type: st.type, name: st.commandName ?? '', user: st.user } }
        : {}),
    });
    this.lastBotMessage.set(st.user.id, message.id);
    if ((flags & MessageFlag.Ephemeral) === 0) this.dispatchMessageCreate(message, { fromBot: true });
    return message;
  }

  private touch(st: InteractionState): void {
    st.lastActivity = Date.now();
    this.changed();
  }

  private onCallback(ctx: Ctx): Reply {
    const st = this.interactions.get(param(ctx, 'id'));
    if (!st || st.token !== param(ctx, 'token')) throw new ApiError(404, 10062, 'Unknown interaction');
    const deadline = this.opts.interactionDeadlineMs ?? 3000;
    if (st.callbacks.length === 0 && Date.now() - st.createdAt > deadline) {
      this.log(`callback for ${st.id} arrived ${Date.now() - st.createdAt} ms after the interaction (limit ${deadline})`);
      throw new ApiError(404, 10062, 'Unknown interaction');
    }
    if (st.callbacks.length > 0) throw new ApiError(400, 40060, 'Interaction has already been acknowledged.');
    const type = num(ctx.json.type);
    const data = obj(ctx.json.data);
    const isComponentish = st.type === InteractionType.MessageComponent || (st.type === InteractionType.ModalSubmit && st.sourceMessageId !== undefined);
    const bad = (why: string): ApiError => formError({ type: fieldError('INTERACTION_CALLBACK_TYPE_INVALID', why) });
    let resourceMessage: FakeMessage | undefined;

    switch (type) {
      case 1:
        break;
      case 4:
      case 5: {
        if (st.type === InteractionType.Autocomplete) throw bad('Autocomplete interactions can only be answered with type 8.');
        if (type === 4) validateMessage(data, ctx.files, 'create');
        const message = this.interactionMessage(st, type === 4 ? data : { flags: data.flags }, type === 4 ? ctx.files : [], type === 5, false);
        st.originalId = message.id;
        resourceMessage = message;
        break;
      }
      case 6:
      case 7: {
        if (!isComponentish || st.sourceMessageId === undefined) throw bad(`Type ${type} is only valid for component interactions.`);
        const source = this.liveMessage(st.sourceMessageId);
        if (!source) throw new ApiError(404, 10008, 'Unknown Message');
        if (type === 7) {
          validateMessage(data, ctx.files, 'edit', source);
          this.applyEdit(source, data, ctx.files);
        }
        st.originalId = source.id;
        this.lastBotMessage.set(st.user.id, source.id);
        resourceMessage = source;
        break;
      }
      case 8: {
        if (st.type !== InteractionType.Autocomplete) throw bad('Type 8 is only valid for autocomplete interactions.');
        const choices = objs(data.choices);
        validateChoices(choices);
        st.choices = choices;
        break;
      }
      case 9: {
        if (st.type !== InteractionType.ApplicationCommand && st.type !== InteractionType.MessageComponent) {
          throw bad('A modal can only answer a command or a component interaction.');
        }
        validateModal(data);
        st.modal = data;
        this.modals.push({
          userId: st.user.id,
          customId: str(data.custom_id) ?? '',
          data,
          place: st.place,
          ...(st.sourceMessageId === undefined ? {} : { sourceMessageId: st.sourceMessageId }),
          at: Date.now(),
        });
        break;
      }
      case 10:
      case 12:
        break;
      default:
        throw bad(`Unknown interaction callback type ${String(ctx.json.type)}.`);
    }

    st.callbacks.push({ type, ...(isObj(ctx.json.data) ? { data: ctx.json.data } : {}), files: ctx.files, at: Date.now() });
    this.touch(st);

    if (ctx.query.with_response === 'true') {
      return {
        status: 200,
        body: {
          interaction: {
            id: st.id,
            type: st.type,
            ...(resourceMessage
              ? {
                  response_message_id: resourceMessage.id,
                  response_message_loading: (resourceMessage.flags & MessageFlag.Loading) !== 0,
                  response_message_ephemeral: (resourceMessage.flags & MessageFlag.Ephemeral) !== 0,
                }
              : {}),
          },
          resource: { type, ...(resourceMessage ? { message: resourceMessage } : {}) },
        },
      };
    }
    return { status: 204 };
  }

  private interactionForWebhook(ctx: Ctx): InteractionState {
    const st = this.interactionsByToken.get(param(ctx, 'token'));
    if (param(ctx, 'app') !== this.applicationId || !st) throw new ApiError(404, 10015, 'Unknown Webhook');
    if (Date.now() - st.createdAt > (this.opts.interactionTokenTtlMs ?? 15 * 60_000)) {
      throw new ApiError(401, 50027, 'Invalid Webhook Token');
    }
    return st;
  }

  private webhookMessage(st: InteractionState, ref: string): FakeMessage {
    const id = ref === '@original' ? st.originalId : ref;
    const allowed = id !== null && (id === st.originalId || st.followUpIds.includes(id));
    const message = allowed ? this.liveMessage(id) : undefined;
    if (!message) throw new ApiError(404, 10008, 'Unknown Message');
    return message;
  }

  private onFollowUp(ctx: Ctx): Reply {
    const st = this.interactionForWebhook(ctx);
    if (st.callbacks.length === 0) throw new ApiError(404, 10015, 'Unknown Webhook');
    const original = st.originalId === null ? undefined : this.liveMessage(st.originalId);
    if (original && (original.flags & MessageFlag.Loading) !== 0 && st.edits === 0 && st.followUpIds.length === 0) {
      // Discord: the first follow-up after a type 5 defer replaces the "thinking…" message.
      validateMessage(ctx.json, ctx.files, 'create', original);
      this.applyEdit(original, ctx.json, ctx.files);
      st.edits += 1;
      this.lastBotMessage.set(st.user.id, original.id);
      this.touch(st);
      return { status: 200, body: original };
    }
    validateMessage(ctx.json, ctx.files, 'create');
    const message = this.interactionMessage(st, ctx.json, ctx.files, false, true);
    st.followUpIds.push(message.id);
    this.touch(st);
    return { status: 200, body: message };
  }

  private onWebhookMessageEdit(ctx: Ctx): Reply {
    const st = this.interactionForWebhook(ctx);
    const ref = param(ctx, 'message');
    const message = this.webhookMessage(st, ref);
    validateMessage(ctx.json, ctx.files, 'edit', message);
    this.applyEdit(message, ctx.json, ctx.files);
    if (message.id === st.originalId) st.edits += 1;
    this.lastBotMessage.set(st.user.id, message.id);
    this.touch(st);
    return { status: 200, body: message };
  }

  private onWebhookMessageDelete(ctx: Ctx): Reply {
    const st = this.interactionForWebhook(ctx);
    const message = this.webhookMessage(st, param(ctx, 'message'));
    this.deleteMessage(message);
    this.touch(st);
    return { status: 204 };
  }

  private deleteMessage(message: FakeMessage): void {
    this.deleted.add(message.id);
    const channel = this.channels.get(message.channel_id);
    const guild = channel ? this.guildOfChannel(channel) : undefined;
    if ((message.flags & MessageFlag.Ephemeral) === 0) {
      this.dispatchEach('MESSAGE_DELETE', (session) => {
        const intent = guild ? Intents.GuildMessages : Intents.DirectMessages;
        if ((session.intents & intent) === 0) return null;
        return { id: message.id, channel_id: message.channel_id, ...(guild ? { guild_id: guild.info.id } : {}) };
      });
    }
    this.changed();
  }

  // ----- REST: channels -------------------------------------------------------------------

  private onCreateChannelMessage(ctx: Ctx): Reply {
    const channel = this.requireChannel(param(ctx, 'channel'));
    if (!TEXT_TYPES.includes(channel.type) && channel.type !== ChannelType.DM) {
      throw new ApiError(400, 50008, 'Cannot send messages in a non-text channel');
    }
    if (channel.type === ChannelType.DM) {
      const recipient = channel.recipients?.[0];
      if (recipient && this.blocked.has(recipient.id)) throw new ApiError(403, 50007, 'Cannot send messages to this user');
    }
    if (channel.thread_metadata?.locked === true) throw new ApiError(403, 50013, 'Missing Permissions');
    const nonce = ctx.json.nonce;
    const nonceKey = typeof nonce === 'string' || typeof nonce === 'number' ? `${channel.id}:${String(nonce)}` : undefined;
    if (nonceKey !== undefined && ctx.json.enforce_nonce === true) {
      const previous = this.nonces.get(nonceKey);
      const window = this.opts.nonceWindowMs ?? 3 * 60_000;
      const existing = previous && Date.now() - previous.at <= window ? this.messages.get(previous.messageId) : undefined;
      if (existing) return { status: 200, body: existing };
    }
    validateMessage(ctx.json, ctx.files, 'create');
    if (channel.thread_metadata?.archived === true) channel.thread_metadata.archived = false;
    const message = this.createMessage(channel, this.bot, ctx.json, ctx.files, {
      ...(typeof nonce === 'string' || typeof nonce === 'number' ? { nonce } : {}),
    });
    if (nonceKey !== undefined) this.nonces.set(nonceKey, { messageId: message.id, at: Date.now() });
    this.dispatchMessageCreate(message, { fromBot: true });
    return { status: 200, body: message };
  }

  private channelMessage(ctx: Ctx): FakeMessage {
    const channel = this.requireChannel(param(ctx, 'channel'));
    const message = this.liveMessage(param(ctx, 'message'));
    if (!message || message.channel_id !== channel.id) throw new ApiError(404, 10008, 'Unknown Message');
    return message;
  }

  private createThread(parent: FakeChannel, ctx: Ctx, id: string, type: number): Reply {
    const guild = this.guildOfChannel(parent);
    if (!guild || (parent.type !== ChannelType.GuildText && parent.type !== ChannelType.GuildAnnouncement)) {
      throw new ApiError(400, 50024, 'Cannot execute action on this channel type');
    }
    const name = str(ctx.json.name) ?? '';
    if (name.length === 0 || charLength(name) > 100) {
      throw formError({ name: fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.') });
    }
    const now = iso();
    const thread: FakeChannel = {
      id,
      type,
      guild_id: guild.info.id,
      parent_id: parent.id,
      owner_id: this.bot.id,
      name,
      last_message_id: null,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      rate_limit_per_user: num(ctx.json.rate_limit_per_user) ?? 0,
      flags: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: num(ctx.json.auto_archive_duration) ?? 4320,
        archive_timestamp: now,
        locked: false,
        ...(type === ChannelType.PrivateThread ? { invitable: ctx.json.invitable !== false } : {}),
        create_timestamp: now,
      },
    };
    this.channels.set(id, thread);
    this.dispatch('THREAD_CREATE', { ...thread, newly_created: true }, Intents.Guilds);
    this.changed();
    return { status: 201, body: thread };
  }

  // ----- REST: commands -------------------------------------------------------------------

  private checkApp(ctx: Ctx): void {
    if (param(ctx, 'app') !== this.applicationId) {
      throw new ApiError(403, 20012, 'You are not authorized to perform this action on this application');
    }
  }

  private commandScope(ctx: Ctx): string {
    this.checkApp(ctx);
    const guildId = ctx.params.get('guild');
    if (guildId === undefined) return 'global';
    if (!this.guildStates.has(guildId)) throw new ApiError(403, 50001, 'Missing Access');
    return guildId;
  }

  private storeCommand(scope: string, body: Json, existing: FakeCommand[]): FakeCommand {
    const type = num(body.type) ?? 1;
    const name = str(body.name) ?? '';
    const previous = existing.find((c) => c.name === name && c.type === type);
    return {
      ...body,
      id: previous?.id ?? snowflake(),
      application_id: this.applicationId,
      name,
      type,
      version: snowflake(),
      description: str(body.description) ?? '',
      default_member_permissions: body.default_member_permissions === undefined ? null : (idOf(body.default_member_permissions) ?? null),
      ...(type === 1 ? { options: objs(body.options) } : {}),
      nsfw: body.nsfw === true,
      ...(scope === 'global' ? {} : { guild_id: scope }),
    };
  }

  private onPutCommands(ctx: Ctx): Reply {
    const scope = this.commandScope(ctx);
    if (!Array.isArray(ctx.jsonRaw)) throw formError({ _errors: [{ code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }] });
    const bodies = objs(ctx.jsonRaw);
    if (bodies.length > 100) throw formError({ _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' }] });
    const errors: Json = {};
    const seen = new Set<string>();
    bodies.forEach((body, i) => {
      validateCommand(body, i, errors);
      const key = `${String(num(body.type) ?? 1)}:${str(body.name) ?? ''}`;
      if (seen.has(key)) errors[`${i}.name`] = fieldError('APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique');
      seen.add(key);
    });
    if (Object.keys(errors).length) throw formError(errors);
    const existing = this.commands.get(scope) ?? [];
    const stored = bodies.map((body) => this.storeCommand(scope, body, existing));
    this.commands.set(scope, stored);
    this.changed();
    return { status: 200, body: stored };
  }

  private onPostCommand(ctx: Ctx): Reply {
    const scope = this.commandScope(ctx);
    const errors: Json = {};
    validateCommand(ctx.json, 0, errors);
    if (Object.keys(errors).length) throw formError(errors);
    const existing = this.commands.get(scope) ?? [];
    const command = this.storeCommand(scope, ctx.json, existing);
    this.commands.set(scope, [...existing.filter((c) => c.id !== command.id), command]);
    this.changed();
    return { status: existing.some((c) => c.id === command.id) ? 200 : 201, body: command };
  }

  private findStoredCommand(ctx: Ctx): { scope: string; command: FakeCommand } {
    const scope = this.commandScope(ctx);
    const command = (this.commands.get(scope) ?? []).find((c) => c.id === param(ctx, 'command'));
    if (!command) throw new ApiError(404, 10063, 'Unknown application command');
    return { scope, command };
  }

  // ----- route table ----------------------------------------------------------------------

  private route(method: string, template: string, handler: (ctx: Ctx) => Reply, auth = true): void {
    this.routes.push({ method, segments: template.split('/').filter(Boolean), handler, auth });
  }

  private registerRoutes(): void {
    const ok = (body: unknown): Reply => ({ status: 200, body });
    const noContent: Reply = { status: 204 };

    this.route('GET', '/gateway', () => ok({ url: this.gatewayUrl }), false);
    this.route('GET', '/gateway/bot', () =>
      ok({
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: {
          total: 1000,
          remaining: Math.max(1, 1000 - this.counters.identifies),
          reset_after: 0,
          max_concurrency: 1,
        },
      }),
    );

    // Users
    this.route('GET', '/users/@me', () => ok({ ...this.bot, verified: true, mfa_enabled: false, flags: 0, public_flags: 0, email: null }));
    this.route('GET', '/users/@me/guilds', () =>
      ok(
        this.guilds.map((g) => ({
          id: g.id,
          name: g.name,
          icon: null,
          banner: null,
          owner: false,
          permissions: (EVERYONE_PERMISSIONS | BOT_ROLE_PERMISSIONS).toString(),
          features: [],
        })),
      ),
    );
    this.route('POST', '/users/@me/channels', (ctx) => {
      const recipient = idOf(ctx.json.recipient_id);
      if (recipient === undefined) throw formError({ recipient_id: fieldError('BASE_TYPE_REQUIRED', 'This field is required') });
      return ok(this.dmChannel(this.knownUser(recipient)));
    });
    this.route('GET', '/users/:user', (ctx) => ok(this.knownUser(param(ctx, 'user'))));

    // Application & commands
    const application = (): Json => ({
      id: this.applicationId,
      name: this.bot.username,
      icon: null,
      description: '',
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: 'f'.repeat(64),
      flags: this.opts.applicationFlags ?? 0,
      team: null,
      owner: { id: snowflake(), username: 'owner', global_name: 'Owner', discriminator: '0', avatar: null },
      bot: this.bot,
      approximate_guild_count: this.guildStates.size,
      integration_types_config: { '0': {} },
    });
    this.route('GET', '/applications/@me', () => ok(application()));
    this.route('PATCH', '/applications/@me', () => ok(application()));
    for (const base of ['/applications/:app/commands', '/applications/:app/guilds/:guild/commands']) {
      this.route('GET', base, (ctx) => ok(this.commands.get(this.commandScope(ctx)) ?? []));
      this.route('PUT', base, (ctx) => this.onPutCommands(ctx));
      this.route('POST', base, (ctx) => this.onPostCommand(ctx));
      this.route('GET', `${base}/:command`, (ctx) => ok(this.findStoredCommand(ctx).command));
      this.route('PATCH', `${base}/:command`, (ctx) => {
        const { scope, command } = this.findStoredCommand(ctx);
        const updated = this.storeCommand(scope, { ...command, ...ctx.json }, [command]);
        this.commands.set(scope, (this.commands.get(scope) ?? []).map((c) => (c.id === command.id ? updated : c)));
        return ok(updated);
      });
      this.route('DELETE', `${base}/:command`, (ctx) => {
        const { scope, command } = this.findStoredCommand(ctx);
        this.commands.set(scope, (this.commands.get(scope) ?? []).filter((c) => c.id !== command.id));
        return noContent;
      });
    }

    // Interactions
    this.route('POST', '/interactions/:id/:token/callback', (ctx) => this.onCallback(ctx), false);
    this.route('POST', '/webhooks/:app/:token', (ctx) => this.onFollowUp(ctx), false);
    this.route('GET', '/webhooks/:app/:token/messages/:message', (ctx) => {
      const st = this.interactionForWebhook(ctx);
      return ok(this.webhookMessage(st, param(ctx, 'message')));
    }, false);
    this.route('PATCH', '/webhooks/:app/:token/messages/:message', (ctx) => this.onWebhookMessageEdit(ctx), false);
    this.route('DELETE', '/webhooks/:app/:token/messages/:message', (ctx) => this.onWebhookMessageDelete(ctx), false);

    // Channels
    this.route('GET', '/channels/:channel', (ctx) => ok(this.requireChannel(param(ctx, 'channel'))));
    this.route('PATCH', '/channels/:channel', (ctx) => {
      const channel = this.requireChannel(param(ctx, 'channel'));
      const name = str(ctx.json.name);
      if (name !== undefined) channel.name = name;
      const topic = str(ctx.json.topic);
      if (topic !== undefined) channel.topic = topic;
      if (channel.thread_metadata) {
        if (typeof ctx.json.archived === 'boolean') {
          channel.thread_metadata.archived = ctx.json.archived;
          channel.thread_metadata.archive_timestamp = iso();
        }
        if (typeof ctx.json.locked === 'boolean') channel.thread_metadata.locked = ctx.json.locked;
        const duration = num(ctx.json.auto_archive_duration);
        if (duration !== undefined) channel.thread_metadata.auto_archive_duration = duration;
        this.dispatch('THREAD_UPDATE', { ...channel }, Intents.Guilds);
      } else if (channel.guild_id !== undefined) {
        this.dispatch('CHANNEL_UPDATE', { ...channel }, Intents.Guilds);
      }
      this.changed();
      return ok(channel);
    });
    this.route('GET', '/channels/:channel/messages', (ctx) => {
      const channel = this.requireChannel(param(ctx, 'channel'));
      const limit = Math.min(100, Math.max(1, Number(ctx.query.limit ?? 50)));
      let list = this.channelMessages(channel.id).filter((m) => (m.flags & MessageFlag.Ephemeral) === 0);
      const before = ctx.query.before;
      const after = ctx.query.after;
      if (before !== undefined) list = list.filter((m) => BigInt(m.id) < BigInt(before));
      if (after !== undefined) list = list.filter((m) => BigInt(m.id) > BigInt(after));
      return ok(list.reverse().slice(0, limit));
    });
    this.route('POST', '/channels/:channel/messages', (ctx) => this.onCreateChannelMessage(ctx));
    this.route('GET', '/channels/:channel/messages/:message', (ctx) => ok(this.channelMessage(ctx)));
    this.route('PATCH', '/channels/:channel/messages/:message', (ctx) => {
      const message = this.channelMessage(ctx);
      if (message.author.id !== this.bot.id) throw new ApiError(403, 50005, 'Cannot edit a message authored by another user');
      validateMessage(ctx.json, ctx.files, 'edit', message);
      this.applyEdit(message, ctx.json, ctx.files);
      return ok(message);
    });
    this.route('DELETE', '/channels/:channel/messages/:message', (ctx) => {
      this.deleteMessage(this.channelMessage(ctx));
      return noContent;
    });
    this.route('POST', '/channels/:channel/typing', (ctx) => {
      this.requireChannel(param(ctx, 'channel'));
      return noContent;
    });
    this.route('PUT', '/channels/:channel/messages/:message/reactions/:emoji/@me', (ctx) => {
      this.channelMessage(ctx);
      return noContent;
    });
    this.route('DELETE', '/channels/:channel/messages/:message/reactions/:emoji/@me', (ctx) => {
      this.channelMessage(ctx);
      return noContent;
    });
    this.route('POST', '/channels/:channel/messages/:message/threads', (ctx) => {
      const parent = this.requireChannel(param(ctx, 'channel'));
      const message = this.channelMessage(ctx);
      if (message.thread) throw new ApiError(400, 160004, 'A thread has already been created for this message');
      // A thread started from a message has the message's id.
      const reply = this.createThread(parent, ctx, message.id, parent.type === ChannelType.GuildAnnouncement ? 10 : ChannelType.PublicThread);
      message.thread = this.requireChannel(message.id);
      return reply;
    });
    this.route('POST', '/channels/:channel/threads', (ctx) => {
      const parent = this.requireChannel(param(ctx, 'channel'));
      return this.createThread(parent, ctx, snowflake(), num(ctx.json.type) ?? ChannelType.PrivateThread);
    });
    for (const who of ['@me', ':user']) {
      for (const method of ['PUT', 'DELETE']) {
        this.route(method, `/channels/:channel/thread-members/${who}`, (ctx) => {
          const thread = this.requireChannel(param(ctx, 'channel'));
          if (!thread.thread_metadata) throw new ApiError(400, 50024, 'Cannot execute action on this channel type');
          return noContent;
        });
      }
    }

    // Guilds
    const guild = (ctx: Ctx): GuildState => {
      const g = this.guildStates.get(param(ctx, 'guild'));
      if (!g) throw new ApiError(404, 10004, 'Unknown Guild');
      return g;
    };
    this.route('GET', '/guilds/:guild', (ctx) => {
      const { members: _m, channels: _c, threads: _t, ...rest } = this.guildCreatePayload(guild(ctx));
      return ok(rest);
    });
    this.route('GET', '/guilds/:guild/channels', (ctx) => ok(guild(ctx).info.channels));
    this.route('GET', '/guilds/:guild/roles', (ctx) => ok(guild(ctx).roles));
    this.route('GET', '/guilds/:guild/members', (ctx) => ok(this.guildMembers(guild(ctx))));
    this.route('GET', '/guilds/:guild/members/:user', (ctx) => {
      const g = guild(ctx);
      const user = this.users.get(param(ctx, 'user'));
      if (!user) throw new ApiError(404, 10007, 'Unknown Member');
      return ok(this.member(g, user));
    });
  }


  // ----- HTTP plumbing --------------------------------------------------------------------

  private onHttp(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        this.handleHttp(req, res, Buffer.concat(chunks));
      } catch (error) {
        console.error('[fake-discord] internal error', error);
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ message: '500: Internal Server Error', code: 0 }));
        }
      }
    });
  }

  private handleHttp(req: IncomingMessage, res: ServerResponse, raw: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();

    const attachment = /^\/attachments\/\d+\/(\d+)\//.exec(url.pathname);
    if (method === 'GET' && attachment) {
      const file = this.attachmentBytes.get(attachment[1] ?? '');
      if (!file) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': String(file.size) });
      res.end(file.bytes);
      return;
    }

    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    const query: Record<string, string> = Object.fromEntries(url.searchParams.entries());
    const versioned = url.pathname.startsWith(`${API_PREFIX}/`);
    const segments = (versioned ? url.pathname.slice(API_PREFIX.length) : url.pathname)
      .split('/')
      .filter(Boolean)
      .map((segment) => {
        try {
          return decodeURIComponent(segment);
        } catch {
          return segment;
        }
      });
    const path = `/${segments.join('/')}`;

    let body: unknown;
    let json: unknown;
    let files: RecordedFile[] = [];
    let parseError: ApiError | undefined;
    const contentType = headers['content-type'] ?? '';
    if (raw.length > 0) {
      if (contentType.startsWith('multipart/form-data')) {
        try {
          const multipart = parseMultipart(raw, contentType);
          body = multipart;
          json = multipart.payload_json;
          files = multipart.files;
        } catch {
          body = raw.toString('utf8');
          parseError = new ApiError(400, 50109, 'The request body contains invalid JSON.');
        }
      } else if (contentType.includes('json')) {
        try {
          body = JSON.parse(raw.toString('utf8')) as unknown;
          json = body;
        } catch {
          body = raw.toString('utf8');
          parseError = new ApiError(400, 50109, 'The request body contains invalid JSON.');
        }
      } else {
        body = raw.toString('utf8');
      }
    }

    const rec: RecordedRequest = { method, path, query, headers, body, json, files, at: Date.now(), status: 0 };
    this.records.push(rec);
    this.counters.requests += 1;
    const reply = versioned
      ? this.process(rec, segments, parseError)
      : { status: 404, body: { message: '404: Not Found', code: 0 }, headers: this.bucketHeaders(this.bucketOf(method, path), false) };
    this.respond(res, rec, reply);
    this.log(`${describeRequest(rec)}${files.length ? ` (${files.length} file(s))` : ''}`);
  }

  private matchRoute(method: string, segments: string[]): { route: Route; params: Map<string, string> } | 'wrong-method' | undefined {
    let wrongMethod = false;
    for (const route of this.routes) {
      if (route.segments.length !== segments.length) continue;
      const params = new Map<string, string>();
      const ok = route.segments.every((segment, i) => {
        const actual = segments[i] ?? '';
        if (segment.startsWith(':')) {
          params.set(segment.slice(1), actual);
          return true;
        }
        return segment === actual;
      });
      if (!ok) continue;
      if (route.method === method) return { route, params };
      wrongMethod = true;
    }
    return wrongMethod ? 'wrong-method' : undefined;
  }

  private process(rec: RecordedRequest, segments: string[], parseError: ApiError | undefined): Reply {
    const match = this.matchRoute(rec.method, segments);
    const tokenRoute = rec.path.startsWith('/webhooks/') || rec.path.startsWith('/interactions/');
    const authRequired = typeof match === 'object' ? match.route.auth : !tokenRoute;
    const bucket = this.bucketOf(rec.method, rec.path);
    let headers = this.bucketHeaders(bucket, false);
    try {
      if (authRequired) this.checkAuth(rec);
      const injected = this.takeFailure(rec);
      if (injected) return this.failureReply(injected, bucket);
      const globalLimited = this.checkGlobalLimit(rec);
      if (globalLimited) return globalLimited;
      const state = this.takeBucket(bucket);
      headers = this.bucketHeaders(bucket, false);
      if (state.count > (this.opts.bucketLimit ?? 50)) {
        return this.rateLimitReply(Math.max(1, state.resetAt - Date.now()), false, 'user', bucket);
      }
      if (parseError) throw parseError;
      if (match === undefined) throw new ApiError(404, 0, '404: Not Found');
      if (match === 'wrong-method') throw new ApiError(405, 0, '405: Method Not Allowed');
      const ctx: Ctx = {
        rec,
        params: match.params,
        query: rec.query,
        json: obj(rec.json),
        jsonRaw: rec.json,
        files: rec.files,
      };
      const reply = match.route.handler(ctx);
      return { ...reply, headers: { ...headers, ...reply.headers } };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return {
        status: error.status,
        body: { message: error.message, code: error.code, ...(error.errors ? { errors: error.errors } : {}) },
        headers,
      };
    }
  }

  private respond(res: ServerResponse, rec: RecordedRequest, reply: Reply): void {
    rec.status = reply.status;
    if (reply.status === 401 || reply.status === 403 || reply.status === 429) this.counters.invalidRequests += 1;
    const headers: Record<string, string> = { ...reply.headers };
    if (reply.status === 204 || reply.body === undefined) {
      // No Content-Type: @discordjs/rest parses any application/json body, and a 204 has none.
      res.writeHead(reply.status, headers);
      res.end();
    } else {
      const text = JSON.stringify(reply.body);
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(text));
      res.writeHead(reply.status, headers);
      res.end(text);
    }
    this.changed();
  }

  private checkAuth(rec: RecordedRequest): void {
    const auth = rec.headers.authorization ?? '';
    const expected = this.opts.token;
    if (!/^Bot \S+$/.test(auth) || (expected !== undefined && auth !== `Bot ${expected}`)) {
      throw new ApiError(401, 0, '401: Unauthorized');
    }
  }

  // ----- rate limits & injected failures --------------------------------------------------

  private bucketOf(method: string, path: string): { key: string; hash: string } {
    let bucketRoute: string;
    let major: string;
    if (path.startsWith('/interactions/') && path.endsWith('/callback')) {
      bucketRoute = '/interactions/:id/:token/callback';
      major = path.split('/')[2] ?? 'global';
    } else {
      const majorMatch = /^\/webhooks\/(\d{17,19}\/[^/?]+)|^\/(?:channels|guilds|webhooks)\/(\d{17,19})/.exec(path);
      major = majorMatch?.[2] ?? majorMatch?.[1] ?? 'global';
      bucketRoute = path
        .replace(/\d{17,19}/g, ':id')
        .replace(/\/reactions\/(.*)/, '/reactions/:reaction')
        .replace(/\/webhooks\/:id\/[^/?]+/, '/webhooks/:id/:token');
    }
    const hash = createHash('sha1').update(`${method}:${bucketRoute}`).digest('hex').slice(0, 32);
    return { key: `${hash}:${major}`, hash };
  }

  private takeBucket(bucket: { key: string }): Bucket {
    const now = Date.now();
    let state = this.buckets.get(bucket.key);
    if (!state || now >= state.resetAt) {
      state = { resetAt: now + (this.opts.bucketWindowMs ?? 1000), count: 0 };
      this.buckets.set(bucket.key, state);
    }
    state.count += 1;
    return state;
  }

  private bucketHeaders(bucket: { key: string; hash: string }, exhausted: boolean, retryAfterMs?: number): Record<string, string> {
    const limit = this.opts.bucketLimit ?? 50;
    const now = Date.now();
    const state = this.buckets.get(bucket.key);
    const resetAt = retryAfterMs !== undefined ? now + retryAfterMs : state && state.resetAt > now ? state.resetAt : now + (this.opts.bucketWindowMs ?? 1000);
    const used = state && state.resetAt > now ? state.count : 0;
    return {
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Remaining': String(exhausted ? 0 : Math.max(0, limit - used)),
      'X-RateLimit-Reset': (resetAt / 1000).toFixed(3),
      'X-RateLimit-Reset-After': ((resetAt - now) / 1000).toFixed(3),
      'X-RateLimit-Bucket': bucket.hash,
    };
  }

  private rateLimitReply(retryAfterMs: number, global: boolean, scope: string, bucket: { key: string; hash: string }): Reply {
    this.counters.rateLimited += 1;
    if (global) this.counters.globalRateLimited += 1;
    const seconds = Math.max(1, Math.ceil(retryAfterMs)) / 1000;
    // A global 429 still reports the route's (untouched) bucket; a route 429 reports it exhausted.
    const headers: Record<string, string> = global
      ? { ...this.bucketHeaders(bucket, false), 'Retry-After': String(seconds), 'X-RateLimit-Global': 'true', 'X-RateLimit-Scope': scope }
      : { ...this.bucketHeaders(bucket, true, retryAfterMs), 'Retry-After': String(seconds), 'X-RateLimit-Scope': scope };
    return { status: 429, body: { message: 'You are being rate limited.', retry_after: seconds, global, code: 0 }, headers };
  }

  private checkGlobalLimit(rec: RecordedRequest): Reply | undefined {
    const limit = this.globalLimit;
    if (limit === null || rec.path.startsWith('/interactions/') || rec.path.startsWith('/webhooks/')) return undefined;
    const now = Date.now();
    if (now - this.globalWindow.start >= 1000) this.globalWindow = { start: now, count: 0 };
    this.globalWindow.count += 1;
    if (this.globalWindow.count <= limit) return undefined;
    return this.rateLimitReply(this.globalWindow.start + 1000 - now, true, 'global', this.bucketOf(rec.method, rec.path));
  }

  private takeFailure(rec: RecordedRequest): Failure | undefined {
    const rule = this.failures.find((r) => r.remaining > 0 && matches(r.match, rec));
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.failures = this.failures.filter((r) => r !== rule);
    return rule.failure;
  }

  private failureReply(failure: Failure, bucket: { key: string; hash: string }): Reply {
    switch (failure.kind) {
      case 'rateLimit': {
        const global = failure.global === true;
        return this.rateLimitReply(failure.retryAfterMs ?? 250, global, failure.scope ?? (global ? 'global' : 'user'), bucket);
      }
      case 'error':
        return {
          status: failure.status,
          body: { message: failure.message, code: failure.code, ...(failure.errors ? { errors: failure.errors } : {}) },
          headers: this.bucketHeaders(bucket, false),
        };
      case 'serverError':
        return { status: failure.status ?? 500, body: { message: '500: Internal Server Error', code: 0 }, headers: this.bucketHeaders(bucket, false) };
    }
  }

  failNext(match: RequestMatcher, failure: Failure, times = 1): void {
    this.failures.push({ match, failure, remaining: times });
  }

  clearFailures(): void {
    this.failures = [];
  }

  setGlobalLimit(perSecond: number | null): void {
    this.globalLimit = perSecond;
    this.globalWindow = { start: 0, count: 0 };
  }

  stats(): FakeDiscordStats {
    return { ...this.counters };
  }

  // ----- recording ------------------------------------------------------------------------

  requests(filter?: RequestMatcher): RecordedRequest[] {
    return filter ? this.records.filter((r) => matches(filter, r)) : [...this.records];
  }

  waitForRequest(predicate: RequestMatcher, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.waitUntil(
      () => this.records.find((r) => matches(predicate, r)),
      timeoutMs,
      () => {
        const last = this.records.slice(-20).map((r) => `  ${describeRequest(r)}`);
        return `waitForRequest: no matching request within ${timeoutMs} ms. Last ${last.length} request(s):\n${last.join('\n') || '  (none)'}`;
      },
    );
  }

  clearRequests(): void {
    this.records = [];
  }

  // ----- waiting --------------------------------------------------------------------------

  private changed(): void {
    this.events.emit('change');
  }

  waitUntil<T>(probe: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    const first = probe();
    if (first !== undefined) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      const onChange = (): void => {
        const value = probe();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(describe()));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.events.off('change', onChange);
      };
      this.events.on('change', onChange);
    });
  }

  private liveSession(): true | undefined {
    return [...this.sessions.values()].some((s) => s.ready && !s.invalid) ? true : undefined;
  }

  private async waitForSession(timeoutMs: number): Promise<void> {
    await this.waitUntil(
      () => this.liveSession(),
      timeoutMs,
      () =>
        `no bot session on the fake gateway within ${timeoutMs} ms. Did the client log in with rest: { api: '${this.apiBase}' }? ` +
        `Requests so far: ${this.records.slice(-10).map(describeRequest).join('; ') || 'none'}`,
    );
  }

  waitForReady(timeoutMs = 10_000): Promise<void> {
    return this.waitForSession(timeoutMs);
  }

  // ----- gateway --------------------------------------------------------------------------

  private onConnection(ws: WebSocket, url: URL): void {
    const conn: Connection = {
      ws,
      session: null,
      deflate: url.searchParams.get('compress') === 'zlib-stream' ? zlib.createDeflate() : null,
      queue: Promise.resolve(),
    };
    this.connections.add(conn);
    ws.on('error', (error) => {
      this.log(`gateway socket error: ${error.message}`);
    });
    ws.on('close', (code) => {
      this.onGatewayClose(conn, code);
    });
    if ((url.searchParams.get('encoding') ?? 'json') !== 'json') {
      ws.close(4002, 'fake-discord only speaks encoding=json');
      return;
    }
    const version = url.searchParams.get('v');
    if (version !== null && version !== '10') {
      ws.close(4012, 'Invalid API version');
      return;
    }
    ws.on('message', (data) => {
      this.onGatewayMessage(conn, data);
    });
    this.send(conn, {
      op: 10,
      d: { heartbeat_interval: this.opts.heartbeatIntervalMs ?? 41250, _trace: ['["fake-discord-gateway",{"micros":0}]'] },
      s: null,
      t: null,
    });
  }

  private send(conn: Connection, payload: Json): void {
    if (conn.ws.readyState !== WebSocket.OPEN) return;
    const text = JSON.stringify(payload);
    const deflate = conn.deflate;
    if (!deflate) {
      conn.ws.send(text);
      return;
    }
    // zlib-stream: one shared deflate context, every payload ends with a Z_SYNC_FLUSH marker.
    conn.queue = conn.queue.then(
      () =>
        new Promise<void>((resolve) => {
          deflate.write(text);
          deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
            const chunks: Buffer[] = [];
            for (let chunk: unknown = deflate.read(); chunk !== null; chunk = deflate.read()) {
              if (Buffer.isBuffer(chunk)) chunks.push(chunk);
            }
            if (conn.ws.readyState === WebSocket.OPEN) conn.ws.send(Buffer.concat(chunks));
            resolve();
          });
        }),
    );
  }

  private onGatewayMessage(conn: Connection, data: RawData): void {
    let payload: Json;
    try {
      const text = Buffer.isBuffer(data)
        ? data.toString('utf8')
        : Array.isArray(data)
          ? Buffer.concat(data).toString('utf8')
          : Buffer.from(data).toString('utf8');
      payload = obj(JSON.parse(text));
    } catch {
      conn.ws.close(4002, 'Error while decoding payload.');
      return;
    }
    const op = num(payload.op);
    const d = obj(payload.d);
    if (op !== 1 && op !== 2 && op !== 6 && !conn.session) {
      conn.ws.close(4003, 'Not authenticated.');
      return;
    }
    switch (op) {
      case 1:
        this.send(conn, { op: 11, d: null });
        break;
      case 2:
        this.onIdentify(conn, d);
        break;
      case 6:
        this.onResume(conn, d);
        break;
      case 3:
      case 4:
        break;
      case 8:
        this.onRequestGuildMembers(conn, d);
        break;
      default:
        conn.ws.close(4001, 'Unknown opcode.');
    }
  }

  private tokenOk(token: string | undefined): boolean {
    if (token === undefined || token === '') return false;
    const expected = this.opts.token;
    return expected === undefined || token === expected || token === `Bot ${expected}`;
  }

  private sendDispatch(session: Session, t: string, d: Json): void {
    session.seq += 1;
    session.buffer.push({ s: session.seq, t, d });
    if (session.buffer.length > 1000) session.buffer.shift();
    if (session.conn) this.send(session.conn, { op: 0, t, s: session.seq, d });
  }

  private guildMembers(guild: GuildState): Json[] {
    return [...this.users.values()].map((user) => this.member(guild, user));
  }

  private guildCreatePayload(guild: GuildState): Json {
    const members = this.guildMembers(guild);
    return {
      id: guild.info.id,
      name: guild.info.name,
      icon: null,
      icon_hash: null,
      splash: null,
      discovery_splash: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: guild.roles,
      emojis: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: guild.info.textChannelId,
      system_channel_flags: 0,
      rules_channel_id: null,
      max_presences: null,
      max_members: 500000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      nsfw_level: 0,
      nsfw: false,
      stickers: [],
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      incidents_data: null,
      joined_at: guild.joinedAt,
      large: false,
      unavailable: false,
      lazy: true,
      member_count: members.length,
      voice_states: [],
      members,
      channels: guild.info.channels,
      threads: this.threads().filter((t) => t.guild_id === guild.info.id && t.thread_metadata?.archived !== true),
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  private onIdentify(conn: Connection, d: Json): void {
    if (!this.tokenOk(str(d.token))) {
      conn.ws.close(4004, 'Authentication failed.');
      return;
    }
    if (conn.session) {
      conn.ws.close(4005, 'Already authenticated.');
      return;
    }
    const intents = num(d.intents);
    if (intents === undefined) {
      conn.ws.close(4013, 'Invalid intent(s).');
      return;
    }
    const shardArr = arr(d.shard).map((n) => num(n) ?? 0);
    const shard: [number, number] = [shardArr[0] ?? 0, shardArr[1] ?? 1];
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      seq: 0,
      intents,
      shard,
      conn,
      buffer: [],
      invalid: false,
      ready: false,
    };
    this.sessions.set(session.id, session);
    conn.session = session;
    this.counters.identifies += 1;
    this.log(`gateway IDENTIFY intents=${intents}`);
    this.sendDispatch(session, 'READY', {
      v: 10,
      user: { ...this.bot, verified: true, mfa_enabled: false, flags: 0, email: null },
      user_settings: {},
      guilds: this.guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.gatewayUrl,
      shard,
      application: { id: this.applicationId, flags: this.opts.applicationFlags ?? 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      auth: {},
      _trace: ['["fake-discord-gateway",{"micros":0}]'],
    });
    if ((intents & Intents.Guilds) !== 0) {
      for (const guild of this.guildStates.values()) this.sendDispatch(session, 'GUILD_CREATE', this.guildCreatePayload(guild));
    }
    session.ready = true;
    this.changed();
  }

  private onResume(conn: Connection, d: Json): void {
    const session = this.sessions.get(str(d.session_id) ?? '');
    if (!this.tokenOk(str(d.token)) || !session || session.invalid) {
      this.send(conn, { op: 9, d: false });
      return;
    }
    if (session.conn && session.conn !== conn) session.conn.ws.close(4000, 'Session resumed elsewhere');
    session.conn = conn;
    conn.session = session;
    this.counters.resumes += 1;
    const since = num(d.seq) ?? 0;
    for (const event of session.buffer) {
      if (event.s > since) this.send(conn, { op: 0, t: event.t, s: event.s, d: event.d });
    }
    this.sendDispatch(session, 'RESUMED', { _trace: ['["fake-discord-gateway",{"micros":0}]'] });
    this.changed();
  }

  private onRequestGuildMembers(conn: Connection, d: Json): void {
    const session = conn.session;
    if (!session) return;
    const guildIds = Array.isArray(d.guild_id) ? arr(d.guild_id).map(idOf) : [idOf(d.guild_id)];
    const userIds = arr(d.user_ids).map(idOf);
    const single = idOf(d.user_ids);
    if (single !== undefined) userIds.push(single);
    const query = str(d.query);
    const limit = num(d.limit) ?? 0;
    for (const guildId of guildIds) {
      const guild = guildId === undefined ? undefined : this.guildStates.get(guildId);
      if (!guild) continue;
      let users = [...this.users.values()];
      if (userIds.length) users = users.filter((u) => userIds.includes(u.id));
      else if (query !== undefined) users = users.filter((u) => u.username.startsWith(query.toLowerCase()));
      if (limit > 0) users = users.slice(0, limit);
      const found = new Set(users.map((u) => u.id));
      this.sendDispatch(session, 'GUILD_MEMBERS_CHUNK', {
        guild_id: guild.info.id,
        members: users.map((u) => this.member(guild, u)),
        chunk_index: 0,
        chunk_count: 1,
        not_found: userIds.filter((id): id is string => id !== undefined && !found.has(id)),
        ...(d.nonce === undefined ? {} : { nonce: d.nonce }),
      });
    }
  }

  private onGatewayClose(conn: Connection, code: number): void {
    this.connections.delete(conn);
    conn.deflate?.close();
    const session = conn.session;
    if (session && session.conn === conn) {
      session.conn = null;
      // Discord drops the session when the client closes with 1000/1001; other codes may resume.
      if (code === 1000 || code === 1001) {
        session.invalid = true;
        this.sessions.delete(session.id);
      }
    }
    this.log(`gateway connection closed (${code})`);
    this.changed();
  }

  private dispatchEach(event: string, build: (session: Session) => Json | null): number {
    let delivered = 0;
    for (const session of this.sessions.values()) {
      if (!session.ready || session.invalid) continue;
      const data = build(session);
      if (data === null) continue;
      this.sendDispatch(session, event, data);
      delivered += 1;
    }
    return delivered;
  }

  dispatch(event: string, data: Json, requiredIntent?: number): number {
    return this.dispatchEach(event, (session) =>
      requiredIntent !== undefined && (session.intents & requiredIntent) === 0 ? null : data,
    );
  }

  requestReconnect(): void {
    for (const conn of this.connections) if (conn.session) this.send(conn, { op: 7, d: null });
  }

  invalidateSessions(resumable = false): void {
    for (const conn of this.connections) {
      const session = conn.session;
      if (!session) continue;
      this.send(conn, { op: 9, d: resumable });
      if (!resumable) {
        session.invalid = true;
        this.sessions.delete(session.id);
        conn.session = null;
      }
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const conn of this.connections) conn.ws.terminate();
    this.wss.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => {
      this.http.close(() => {
        resolve();
      });
    });
    this.changed();
    this.events.removeAllListeners();
  }
}

/** Start a fake Discord on 127.0.0.1 (random port unless `port` is given). */
export async function startFakeDiscord(options: StartFakeDiscordOptions = {}): Promise<FakeDiscord> {
  const server = new FakeDiscordServer(options);
  await server.listen();
  return server;
}
