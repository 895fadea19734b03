import {
  DiscordAPIError,
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
  type MessageComponentInteraction,
  type ModalSubmitInteraction,
  type RepliableInteraction,
} from 'discord.js';
import type { View } from '../views/view.js';
import { renderView, type MessagePayload, type RenderOptions, PLAIN } from './render.js';

/** Replies that keep health details private: ephemeral in servers, plain messages in DMs. */

export type AnyComponent = Exclude<RepliableInteraction, ChatInputCommandInteraction> & (MessageComponentInteraction | ModalSubmitInteraction);

/** In a server everything about a person's health is ephemeral; in a DM it is just a message. */
export function privateFlags(interaction: RepliableInteraction): { flags?: MessageFlags.Ephemeral } {
  return interaction.inGuild() ? { flags: MessageFlags.Ephemeral } : {};
}

const noMentions = { allowedMentions: { parse: [] } };

/** Our payload's files in the shape discord.js sends as attachments. */
export function asReply(p: MessagePayload): Omit<MessagePayload, 'files'> & { files?: { attachment: Buffer; name: string }[] } {
  const { files, ...rest } = p;
  return files?.length ? { ...rest, files: files.map((f) => ({ attachment: f.data, name: f.name })) } : rest;
}

/**
 * Reply with a view as a new message: the first message answers the interaction, the rest follow
 * up. `ephemeral` keeps it hidden in a DM too (e.g. an exercise opened from a workout message).
 */
export async function replyView(interaction: ChatInputCommandInteraction | ButtonInteraction | RepliableInteraction, view: View, opts: RenderOptions = PLAIN, ephemeral = false): Promise<void> {
  await replyPayloads(interaction, renderView(view, opts), ephemeral);
}

/** More messages after the answer (e.g. the plan's pages under the completion screen). */
export async function followUpView(interaction: RepliableInteraction, view: View, ephemeral = false): Promise<void> {
  const flags = ephemeral ? { flags: MessageFlags.Ephemeral as const } : privateFlags(interaction);
  for (const p of renderView(view, PLAIN)) await interaction.followUp({ ...asReply(p), ...flags, ...noMentions });
}

export async function replyPayloads(interaction: RepliableInteraction, payloads: MessagePayload[], ephemeral = false): Promise<void> {
  const flags = ephemeral ? { flags: MessageFlags.Ephemeral as const } : privateFlags(interaction);
  const [first, ...rest] = payloads;
  if (!first) return;
  const options: InteractionReplyOptions = { ...asReply(first), ...flags, ...noMentions };
  if (interaction.deferred || interaction.replied) await interaction.followUp(options);
  else await interaction.reply(options);
  for (const p of rest) await interaction.followUp({ ...asReply(p), ...flags, ...noMentions });
}

/** Replace the message a component sits on (the natural way to step through a flow). */
export async function updateView(interaction: AnyComponent, view: View, opts: RenderOptions): Promise<void> {
  const [first, ...rest] = renderView(view, opts);
  if (!first) return;
  if (interaction.deferred || interaction.replied) await interaction.editReply({ ...asReply(first), ...noMentions });
  else if (interaction.isMessageComponent()) await interaction.update({ ...asReply(first), ...noMentions });
  else if (interaction.isFromMessage()) await interaction.update({ ...asReply(first), ...noMentions });
  else await interaction.reply({ ...asReply(first), ...privateFlags(interaction), ...noMentions });
  for (const p of rest) await interaction.followUp({ ...asReply(p), ...privateFlags(interaction), ...noMentions });
}

/**
 * Show a view in answer to any interaction: edit the deferred reply, replace the component's
 * message, or reply privately to a command.
 */
export async function sendView(interaction: RepliableInteraction, view: View, opts: RenderOptions = PLAIN): Promise<void> {
  const [first, ...rest] = renderView(view, opts);
  if (!first) return;
  if (interaction.deferred || interaction.replied) await interaction.editReply({ ...asReply(first), ...noMentions });
  else if (interaction.isMessageComponent() || (interaction.isModalSubmit() && interaction.isFromMessage())) await interaction.update({ ...asReply(first), ...noMentions });
  else await interaction.reply({ ...asReply(first), ...privateFlags(interaction), ...noMentions });
  for (const p of rest) await interaction.followUp({ ...asReply(p), ...privateFlags(interaction), ...noMentions });
}

/** Acknowledge now and answer later (slow work such as an LLM line): keeps the message a component sits on. */
export async function deferView(interaction: RepliableInteraction): Promise<void> {
  if (interaction.deferred || interaction.replied) return;
  if (interaction.isMessageComponent() || (interaction.isModalSubmit() && interaction.isFromMessage())) await interaction.deferUpdate();
  else await interaction.deferReply(privateFlags(interaction));
}

/** A short private note, e.g. "this isn't yours". */
export async function notice(interaction: RepliableInteraction, text: string): Promise<void> {
  const options = { content: text, flags: MessageFlags.Ephemeral as const, ...noMentions };
  if (interaction.deferred || interaction.replied) await interaction.followUp(options);
  else await interaction.reply(options);
}

export function isDiscordError(error: unknown, code: number): boolean {
  return error instanceof DiscordAPIError && error.code === code;
}

/** Discord error codes the bot handles on purpose. */
export const DiscordCodes = {
  unknownInteraction: 10062,
  cannotMessageUser: 50007,
} as const;
