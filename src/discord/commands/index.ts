import { FLOWS, type Flow } from '../custom-id.js';
import { ask } from './ask.js';
import { assess } from './assess.js';
import { coachAdmin } from './coach-admin.js';
import { exercise } from './exercise.js';
import { helpCommand } from './help.js';
import { plan } from './plan.js';
import { privacy } from './privacy.js';
import { progress } from './progress.js';
import { settings } from './settings.js';
import { start } from './start.js';
import { commandDataSchema, type BotCommand, type ComponentFlow } from './types.js';
import { workout } from './workout.js';

/** Every slash command, in the order /help lists them. */
export const COMMANDS: readonly BotCommand[] = [start, assess, plan, workout, exercise, ask, progress, settings, privacy, coachAdmin, helpCommand(() => COMMANDS)];

export const COMMANDS_BY_NAME: ReadonlyMap<string, BotCommand> = new Map(COMMANDS.map((c) => [c.data.name, c]));

/**
 * The component router's table, derived from the commands: each flow is owned by exactly one
 * command, and every flow a custom id can name has an owner (checked here, at start-up).
 */
export function componentFlows(commands: readonly BotCommand[]): ReadonlyMap<Flow, ComponentFlow> {
  const byFlow = new Map<Flow, ComponentFlow>();
  for (const command of commands) {
    for (const flow of command.components ?? []) {
      if (byFlow.has(flow.flow)) throw new Error(`component flow "${flow.flow}" is registered by two commands (the second is /${command.data.name})`);
      byFlow.set(flow.flow, flow);
    }
  }
  const orphans = (Object.keys(FLOWS) as Flow[]).filter((f) => !byFlow.has(f));
  if (orphans.length > 0) throw new Error(`no command owns the component flow(s): ${orphans.join(', ')}`);
  return byFlow;
}

export const COMPONENT_FLOWS = componentFlows(COMMANDS);

/** The registration payload, checked against Discord's limits before it is ever sent. */
export function commandPayload(): BotCommand['data'][] {
  return COMMANDS.map((c) => {
    const parsed = commandDataSchema.safeParse(c.data);
    if (!parsed.success) throw new Error(`command /${c.data.name} breaks Discord's limits: ${parsed.error.issues[0]?.message ?? ''}`);
    return c.data;
  });
}
