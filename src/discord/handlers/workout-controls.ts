import { ComponentType, Routes, type REST } from 'discord.js';
import type { Logger } from 'pino';
import { laterChoice, laterHours, laterLine, workoutControls, type WorkoutMessageState } from '../../views/daily-view.js';
import type { BotContext } from '../context.js';
import { decodeCustomId, flowIds } from '../custom-id.js';
import { componentsFor } from '../render.js';
import type { AnyComponent } from '../respond.js';

/**
 * The [Done] [Later] controls under a workout message (the daily DM, its nudge, /workout's reply).
 * Every press edits only the controls (and the line above the embed), so the exercise list stays
 * readable; after a skip or a pause the button says so and cannot be pressed.
 */

const workoutIds = flowIds('workout');

type Workout = NonNullable<ReturnType<BotContext['coach']['workout']>>;

/** Control names, including the retired ones (Skip, Snooze, Pause) still on older messages. */
const CONTROL_NAMES: ReadonlySet<string> = new Set(['done', 'later', 'when', 'back', 'skip', 'snooze1', 'snooze3', 'pause']);

/** A message row as Discord sends it (gateway or REST): only what is read here. */
interface RawRow {
  type: number;
  components?: readonly { type: number; custom_id?: string; disabled?: boolean }[];
}

function controlId(customId: string | undefined): { owner: string; ref: string; name: string } | null {
  const id = customId ? decodeCustomId(customId) : null;
  return id && id.flow === 'workout' && CONTROL_NAMES.has(id.name) ? id : null;
}

function controlRows(state: WorkoutMessageState, owner: string, workoutId: string) {
  return componentsFor({ title: '', body: '', inputs: workoutControls(state), privacy: 'private', tone: 'info' }, workoutIds.options(owner, workoutId));
}

/** The rows of a message with its workout controls replaced by those for `state`; other rows (the exercise menu) kept. */
export function withControls(rows: readonly RawRow[], state: WorkoutMessageState, owner: string, workoutId: string): unknown[] {
  const isControlRow = (r: RawRow) => (r.components ?? []).some((c) => controlId(c.custom_id));
  const buttonsOnly = (r: RawRow) => (r.components ?? []).every((c) => c.type === (ComponentType.Button as number));
  const kept = rows.filter((r) => !isControlRow(r));
  // Other buttons sharing the controls' row (today's [Do 2 checks]) stay, in a row of their own
  // below the controls, where they stay on every later press.
  const others = rows.filter(isControlRow).flatMap((r) => (r.components ?? []).filter((c) => !controlId(c.custom_id)));
  const below = [...kept.filter(buttonsOnly), ...(others.length ? [{ type: ComponentType.ActionRow, components: others }] : [])];
  return [...kept.filter((r) => !buttonsOnly(r)), ...controlRows(state, owner, workoutId), ...below];
}

/** Swap the controls of the pressed message, optionally with a line above the embed. */
export async function showControls(interaction: AnyComponent, state: WorkoutMessageState, owner: string, workoutId: number, line?: string): Promise<void> {
  if (!interaction.isMessageComponent()) return; // controls are buttons and a menu, never a modal
  const rows = interaction.message.components.map((c) => c.toJSON() as RawRow);
  const components = withControls(rows, state, owner, String(workoutId)) as never;
  await interaction.update({ components, ...(line === undefined ? {} : { content: line }), allowedMentions: { parse: [] } });
}

/** Later's menu choice: snooze 1 or 3 hours, or skip today. Bad values change nothing. */
export async function chooseLater(ctx: BotContext, interaction: AnyComponent, owner: string, workout: Workout, value: string | undefined): Promise<void> {
  const choice = laterChoice.safeParse(value);
  if (!choice.success) {
    await showControls(interaction, 'ready', owner, workout.id, 'That choice was not recognised, so nothing changed.');
    return;
  }
  const hours = laterHours(choice.data);
  if (hours === null) {
    const skipped = ctx.coach.skipWorkout(owner, workout.id);
    await showControls(interaction, 'skipped', owner, workout.id, skipped ? laterLine('skip', null) : 'This workout is already logged.');
    return;
  }
  const at = ctx.coach.snooze(owner, workout.localDate, hours);
  await showControls(interaction, 'ready', owner, workout.id, laterLine(choice.data, at));
}

/**
 * After reminders are paused: every workout message still offering Done or Later in the person's
 * DM channel (today's, a nudge) gets a disabled "Paused" button instead. Best effort: a failure
 * is logged and the pause itself stands.
 */
export async function markWorkoutMessagesPaused(rest: REST, logger: Logger, owner: string, dmChannelId: string | null): Promise<number> {
  if (!dmChannelId) return 0;
  let edited = 0;
  try {
    const messages = (await rest.get(Routes.channelMessages(dmChannelId), { query: new URLSearchParams({ limit: '20' }) })) as { id: string; components?: RawRow[] }[];
    for (const m of messages) {
      const rows = m.components ?? [];
      const live = rows.flatMap((r) => r.components ?? []).find((c) => !c.disabled && controlId(c.custom_id)?.owner === owner);
      const ref = live ? controlId(live.custom_id)?.ref : undefined;
      if (!ref) continue;
      await rest.patch(Routes.channelMessage(dmChannelId, m.id), { body: { components: withControls(rows, 'paused', owner, ref) } });
      edited++;
    }
  } catch (error) {
    logger.warn({ err: error }, 'could not mark workout messages as paused');
  }
  return edited;
}
