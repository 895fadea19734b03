import { ask } from './ask.js';
import { assess } from './assess.js';
import { coachAdmin } from './coach-admin.js';
import { exercise } from './exercise.js';
import { help } from './help.js';
import { plan } from './plan.js';
import { privacy } from './privacy.js';
import { progress } from './progress.js';
import { settings } from './settings.js';
import { start } from './start.js';
import { commandDataSchema, type BotCommand } from './types.js';
import { workout } from './workout.js';

/** Every slash command, in the order /help lists them. */
export const COMMANDS: readonly BotCommand[] = [start, assess, plan, workout, exercise, ask, progress, settings, privacy, coachAdmin, help];

export const COMMANDS_BY_NAME: ReadonlyMap<string, BotCommand> = new Map(COMMANDS.map((c) => [c.data.name, c]));

/** The registration payload, checked against Discord's limits before it is ever sent. */
export function commandPayload(): BotCommand['data'][] {
  return COMMANDS.map((c) => {
    const parsed = commandDataSchema.safeParse(c.data);
    if (!parsed.success) throw new Error(`command /${c.data.name} breaks Discord's limits: ${parsed.error.issues[0]?.message ?? ''}`);
    return c.data;
  });
}
