import { DEFAULT_GOAL, EQUIPMENT_LABELS, GOAL_IDS } from '../content/ids.js';
import { normaliseEquipment } from '../coaching/assessment-answers.js';
import { cityOf, friendlyTime } from '../coaching/local-time.js';
import type { Person } from '../db/repos/people.js';
import { goalWords } from './plan-screen.js';
import type { View, ViewInput } from './view.js';

/**
 * The /settings screen: every current value, and one button per thing a person can change.
 * Each "Change" button opens that setup screen (src/views/setup-view.ts). To add a setting,
 * add its field and its button to the two lists below (e.g. the goal: `setGoal`).
 */
export function settingsView(person: Person): View {
  const goal = person.goal ?? DEFAULT_GOAL;
  const gear = normaliseEquipment(person.equipment).filter((e) => e !== 'none');
  const fields = [
    { name: 'Time zone', value: `${cityOf(person.timezone)} (${person.timezone})` },
    { name: 'Daily message', value: `${friendlyTime(person.reminderTime)}${person.remindersOn ? '' : ' (paused)'}` },
    { name: 'Minutes per session', value: String(person.minutes) },
    { name: 'Goal', value: goalWords(goal) },
    { name: 'Equipment', value: gear.length ? gear.map((e) => EQUIPMENT_LABELS[e]).join(', ') : 'None' },
    { name: 'Charts in the Sunday summary', value: person.weeklyCharts ? 'on' : 'off' },
  ];
  const inputs: ViewInput[] = [
    // The goal reshapes the plan (kept levels): one pick from the list, parsed by the app with zod.
    {
      kind: 'select',
      name: 'goal',
      placeholder: 'Change your goal',
      options: GOAL_IDS.map((g) => ({ value: g, label: `Goal: ${goalWords(g)}`.slice(0, 100) })),
      selected: goal,
    },
    { kind: 'button', name: 'edit-timezone', label: 'Time zone', style: 'secondary' },
    { kind: 'button', name: 'edit-reminder', label: 'Message time', style: 'secondary' },
    { kind: 'button', name: 'edit-minutes', label: 'Minutes', style: 'secondary' },
    { kind: 'button', name: 'edit-equipment', label: 'Equipment', style: 'secondary' },
    { kind: 'button', name: 'reminders', label: person.remindersOn ? 'Pause daily messages' : 'Resume daily messages', style: person.remindersOn ? 'secondary' : 'success' },
    { kind: 'button', name: 'charts', label: person.weeklyCharts ? 'No charts on Sundays' : 'Charts on Sundays', style: 'secondary' },
  ];
  return {
    title: 'Your settings',
    body: 'Press a button to change something. Slash options work too, e.g. `/settings reminder_time:7pm`.',
    fields,
    inputs,
    privacy: 'private',
    tone: 'info',
  };
}
