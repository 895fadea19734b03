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
import { renderView, withImage, type MessagePayload, type RenderOptions, PLAIN } from './render.js';

/** Replies that keep health details private: ephemeral in servers, plain messages in DMs. */

export type AnyComponent = Exclude<RepliableInteraction, ChatInputCommandInteraction> & (MessageComponentInteraction | ModalSubmitInteraction);

/** In a server everything about a person's health is private (ephemeral); in a DM it is just a message. */
export const shouldBePrivate = (interaction: RepliableInteraction): boolean => interaction.inGuild();

export function privateFlags(interaction: RepliableInteraction): { flags?: MessageFlags.Ephemeral } {
  return shouldBePrivate(interaction) ? { flags: MessageFlags.Ephemeral } : {};
}

const noMentions = { allowedMentions: { parse: [] } };

type ReplyFile = { attachment: Buffer; name: string; description?: string };

/** Our payload's files in the shape discord.js sends as attachments (with their alt text). */
export function asReply(p: MessagePayload): Omit<MessagePayload, 'files'> & { files?: ReplyFile[] } {
  const { files, ...rest } = p;
  return files?.length ? { ...rest, files: files.map((f) => ({ attachment: f.data, name: f.name, ...(f.description ? { description: f.description } : {}) })) } : rest;
}

/** A reply's flags: the payload's own (Components V2) with ephemeral when asked; spreading would drop one. */
function flagsFor(p: MessagePayload, ephemeral: boolean): { flags?: (MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral)[] } {
  const flags = [...(p.flags ? [p.flags] : []), ...(ephemeral ? [MessageFlags.Ephemeral as const] : [])];
  return flags.length ? { flags } : {};
}

/** A payload as a new message, private when `ephemeral`. */
export function asMessage(p: MessagePayload, ephemeral: boolean): InteractionReplyOptions {
  const { flags: _own, ...rest } = asReply(p);
  return { ...rest, ...flagsFor(p, ephemeral), ...noMentions };
}

/**
 * For edits: a message that replaces a screen drops the previous screen's attachments (e.g. the
 * last test's figure) unless the new one brings its own, which replace them. Turning an older
 * (embed) message into V2 needs its content and embeds cleared; once V2 it stays V2.
 */
function asEdit(p: MessagePayload): Omit<ReturnType<typeof asReply>, 'content'> & { attachments?: []; content?: string | null } {
  const base = p.files?.length ? asReply(p) : { ...asReply(p), attachments: [] as [] };
  return p.flags ? { content: null, embeds: [], ...base } : base;
}

/**
 * A view's messages, with its figure (if it names one that exists) under the first message's text.
 * The figures module is loaded on first use, like the charts, so start-up does not pay for the canvas.
 */
export async function payloadsFor(view: View, opts: RenderOptions): Promise<MessagePayload[]> {
  const payloads = renderView(view, opts);
  const [first, ...rest] = payloads;
  if (!view.figureId || !first) return payloads;
  const { figureFor } = await import('../figures/index.js');
  const figure = figureFor(view.figureId, { format: 'png' });
  return figure ? [withImage(first, figure.fileName, figure.bytes, figure.alt), ...rest] : payloads;
}

/**
 * Reply with a view as a new message: the first message answers the interaction, the rest follow
 * up. `ephemeral` keeps it hidden in a DM too (e.g. an exercise opened from a workout message).
 */
export async function replyView(interaction: ChatInputCommandInteraction | ButtonInteraction | RepliableInteraction, view: View, opts: RenderOptions = PLAIN, ephemeral = false): Promise<void> {
  await replyPayloads(interaction, await payloadsFor(view, opts), ephemeral);
}

/** More messages after the answer (e.g. the plan's pages under the completion screen). */
export async function followUpView(interaction: RepliableInteraction, view: View, ephemeral = false): Promise<void> {
  for (const p of renderView(view, PLAIN)) await interaction.followUp(asMessage(p, ephemeral || shouldBePrivate(interaction)));
}

export async function replyPayloads(interaction: RepliableInteraction, payloads: MessagePayload[], ephemeral = false): Promise<void> {
  const hidden = ephemeral || shouldBePrivate(interaction);
  const [first, ...rest] = payloads;
  if (!first) return;
  const options = asMessage(first, hidden);
  if (interaction.deferred || interaction.replied) await interaction.followUp(options);
  else await interaction.reply(options);
  for (const p of rest) await interaction.followUp(asMessage(p, hidden));
}

/** Replace the message a component sits on (the natural way to step through a flow). */
export async function updateView(interaction: AnyComponent, view: View, opts: RenderOptions): Promise<void> {
  const [first, ...rest] = await payloadsFor(view, opts);
  if (!first) return;
  if (interaction.deferred || interaction.replied) await interaction.editReply({ ...asEdit(first), ...noMentions });
  else if (interaction.isMessageComponent()) await interaction.update({ ...asEdit(first), ...noMentions });
  else if (interaction.isFromMessage()) await interaction.update({ ...asEdit(first), ...noMentions });
  else await interaction.reply(asMessage(first, shouldBePrivate(interaction)));
  for (const p of rest) await interaction.followUp(asMessage(p, shouldBePrivate(interaction)));
}

/**
 * Show a view in answer to any interaction: edit the deferred reply, replace the component's
 * message, or reply privately to a command.
 */
export async function sendView(interaction: RepliableInteraction, view: View, opts: RenderOptions = PLAIN): Promise<void> {
  const [first, ...rest] = await payloadsFor(view, opts);
  if (!first) return;
  if (interaction.deferred || interaction.replied) await interaction.editReply({ ...asEdit(first), ...noMentions });
  else if (interaction.isMessageComponent() || (interaction.isModalSubmit() && interaction.isFromMessage())) await interaction.update({ ...asEdit(first), ...noMentions });
  else await interaction.reply(asMessage(first, shouldBePrivate(interaction)));
  for (const p of rest) await interaction.followUp(asMessage(p, shouldBePrivate(interaction)));
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
