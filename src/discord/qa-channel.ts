import { ThreadAutoArchiveDuration, type Message } from 'discord.js';
import { answerView } from './answer-view.js';
import { answerRenderOptions } from './handlers/red-flag-subject.js';
import type { BotContext } from './context.js';
import { renderView } from './render.js';
import { asReply } from './respond.js';

/** Q&A channel per server, kept in memory: every guild message passes here, the database need not. */
const qaChannels = new Map<string, string | null>();

function qaChannelOf(ctx: BotContext, guildId: string): string | null {
  let channel = qaChannels.get(guildId);
  if (channel === undefined) {
    channel = ctx.coach.guilds.qaChannel(guildId);
    qaChannels.set(guildId, channel);
  }
  return channel;
}

/** Call after changing a server's Q&A channel. */
export function forgetQaChannel(guildId: string): void {
  qaChannels.delete(guildId);
}

/**
 * Community Q&A: a question in the configured channel gets an answer in a new thread; follow-ups
 * in that thread keep its context. Answers never use anyone's plan or health data here.
 */
export async function handleQaMessage(ctx: BotContext, message: Message): Promise<void> {
  try {
    if (message.author.bot || message.system || !message.inGuild()) return;
    const me = message.client.user.id;
    const qaChannelId = qaChannelOf(ctx, message.guildId);
    if (!qaChannelId) return;
    const channel = message.channel;
    const inQaChannel = message.channelId === qaChannelId;
    const inOurThread = channel.isThread() && channel.parentId === qaChannelId && channel.ownerId === me;
    if (!inQaChannel && !inOurThread) return;
    // Without the Message Content intent, Discord only shows us messages that mention HipCoach.
    const question = message.content.replace(new RegExp(`<@!?${me}>`, 'g'), '').trim();
    if (!question) return;
    ctx.coach.retention.seen(message.author.id);

    const thread = inOurThread && channel.isThread() ? channel : await message.startThread({ name: threadName(question), autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
    await thread.sendTyping().catch(() => undefined);
    const answer = await ctx.answerer.answer({ question, personId: message.author.id, where: 'thread', threadId: thread.id });
    for (const payload of renderView(answerView(answer), answerRenderOptions(answer, message.author.id))) {
      await thread.send({ ...asReply(payload), allowedMentions: { parse: [] } });
    }
  } catch (error) {
    ctx.logger.error({ err: error, message: message.id }, 'Q&A answer failed');
  }
}

function threadName(question: string): string {
  const clean = question.replace(/\s+/g, ' ').trim();
  return clean.length <= 90 ? clean : `${clean.slice(0, 89)}…`;
}

