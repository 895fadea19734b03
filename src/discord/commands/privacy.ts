import { AttachmentBuilder, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { note } from '../../views/view.js';
import { flowIds } from '../custom-id.js';
import { privateFlags, replyView, updateView } from '../respond.js';
import { PLAIN } from '../render.js';
import { componentFlow, namedIn, type BotCommand } from './types.js';

/** The erase confirmation's buttons. */
const privacyIds = flowIds('privacy');

/** "Yes, erase everything" or "Cancel" under /privacy delete. */
const privacyFlow = componentFlow('privacy', namedIn(['confirm', 'cancel']), async (ctx, interaction, { owner, name }) => {
  if (name === 'cancel') {
    await updateView(interaction, note('Nothing erased', 'Your data is unchanged.'), PLAIN);
    return;
  }
  const existed = ctx.coach.erase(owner);
  ctx.logger.info({ erased: existed }, 'privacy delete');
  const body = existed ? 'Done: everything HipCoach stored about you has been erased.' : 'HipCoach had nothing stored about you.';
  await updateView(interaction, note('Erased', body, 'success'), PLAIN);
  if (!interaction.inGuild()) return;
  await interaction.followUp({ content: 'If you use HipCoach again, you will start fresh with `/start`.', flags: MessageFlags.Ephemeral });
});

export const privacy: BotCommand = {
  help: 'Export (`/privacy export`) or erase (`/privacy delete`) everything stored about you: your data, your call',
  data: new SlashCommandBuilder()
    .setName('privacy')
    .setDescription('Download or erase everything HipCoach stores about you')
    .addSubcommand((s) => s.setName('export').setDescription('Everything stored about you, as a JSON file only you can see'))
    .addSubcommand((s) => s.setName('delete').setDescription('Erase everything stored about you (asks to confirm first)'))
    .toJSON(),
  async execute(ctx, interaction) {
    const owner = interaction.user.id;
    if (interaction.options.getSubcommand() === 'export') {
      const data = ctx.coach.exportData(owner);
      const json = JSON.stringify({ exportedAt: ctx.clock().toISOString(), personId: owner, ...data }, null, 2);
      const file = new AttachmentBuilder(Buffer.from(json, 'utf8'), { name: `hipcoach-data-${owner}.json` });
      const rows = Object.values(data).reduce((n, v) => n + (Array.isArray(v) ? v.length : v ? 1 : 0), 0);
      await interaction.reply({
        content: rows > 0 ? `Here is everything HipCoach stores about you (${rows} records).` : 'HipCoach stores nothing about you.',
        files: [file],
        ...privateFlags(interaction),
      });
      return;
    }
    await replyView(
      interaction,
      {
        title: 'Erase everything?',
        body: 'This permanently deletes your consent, answers, plan, workouts, feedback and questions from HipCoach. It cannot be undone. You can start again any time with `/start`.',
        inputs: [
          { kind: 'button', name: 'confirm', label: 'Yes, erase everything', style: 'danger' },
          { kind: 'button', name: 'cancel', label: 'Cancel', style: 'secondary' },
        ],
        privacy: 'private',
        tone: 'warning',
      },
      privacyIds.options(owner, '0'),
    );
  },
  components: [privacyFlow],
};
