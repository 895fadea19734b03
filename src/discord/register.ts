import { createHash } from 'node:crypto';
import { Routes, type REST } from 'discord.js';
import type { Logger } from 'pino';
import type { Guilds } from '../app/guilds.js';
import { commandPayload } from './commands/index.js';

/**
 * Registers the slash commands only when their definitions changed since the last start
 * (a hash is stored per scope), so restarts cost no API calls and hit no rate limits.
 */
export async function registerCommands(opts: { rest: REST; applicationId: string; guildId?: string | undefined; guilds: Guilds; logger: Logger }): Promise<'registered' | 'unchanged'> {
  const payload = commandPayload();
  const hash = createHash('sha256').update(JSON.stringify(payload)).digest('hex');
  const scope = opts.guildId ? `guild:${opts.guildId}` : 'global';
  const key = `commands:${opts.applicationId}:${scope}`;
  if (opts.guilds.registeredCommands(key) === hash) return 'unchanged';
  const route = opts.guildId ? Routes.applicationGuildCommands(opts.applicationId, opts.guildId) : Routes.applicationCommands(opts.applicationId);
  await opts.rest.put(route, { body: payload });
  opts.guilds.rememberRegisteredCommands(key, hash);
  opts.logger.info({ scope, commands: payload.length }, 'slash commands registered');
  return 'registered';
}
