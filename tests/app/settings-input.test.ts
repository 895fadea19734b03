import { describe, expect, it } from 'vitest';
import { parseSettingsPatch, readSetupAnswer, REMINDER_TIME_ERROR, UNKNOWN_PLACE } from '../../src/app/settings-input.js';
import { findTimeZone, friendlyTime, zoneChoices } from '../../src/coaching/local-time.js';

describe('reminder time in the person\'s own words (one parser for Discord and the console)', () => {
  it.each([
    ['7pm', '19:00'],
    ['7 pm', '19:00'],
    ['7 PM', '19:00'],
    ['19:00', '19:00'],
    ['7:30 am', '07:30'],
    ['7.30 p.m.', '19:30'],
    ['noon', '12:00'],
    ['12am', '00:00'],
    ['6:45', '06:45'],
  ])('reads %s as %s', (typed, stored) => {
    expect(parseSettingsPatch({ reminderTime: typed })).toEqual({ ok: true, patch: { reminderTime: stored } });
  });

  it.each(['25:99', '13pm', 'after dinner', '7:75', ''])('answers %j with a friendly message and no change', (typed) => {
    expect(parseSettingsPatch({ reminderTime: typed })).toEqual({ ok: false, error: REMINDER_TIME_ERROR });
    expect(readSetupAnswer('timetext', [typed])).toEqual({ ok: false, error: REMINDER_TIME_ERROR });
  });

  it('shows stored times the way people say them', () => {
    expect(['19:00', '07:30', '12:00', '00:00'].map(friendlyTime)).toEqual(['7 pm', '7:30 am', 'noon', '12 am']);
  });
});

describe('time zone without IANA names', () => {
  it('lists what each clock shows now in clock order, with the current zone when it is not a common one', () => {
    const at = new Date('2026-01-15T12:00:00Z');
    const choices = zoneChoices(at, 'Asia/Kathmandu');
    expect(choices).toContainEqual({ zone: 'Asia/Kathmandu', label: '5:45 pm in Kathmandu' });
    const position = (zone: string) => choices.findIndex((c) => c.zone === zone);
    const order = ['Pacific/Honolulu', 'America/Los_Angeles', 'America/Denver', 'America/Chicago', 'America/New_York', 'Europe/London', 'Asia/Kathmandu', 'Asia/Tokyo'];
    expect(order.map(position)).toEqual([...order.map(position)].sort((a, b) => a - b));
    expect(order.map(position).every((i) => i >= 0)).toBe(true);
    expect(choices).toContainEqual({ zone: 'America/New_York', label: '7:00 am in New York' });
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('finds a typed city or zone, and says so kindly when it cannot', () => {
    expect(findTimeZone('new york')).toBe('America/New_York');
    expect(findTimeZone('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(readSetupAnswer('zonetext', ['Berlin'])).toMatchObject({ ok: true, patch: { timezone: 'Europe/Berlin' } });
    expect(readSetupAnswer('zonetext', ['Atlantis'])).toEqual({ ok: false, error: UNKNOWN_PLACE });
    expect(readSetupAnswer('zone', ['Mars/Olympus'])).toEqual({ ok: false, error: UNKNOWN_PLACE });
  });

  it('takes only the offered minutes from the buttons', () => {
    expect(readSetupAnswer('min-45', [])).toMatchObject({ ok: true, patch: { minutes: 45 } });
    expect(readSetupAnswer('min-44', []).ok).toBe(false);
  });
});
