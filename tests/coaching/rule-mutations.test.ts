import { describe, expect, it } from 'vitest';
import { ENGINE_RULE_IDS } from '../../src/coaching/engine-rules.js';
import { getLibrary } from '../../src/content/load.js';
import type { Library } from '../../src/content/library.js';
import { buildPlan } from '../../src/coaching/plan.js';
import { simulate } from '../../src/coaching/simulate.js';
import { PERSONAS } from './personas/personas.js';
import { kept, runPersona } from './personas/harness.js';
import { allClearTests, makeAnswers } from '../support/answers.js';

/**
 * Every engine rule is a test that fails when the rule is removed (issue 11): for each rule,
 * switch it off and show that at least one persona statement guarding it no longer holds,
 * while with every rule on all of them hold (personas.test.ts).
 */
describe('rule mutations: each rule, switched off, breaks a persona statement', () => {
  const guarded = ENGINE_RULE_IDS.filter((id) => id !== 'impact-goal-gate');
  for (const rule of guarded) {
    it(`without "${rule}"`, () => {
      const guarding = PERSONAS.flatMap((p) => p.statements.filter((s) => s.guards?.includes(rule)).map((s) => ({ p, s })));
      expect(guarding.length, `no statement guards ${rule}`).toBeGreaterThan(0);
      const broken = guarding.filter(({ p, s }) => !kept(s, runPersona(p, { without: [rule] })));
      expect(broken.map(({ p, s }) => `${p.id}: ${s.says}`), `nothing failed without ${rule}`).not.toEqual([]);
    });
  }

  it('without "impact-goal-gate" a runner gets impact work before loading is reached (with an impact chain in place)', () => {
    const real = getLibrary();
    // The impact chain's content is written on another branch; borrow the squat chain's shape.
    const library: Library = { ...real, chains: { ...real.chains, impact: { pattern: 'impact', levels: real.chains.squat.levels } } };
    const answers = makeAnswers({ tests: { ...allClearTests(), single_leg_hop: { left: { rating: 'steady', pain: 0 }, right: { rating: 'steady', pain: 0 } } }, goal: 'running' });
    const impactDays = (without: boolean) =>
      simulate({ answers, start: '2026-03-02', days: 7, ...(without ? { options: { without: ['impact-goal-gate'] } } : {}) }, library).days.filter((d) =>
        d.session.items.some((i) => i.pattern === 'impact'),
      ).length;
    expect(buildPlan(answers, library).items.some((i) => i.pattern === 'impact')).toBe(false);
    expect(impactDays(false)).toBe(0);
    expect(impactDays(true)).toBeGreaterThan(0);
  });
});
