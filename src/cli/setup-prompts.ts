import { EQUIPMENT_IDS, EQUIPMENT_LABELS } from '../content/ids.js';
import { readSetupAnswer, type SetupAnswer } from '../app/settings-input.js';
import type { Coach } from '../app/coach.js';
import type { Clock } from '../app/time.js';
import { SETUP_SCREENS, setupView, type SetupScreen } from '../views/setup-view.js';
import type { View } from '../views/view.js';
import { askUntil, type ConsoleIO } from './console-io.js';

/**
 * The setup screens in the terminal: the same views and the same parser as Discord's buttons,
 * answered by typing. Enter keeps what is shown as "Now set".
 */
export async function askSetup(coach: Coach, io: ConsoleIO, personId: string, clock: Clock, show: (v: View) => void): Promise<void> {
  for (const screen of SETUP_SCREENS) {
    const view = setupView(screen, coach.person(personId), 'onboarding', clock());
    show(view);
    const menu = screen === 'timezone' ? view.inputs.find((i) => i.kind === 'select') : undefined;
    if (menu?.kind === 'select') io.print(menu.options.map((o, i) => `${i + 1}. ${o.label}`).join('\n') + '\n');
    const patch = await askUntil(io, PROMPTS[screen], (line) => {
      if (line === '') return {};
      const answer = answerFor(screen, line, view);
      return answer.ok ? answer.patch : { error: answer.error };
    });
    if (Object.keys(patch).length > 0) coach.updateSettings(personId, patch);
  }
}

const PROMPTS: Record<SetupScreen, string> = {
  timezone: 'Type the number of the time your clock shows, or your city (Enter keeps it):',
  reminder: 'Type a time such as 7pm, 7:30 am or 19:00 (Enter keeps it):',
  minutes: 'Type 10, 15, 20, 30 or 45 (Enter keeps it):',
  equipment: `Type the numbers you have (${EQUIPMENT_IDS.filter((e) => e !== 'none')
    .map((e, i) => `${i + 1} ${EQUIPMENT_LABELS[e].toLowerCase()}`)
    .join(', ')}), or "none" (Enter keeps it):`,
};

/** A typed line as the answer the Discord control of the same screen would give. */
function answerFor(screen: SetupScreen, line: string, view: View): SetupAnswer {
  switch (screen) {
    case 'timezone': {
      const menu = view.inputs.find((i) => i.kind === 'select');
      const picked = /^\d+$/.test(line) && menu?.kind === 'select' ? menu.options[Number(line) - 1]?.value : undefined;
      return picked ? readSetupAnswer('zone', [picked]) : readSetupAnswer('zonetext', [line]);
    }
    case 'reminder':
      return readSetupAnswer('timetext', [line]);
    case 'minutes':
      return readSetupAnswer(`min-${line.replace(/\s*min(utes)?$/i, '')}`, []);
    case 'equipment': {
      if (line.toLowerCase() === 'none') return readSetupAnswer('equipment', []);
      const gear = EQUIPMENT_IDS.filter((e) => e !== 'none');
      const picked = line.split(/[\s,]+/).filter(Boolean).map((n) => (/^\d+$/.test(n) ? gear[Number(n) - 1] : undefined));
      const answer = readSetupAnswer('equipment', picked.some((p) => p === undefined) ? ['?'] : (picked as string[]));
      return answer.ok ? answer : { ok: false, error: `Please use numbers from 1 to ${gear.length}, separated by commas, or "none".` };
    }
  }
}
