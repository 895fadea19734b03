import { describe, expect, it } from 'vitest';
import { morningVerdict, sessionPain, undoSession } from '../../src/app/session-feedback.js';
import type { StoredDecision } from '../../src/db/schema.js';

const before = { level: 3, rung: 1, goodExposures: 1, levelSince: '2026-03-01', stepDowns: 1 };
const climb: StoredDecision = {
  pattern: 'abduction',
  side: 'left',
  from: 3,
  to: 3,
  fromRung: 1,
  toRung: 2,
  change: 'rung_up',
  ruleId: 'climb-rung',
  reason: 'a good session',
  clinicianReview: false,
  before,
};

describe('the morning verdict', () => {
  it('better or the same is settled; worse is a flare only at 2+ points above usual', () => {
    expect(morningVerdict('better', undefined, 2)).toBe('settled');
    expect(morningVerdict('same', undefined, 2)).toBe('settled');
    expect(morningVerdict('worse', 4, 2)).toBe('flare');
    expect(morningVerdict('worse', 3, 2)).toBe('unsettled');
    // Without a baseline "worse" cannot be measured in points: it is not settled, but not a flare.
    expect(morningVerdict('worse', 9, undefined)).toBe('unsettled');
  });
});

describe('undoing a session for a flare', () => {
  it('puts back the track as it was before the session', () => {
    const now = { tracks: { 'abduction:left': { ...before, rung: 2, goodExposures: 2, stepDowns: 0 } }, settledMornings: 3 };
    const { state, undone } = undoSession(now, [climb]);
    expect(state.tracks['abduction:left']).toEqual(before);
    expect([...undone]).toEqual(['abduction:left']);
  });

  it('leaves a track that has moved since (a reassessment) alone', () => {
    const now = { tracks: { 'abduction:left': { ...before, level: 4, rung: 0 } }, settledMornings: 0 };
    const { state, undone } = undoSession(now, [climb]);
    expect(state.tracks['abduction:left']).toEqual({ ...before, level: 4, rung: 0 });
    expect(undone.size).toBe(0);
  });
});

it('a session’s pain is the highest of the named exercises and the rest', () => {
  expect(sessionPain({ painDuring: 3, painByExercise: { a: 7, b: 5 } })).toBe(7);
  expect(sessionPain({ painDuring: 3, painByExercise: null })).toBe(3);
});
