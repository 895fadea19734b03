import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimDelivery, deliveryOn, markDelivery } from '../../src/db/repos/deliveries.js';
import { ensurePerson } from '../../src/db/repos/people.js';
import { NOW, createTempDb, minutesLater, type TempDb } from './helpers.js';

const P = 'person-a';
const Q = 'person-b';

describe('deliveries', () => {
  let t: TempDb;
  beforeEach(() => {
    t = createTempDb();
    ensurePerson(t.handle.db, P, NOW);
    ensurePerson(t.handle.db, Q, NOW);
  });
  afterEach(() => {
    t.cleanup();
  });

  it('claimDelivery claims (person, local date) once', () => {
    const first = claimDelivery(t.handle.db, P, '2026-11-28', 'nonce-1', NOW);
    expect(first).toEqual({
      id: first?.id,
      personId: P,
      localDate: '2026-11-28',
      status: 'claimed',
      nonce: 'nonce-1',
      attempts: 0,
      messageId: null,
      error: null,
      claimedAt: NOW,
      sentAt: null,
    });
    expect(claimDelivery(t.handle.db, P, '2026-11-28', 'nonce-2', minutesLater(1))).toBeUndefined();
    // The original claim is kept, not overwritten.
    expect(deliveryOn(t.handle.db, P, '2026-11-28')).toMatchObject({ id: first?.id, nonce: 'nonce-1', claimedAt: NOW });
  });

  it('another date or another person is a separate claim', () => {
    const a = claimDelivery(t.handle.db, P, '2026-11-28', 'n1', NOW);
    const b = claimDelivery(t.handle.db, P, '2026-11-29', 'n2', NOW);
    const c = claimDelivery(t.handle.db, Q, '2026-11-28', 'n3', NOW);
    expect(a?.nonce).toBe('n1');
    expect(b?.nonce).toBe('n2');
    expect(c?.nonce).toBe('n3');
    expect(new Set([a?.id, b?.id, c?.id]).size).toBe(3);
  });

  it('a second connection to the same file cannot claim the same day again', () => {
    const other = t.open();
    const mine = claimDelivery(t.handle.db, P, '2026-11-28', 'process-1', NOW);
    expect(mine?.nonce).toBe('process-1');
    expect(claimDelivery(other.db, P, '2026-11-28', 'process-2', NOW)).toBeUndefined();
    // And the other way round for the next day.
    expect(claimDelivery(other.db, P, '2026-11-29', 'process-2', NOW)?.nonce).toBe('process-2');
    expect(claimDelivery(t.handle.db, P, '2026-11-29', 'process-1', NOW)).toBeUndefined();
    expect(deliveryOn(t.handle.db, P, '2026-11-29')?.nonce).toBe('process-2');
  });

  it('markDelivery sets sentAt only when the status is sent', () => {
    const d = claimDelivery(t.handle.db, P, '2026-11-28', 'n', NOW)!;
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
    const d = claimDelivery(t.handle.db, P, '2026-11-28', 'n', NOW)!;
    markDelivery(t.handle.db, d.id, { status: 'skipped' }, minutesLater(1));
    expect(deliveryOn(t.handle.db, P, '2026-11-28')).toMatchObject({ status: 'skipped', sentAt: null, attempts: 0 });
  });

  it('deliveryOn is undefined before a claim', () => {
    expect(deliveryOn(t.handle.db, P, '2026-11-28')).toBeUndefined();
  });
});
