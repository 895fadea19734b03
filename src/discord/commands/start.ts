import { SlashCommandBuilder } from 'discord.js';
import { welcomeView } from '../../views/onboarding.js';
import { consentButtonsOptions } from '../flow-ids.js';
import { onboardingFlow } from '../handlers/onboarding.js';
import { setupFlow } from '../handlers/setup.js';
import { note } from '../../views/view.js';
import { replyView } from '../respond.js';
import type { BotCommand } from './types.js';

export const start: BotCommand = {
  help: 'What HipCoach is, and your consent',
  data: new SlashCommandBuilder().setName('start').setDescription('What HipCoach is, what to expect, and how your data is used').toJSON(),
  async execute(ctx, interaction) {
    const person = ctx.coach.findPerson(interaction.user.id);
    if (person?.consentAt) {
      const next = ctx.coach.activePlan(interaction.user.id)
        ? 'Use `/workout` for today\'s session, `/plan` for your plan and `/progress` to see how it is going.'
        : 'Use `/assess` to do your movement assessment (about 12 minutes); your plan comes at the end.';
      await replyView(interaction, note('You are all set', next));
      return;
    }
    await replyView(interaction, welcomeView('discord'), consentButtonsOptions(interaction.user.id));
  },
  components: [onboardingFlow, setupFlow],
};
