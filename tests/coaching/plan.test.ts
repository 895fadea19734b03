import { describe, expect, it } from 'vitest';
import { PATTERN_IDS, TEST_IDS } from '../../src/content/ids.js';
import { levelAt } from '../../src/coaching/choice.js';
import { getLibrary } from '../../src/content/load.js';
import { scoreAssessment } from '../../src/coaching/assessment.js';
import { buildPlan, entryLevel, formatDosage, pickExercise } from '../../src/coaching/plan.js';
import { screenRedFlags } from '../../src/coaching/safety.js';
import { allClearTests, makeAnswers } from '../support/answers.js';

const library = getLibrary();
const itemsFor = (plan: ReturnType<typeof buildPlan>, pattern: string) => plan.items.filter((i) => i.pattern === pattern);

describe('scoring an assessment', () => {
  it('turns ratings and pain into findings per pattern and side, with asymmetry', () => {
    const score = scoreAssessment(
      makeAnswers({
        tests: {
          active_hip_flexion: { left: { rating: 'full', pain: 0 }, right: { rating: 'partial', pain: 5, painPlace: 'front' } },
        },
      }).tests,
      library,
    );
    const right = score.findings.filter((f) => f.pattern === 'hip_flexion' && f.side === 'right');
    expect(right.map((f) => `${f.dimension}:${f.severity}`).sort()).toEqual(['pain:moderate', 'range:moderate']);
    expect(right[0]!.painPlace).toBe('front');
    expect(score.findings.some((f) => f.side === 'left')).toBe(false);
    expect(score.asymmetries).toEqual([
      { testId: 'active_hip_flexion', worseSide: 'right', rating: { left: 'full', right: 'partial' }, pain: { left: 0, right: 5 } },
    ]);
    expect(score.skippedTests).toHaveLength(TEST_IDS.length - 2); // one test done; the hop test is goal-only, never "skipped"
  });

  it('treats an early pinch as a severe pain finding even with a low pain score', () => {
    const score = scoreAssessment(
      makeAnswers({ tests: { flexion_adduction_comfort: { left: { rating: 'pinch_early', pain: 1 } } } }).tests,
      library,
    );
    expect(score.findings.filter((f) => f.pattern === 'flexion_rotation').map((f) => `${f.dimension}:${f.severity}`)).toEqual(['pain:severe']);
  });

  it('maps a whole-body test to both sides and a one-sided test to "both" for whole-body patterns', () => {
    const score = scoreAssessment(makeAnswers({ tests: { hip_hinge: { both: { rating: 'cannot', pain: 0 } } } }).tests, library);
    expect(score.findings.filter((f) => f.pattern === 'hip_hinge').map((f) => f.side)).toEqual(['both']);
    expect(score.findings.some((f) => f.pattern === 'trunk' && f.dimension === 'control')).toBe(true);
  });
});

describe('safety screen', () => {
  it('returns emergency when any emergency flag is present, urgent otherwise, null when clear', () => {
    expect(screenRedFlags({ cancer_history: true, cold_pale_leg: true })).toEqual({ level: 'emergency', flags: ['cold_pale_leg', 'cancer_history'] });
    expect(screenRedFlags({ under_18: true })).toEqual({ level: 'urgent', flags: ['under_18'] });
    expect(screenRedFlags({ under_18: false })).toBeNull();
  });

  it('a plan with a red flag has a referral and no items', () => {
    const plan = buildPlan(makeAnswers({ tests: allClearTests(), redFlags: { pregnancy_not_cleared: true } }), library);
    expect(plan.referral).toEqual({ level: 'urgent', flags: ['pregnancy_not_cleared'] });
    expect(plan.items).toEqual([]);
  });
});

