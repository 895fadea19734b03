import { describe, expect, it } from 'vitest';
import { applyOutcome, feedbackSignals, initialState } from '../../src/coaching/progression.js';
import type { SessionOutcome } from '../../src/coaching/rules.js';

const good: SessionOutcome = { painDuring: 2, effort: 'right', form: 'good', morning: { pain: 3, usual: 3 } };
const at = (level: number, goodStreak = 0, regressStreak = 0) => ({ level, goodStreak, regressStreak });

describe('pain-monitoring model', () => {
  it('progresses one level after 2 consecutive good sessions, not after 1', () => {
    const first = applyOutcome(initialState(2), good, 5);
    expect(first).toMatchObject({ change: 'hold', ruleId: 'count-good-session', toLevel: 2, state: at(2, 1, 0) });
    const second = applyOutcome(first.state, { ...good, effort: 'easy' }, 5);
    expect(second).toMatchObject({ change: 'progress', ruleId: 'progress-two-good-sessions', fromLevel: 2, toLevel: 3, state: at(3, 0, 0) });
  });

  it('a session in between that is not good starts the count again', () => {
    const one = applyOutcome(initialState(2), good, 5);
    const hard = applyOutcome(one.state, { ...good, effort: 'hard' }, 5);
    expect(hard).toMatchObject({ change: 'hold', ruleId: 'hold-effort-hard', state: at(2, 0, 0) });
    expect(applyOutcome(hard.state, good, 5).change).toBe('hold');
  });

  it('pain up to 3 counts as good; 4-5 that settled holds the level', () => {
    expect(applyOutcome(at(3), { ...good, painDuring: 3 }, 5).ruleId).toBe('count-good-session');
    for (const painDuring of [4, 5]) {
      expect(applyOutcome(at(3, 1), { ...good, painDuring }, 5)).toMatchObject({ change: 'hold', ruleId: 'hold-pain-4-5', state: at(3, 0, 0) });
    }
  });

  it('pain above 5 regresses one level, even before the morning check', () => {
    const d = applyOutcome(at(3, 1), { painDuring: 6, effort: 'right', form: 'good', morning: 'pending' }, 5);
    expect(d).toMatchObject({ change: 'regress', ruleId: 'regress-pain-above-5', fromLevel: 3, toLevel: 2, state: at(2, 0, 1) });
  });

  it('form breaking down regresses one level', () => {
    expect(applyOutcome(at(4), { ...good, form: 'struggled' }, 5)).toMatchObject({ change: 'regress', ruleId: 'regress-form-breaking-down', toLevel: 3 });
  });

  it('next-morning pain 2+ points above usual regresses; 1 point holds; the same counts', () => {
    expect(applyOutcome(at(3), { ...good, morning: { pain: 5, usual: 3 } }, 5)).toMatchObject({ change: 'regress', ruleId: 'regress-morning-flare', toLevel: 2 });
    expect(applyOutcome(at(3), { ...good, painDuring: 5, morning: { pain: 6, usual: 3 } }, 5).ruleId).toBe('regress-morning-flare');
    expect(applyOutcome(at(3), { ...good, morning: { pain: 4, usual: 3 } }, 5)).toMatchObject({ change: 'hold', ruleId: 'hold-morning-not-settled' });
    expect(applyOutcome(at(3), { ...good, morning: { pain: 2, usual: 3 } }, 5).ruleId).toBe('count-good-session');
  });

  it('waits for the morning before counting a session, and holds if the morning never comes', () => {
    expect(applyOutcome(at(3, 1), { ...good, morning: 'pending' }, 5)).toMatchObject({ change: 'pending', state: at(3, 1, 0) });
    expect(applyOutcome(at(3, 1), { ...good, morning: 'missing' }, 5)).toMatchObject({ change: 'hold', ruleId: 'hold-morning-not-settled', state: at(3, 0, 0) });
  });

  it('never leaves the chain: no regress below 1, no progress above the top', () => {
    expect(applyOutcome(at(1), { ...good, painDuring: 8 }, 5)).toMatchObject({ change: 'regress', toLevel: 1, state: at(1, 0, 1) });
    expect(applyOutcome(at(5, 1), good, 5)).toMatchObject({ change: 'hold', toLevel: 5, state: at(5, 2, 0) });
  });

  it('suggests a clinician review after two regressions in a row on a pattern, not after one', () => {
    const bad: SessionOutcome = { ...good, painDuring: 7 };
    const first = applyOutcome(at(4), bad, 5);
    expect(first.clinicianReview).toBe(false);
    const second = applyOutcome(first.state, bad, 5);
    expect(second).toMatchObject({ clinicianReview: true, toLevel: 2, state: at(2, 0, 2) });
    // A session that is not a regression breaks the run.
    const reset = applyOutcome(applyOutcome(first.state, good, 5).state, bad, 5);
    expect(reset.clinicianReview).toBe(false);
  });

  it('raises troubleshooting signals for painful, hard or struggling feedback', () => {
    expect(feedbackSignals(good)).toEqual([]);
    expect(feedbackSignals({ ...good, painDuring: 4 })).toEqual(['pain_moderate']);
    expect(feedbackSignals({ painDuring: 7, effort: 'hard', form: 'struggled', morning: { pain: 6, usual: 3 } })).toEqual([
      'pain_high',
      'effort_hard',
      'form_struggled',
      'morning_flare',
    ]);
  });
});
