import { SlashCommandBuilder } from 'discord.js';
import { startAssessment } from '../handlers/assessment.js';
import type { BotCommand } from './types.js';

export const assess: BotCommand = {
  data: new SlashCommandBuilder().setName('assess').setDescription('Do (or carry on with) your movement assessment: safety check, goal, pain, 16 tests (17 for running)').toJSON(),
  async execute(ctx, interaction) {
    await startAssessment(ctx, interaction);
  },
};
