import { SlashCommandBuilder } from 'discord.js';
import type { View } from '../../views/view.js';
import { replyView } from '../respond.js';
import type { BotCommand } from './types.js';

export const HELP_VIEW: View = {
  title: 'HipCoach: how it works',
  body: [
    'A movement coach for hip pain: an assessment of every basic hip movement, a plan built from it, and daily workouts that adapt to your feedback. Not a clinician: no diagnosis, no advice on surgery or medication.',
    [
      '`/start`: what HipCoach is, and your consent',
      '`/assess`: the safety check and 14 movement tests (about 20 minutes; pause any time and carry on later)',
      '`/plan`: your plan, with the reason for every exercise',
      '`/workout`: today\'s session; tell me how it went and tomorrow adapts',
      '`/exercise`: how to do any exercise, with easier and harder versions',
      '`/ask`: a question about hip pain, exercises or your plan, answered from the HipCoach library',
      '`/progress`: sessions, pain, activities and pattern levels',
      '`/settings`: timezone, reminder time, minutes, equipment, reminders',
      '`/privacy export` and `/privacy delete`: your data, your call',
      '`/coach-admin`: server admins only (stats, Q&A channel)',
      '`/help`: this list',
    ].join('\n'),
    'In a server, anything about your health is shown only to you; your full plan is sent by DM. In the community Q&A channel, ask a question (mention @HipCoach if the server has not enabled message reading) and the answer comes in a thread.',
  ].join('\n\n'),
  inputs: [],
  privacy: 'public',
  tone: 'info',
};

export const help: BotCommand = {
  data: new SlashCommandBuilder().setName('help').setDescription('What HipCoach can do and which command does what').toJSON(),
  async execute(_ctx, interaction) {
    await replyView(interaction, HELP_VIEW);
  },
};
