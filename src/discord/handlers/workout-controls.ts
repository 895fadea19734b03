import { ComponentType, MessageFlags, Routes, type REST } from 'discord.js';
import type { Logger } from 'pino';
import { laterChoice, laterHours, laterLine, workoutControls, type WorkoutMessageState } from '../../views/daily-view.js';
import type { BotContext } from '../context.js';
import { decodeCustomId, flowIds } from '../custom-id.js';
import { inputGroups } from '../render.js';
import { withLine } from '../render-v2.js';
import type { AnyComponent } from '../respond.js';

/**
 * The [Done] [Later] controls under a workout message (the daily DM, its nudge, /workout's reply).
 * Every press edits only the controls (and the line above the words), so the exercise list stays
 * readable; after a skip or a pause the button says so and cannot be pressed.
 */

const workoutIds = flowIds('workout');

type Workout = NonNullable<ReturnType<BotContext['coach']['workout']>>;

/** Control names, including the retired ones (Skip, Snooze, Pause) still on older messages. */
const CONTROL_NAMES: ReadonlySet<string> = new Set(['done', 'later', 'when', 'back', 'skip', 'snooze1', 'snooze3', 'pause']);

/** A top-level component as Discord sends it (gateway or REST): only what is read here. */
interface RawRow {
  type: number;
  id?: number;
  components?: readonly { type: number; custom_id?: string; disabled?: boolean; label?: string }[];
}

/** The label of the disabled button Pause leaves behind (read from the view, so the two cannot drift). */
const PAUSED_LABEL = workoutControls('paused').map((i) => (i.kind === 'button' ? i.label : '')).join('');

/** The heading above the Later menu (its own id, so a swap removes it and never clashes with the screen's). */
const CONTROL_HEADING_ID = 9050;

function controlId(customId: string | undefined): { owner: string; ref: string; name: string } | null {
  const id = customId ? decodeCustomId(customId) : null;
  return id && id.flow === 'workout' && CONTROL_NAMES.has(id.name) ? id : null;
}

function controlRows(state: WorkoutMessageState, owner: string, workoutId: string, v2: boolean): unknown[] {
  const view = { title: '', body: '', inputs: workoutControls(state), privacy: 'private', tone: 'info' } as const;
  const groups = inputGroups(view, workoutIds.options(owner, workoutId));
  if (!v2) return groups.flatMap((g) => g.rows);
  return groups.flatMap((g) => [...(g.heading ? [{ type: ComponentType.TextDisplay, id: CONTROL_HEADING_ID, content: `**${g.heading}**` }] : []), ...g.rows]);
}

const isControlRow = (r: RawRow): boolean => (r.components ?? []).some((c) => controlId(c.custom_id));
const buttonsOnly = (r: RawRow): boolean => r.type === (ComponentType.ActionRow as number) && (r.components ?? []).every((c) => c.type === (ComponentType.Button as number));

/**
 * The components of a message with its workout controls (and their heading) replaced by those for
 * `state`; everything else (the words, the exercise menu) kept. `v2`: the message is Components V2.
 */
export function withControls(rows: readonly RawRow[], state: WorkoutMessageState, owner: string, workoutId: string, v2 = false): unknown[] {
  const kept = rows.filter((r) => !isControlRow(r) && r.id !== CONTROL_HEADING_ID);
  // Other buttons sharing the controls' row (today's [Do 2 checks]) stay, in a row of their own
  // below the controls, where they stay on every later press.
  const others = rows.filter(isControlRow).flatMap((r) => (r.components ?? []).filter((c) => !controlId(c.custom_id)));
  const below = [...kept.filter(buttonsOnly), ...(others.length ? [{ type: ComponentType.ActionRow, components: others }] : [])];
  return [...kept.filter((r) => !buttonsOnly(r)), ...controlRows(state, owner, workoutId, v2), ...below];
}

/** Swap the controls of the pressed message, optionally with a line above its words. */
export async function showControls(interaction: AnyComponent, state: WorkoutMessageState, owner: string, workoutId: number, line?: string): Promise<void> {
  if (!interaction.isMessageComponent()) return; // controls are buttons and a menu, never a modal
  const v2 = interaction.message.flags.has(MessageFlags.IsComponentsV2);
  const rows = interaction.message.components.map((c) => c.toJSON() as RawRow);
  const swapped = withControls(rows, state, owner, String(workoutId), v2) as RawRow[];
  // A V2 message has no content: the line is a text display on top, replacing the last one.
  if (v2) await interaction.update({ flags: MessageFlags.IsComponentsV2, components: (line === undefined ? swapped : withLine(swapped, line)) as never, allowedMentions: { parse: [] } });
  else await interaction.update({ components: swapped, ...(line === undefined ? {} : { content: line }), allowedMentions: { parse: [] } });
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

interface RawMessage {
  id: string;
  flags?: number;
  components?: RawRow[];
}

const isV2 = (m: RawMessage): boolean => ((m.flags ?? 0) & MessageFlags.IsComponentsV2) !== 0;

/** An edit of a message's controls only; a V2 message says so again (Discord keeps the flag anyway). */
function relabelled(m: RawMessage, state: WorkoutMessageState, owner: string, ref: string): { components: unknown[]; flags?: number } {
  const components = withControls(m.components ?? [], state, owner, ref, isV2(m));
  return isV2(m) ? { components, flags: MessageFlags.IsComponentsV2 } : { components };
}

/** The person's recent messages in their DM channel (Discord returns the newest first). */
async function recentMessages(rest: REST, dmChannelId: string): Promise<RawMessage[]> {
  return (await rest.get(Routes.channelMessages(dmChannelId), { query: new URLSearchParams({ limit: '20' }) })) as RawMessage[];
}

/** The workout a message's controls belong to, when they match `test` and are the person's own. */
function controlledWorkout(m: RawMessage, owner: string, test: (c: NonNullable<RawRow['components']>[number]) => boolean): string | undefined {
  const control = (m.components ?? []).flatMap((r) => r.components ?? []).find((c) => test(c) && controlId(c.custom_id)?.owner === owner);
  return control ? controlId(control.custom_id)?.ref : undefined;
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
    for (const m of await recentMessages(rest, dmChannelId)) {
      const ref = controlledWorkout(m, owner, (c) => !c.disabled);
      if (!ref) continue;
      await rest.patch(Routes.channelMessage(dmChannelId, m.id), { body: relabelled(m, 'paused', owner, ref) });
      edited++;
    }
  } catch (error) {
    logger.warn({ err: error }, 'could not mark workout messages as paused');
  }
  return edited;
}

/**
 * After reminders resume: the messages Pause relabelled get [Done] [Later] back, but only for a
 * workout that is still today's and still open (`stillOpenToday`). Older days keep their "Paused"
 * button on purpose: their workout is over, and Done on it would log a day that has passed.
 * Best effort, like the pause.
 */
export async function restoreWorkoutMessages(rest: REST, logger: Logger, owner: string, dmChannelId: string | null, stillOpenToday: (workoutId: number) => boolean): Promise<number> {
  if (!dmChannelId) return 0;
  let edited = 0;
  try {
    for (const m of await recentMessages(rest, dmChannelId)) {
      const ref = controlledWorkout(m, owner, (c) => c.disabled === true && c.label === PAUSED_LABEL);
      if (!ref || !stillOpenToday(Number(ref))) continue;
      await rest.patch(Routes.channelMessage(dmChannelId, m.id), { body: relabelled(m, 'ready', owner, ref) });
      edited++;
    }
  } catch (error) {
    logger.warn({ err: error }, 'could not restore workout messages after a pause');
  }
  return edited;
}
