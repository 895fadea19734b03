
/**
 * Local time as people say it, pure (every instant is a parameter). Finding a person's time zone without making them know IANA names: the time their clock shows
 * now, a city they type, or a guess from their Discord language to start from.
 */

const known = new Map<string, boolean>();
/** Whether the runtime knows this IANA zone (e.g. `Europe/London`); the one zone check (app/time.ts re-exports it). */
export function isKnownZone(zone: string): boolean {
  let ok = known.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: zone });
      ok = zone.length > 0;
    } catch {
      ok = false;
    }
    known.set(zone, ok);
  }
  return ok;
}

/** Common zones, west to east; one line each on the "what time is it for you now?" menu. */
export const COMMON_ZONES = [
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Denver',
  'America/Phoenix',
  'America/Chicago',
  'America/Mexico_City',
  'America/New_York',
  'America/Halifax',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Paris',
  'Africa/Lagos',
  'Europe/Athens',
  'Africa/Johannesburg',
  'Africa/Nairobi',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Asia/Bangkok',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Brisbane',
  'Australia/Sydney',
  'Pacific/Auckland',
] as const;

/** "America/New_York" -> "New York". */
export function cityOf(zone: string): string {
  return zone === 'UTC' ? 'UTC' : (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time in `zone` at `now`, as a person reads it: "7:05 pm". */
export function clockIn(zone: string, now: Date): string {
  let f = clockFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit', hour12: true });
    clockFormats.set(zone, f);
  }
  return f.format(now).replace(/\s?([AP])M$/, (_m, h: string) => ` ${h.toLowerCase()}m`);
}

/** The menu's lines: "7:05 pm in New York", with the person's current zone first when it is not a common one. */
export function zoneChoices(now: Date, current: string): { zone: string; label: string }[] {
  const zones: string[] = COMMON_ZONES.includes(current as (typeof COMMON_ZONES)[number]) ? [...COMMON_ZONES] : [current, ...COMMON_ZONES.slice(0, 24)];
  // In clock order (west to east by today's offset), so a person scanning for their time finds it.
  return zones
    .map((zone) => ({ zone, label: `${clockIn(zone, now)} in ${cityOf(zone)}`, offset: offsetMinutes(zone, now) }))
    .sort((a, b) => a.offset - b.offset)
    .map(({ zone, label }) => ({ zone, label }));
}

/** A zone's offset from UTC at this moment, in minutes ("GMT-07:00" -> -420). */
function offsetMinutes(zone: string, now: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(now).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/**
 * ICU lists some zones under their older names; people search for the current IANA ones.
 * Both are valid (the old ones are aliases), so lists offer the current name.
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
/** Every zone the runtime knows, UTC first, under current names. */
export function allZones(): string[] {
  zones ??= [
    'UTC',
    ...new Set(
      Intl.supportedValuesOf('timeZone')
        .filter((z) => z !== 'UTC')
        .map((z) => CURRENT_NAMES[z] ?? z)
        .filter(isKnownZone),
    ),
  ].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
  return zones;
}

const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/** A typed zone or city: "Europe/Berlin", "berlin", "new york". Null unless exactly one zone fits. */
export function findTimeZone(text: string): string | null {
  const typed = text.trim();
  if (typed.includes('/') && isKnownZone(typed)) return CURRENT_NAMES[typed] ?? typed;
  const key = squash(typed);
  if (key.length < 3) return null;
  if (key === 'utc' || key === 'gmt') return 'UTC';
  const exact = allZones().filter((z) => squash(cityOf(z)) === key || squash(z) === key);
  return exact.length === 1 ? exact[0]! : null;
}

/** A first guess from the Discord client's language, so the menu opens near the right place. */
const LOCALE_ZONES: Record<string, string> = {
  'en-US': 'America/New_York',
  'en-GB': 'Europe/London',
  'es-419': 'America/Mexico_City',
  'pt-BR': 'America/Sao_Paulo',
  'es-ES': 'Europe/Paris',
  fr: 'Europe/Paris',
  de: 'Europe/Paris',
  it: 'Europe/Paris',
  nl: 'Europe/Paris',
  pl: 'Europe/Paris',
  el: 'Europe/Athens',
  hi: 'Asia/Kolkata',
  th: 'Asia/Bangkok',
  ja: 'Asia/Tokyo',
};

export function zoneForLocale(locale: string | undefined): string | null {
  return locale ? (LOCALE_ZONES[locale] ?? null) : null;
}

/** "7pm", "7 pm", "7.30pm", "7:30 am", "19:00", "0730", "noon", "midnight" -> "HH:MM". */
export function readClockTime(text: string): string | null {
  // "7.30 p.m." reads as "7:30 pm": a dot between digits is a colon, any other dot goes.
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/(\d)\.(\d)/g, '$1:$2').replace(/\./g, '');
  if (t === 'noon' || t === 'midday' || t === '12 noon') return '12:00';
  if (t === 'midnight') return '00:00';
  const m = /^(\d{1,2})(?::?(\d{2}))? ?(am|pm|a|p)?$/.exec(t);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const half = m[3]?.[0];
  if (minute > 59) return null;
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  } else if (hour > 23) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** "19:00" -> "7 pm", "07:30" -> "7:30 am": how a time is shown to a person. */
export function friendlyTime(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const half = h < 12 ? 'am' : 'pm';
  const hour = h % 12 === 0 ? 12 : h % 12;
  if (h === 12 && m === 0) return 'noon';
  return `${hour}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`} ${half}`;
}
