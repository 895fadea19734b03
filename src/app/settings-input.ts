import { z } from 'zod';
import type { EquipmentId } from '../content/ids.js';
import { equipmentListSchema, minutesSchema, normaliseEquipment } from '../coaching/assessment-answers.js';
import type { PersonSettings } from '../db/repos/people.js';
import { cityOf, findTimeZone, friendlyTime, readClockTime } from '../coaching/local-time.js';
import { MINUTE_CHOICES } from '../views/setup-view.js';
import { isValidTimeZone } from './time.js';

/** Settings as a person types or picks them, parsed once for /settings, the setup screens and the console coach. */

export const REMINDER_TIME_ERROR = 'I could not read that time. Try something like 7pm, 7:30 am, 19:00 or noon.';

/** A reminder time in the person's own format, stored as 24-hour "HH:MM". */
export const reminderTimeSchema = z.string().transform((raw, ctx) => {
  const time = readClockTime(raw);
  if (time === null) {
    ctx.addIssue({ code: 'custom', message: REMINDER_TIME_ERROR });
    return z.NEVER;
  }
  return time;
});

export const timezoneSchema = z
  .string()
  .trim()
  .refine(isValidTimeZone, 'That is not a timezone I know. Pick one from the list, e.g. Europe/London or America/New_York.');

/** Every option validated together: one bad value changes nothing. */
const settingsPatchSchema = z.object({
  timezone: timezoneSchema.optional(),
  reminderTime: reminderTimeSchema.optional(),
  minutes: minutesSchema.optional(),
  remindersOn: z.boolean().optional(),
});

export type SettingsPatch = Pick<PersonSettings, 'timezone' | 'reminderTime' | 'minutes' | 'remindersOn'>;

/** The options given, checked together; only the ones present end up in the patch. */
export function parseSettingsPatch(raw: { timezone?: string; reminderTime?: string; minutes?: number; remindersOn?: boolean }): { ok: true; patch: SettingsPatch } | { ok: false; error: string } {
  const parsed = settingsPatchSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => i.message).join(' ') };
  const patch: SettingsPatch = {};
  for (const [key, value] of Object.entries(parsed.data) as [keyof SettingsPatch, unknown][]) {
    if (value !== undefined) Object.assign(patch, { [key]: value });
  }
  return { ok: true, patch };
}

/** Equipment picked from a list (Discord's menu, the console's numbers); "none" is always kept. */
export function parseEquipmentPick(values: readonly (string | undefined)[]): EquipmentId[] | null {
  if (values.some((v) => v === undefined)) return null;
  const parsed = equipmentListSchema.safeParse(values);
  return parsed.success ? normaliseEquipment(parsed.data) : null;
}

export const UNKNOWN_PLACE = 'I do not know that place. Try a big city near you (e.g. Chicago, Berlin) or a zone such as America/Chicago.';

export type SetupAnswer = { ok: true; patch: PersonSettings; saved: string } | { ok: false; error: string };

const minuteChoice = z.coerce.number().pipe(z.union(MINUTE_CHOICES.map((m) => z.literal(m))));

/**
 * One answer on a setup screen (Discord's menus, buttons and typed fields; the console's lines),
 * as the settings it changes and a short "saved" line. Bad input changes nothing.
 */
export function readSetupAnswer(name: string, values: readonly string[]): SetupAnswer {
  const value = values[0] ?? '';
  switch (name) {
    case 'zone':
    case 'zonetext': {
      const zone = name === 'zone' ? (timezoneSchema.safeParse(value).success ? value.trim() : null) : findTimeZone(value);
      return zone ? { ok: true, patch: { timezone: zone }, saved: `Time zone saved: ${cityOf(zone)}.` } : { ok: false, error: UNKNOWN_PLACE };
    }
    case 'time':
    case 'timetext': {
      const time = reminderTimeSchema.safeParse(value);
      return time.success ? { ok: true, patch: { reminderTime: time.data }, saved: `Daily message time saved: ${friendlyTime(time.data)}.` } : { ok: false, error: REMINDER_TIME_ERROR };
    }
    case 'equipment': {
      const equipment = parseEquipmentPick(values);
      return equipment ? { ok: true, patch: { equipment }, saved: 'Equipment saved.' } : { ok: false, error: 'That equipment was not recognised; nothing changed.' };
    }
    default: {
      const minutes = name.startsWith('min-') ? minuteChoice.safeParse(name.slice(4)) : null;
      if (minutes?.success) return { ok: true, patch: { minutes: minutes.data }, saved: `${minutes.data} minutes a day saved.` };
      return { ok: false, error: 'That choice was not recognised; nothing changed.' };
    }
  }
}
