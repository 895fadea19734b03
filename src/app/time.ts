/**
 * Wall-clock helpers for adapters. The domain takes dates as strings; only adapters read a clock.
 */

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

const validZones = new Map<string, boolean>();

/** Whether the runtime knows this IANA zone (e.g. `Europe/London`). */
export function isValidTimeZone(zone: string): boolean {
  let known = validZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: zone });
      known = zone.length > 0;
    } catch {
      known = false;
    }
    validZones.set(zone, known);
  }
  return known;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (`YYYY-MM-DD`) it is in `zone` at `instant`. */
export function localDateIn(zone: string, instant: Date): string {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(zone, f);
  }
  return f.format(instant);
}

/** The system's own zone, for the console coach. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
