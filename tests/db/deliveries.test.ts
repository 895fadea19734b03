import { describe, expect, it } from 'vitest';
import { claimDay, deliveryOn, markDelivery } from '../../src/db/repos/deliveries.js';

import { NOW, minutesLater, useTempDb } from './helpers.js';

const P = 'person-a';
const Q = 'person-b';

describe('deliveries', () => {
  const t = useTempDb(P, Q);

  it('claimDay claims (person, local date) once', () => {
    const first = claimDay(t.handle.db, { personId: P, localDate: '2026-11-28', nonce: 'nonce-1', dueAt: NOW, parts: ['workout'], workoutId: null }, NOW);
    expect(first).toEqual({
      id: first?.id,
      personId: P,
      localDate: '2026-11-28',
      status: 'claimed',
      nonce: 'nonce-1',
      parts: ['workout'],
      partsSent: 0,
      workoutId: null,
      dueAt: NOW,
      nextAttemptAt: null,
      remindAt: null,
      remindedAt: null,
      attempts: 0,
      messageId: null,
      error: null,
      claimedAt: NOW,
      sentAt: null,
    });
    expect(claimDay(t.handle.db, { personId: P, localDate: '2026-11-28', nonce: 'nonce-2', dueAt: NOW, parts: ['workout'], workoutId: null }, minutesLater(1))).toBeUndefined();
    // The original claim is kept, not overwritten.
    expect(deliveryOn(t.handle.db, P, '2026-11-28')).toMatchObject({ id: first?.id, nonce: 'nonce-1', claimedAt: NOW });
  });

  it('another date or another person is a separate claim', () => {
    const a = claimDay(t.handle.db, { personId: P, localDate: '2026-11-28', nonce: 'n1', dueAt: NOW, parts: ['workout'], workoutId: null }, NOW);
    const b = claimDay(t.handle.db, { personId: P, localDate: '2026-11-29', nonce: 'n2', dueAt: NOW, parts: ['workout'], workoutId: null }, NOW);
    const c = claimDay(t.handle.db, { personId: Q, localDate: '2026-11-28', nonce: 'n3', dueAt: NOW, parts: ['workout'], workoutId: null }, NOW);
    expect(a?.nonce).toBe('n1');
    expect(b?.nonce).toBe('n2');
    expect(c?.nonce).toBe('n3');
    expect(new Set([a?.id, b?.id, c?.id]).size).toBe(3);
  });

  it('a second connection to the same file cannot claim the same day again', () => {
    const other = t.open();
    const mine = claimDay(t.handle.db, { personId: P, localDate: '2026-11-28', nonce: 'process-1', dueAt: NOW, parts: ['workout'], workoutId: null }, NOW);
    expect(mine?.nonce).toBe('process-1');
    expect(claimDay(other.db, { personId: P, localDate: '2026-11-28', nonce: 'process-2', dueAt: NOW, parts: ['workout'], workoutId: null }, NOW)).toBeUndefined();
    // And the other way round for the next day.
    expect(claimDay(other.db, { personId: P, localDate: '2026-11-29', nonce: 'process-2', dueAt: NOW, parts: ['workout'], workoutId: null }, NOW)?.nonce).toBe('process-2');
    expect(claimDay(t.handle.db, { personId: P, localDate: '2026-11-29', nonce: 'process-1', dueAt: NOW, parts: ['workout'], workoutId: null }, NOW)).toBeUndefined();
    expect(deliveryOn(t.handle.db, P, '2026-11-29')?.nonce).toBe('process-2');
  });

  it('markDelivery sets sentAt only when the status is sent', () => {
    const d = claimDay(t.handle.db, { personId: P, localDate: '2026-11-28', nonce: 'n', dueAt: NOW, parts: ['workout'], workoutId: null }, NOW)!;
    markDelivery(t.handle.db, d.id, { status: 'failed', error: 'Cannot send messages to this user', attempts: 1 }, minutesLater(1));
    expect(deliveryOn(t.handle.db, P, '2026-11-28')).toMatchObject({
      status: 'failed',
      error: 'Cannot send messages to this user',
      attempts: 1,
      sentAt: null,
    });

    markDelivery(t.handle.db, d.id, { status: 'sent', messageId: '1187654321098765432', attempts: 2 }, minutesLater(2));
    expect(deliveryOn(t.handle.db, P, '2026-11-28')).toMatchObject({
      status: 'sent',
      messageId: '1187654321098765432',
      attempts: 2,
      sentAt: minutesLater(2),
      claimedAt: NOW,
      nonce: 'n',
    });
  });

  it('markDelivery with skipped leaves sentAt empty', () => {
    const d = claimDay(t.handle.db, { personId: P, localDate: '2026-11-28', nonce: 'n', dueAt: NOW, parts: ['workout'], workoutId: null }, NOW)!;
    markDelivery(t.handle.db, d.id, { status: 'skipped' }, minutesLater(1));
    expect(deliveryOn(t.handle.db, P, '2026-11-28')).toMatchObject({ status: 'skipped', sentAt: null, attempts: 0 });
  });

  it('deliveryOn is undefined before a claim', () => {
    expect(deliveryOn(t.handle.db, P, '2026-11-28')).toBeUndefined();
  });
});
