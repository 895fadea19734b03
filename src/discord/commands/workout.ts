import { SlashCommandBuilder } from 'discord.js';
import { showWorkout } from '../handlers/workout.js';
import type { BotCommand } from './types.js';

export const workout: BotCommand = {
  data: new SlashCommandBuilder().setName('workout').setDescription("Today's session, with buttons to log how it went").toJSON(),
  async execute(ctx, interaction) {
    await showWorkout(ctx, interaction);
  },
};
