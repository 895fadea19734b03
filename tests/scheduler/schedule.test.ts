import { describe, expect, it } from 'vitest';
import { localParts, nextRunAfter, runLocalDate } from '../../src/coaching/schedule.js';

/** Local wall-clock of an instant as `YYYY-MM-DD HH:MM`. */
function local(zone: string, d: Date): string {
  const p = localParts(zone, d);
  return `${p.date} ${String(Math.floor(p.minutes / 60)).padStart(2, '0')}:${String(p.minutes % 60).padStart(2, '0')}`;
}

/** The next `n` runs after `from`, each as local wall-clock time. */
function runs(time: string, zone: string, from: string, n = 3): string[] {
  const out: string[] = [];
  let d = new Date(from);
  for (let i = 0; i < n; i++) {
    d = nextRunAfter(time, zone, d);
    out.push(local(zone, d));
  }
  return out;
}

describe('next run in the person\'s own timezone', () => {
  it('America/New_York: a time in the spring-forward gap runs at the first valid minute', () => {
    expect(runs('02:30', 'America/New_York', '2026-03-07T12:00:00Z')).toEqual(['2026-03-08 03:00', '2026-03-09 02:30', '2026-03-10 02:30']);
    expect(nextRunAfter('02:30', 'America/New_York', new Date('2026-03-07T12:00:00Z')).toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });

  it('America/New_York: a time in the fall-back overlap runs once, at its first occurrence', () => {
    const first = nextRunAfter('01:30', 'America/New_York', new Date('2026-10-31T12:00:00Z'));
    expect(first.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // From the first 01:30 (EDT), the next run is the following day, not the repeated 01:30 (EST).
    expect(nextRunAfter('01:30', 'America/New_York', first).toISOString()).toBe('2026-11-02T06:30:00.000Z');
  });

  it('Europe/London: both transition days', () => {
    expect(runs('01:30', 'Europe/London', '2026-03-28T12:00:00Z', 2)).toEqual(['2026-03-29 02:00', '2026-03-30 01:30']);
    const overlap = nextRunAfter('01:30', 'Europe/London', new Date('2026-10-24T12:00:00Z'));
    expect(overlap.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(local('Europe/London', nextRunAfter('01:30', 'Europe/London', overlap))).toBe('2026-10-26 01:30');
  });

  it('Australia/Lord_Howe: a 30-minute DST shift', () => {
    expect(runs('02:15', 'Australia/Lord_Howe', '2026-10-03T00:00:00Z', 2)).toEqual(['2026-10-04 02:30', '2026-10-05 02:15']);
    const first = nextRunAfter('01:45', 'Australia/Lord_Howe', new Date('2026-04-04T00:00:00Z'));
    expect(first.toISOString()).toBe('2026-04-04T15:15:00.000Z');
    expect(local('Australia/Lord_Howe', nextRunAfter('01:45', 'Australia/Lord_Howe', first))).toBe('2026-04-06 01:45');
  });

  it('Asia/Kathmandu (+05:45) and Pacific/Chatham (+12:45/+13:45)', () => {
    expect(nextRunAfter('07:00', 'Asia/Kathmandu', new Date('2026-01-01T00:00:00Z')).toISOString()).toBe('2026-01-01T01:15:00.000Z');
    expect(runs('03:00', 'Pacific/Chatham', '2026-09-26T00:00:00Z', 2)).toEqual(['2026-09-27 03:45', '2026-09-28 03:00']);
    expect(runs('03:15', 'Pacific/Chatham', '2026-04-04T00:00:00Z', 2)).toEqual(['2026-04-05 03:15', '2026-04-06 03:15']);
  });

  it('is strictly after `from`, and the run belongs to its local date', () => {
    const at = new Date('2026-06-01T07:00:00Z');
    expect(nextRunAfter('08:00', 'Europe/London', at).toISOString()).toBe('2026-06-02T07:00:00.000Z');
    expect(runLocalDate('Pacific/Chatham', new Date('2026-09-26T14:00:00Z'))).toBe('2026-09-27');
    expect(() => nextRunAfter('25:00', 'UTC', at)).toThrow(RangeError);
  });
});
