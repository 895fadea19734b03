import { SlashCommandBuilder } from 'discord.js';
import { showWorkout, workoutFlow } from '../handlers/workout.js';
import type { BotCommand } from './types.js';

export const workout: BotCommand = {
  help: "Today's session; tell me how it went and tomorrow adapts",
  data: new SlashCommandBuilder().setName('workout').setDescription("Today's session, with buttons to log how it went").toJSON(),
  async execute(ctx, interaction) {
    await showWorkout(ctx, interaction);
  },
  // The daily DM's workout buttons carry the same ids (src/discord/dm-sender.ts renders them).
  components: [workoutFlow],
};
