import { SlashCommandBuilder, type REST } from 'discord.js';
import { MINUTES_MAX, MINUTES_MIN } from '../../coaching/assessment-answers.js';
import { allZones } from '../../coaching/local-time.js';
import { GOAL_IDS, GOAL_LABELS } from '../../content/ids.js';
import { parseEquipmentPick, parseSettingsPatch } from '../../app/settings-input.js';
import { settingsView } from '../../views/settings-view.js';
import type { SetupScreen } from '../../views/setup-view.js';
import { notice, replyView, updateView } from '../respond.js';
import { markWorkoutMessagesPaused, restoreWorkoutMessages } from '../handlers/workout-controls.js';
import { settingsOptions as optionsFor, showSetup } from '../handlers/setup.js';
import type { BotContext } from '../context.js';
import { componentFlow, namedIn, type BotCommand } from './types.js';

export { settingsView } from '../../views/settings-view.js';

/** "Change" buttons: each opens its setup screen, whose [Done] comes back here. */
const EDITS = { 'edit-timezone': 'timezone', 'edit-reminder': 'reminder', 'edit-minutes': 'minutes', 'edit-equipment': 'equipment' } as const satisfies Record<string, SetupScreen>;
const NAMES = ['equipment', 'charts', 'reminders', 'goal', ...(Object.keys(EDITS) as (keyof typeof EDITS)[])] as const;

/** The settings screen's buttons: change one setting, the reminders pause, the charts toggle (and the equipment menu of older messages). */
const settingsFlow = componentFlow('settings', namedIn(NAMES), async (ctx, interaction, { owner, name, values }) => {
  const person = ctx.coach.person(owner);
  if (name in EDITS) {
    await showSetup(ctx, interaction, owner, 'settings', EDITS[name as keyof typeof EDITS]);
    return;
  }
  if (name === 'equipment') {
    const equipment = parseEquipmentPick(values);
    if (!equipment) {
      await updateView(interaction, { ...settingsView(person), notice: 'That equipment was not recognised; nothing changed.' }, optionsFor(owner));
      return;
    }
    const updated = ctx.coach.updateSettings(owner, { equipment });
    await updateView(interaction, { ...settingsView(updated), notice: 'Equipment saved. Your next sessions use it.' }, optionsFor(owner));
    return;
  }
  if (name === 'goal') {
    const result = ctx.coach.setGoal(owner, values[0]);
    const updated = ctx.coach.person(owner);
    await updateView(interaction, { ...settingsView(updated), notice: result.ok ? result.message : `${result.error} Nothing was changed.` }, optionsFor(owner));
    return;
  }
  if (name === 'charts') {
    const updated = ctx.coach.updateSettings(owner, { weeklyCharts: !person.weeklyCharts });
    await updateView(interaction, { ...settingsView(updated), notice: updated.weeklyCharts ? 'Your Sunday summary will include your progress chart.' : 'No charts in your Sunday summary.' }, optionsFor(owner));
    return;
  }
  const updated = ctx.coach.updateSettings(owner, { remindersOn: !person.remindersOn });
  await updateView(interaction, { ...settingsView(updated), notice: updated.remindersOn ? 'Daily messages are on again.' : 'Daily messages are paused. Press Resume whenever you like.' }, optionsFor(owner));
  await relabelWorkoutMessages(ctx, interaction.client.rest, owner, updated);
});

/** Pause relabels the person's workout messages "Paused"; resuming gives today's its buttons back. */
async function relabelWorkoutMessages(ctx: BotContext, rest: REST, owner: string, person: ReturnType<BotContext['coach']['person']>): Promise<void> {
  if (!person.remindersOn) {
    await markWorkoutMessagesPaused(rest, ctx.logger, owner, person.dmChannelId);
    return;
  }
  const today = ctx.coach.localDate(person);
  const openToday = (workoutId: number) => {
    const workout = ctx.coach.workout(owner, workoutId);
    return workout?.localDate === today && workout.status === 'planned';
  };
  await restoreWorkoutMessages(rest, ctx.logger, owner, person.dmChannelId, openToday);
}

export const settings: BotCommand = {
  help: 'Timezone, reminder time, minutes, equipment, goal, reminders',
  data: new SlashCommandBuilder()
    .setName('settings')
    .setDescription('Your timezone, reminder time, minutes per session, equipment and reminders')
    .addStringOption((o) => o.setName('timezone').setDescription('Your IANA timezone, e.g. Europe/London').setAutocomplete(true).setMaxLength(64))
    .addStringOption((o) => o.setName('reminder_time').setDescription('Daily message time, e.g. 7pm, 7:30 am or 19:00').setMaxLength(16))
    .addIntegerOption((o) => o.setName('minutes').setDescription(`Minutes per session (${MINUTES_MIN}-${MINUTES_MAX})`).setMinValue(MINUTES_MIN).setMaxValue(MINUTES_MAX))
    .addBooleanOption((o) => o.setName('reminders').setDescription('Daily reminder DMs on or off'))
    .addStringOption((o) =>
      o
        .setName('goal')
        .setDescription('What you are training for; your plan is rebuilt around it and keeps your levels')
        .addChoices(...GOAL_IDS.map((g) => ({ name: GOAL_LABELS[g].slice(0, 100), value: g }))),
    )
    .toJSON(),
  async autocomplete(_ctx, interaction) {
    const q = interaction.options.getFocused().toLowerCase().replace(/\s+/g, '_');
    const matches = allZones().filter((z) => z.toLowerCase().includes(q)).slice(0, 25);
    await interaction.respond(matches.map((z) => ({ name: z, value: z })));
  },
  async execute(ctx, interaction) {
    const owner = interaction.user.id;
    const raw = {
      timezone: interaction.options.getString('timezone') ?? undefined,
      reminderTime: interaction.options.getString('reminder_time') ?? undefined,
      minutes: interaction.options.getInteger('minutes') ?? undefined,
      remindersOn: interaction.options.getBoolean('reminders') ?? undefined,
    };
    const parsed = parseSettingsPatch(raw);
    if (!parsed.ok) {
      await notice(interaction, `${parsed.error} Nothing was changed.`);
      return;
    }
    const patch = parsed.patch;
    // The goal is parsed by the app (zod) and changed before the rest: a bad goal changes nothing.
    const goal = interaction.options.getString('goal');
    const goalChange = goal === null ? undefined : ctx.coach.setGoal(owner, goal);
    if (goalChange && !goalChange.ok) {
      await notice(interaction, `${goalChange.error} Nothing was changed.`);
      return;
    }
    const person = Object.keys(patch).length > 0 ? ctx.coach.updateSettings(owner, patch) : ctx.coach.person(owner);
    const view = settingsView(person);
    const saved = [Object.keys(patch).length > 0 ? 'Saved.' : '', goalChange?.message ?? ''].filter(Boolean).join(' ');
    await replyView(interaction, saved ? { ...view, notice: saved } : view, optionsFor(owner));
    if (patch.remindersOn !== undefined) await relabelWorkoutMessages(ctx, interaction.client.rest, owner, person);
  },
  components: [settingsFlow],
};
