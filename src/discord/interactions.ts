import { MessageFlags, type Interaction } from 'discord.js';
import type { BotContext } from './context.js';
import { COMMANDS_BY_NAME, COMPONENT_FLOWS } from './commands/index.js';
import { decodeCustomId } from './custom-id.js';
import { DiscordCodes, isDiscordError, notice } from './respond.js';

export const NOT_YOURS = "This isn't yours: these buttons belong to someone else's session, so nothing was changed. Use `/start` or `/assess` for your own.";
export const UNKNOWN_COMPONENT = 'That button is from an older version of HipCoach or has expired. Run the command again (e.g. `/assess` or `/workout`).';
export const FAILED = 'Sorry, something went wrong on my side. Nothing you entered was lost; please try again in a moment.';

/**
 * One entry point for every interaction: commands, autocomplete, buttons, selects and modals.
 * Parsing and the ownership check happen here, once, before any handler runs.
 */
export async function handleInteraction(appCtx: BotContext, interaction: Interaction): Promise<void> {
  // Every log line of this interaction says which screen it was and for whom.
  const ctx: BotContext = { ...appCtx, logger: appCtx.logger.child(interactionLabel(interaction)) };
  try {
    if (interaction.isAutocomplete()) {
      const command = COMMANDS_BY_NAME.get(interaction.commandName);
      await (command?.autocomplete ? command.autocomplete(ctx, interaction) : interaction.respond([]));
      return;
    }
    // Every command, button or form restarts the person's data-retention clock.
    ctx.coach.retention.seen(interaction.user.id);
    if (interaction.isChatInputCommand()) {
      const command = COMMANDS_BY_NAME.get(interaction.commandName);
      if (!command) {
        await notice(interaction, 'That command is not part of HipCoach any more. Type `/help` to see what is.');
        return;
      }
      await command.execute(ctx, interaction);
      await dmStatusNote(ctx, interaction);
      return;
    }
    if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
      const id = decodeCustomId(interaction.customId);
      if (!id) {
        await notice(interaction, UNKNOWN_COMPONENT);
        return;
      }
      if (id.owner !== interaction.user.id) {
        await notice(interaction, NOT_YOURS);
        return;
      }
      const values = interaction.isStringSelectMenu() ? interaction.values : [];
      const fields = interaction.isModalSubmit() ? Object.fromEntries(interaction.fields.fields.map((f, key) => [key, 'value' in f ? String(f.value) : ''])) : undefined;
      const flow = COMPONENT_FLOWS.get(id.flow);
      if (!flow) {
        await notice(interaction, UNKNOWN_COMPONENT);
        return;
      }
      await flow.handle(ctx, interaction, { id, values, fields });
    }
  } catch (error) {
    await reportFailure(ctx, interaction, error);
  }
}

/** What a log line needs to find the failing screen: the interaction, its person, and the command or flow. */
export function interactionLabel(interaction: Interaction): Record<string, string> {
  const label: Record<string, string> = { interaction: interaction.id, person: interaction.user.id };
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) label.command = interaction.commandName;
  if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
    const id = decodeCustomId(interaction.customId);
    if (id) {
      label.flow = id.flow;
      label.input = id.name;
    }
  }
  return label;
}

export const DMS_BLOCKED =
  "I tried to send your daily workout by DM, but Discord would not let me: your privacy settings block DMs from this server's members. To get them, allow direct messages (Server menu > Privacy Settings), then turn reminders back on with `/settings reminders:True`. Your plan is unchanged: `/workout` works any time.";

/** After a command: in a server, say once that DMs are blocked; in a DM, DMs clearly work again. */
async function dmStatusNote(ctx: BotContext, interaction: Interaction): Promise<void> {
  if (!interaction.isRepliable()) return;
  const person = interaction.user.id;
  if (!interaction.inGuild()) {
    ctx.coach.dmsWork(person);
    return;
  }
  if (ctx.coach.takeDmBlockedNotice(person)) await notice(interaction, DMS_BLOCKED);
}

async function reportFailure(ctx: BotContext, interaction: Interaction, error: unknown): Promise<void> {
  // An interaction Discord has already expired cannot be answered; anything else gets a kind note.
  if (isDiscordError(error, DiscordCodes.unknownInteraction)) {
    ctx.logger.warn('interaction expired before it was answered');
    return;
  }
  ctx.logger.error({ err: error, type: interaction.type }, 'interaction failed');
  if (!interaction.isRepliable()) return;
  try {
    if (interaction.deferred || interaction.replied) await interaction.followUp({ content: FAILED, flags: MessageFlags.Ephemeral });
    else await interaction.reply({ content: FAILED, flags: MessageFlags.Ephemeral });
  } catch (second) {
    ctx.logger.warn({ err: second }, 'could not report the failure to the person');
  }
}
