import { EQUIPMENT_IDS, EQUIPMENT_LABELS } from '../content/ids.js';
import { normaliseEquipment } from '../coaching/assessment-answers.js';
import { cityOf, clockIn, friendlyTime, zoneChoices } from '../coaching/local-time.js';
import type { Person } from '../db/repos/people.js';
import type { View, ViewInput } from './view.js';

/**
 * The setup screens: time zone, reminder time, minutes, equipment. One screen each, the current
 * value shown and pre-selected. Onboarding walks them with [Next] right after consent; /settings
 * opens any one of them with [Done]. Discord and the console render the same views.
 */

export const SETUP_SCREENS = ['timezone', 'reminder', 'minutes', 'equipment'] as const;
export type SetupScreen = (typeof SETUP_SCREENS)[number];
export type SetupMode = 'onboarding' | 'settings';

/** The minutes people pick from (any 10-60 still works through `/settings minutes:`). */
export const MINUTE_CHOICES = [10, 15, 20, 30, 45] as const;
/** Reminder times on the menu; any other time can be typed. */
export const REMINDER_CHOICES = Array.from({ length: 16 }, (_, i) => `${String(i + 6).padStart(2, '0')}:00`);
const OPTIONAL_GEAR = EQUIPMENT_IDS.filter((e) => e !== 'none');

export function setupView(screen: SetupScreen, person: Person, mode: SetupMode, now: Date, notice?: string): View {
  const view = screenView(screen, person, now);
  const index = SETUP_SCREENS.indexOf(screen);
  const last = index === SETUP_SCREENS.length - 1;
  const move: ViewInput =
    mode === 'onboarding' ? { kind: 'button', name: 'next', label: last ? 'Next: safety check' : 'Next', style: 'primary' } : { kind: 'button', name: 'done', label: 'Done', style: 'primary' };
  return {
    ...view,
    inputs: [...view.inputs, move],
    privacy: 'private',
    tone: 'info',
    ...(mode === 'onboarding' ? { footer: `Setting up ${index + 1} of ${SETUP_SCREENS.length}` } : {}),
    ...(notice ? { notice } : {}),
  };
}

type ScreenParts = Pick<View, 'title' | 'body' | 'fields' | 'inputs'>;

function screenView(screen: SetupScreen, person: Person, now: Date): ScreenParts {
  switch (screen) {
    case 'timezone':
      return {
        title: 'What time is it for you now?',
        body: 'Pick the time your clock shows, so my messages come at your time of day. Not listed? Press **Fill in** and type your city or zone (e.g. Berlin).',
        fields: [{ name: 'Now set', value: `${clockIn(person.timezone, now)} in ${cityOf(person.timezone)}` }],
        inputs: [
          {
            kind: 'select',
            name: 'zone',
            placeholder: 'The time on your clock now',
            options: zoneChoices(now, person.timezone).map((c) => ({ value: c.zone, label: c.label })),
            selected: person.timezone,
          },
          { kind: 'text', name: 'zonetext', label: 'Your city or time zone', placeholder: 'e.g. Berlin or America/Chicago', required: true, maxLength: 64 },
        ],
      };
    case 'reminder':
      return {
        title: 'When should I send your daily workout?',
        body: 'I send one short message a day with that day\'s workout. Pick a time, or press **Fill in** and type your own (7pm, 7:30 am, 19:00).',
        fields: [{ name: 'Now set', value: friendlyTime(person.reminderTime) }],
        inputs: [
          {
            kind: 'select',
            name: 'time',
            placeholder: 'Daily message time',
            options: REMINDER_CHOICES.map((t) => ({ value: t, label: friendlyTime(t) })),
            ...(REMINDER_CHOICES.includes(person.reminderTime) ? { selected: person.reminderTime } : {}),
          },
          { kind: 'text', name: 'timetext', label: 'Your time, e.g. 7pm or 7:30 am', placeholder: '7pm', required: true, maxLength: 16 },
        ],
      };
    case 'minutes':
      return {
        title: 'How many minutes a day?',
        body: 'Pick what you can give on most days; I fit each session to it. Ten minutes done beats forty planned.',
        fields: [{ name: 'Now set', value: `${person.minutes} minutes` }],
        inputs: MINUTE_CHOICES.map((m) => ({
          kind: 'button',
          name: `min-${m}`,
          label: m === person.minutes ? `${m} min ✓` : `${m} min`,
          style: m === person.minutes ? 'success' : 'secondary',
        })),
      };
    case 'equipment': {
      const gear = normaliseEquipment(person.equipment).filter((e) => e !== 'none');
      return {
        title: 'What do you have at home?',
        body: 'Tick what you have. Nothing at all is fine: every exercise has a version without equipment.',
        fields: [{ name: 'Now set', value: gear.length ? gear.map((e) => EQUIPMENT_LABELS[e]).join(', ') : 'No equipment' }],
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
        ],
      };
    }
  }
}

/**
 * Discord's onboarding asks the four settings on two screens (when, then how much and with what),
 * so the path to a first plan stays within 40 interactions (issue 13). /settings and the console
 * still show one setting per screen.
 */
export const ONBOARDING_PAGES = [
  ['timezone', 'reminder'],
  ['minutes', 'equipment'],
] as const satisfies readonly (readonly SetupScreen[])[];

/** What comes after the last page, said before it: its Next leads straight into the safety check. */
const WHAT_NEXT =
  '**Next:** a short safety check, then 7 simple movement tests. Stop each one at the first familiar or sharp pain; there is nothing to pass or fail. They need only household things nearby: a mat or carpet, a chair and a kitchen counter.';

/** "Now set" names a screen's current value; two screens on one page need their own names. */
// The zone starts as a guess (from Discord's language, or UTC), so onboarding asks to check it.
const NOW_SET: Record<SetupScreen, string> = { timezone: 'Your time now (pick yours below if this is wrong)', reminder: 'Daily message', minutes: 'Minutes a day', equipment: 'Equipment' };

export function onboardingSetupView(page: number, person: Person, now: Date, notice?: string): View {
  const screens = ONBOARDING_PAGES[page] ?? ONBOARDING_PAGES[0];
  const parts = screens.map((screen) => screenView(screen, person, now));
  const last = page === ONBOARDING_PAGES.length - 1;
  // Typed answers share one form here, so neither field is required on its own.
  const inputs = parts.flatMap((p) => p.inputs.map((i): ViewInput => (i.kind === 'text' ? { ...i, required: false } : i)));
  return {
    title: page === 0 ? 'Your time of day' : 'Your sessions',
    body: [...parts.map((p) => `**${p.title}** ${p.body}`), ...(last ? [WHAT_NEXT] : [])].join('\n\n'),
    fields: screens.flatMap((screen, i) => (parts[i]!.fields ?? []).map((f) => ({ ...f, name: NOW_SET[screen] }))),
    inputs: [...inputs, { kind: 'button', name: 'next', label: last ? 'Next: safety check' : 'Next', style: 'primary' }],
    privacy: 'private',
    tone: 'info',
    footer: `Setting up ${page + 1} of ${ONBOARDING_PAGES.length}`,
    ...(notice ? { notice } : {}),
  };
}
