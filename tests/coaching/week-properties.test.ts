import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getLibrary } from '../../src/content/load.js';
import { addDays, dayNumber } from '../../src/coaching/calendar.js';
import { limitsFor, provocativeOpen } from '../../src/coaching/gates.js';
import { buildPlan } from '../../src/coaching/plan.js';
import { buildSession, trackKey, type ProgressionLevels } from '../../src/coaching/session.js';
import { answersArb, localDateArb, userIdArb } from '../support/answers-arb.js';

const library = getLibrary();
const RUNS = { numRuns: 150, seed: 20261202 };

describe('weekly rules and gates over random answers (spec v2)', () => {
  it('loading items: at most 3 a pattern in any 7 days, never on consecutive days, even with every track at the top of its chain', () => {
    fc.assert(
      fc.property(answersArb(), userIdArb, localDateArb, (answers, user, start) => {
        const plan = buildPlan(answers, library);
        const levels: ProgressionLevels = Object.fromEntries(plan.items.map((i) => [trackKey(i.pattern, i.side), { level: 99 }]));
        const loadingDays = new Map<string, number[]>();
        for (let d = 0; d < 14; d++) {
          const date = addDays(start, d);
          for (const item of buildSession({ plan, userId: user, localDate: date, levels }, library).items) {
            if (item.stage === 'loading') loadingDays.set(item.pattern, [...(loadingDays.get(item.pattern) ?? []), dayNumber(date)]);
          }
        }
        for (const [pattern, days] of loadingDays) {
          const sorted = [...new Set(days)].sort((a, b) => a - b);
          sorted.forEach((day, k) => {
            if (k > 0) expect(day - sorted[k - 1]!, `${pattern} on consecutive days`).toBeGreaterThan(1);
            expect(sorted.filter((x) => x >= day && x < day + 7).length, `${pattern} in 7 days`).toBeLessThanOrEqual(3);
          });
        }
      }),
      RUNS,
    );
  });

  it('gates: no single-leg exercise on a side that has not earned it, no provocative level before the test allows it', () => {
    fc.assert(
      fc.property(answersArb(), userIdArb, localDateArb, fc.integer({ min: 1, max: 8 }), (answers, user, date, level) => {
        const plan = buildPlan(answers, library);
        const levels: ProgressionLevels = Object.fromEntries(plan.items.map((i) => [trackKey(i.pattern, i.side), { level }]));
        for (let d = 0; d < 5; d++) {
          for (const item of buildSession({ plan, userId: user, localDate: addDays(date, d), levels }, library).items) {
            const exercise = library.exerciseById.get(item.exerciseId)!;
            if (exercise.singleLeg) expect(limitsFor(plan.gates, item.side).singleLegOk, `${item.exerciseId} on ${item.side}`).toBe(true);
            if (exercise.provocative) expect(provocativeOpen(plan.gates, item.pattern, item.side), `${item.exerciseId} on ${item.side}`).toBe(true);
          }
        }
        // Day 1 never loads: the loading stage is earned.
        expect(plan.items.some((i) => i.stage === 'loading')).toBe(false);
      }),
      RUNS,
    );
  });
});
