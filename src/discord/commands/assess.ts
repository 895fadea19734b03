import { AT_A_TIME } from '../../views/checks-words.js';
import { SlashCommandBuilder } from 'discord.js';
import { assessmentFlow, startAssessment } from '../handlers/assessment.js';
import { referralFlow } from '../handlers/referral.js';
import type { BotCommand } from './types.js';

export const assess: BotCommand = {
  help: `The safety check, your goal and 7 movement tests for your first plan (about 12 minutes; the rest come ${AT_A_TIME} with your first week's workouts; pause any time)`,
  data: new SlashCommandBuilder().setName('assess').setDescription('Do (or carry on with) your movement assessment: safety check, goal, pain, 16 tests (17 for running)').toJSON(),
  async execute(ctx, interaction) {
    await startAssessment(ctx, interaction);
  },
  // The check-in buttons of the daily DM answer to the assessment flow too; the referral's
  // "cleared" button belongs here because clearing leads back to /assess.
  components: [assessmentFlow, referralFlow],
};
