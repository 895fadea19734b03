import { createHash } from 'node:crypto';
import { Routes, type REST } from 'discord.js';
import type { Logger } from 'pino';
import type { Db } from '../db/connection.js';
import { getMeta, setMeta } from '../db/repos/meta.js';
import { commandPayload } from './commands/index.js';

/**
 * Registers the slash commands only when their definitions changed since the last start
 * (a hash is stored per scope), so restarts cost no API calls and hit no rate limits.
 */
export async function registerCommands(opts: { rest: REST; applicationId: string; guildId?: string | undefined; db: Db; logger: Logger; now: Date }): Promise<'registered' | 'unchanged'> {
  const payload = commandPayload();
  const hash = createHash('sha256').update(JSON.stringify(payload)).digest('hex');
  const scope = opts.guildId ? `guild:${opts.guildId}` : 'global';
  const key = `commands:${opts.applicationId}:${scope}`;
  if (getMeta(opts.db, key) === hash) return 'unchanged';
  const route = opts.guildId ? Routes.applicationGuildCommands(opts.applicationId, opts.guildId) : Routes.applicationCommands(opts.applicationId);
  await opts.rest.put(route, { body: payload });
  setMeta(opts.db, key, hash, opts.now);
  opts.logger.info({ scope, commands: payload.length }, 'slash commands registered');
  return 'registered';
}