describe('building a plan', () => {
  it('starts a painful pattern on a comfortable regression, with the test, side, finding and rule as reasons', () => {
    const plan = buildPlan(
      makeAnswers({ tests: { ...allClearTests(), seated_internal_rotation: { left: { rating: 'full', pain: 0 }, right: { rating: 'partial', pain: 6, painPlace: 'front' } } } }),
      library,
    );
    const item = itemsFor(plan, 'internal_rotation').find((i) => i.side === 'right');
    expect(item).toMatchObject({ side: 'right', level: 1, stage: 'comfort', tier: 'focus' });
    // Spec v2: the healthy left side stays in the plan as a foundation item.
    expect(itemsFor(plan, 'internal_rotation').find((i) => i.side === 'left')).toMatchObject({ tier: 'foundation', stage: 'strength' });
    expect(item!.reasons[0]).toMatchObject({ testId: 'seated_internal_rotation', side: 'right', finding: 'pain_moderate', ruleId: 'painful-start-comfortable' });
    expect(item!.reasons.map((r) => r.finding)).toContain('range_moderate');
  });

  it('starts a limited pattern on active mobility and a weak one on a strength level', () => {
    const plan = buildPlan(
      makeAnswers({
        tests: {
          ...allClearTests(),
          seated_external_rotation: { left: { rating: 'limited', pain: 0 }, right: { rating: 'limited', pain: 0 } },
          side_lying_abduction: { left: { rating: 'weak', pain: 0 }, right: { rating: 'weak', pain: 0 } },
        },
      }),
      library,
    );
    const er = itemsFor(plan, 'external_rotation');
    expect(er.map((i) => [i.side, i.stage])).toEqual([['both', 'mobility']]);
    expect(er[0]!.level).toBe(entryLevel(library.chains.external_rotation, 'mobility'));
    expect(er[0]!.reasons[0]!.ruleId).toBe('limited-range-active-mobility');
    const abd = itemsFor(plan, 'abduction');
    expect(abd.map((i) => i.stage)).toEqual(['strength']);
    expect(abd[0]!.reasons[0]!.ruleId).toBe('weak-strength-it-can-do');
  });

  it('keeps every pattern at a strength level when it tested well: loading is earned, nothing is dropped (spec v2)', () => {
    const plan = buildPlan(makeAnswers({ tests: allClearTests() }), library);
    for (const pattern of ['hip_hinge', 'squat', 'split_stance'] as const) {
      const items = itemsFor(plan, pattern);
      expect(items.length, pattern).toBeGreaterThan(0);
      for (const i of items) {
        expect(i.stage).toBe('strength');
        expect(i.reasons[0]!.ruleId).toBe('whole-body-loading-kept');
      }
    }
    expect(itemsFor(plan, 'trunk')[0]!.reasons[0]!.ruleId).toBe('trunk-always-trained');
    // Every non-goal pattern is in the plan, as a foundation item; no loading on day 1.
    expect(new Set(plan.items.map((i) => i.pattern))).toEqual(new Set(PATTERN_IDS.filter((p) => p !== 'impact')));
    expect(plan.items.every((i) => i.tier === 'foundation' && i.stage !== 'loading')).toBe(true);
  });

  it('says which tests were skipped and starts untested patterns gently', () => {
    const tests = allClearTests();
    delete tests.side_lying_adduction;
    const plan = buildPlan(makeAnswers({ tests }), library);
    expect(plan.skippedTests).toEqual(['side_lying_adduction']);
    const add = itemsFor(plan, 'adduction');
    expect(add).toHaveLength(1);
    expect(add[0]!.reasons[0]).toMatchObject({ testId: 'side_lying_adduction', finding: 'not_tested', ruleId: 'not-tested-start-gently' });
    expect(add[0]!.stage).toBe('mobility');
  });

  it('gives sides their own items when they start at different levels of a one-sided exercise', () => {
    const plan = buildPlan(
      makeAnswers({ tests: { ...allClearTests(), single_leg_stance: { left: { rating: 'cannot', pain: 0 }, right: { rating: 'steady', pain: 0 } } } }),
      library,
    );
    const slb = itemsFor(plan, 'single_leg_balance');
    expect(slb.map((i) => [i.side, i.tier])).toEqual([['left', 'focus'], ['right', 'foundation']]);
    expect(slb[0]!.reasons[0]!.ruleId).toBe('no-control-repattern');
    expect(slb[0]!.level).toBeLessThan(slb[1]!.level);
  });

  it('respects equipment: never picks a variant the person lacks, prefers one they own', () => {
    const none = buildPlan(makeAnswers({ tests: allClearTests(), prefs: { equipment: ['none'] } }), library);
    for (const item of none.items) expect(library.exerciseById.get(item.exerciseId)!.equipment).toEqual(['none']);
    // Spec v2: an owned equipment version replaces the default only when marked equivalent.
    const band = buildPlan(makeAnswers({ tests: allClearTests(), prefs: { equipment: ['band'] } }), library);
    const hinge = itemsFor(band, 'hip_hinge')[0]!;
    const chosen = library.exerciseById.get(hinge.exerciseId)!;
    expect(chosen.equipment).toContain('band');
    expect(chosen.equivalentTo).toBe(levelAt(library.chains.hip_hinge, hinge.level).default.id);
    expect(pickExercise(library.chains.hip_hinge, hinge.level, ['none']).equipment).toEqual(['none']);
  });

  it('keeps every focus item in focus when minutes are short (spec v2: sessions cut sets instead)', () => {
    const tests = allClearTests();
    for (const key of Object.keys(tests)) {
      const t = tests[key] as Record<string, { rating: string; pain: number }>;
      for (const side of Object.keys(t)) t[side] = { ...t[side]!, pain: 5 };
    }
    const long = buildPlan(makeAnswers({ tests, prefs: { minutes: 60 } }), library);
    const short = buildPlan(makeAnswers({ tests, prefs: { minutes: 10 } }), library);
    const focus = (p: typeof long) => p.items.filter((i) => i.tier === 'focus').length;
    expect(focus(short)).toBe(focus(long));
    expect(focus(short)).toBeGreaterThan(5);
    expect(short.items.some((i) => i.reasons.some((r) => r.ruleId === 'moved-to-foundation-for-time'))).toBe(false);
  });

  it('records the content version and formats dosage for people', () => {
    const plan = buildPlan(makeAnswers(), library);
    expect(plan.contentVersion).toBe(library.version);
    expect(formatDosage({ sets: 2, reps: 10, perSide: true, restSeconds: 30 })).toBe('2 x 10 each side, rest 30 s');
    expect(formatDosage({ sets: 3, holdSeconds: 20, perSide: false, restSeconds: 0 })).toBe('3 x 20 s hold');
  });
});
