import { SlashCommandBuilder } from 'discord.js';
import { DEFAULT_GOAL, EQUIPMENT_IDS, EQUIPMENT_LABELS, GOAL_IDS, GOAL_LABELS } from '../../content/ids.js';
import { goalWords } from '../../views/plan-screen.js';
import { MINUTES_MAX, MINUTES_MIN, normaliseEquipment } from '../../coaching/assessment-answers.js';
import { parseEquipmentPick, parseSettingsPatch } from '../../app/settings-input.js';
import { isValidTimeZone } from '../../app/time.js';
import type { Person } from '../../db/repos/people.js';
import type { View } from '../../views/view.js';
import { flowIds } from '../custom-id.js';
import type { RenderOptions } from '../render.js';
import { notice, replyView, updateView } from '../respond.js';
import { componentFlow, namedIn, type BotCommand } from './types.js';

const OPTIONAL_GEAR = EQUIPMENT_IDS.filter((e) => e !== 'none');

/**
 * ICU lists some zones under their older names; people search for the current IANA ones.
 * Both are valid (the old ones are aliases), so autocomplete offers the current name.
 */
const CURRENT_NAMES: Record<string, string> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
};

let zones: string[] | undefined;
function allZones(): string[] {
  zones ??= [
    'UTC',
    ...new Set(
      Intl.supportedValuesOf('timeZone')
        .filter((z) => z !== 'UTC')
        .map((z) => CURRENT_NAMES[z] ?? z)
        .filter(isValidTimeZone),
    ),
  ].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
  return zones;
}

export function settingsView(person: Person): View {
  const gear = normaliseEquipment(person.equipment).filter((e) => e !== 'none');
  return {
    title: 'Your settings',
    body: 'Change any of these with the options of `/settings` (e.g. `/settings timezone:Europe/London reminder_time:07:30`). Pick your equipment below; plans use only what you have.',
    fields: [
      { name: 'Timezone', value: person.timezone },
      { name: 'Daily reminder', value: `${person.reminderTime} (${person.remindersOn ? 'on' : 'off'})` },
      { name: 'Minutes per session', value: String(person.minutes) },
      { name: 'Goal', value: goalWords(person.goal ?? DEFAULT_GOAL) },
      { name: 'Equipment', value: gear.length ? gear.map((e) => EQUIPMENT_LABELS[e]).join(', ') : 'None' },
      { name: 'Charts in the Sunday summary', value: person.weeklyCharts ? 'on' : 'off' },
    ],
    inputs: [
      {
        kind: 'select',
        name: 'equipment',
        placeholder: 'Equipment you have (none is fine)',
        options: OPTIONAL_GEAR.map((e) => ({ value: e, label: EQUIPMENT_LABELS[e] })),
        selectedValues: gear,
        min: 0,
        max: OPTIONAL_GEAR.length,
      },
      { kind: 'button', name: 'reminders', label: person.remindersOn ? 'Turn reminders off' : 'Turn reminders on', style: 'secondary' },
      { kind: 'button', name: 'charts', label: person.weeklyCharts ? 'No charts on Sundays' : 'Charts on Sundays', style: 'secondary' },
    ],
    privacy: 'private',
    tone: 'info',
  };
}

/** The buttons and equipment menu on the settings screen. */
const settingsIds = flowIds('settings');

function optionsFor(owner: string): RenderOptions {
  return settingsIds.options(owner, '0');
}

/** The equipment menu and the charts and reminders toggles. */
const settingsFlow = componentFlow('settings', namedIn(['equipment', 'charts', 'reminders']), async (ctx, interaction, { owner, name, values }) => {
  const person = ctx.coach.person(owner);
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
  if (name === 'charts') {
    const updated = ctx.coach.updateSettings(owner, { weeklyCharts: !person.weeklyCharts });
    await updateView(interaction, { ...settingsView(updated), notice: updated.weeklyCharts ? 'Your Sunday summary will include your progress chart.' : 'No charts in your Sunday summary.' }, optionsFor(owner));
    return;
  }
  const updated = ctx.coach.updateSettings(owner, { remindersOn: !person.remindersOn });
  await updateView(interaction, { ...settingsView(updated), notice: updated.remindersOn ? 'Reminders are on.' : 'Reminders are off.' }, optionsFor(owner));
});

export const settings: BotCommand = {
  help: 'Timezone, reminder time, minutes, equipment, goal, reminders',
  data: new SlashCommandBuilder()
    .setName('settings')
    .setDescription('Your timezone, reminder time, minutes per session, equipment and reminders')
    .addStringOption((o) => o.setName('timezone').setDescription('Your IANA timezone, e.g. Europe/London').setAutocomplete(true).setMaxLength(64))
    .addStringOption((o) => o.setName('reminder_time').setDescription('Daily reminder time, 24-hour, e.g. 07:30').setMaxLength(5))
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
  },
  components: [settingsFlow],
};
