import { describe, expect, it } from 'vitest';
import { countPeople, deletePerson, ensurePerson, getPerson, recordConsent, setStatus, updateSettings } from '../../src/db/repos/people.js';
import { NOW, minutesLater, useTempDb } from './helpers.js';

describe('people repository', () => {
  const t = useTempDb();

  it('ensurePerson creates a row with the defaults', () => {
    const p = ensurePerson(t.handle.db, '123456789012345678', NOW);
    expect(p).toEqual({
      id: '123456789012345678',
      timezone: 'UTC',
      reminderTime: '08:00',
      minutes: 20,
      equipment: ['none'],
      remindersOn: true,
      weeklyCharts: false,
      consentAt: null,
      status: 'new',
      nextRunAt: null,
      dmChannelId: null,
      dmBlockedAt: null,
      dmBlockedNoticeAt: null,
      // First contact starts the data-retention clock.
      lastSeenAt: NOW,
      retentionNoticeAt: null,
      // No goal until the person picks one; no settled mornings yet.
      goal: null,
      settledMornings: 0,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(countPeople(t.handle.db)).toBe(1);
  });

  it('ensurePerson returns the existing row on the second call and does not overwrite it', () => {
    const first = ensurePerson(t.handle.db, 'p1', NOW);
    updateSettings(t.handle.db, 'p1', { minutes: 30 }, minutesLater(1));
    const second = ensurePerson(t.handle.db, 'p1', minutesLater(60));
    expect(second.id).toBe(first.id);
    expect(second.createdAt).toEqual(NOW);
    expect(second.updatedAt).toEqual(minutesLater(1));
    expect(second.minutes).toBe(30);
    expect(countPeople(t.handle.db)).toBe(1);
  });

  it('updateSettings changes only the given fields and bumps updatedAt', () => {
    ensurePerson(t.handle.db, 'p1', NOW);
    const updated = updateSettings(
      t.handle.db,
      'p1',
      { timezone: 'America/New_York', reminderTime: '18:30', equipment: ['none', 'band', 'chair'], remindersOn: false },
      minutesLater(10),
    );
    expect(updated).toMatchObject({
      timezone: 'America/New_York',
      reminderTime: '18:30',
      minutes: 20,
      equipment: ['none', 'band', 'chair'],
      remindersOn: false,
      status: 'new',
      createdAt: NOW,
      updatedAt: minutesLater(10),
    });
    // Stored as real values, not just echoed back.
    const raw = t.handle.sqlite.prepare('SELECT equipment, reminders_on FROM people WHERE id = ?').get('p1') as {
      equipment: string;
      reminders_on: number;
    };
    expect(raw).toEqual({ equipment: '["none","band","chair"]', reminders_on: 0 });
  });

  it('updateSettings on an unknown person returns undefined and creates nothing', () => {
    expect(updateSettings(t.handle.db, 'ghost', { minutes: 15 }, NOW)).toBeUndefined();
    expect(countPeople(t.handle.db)).toBe(0);
  });

  it('recordConsent sets consentAt and the consented status', () => {
    ensurePerson(t.handle.db, 'p1', NOW);
    recordConsent(t.handle.db, 'p1', minutesLater(3));
    const p = getPerson(t.handle.db, 'p1');
    expect(p?.consentAt).toEqual(minutesLater(3));
    expect(p?.status).toBe('consented');
    expect(p?.updatedAt).toEqual(minutesLater(3));
  });

  it('setStatus stores the status', () => {
    ensurePerson(t.handle.db, 'p1', NOW);
    setStatus(t.handle.db, 'p1', 'paused', minutesLater(2));
    expect(getPerson(t.handle.db, 'p1')?.status).toBe('paused');
  });

  it('deletePerson returns true once, then false', () => {
    ensurePerson(t.handle.db, 'p1', NOW);
    ensurePerson(t.handle.db, 'p2', NOW);
    expect(deletePerson(t.handle.db, 'p1')).toBe(true);
    expect(getPerson(t.handle.db, 'p1')).toBeUndefined();
    expect(deletePerson(t.handle.db, 'p1')).toBe(false);
    expect(getPerson(t.handle.db, 'p2')?.id).toBe('p2');
    expect(countPeople(t.handle.db)).toBe(1);
  });
});
