import { eq, sql } from 'drizzle-orm';
import { guildSettings, meta } from '../schema.js';
import type { Queryable } from '../types.js';

export function getMeta(db: Queryable, key: string): string | undefined {
  return db.select({ value: meta.value }).from(meta).where(eq(meta.key, key)).get()?.value;
}

export function setMeta(db: Queryable, key: string, value: string, now: Date): void {
  db.insert(meta)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: meta.key, set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` } })
    .run();
}

export function getGuildSettings(db: Queryable, guildId: string): typeof guildSettings.$inferSelect | undefined {
  return db.select().from(guildSettings).where(eq(guildSettings.guildId, guildId)).get();
}

export function setQaChannel(db: Queryable, guildId: string, channelId: string | null, now: Date): void {
  db.insert(guildSettings)
    .values({ guildId, qaChannelId: channelId, updatedAt: now })
    .onConflictDoUpdate({ target: guildSettings.guildId, set: { qaChannelId: channelId, updatedAt: now } })
    .run();
}
