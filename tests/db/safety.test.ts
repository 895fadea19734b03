import { describe, expect, it } from 'vitest';
import { clearReferrals, clearedUrgentFlags, openReferral, recordScreen } from '../../src/db/repos/safety.js';
import { NOW, minutesLater, useTempDb } from './helpers.js';

const P = 'person-a';
const Q = 'person-b';

describe('red-flag screens', () => {
  const t = useTempDb(P, Q);

  it('recordScreen stores the answers, flags and level', () => {
    const s = recordScreen(
      t.handle.db,
      {
        personId: P,
        answers: { cancer_history: true, under_18: false },
        positiveFlags: ['cancer_history'],
        level: 'urgent',
        source: 'assessment',
      },
      NOW,
    );
    expect(s).toEqual({
      id: s.id,
      personId: P,
      answers: { cancer_history: true, under_18: false },
      positiveFlags: ['cancer_history'],
      level: 'urgent',
      source: 'assessment',
      takenAt: NOW,
      clearedAt: null,
    });
  });

  it('a negative screen is not an open referral', () => {
    recordScreen(t.handle.db, { personId: P, answers: { cancer_history: false }, positiveFlags: [], level: null, source: 'assessment' }, NOW);
    expect(openReferral(t.handle.db, P)).toBeUndefined();
    expect(clearReferrals(t.handle.db, P, NOW)).toBe(0);
  });

  it('openReferral returns the newest uncleared positive screen', () => {
    const older = recordScreen(
      t.handle.db,
      { personId: P, answers: { long_term_steroids: true }, positiveFlags: ['long_term_steroids'], level: 'urgent', source: 'assessment' },
      NOW,
    );
    const newer = recordScreen(
      t.handle.db,
      { personId: P, answers: { cold_pale_leg: true }, positiveFlags: ['cold_pale_leg'], level: 'emergency', source: 'free_text' },
      minutesLater(30),
    );
    recordScreen(t.handle.db, { personId: P, answers: {}, positiveFlags: [], level: null, source: 'reassessment' }, minutesLater(60));
    expect(openReferral(t.handle.db, P)?.id).toBe(newer.id);
    expect(openReferral(t.handle.db, P)?.level).toBe('emergency');
    expect(older.id).not.toBe(newer.id);
    expect(openReferral(t.handle.db, Q)).toBeUndefined();
  });

  it('clearReferrals closes every open referral of the person, once', () => {
    recordScreen(t.handle.db, { personId: P, answers: { cancer_history: true }, positiveFlags: ['cancer_history'], level: 'urgent', source: 'assessment' }, NOW);
    recordScreen(
      t.handle.db,
      { personId: P, answers: { rapidly_worsening: true }, positiveFlags: ['rapidly_worsening'], level: 'urgent', source: 'free_text' },
      minutesLater(1),
    );
    recordScreen(t.handle.db, { personId: P, answers: {}, positiveFlags: [], level: null, source: 'assessment' }, minutesLater(2));
    const qs = recordScreen(t.handle.db, { personId: Q, answers: { under_18: true }, positiveFlags: ['under_18'], level: 'urgent', source: 'assessment' }, NOW);

    expect(clearReferrals(t.handle.db, P, minutesLater(100))).toBe(2);
    expect(openReferral(t.handle.db, P)).toBeUndefined();
    expect(clearReferrals(t.handle.db, P, minutesLater(200))).toBe(0);
    const cleared = t.handle.sqlite.prepare('SELECT cleared_at AS c FROM red_flag_screens WHERE person_id = ? ORDER BY id').all(P) as {
      c: number | null;
    }[];
    expect(cleared.map((r) => r.c)).toEqual([minutesLater(100).getTime(), minutesLater(100).getTime(), null]);
    // The other person's referral stays open.
    expect(openReferral(t.handle.db, Q)?.id).toBe(qs.id);
  });

  it('clearedUrgentFlags lists flags of cleared urgent referrals only', () => {
    recordScreen(
      t.handle.db,
      {
        personId: P,
        answers: { cancer_history: true, long_term_steroids: true },
        positiveFlags: ['cancer_history', 'long_term_steroids'],
        level: 'urgent',
        source: 'assessment',
      },
      NOW,
    );
    recordScreen(
      t.handle.db,
      { personId: P, answers: { hot_swollen_joint_fever: true }, positiveFlags: ['hot_swollen_joint_fever'], level: 'emergency', source: 'assessment' },
      minutesLater(1),
    );
    expect(clearedUrgentFlags(t.handle.db, P)).toEqual(new Set());

    clearReferrals(t.handle.db, P, minutesLater(10));
    // A new urgent referral after the clearance is still open, so its flag is not included.
    recordScreen(
      t.handle.db,
      { personId: P, answers: { rapidly_worsening: true }, positiveFlags: ['rapidly_worsening'], level: 'urgent', source: 'reassessment' },
      minutesLater(20),
    );
    recordScreen(t.handle.db, { personId: Q, answers: { under_18: true }, positiveFlags: ['under_18'], level: 'urgent', source: 'assessment' }, NOW);
    clearReferrals(t.handle.db, Q, NOW);

    expect(clearedUrgentFlags(t.handle.db, P)).toEqual(new Set(['cancer_history', 'long_term_steroids']));
    expect(clearedUrgentFlags(t.handle.db, Q)).toEqual(new Set(['under_18']));
    expect(openReferral(t.handle.db, P)?.positiveFlags).toEqual(['rapidly_worsening']);
  });
});
