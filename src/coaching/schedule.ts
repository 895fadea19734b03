import { Cron } from 'croner';
import { dayNumber } from './calendar.js';

/**
 * When the next daily reminder is due, in UTC, for a local wall-clock time in an IANA zone.
 * croner walks the calendar; this module adds the one rule croner does differently from ours:
 * on a spring-forward day, a time inside the skipped hour runs at the first valid minute after
 * the jump (croner would run it an hour late). On a fall-back day the repeated time runs once,
 * at its first occurrence (croner's behaviour). Pure: `from` is a parameter.
 */

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

/** Local date (`YYYY-MM-DD`) and minutes since local midnight of an instant in a zone. */
export function localParts(zone: string, instant: Date): { date: string; minutes: number } {
  const parts = Object.fromEntries(formatter(zone).formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

export function parseTime(time: string): { hour: number; minute: number } {
  const m = TIME.exec(time);
  if (!m) throw new RangeError(`not a 24-hour time: ${time}`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

const crons = new Map<string, Cron>();

/** One parsed schedule per (time, zone): nextRun keeps no state between calls. */
function cronFor(hour: number, minute: number, zone: string): Cron {
  const key = `${hour}:${minute}|${zone}`;
  let cron = crons.get(key);
  if (!cron) {
    cron = new Cron(`${minute} ${hour} * * *`, { timezone: zone, paused: true });
    crons.set(key, cron);
  }
  return cron;
}

/** The first instant strictly after `from` at which it is `time` (or, in a DST gap, just after) in `zone`. */
export function nextRunAfter(time: string, zone: string, from: Date): Date {
  const { hour, minute } = parseTime(time);
  const wanted = hour * 60 + minute;
  // Fast path for the scheduler's usual case, a run exactly a day after the last one: if both
  // instants read the wanted wall-clock time on consecutive dates, no DST change lies between.
  const dayLater = new Date(from.getTime() + 86_400_000);
  const before = localParts(zone, from);
  if (before.minutes === wanted && from.getUTCSeconds() === 0 && from.getUTCMilliseconds() === 0) {
    const after = localParts(zone, dayLater);
    if (after.minutes === wanted && dayNumber(after.date) === dayNumber(before.date) + 1) return dayLater;
  }
  const cron = cronFor(hour, minute, zone);
  const candidate = cron.nextRun(from);
  if (!candidate) throw new Error(`no next run for ${time} in ${zone}`);
  const local = localParts(zone, candidate);
  if (local.minutes === wanted) return candidate;
  // The wall-clock time did not exist that day: run at the first minute after the jump.
  const date = local.date;
  let earliest = candidate;
  for (let back = 1; back <= 180; back++) {
    const t = new Date(candidate.getTime() - back * 60_000);
    if (t.getTime() <= from.getTime()) break;
    const p = localParts(zone, t);
    if (p.date !== date || p.minutes < wanted) break;
    earliest = t;
  }
  return earliest;
}

/** The local date a run belongs to: the person's calendar day at the scheduled instant. */
export function runLocalDate(zone: string, runAt: Date): string {
  return localParts(zone, runAt).date;
}
