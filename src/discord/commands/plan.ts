import { SlashCommandBuilder } from 'discord.js';
import { planView, referralView } from '../../views/plan-view.js';
import { note } from '../../views/view.js';
import { referralButtons, withClearedButton } from '../handlers/referral.js';
import { replyView } from '../respond.js';
import type { BotCommand } from './types.js';

export const plan: BotCommand = {
  help: 'Your plan, with the reason for every exercise',
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
      await replyView(interaction, note('No plan yet', 'Run `/assess` first: your plan is built from what the assessment finds.'));
      return;
    }
    await replyView(interaction, planView(stored.plan, ctx.library));
  },
};
