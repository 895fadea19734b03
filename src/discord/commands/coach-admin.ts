import { ChannelType, InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { forgetQaChannel } from '../qa-channel.js';
import { replyView } from '../respond.js';
import type { BotCommand } from './types.js';

export const coachAdmin: BotCommand = {
  help: 'Server admins only (stats, Q&A channel)',
  data: new SlashCommandBuilder()
    .setName('coach-admin')
    .setDescription('HipCoach tools for server admins')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) => s.setName('stats').setDescription('Anonymous counts: people onboarded, assessments done, active this week'))
    .addSubcommand((s) => s.setName('report').setDescription('A chart of anonymous community figures: activity, sessions, pain and PSFS change'))
    .addSubcommand((s) =>
      s
        .setName('qa-channel')
        .setDescription('Set (or clear) the channel where HipCoach answers community questions')
        .addChannelOption((o) => o.setName('channel').setDescription('Leave empty to turn community Q&A off').addChannelTypes(ChannelType.GuildText)),
    )
    .toJSON(),
  async execute(ctx, interaction) {
    // Discord hides the command from others by default; this check holds even if a server changes that.
    if (!interaction.inGuild() || !interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
      await interaction.reply({ content: 'This command is for server admins (Manage Server permission).', flags: MessageFlags.Ephemeral });
      return;
    }
    if (interaction.options.getSubcommand() === 'stats') {
      const s = ctx.coach.stats();
      await replyView(interaction, {
        title: 'HipCoach community',
        body: 'Counts across this HipCoach installation. No one\'s health data is shown here.',
        fields: [
          { name: 'People onboarded', value: String(s.onboarded) },
          { name: 'Assessments done', value: String(s.assessmentsDone) },
          { name: 'Active this week', value: String(s.activeThisWeek) },
        ],
        inputs: [],
        privacy: 'private',
        tone: 'info',
      });
      return;
    }
    if (interaction.options.getSubcommand() === 'report') {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const data = ctx.coach.communityReport();
      if (data.activePeople.every((n) => n === 0)) {
        await interaction.editReply({ content: 'No sessions logged in the last 8 weeks yet, so there is nothing to chart.' });
        return;
      }
      const { communityChart } = await import('../../charts/charts.js');
      const png = communityChart(data);
      await interaction.editReply({
        embeds: [{ title: 'HipCoach community report', description: 'Anonymous figures for the last 8 weeks: counts and averages only, never a person.', color: 0x3b82f6, image: { url: 'attachment://community.png' } }],
        files: [{ attachment: png, name: 'community.png' }],
      });
      return;
    }
    const channel = interaction.options.getChannel('channel');
    ctx.coach.guilds.setQaChannel(interaction.guildId, channel?.id ?? null);
    forgetQaChannel(interaction.guildId);
    await interaction.reply({
      content: channel ? `Community Q&A is on in <#${channel.id}>.` : 'Community Q&A is off for this server.',
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  },
};
