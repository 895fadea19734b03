import { getGuildSettings, getMeta, setMeta, setQaChannel } from '../db/repos/meta.js';
import type { AppDeps } from './context.js';

/** Server-level state: each server's Q&A channel, and the hash of the slash commands last registered. */
export class Guilds {
  constructor(private readonly deps: AppDeps) {}

  qaChannel(guildId: string): string | null {
    return getGuildSettings(this.deps.db, guildId)?.qaChannelId ?? null;
  }

  setQaChannel(guildId: string, channelId: string | null): void {
    setQaChannel(this.deps.db, guildId, channelId, this.deps.clock());
  }

  /** The hash of the commands registered for a scope, so a restart registers only what changed. */
  registeredCommands(key: string): string | undefined {
    return getMeta(this.deps.db, key);
  }

  rememberRegisteredCommands(key: string, hash: string): void {
    setMeta(this.deps.db, key, hash, this.deps.clock());
  }
}
