import { SlashCommandBuilder } from 'discord.js';
import { planView, referralView } from '../../views/plan-view.js';
import { referralButtons, withClearedButton } from '../handlers/assessment.js';
import { replyView } from '../respond.js';
import type { BotCommand } from './types.js';

export const plan: BotCommand = {
  data: new SlashCommandBuilder().setName('plan').setDescription('Your current plan, with the reason for every exercise').toJSON(),
  async execute(ctx, interaction) {
    const owner = interaction.user.id;
    const referral = ctx.coach.referral(owner);
    if (referral) {
      await replyView(interaction, withClearedButton(referralView(referral, ctx.library)), referralButtons(owner));
      return;
    }
    const stored = ctx.coach.activePlan(owner);
    if (!stored) {
      await replyView(interaction, { title: 'No plan yet', body: 'Run `/assess` first: your plan is built from what the assessment finds.', inputs: [], privacy: 'private', tone: 'info' });
      return;
    }
    await replyView(interaction, planView(stored.plan, ctx.library));
  },
};
