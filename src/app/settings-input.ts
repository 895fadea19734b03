import { z } from 'zod';
import type { EquipmentId } from '../content/ids.js';
import { equipmentListSchema, minutesSchema, normaliseEquipment } from '../coaching/assessment-answers.js';
import type { PersonSettings } from '../db/repos/people.js';
import { isValidTimeZone } from './time.js';

/** Settings as a person types or picks them, parsed once for /settings and the console coach. */

export const reminderTimeSchema = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3]):([0-5]\d)$/, 'Reminder time must be a 24-hour time such as 07:30 or 18:00.')
  .transform((t) => t.padStart(5, '0'));

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
