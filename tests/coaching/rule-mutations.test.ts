import { describe, expect, it } from 'vitest';
import { ENGINE_RULE_IDS } from '../../src/coaching/engine-rules.js';
import { PERSONAS } from './personas/personas.js';
import { kept, runPersona } from './personas/harness.js';

/**
 * Every engine rule is a test that fails when the rule is removed (issue 11): for each rule,
 * switch it off and show that at least one persona statement guarding it no longer holds,
 * while with every rule on all of them hold (personas.test.ts).
 */
describe('rule mutations: each rule, switched off, breaks a persona statement', () => {
  for (const rule of ENGINE_RULE_IDS) {
    it(`without "${rule}"`, () => {
      const guarding = PERSONAS.flatMap((p) => p.statements.filter((s) => s.guards?.includes(rule)).map((s) => ({ p, s })));
      expect(guarding.length, `no statement guards ${rule}`).toBeGreaterThan(0);
      // One run per persona, however many of its statements guard the rule.
      const runs = new Map(guarding.map(({ p }) => [p, undefined as ReturnType<typeof runPersona> | undefined]));
      const run = (p: (typeof guarding)[number]['p']) => runs.get(p) ?? runs.set(p, runPersona(p, { without: [rule] })).get(p)!;
      const broken = guarding.filter(({ p, s }) => !kept(s, run(p)));
      expect(broken.map(({ p, s }) => `${p.id}: ${s.says}`), `nothing failed without ${rule}`).not.toEqual([]);
    });
  }
});
