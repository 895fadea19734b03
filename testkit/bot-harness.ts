import { mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Clock } from '../src/app/time.js';
import { botEnvSchema, type BotConfig } from '../src/config.js';
import { startHipCoach, type RunningHipCoach } from '../src/main.js';
import { startFakeDiscord, type FakeDiscord, type FakeMessage, type FakeUser } from './fake-discord/index.js';
import { controlsOf, messageText, type RawComponent } from './message-text.js';

export const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123';

/** A fake Discord plus the real bot logged in to it, on a temp SQLite file. */
export interface Harness {
  fake: FakeDiscord;
  bot: RunningHipCoach;
  config: BotConfig;
  dbPath: string;
  /** Stop the bot (gracefully) and start a new one on the same database: a restart. */
  restart(): Promise<RunningHipCoach>;
  close(): Promise<void>;
}

export async function startHarness(opts: { users: string[]; env?: Record<string, string>; clock?: Clock; startScheduler?: boolean }): Promise<Harness & { users: FakeUser[] }> {
  const fake = await startFakeDiscord({ token: TOKEN });
  const users = opts.users.map((name) => fake.user(name, name.startsWith('admin') ? { permissions: 0x20n } : {}));
  const dir = mkdtempSync(join(tmpdir(), 'hipcoach-e2e-'));
  const dbPath = join(dir, 'bot.db');
  const config = botEnvSchema.parse({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_BASE_URL: fake.apiBase,
    DATABASE_PATH: dbPath,
    LOG_LEVEL: 'silent',
    SHUTDOWN_GRACE_MS: '2000',
    SCHEDULER: 'off',
    ...opts.env,
  });
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const start = () => startHipCoach(config, logger, { ...(opts.clock ? { clock: opts.clock } : {}), ...(opts.startScheduler === false ? { startScheduler: false } : {}) });
  let bot = await start();
  const harness = {
    fake,
    users,
    config,
    dbPath,
    get bot() {
      return bot;
    },
    async restart() {
      await bot.stop();
      bot = await start();
      return bot;
    },
    async close() {
      await bot.stop();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The input name of a HipCoach custom id (`v1:as:<owner>:<ref>:<name>`). */
export function inputName(customId: string): string {
  return customId.split(':').slice(4).join(':');
}

export { allText, footerOf, headingsOf, shownAttachments, textDisplays, type MessageLike, type RawComponent } from './message-text.js';

/** Every pressable or pickable component on a message (in action rows, V2 containers and sections), flattened. */
export function componentsOf(message: FakeMessage | null): RawComponent[] {
  return controlsOf(message);
}

/** The custom id of the input with this name on the message, or a helpful error. */
export function idOf(message: FakeMessage | null, name: string): string {
  const found = componentsOf(message).find((c) => c.custom_id !== undefined && inputName(c.custom_id) === name);
  if (!found?.custom_id) {
    const names = componentsOf(message).map((c) => (c.custom_id ? inputName(c.custom_id) : '?'));
    throw new Error(`no input "${name}" on the message; it has: ${names.join(', ')}`);
  }
  return found.custom_id;
}

/** The words of a message (content, embeds, V2 text displays), footers and question headings aside. */
export function textOf(message: FakeMessage | null): string {
  return messageText(message);
}

/** Read-only SQL against a test database file, for asserting what was (or was not) stored. */
export function sqlReader(dbPath: () => string) {
  return function sql<T>(query: string, ...params: unknown[]): T[] {
    const db = new Database(dbPath(), { readonly: true });
    try {
      return db.prepare(query).all(...params) as T[];
    } finally {
      db.close();
    }
  };
}
