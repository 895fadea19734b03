import { SlashCommandBuilder } from 'discord.js';
import { helpView } from '../../views/help-view.js';
import { replyView } from '../respond.js';
import type { BotCommand } from './types.js';

/** /help lists every command; it is given the list (rather than importing it) so the list can include /help. */
export function helpCommand(commands: () => readonly BotCommand[]): BotCommand {
  return {
    help: 'This list',
    data: new SlashCommandBuilder().setName('help').setDescription('What HipCoach can do and which command does what').toJSON(),
    async execute(_ctx, interaction) {
      await replyView(interaction, helpView(commands().map((c) => ({ name: c.data.name, help: c.help }))));
    },
  };
}
