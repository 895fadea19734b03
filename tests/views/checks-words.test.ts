import { describe, expect, it } from 'vitest';
import { CHECKS_PER_SITTING } from '../../src/flows/assessment-state.js';
import { AT_A_TIME, checksNow, quickChecks, quickChecksLabel } from '../../src/views/checks-words.js';

describe('the deferred checks in words', () => {
  it('words the sitting size and the minutes from the numbers themselves', () => {
    expect(CHECKS_PER_SITTING).toBeGreaterThan(1);
    expect(checksNow(9)).toBe(CHECKS_PER_SITTING);
    expect(checksNow(1)).toBe(1);
    expect(quickChecks(1)).toBe('One quick check');
    expect(quickChecks(2)).toBe('Two quick checks');
    expect(quickChecksLabel(1)).toBe('One quick check (2 min)');
    expect(quickChecksLabel(2)).toBe('Two quick checks (3 min)');
    expect(AT_A_TIME).toBe(`${quickChecks(CHECKS_PER_SITTING).split(' ')[0]!.toLowerCase()} at a time`);
  });
});
