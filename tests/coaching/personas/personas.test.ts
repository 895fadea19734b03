import { describe, expect, it } from 'vitest';
import { kept, runPersona } from './harness.js';
import { PERSONAS } from './personas.js';

describe('clinical personas (plan and 28-day simulate)', () => {
  it('has at least 12 personas', () => {
    expect(PERSONAS.length).toBeGreaterThanOrEqual(12);
  });
  for (const persona of PERSONAS) {
    it(`${persona.id}: ${persona.who}`, () => {
      const check = runPersona(persona);
      expect(check.plan.referral).toBeNull();
      for (const s of persona.statements) expect(kept(s, check), `${s.kind} ${s.says}`).toBe(true);
    });
  }
});
