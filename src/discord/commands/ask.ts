import { SlashCommandBuilder } from 'discord.js';
import { answerView } from '../answer-view.js';
import { answerRenderOptions } from '../handlers/red-flag-subject.js';
import { deferView, sendView } from '../respond.js';
import type { BotCommand } from './types.js';

export const ask: BotCommand = {
  help: 'A question about hip pain, exercises or your plan, answered from the HipCoach library',
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask HipCoach a question about hip pain, exercises or your plan')
    .addStringOption((o) => o.setName('question').setDescription('Your question, in your own words').setRequired(true).setMaxLength(2000))
    .toJSON(),
  async execute(ctx, interaction) {
    // Defer first: retrieval is instant, but an LLM may take a few seconds.
    await deferView(interaction);
    const question = interaction.options.getString('question', true);
    const answer = await ctx.answerer.answer({ question, personId: interaction.user.id, where: interaction.inGuild() ? 'guild' : 'dm' });
    await sendView(interaction, answerView(answer), answerRenderOptions(answer, interaction.user.id));
  },
};
