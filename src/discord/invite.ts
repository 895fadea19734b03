import { OAuth2Scopes, PermissionFlagsBits } from 'discord.js';

/**
 * Exactly what HipCoach needs in a server, and why:
 * - View Channel, Send Messages, Read Message History: answer in the Q&A channel;
 * - Create Public Threads, Send Messages in Threads: each question gets its own thread;
 * - Embed Links: every answer, plan and workout is an embed;
 * - Attach Files: progress charts.
 * Slash commands and DMs need no server permission beyond the applications.commands scope.
 */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles;

export const BOT_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands];

/** A bot token's first part is the application's id, base64-encoded. */
export function applicationIdFromToken(token: string): string | null {
  const first = token.split('.')[0] ?? '';
  const id = Buffer.from(first, 'base64').toString('utf8');
  return /^\d{17,20}$/.test(id) ? id : null;
}

export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({ client_id: applicationId, scope: BOT_SCOPES.join(' '), permissions: BOT_PERMISSIONS.toString() });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}
