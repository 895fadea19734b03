/**
 * Wall-clock helpers for adapters. The domain takes dates as strings; only adapters read a clock.
 */

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** Whether the runtime knows this IANA zone (e.g. `Europe/London`): the coaching layer's one check. */
export { isKnownZone as isValidTimeZone } from '../coaching/local-time.js';

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
