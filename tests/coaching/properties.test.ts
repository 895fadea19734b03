import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GOAL_PATTERNS, WHOLE_BODY_PATTERNS, type EquipmentId } from '../../src/content/ids.js';
import { getLibrary } from '../../src/content/load.js';
import { answersSchema, normaliseEquipment } from '../../src/coaching/assessment-answers.js';
import { addDays } from '../../src/coaching/calendar.js';
import { buildPlan } from '../../src/coaching/plan.js';
import { buildSession } from '../../src/coaching/session.js';
import { answersArb, localDateArb, rawAnswersArb, shuffleKeys, userIdArb } from '../support/answers-arb.js';

const library = getLibrary();
const RUNS = { numRuns: 1000, seed: 20261128 };

describe('rules engine properties (1,000 generated inputs each)', () => {
  it('is deterministic: the same input twice gives deep-equal plans and sessions', () => {
    fc.assert(
      fc.property(answersArb(), userIdArb, localDateArb, (answers, user, date) => {
        const a = buildPlan(answers, library);
        const b = buildPlan(structuredClone(answers), library);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        const s1 = buildSession({ plan: a, userId: user, localDate: date }, library);
        const s2 = buildSession({ plan: b, userId: user, localDate: date }, library);
        expect(s2).toEqual(s1);
      }),
      RUNS,
    );
  });

  it('ignores key order and equipment order in the input', () => {
    fc.assert(
      fc.property(rawAnswersArb(), fc.integer(), (raw, seed) => {
        let state = seed >>> 0 || 1;
        const rand = () => {
          state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
          return state / 2 ** 32;
        };
        const shuffled = shuffleKeys(raw, rand) as typeof raw;
        const reversedGear = { ...shuffled, prefs: { ...shuffled.prefs, equipment: [...shuffled.prefs.equipment].reverse() } };
        const a = buildPlan(answersSchema.parse(raw), library);
        const b = buildPlan(answersSchema.parse(reversedGear), library);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      RUNS,
    );
  });

  it('only uses library exercises that fit the equipment, and sessions fit the minutes', () => {
    fc.assert(
      fc.property(answersArb(), userIdArb, localDateArb, (answers, user, date) => {
        const plan = buildPlan(answers, library);
        const have = new Set<EquipmentId>(normaliseEquipment(answers.prefs.equipment));
        const session = buildSession({ plan, userId: user, localDate: date }, library);
        for (const item of [...plan.items, ...session.warmup, ...session.items]) {
          const exercise = library.exerciseById.get(item.exerciseId);
          expect(exercise, item.exerciseId).toBeDefined();
          expect(exercise!.pattern).toBe(item.pattern);
          expect(exercise!.level).toBe(item.level);
          expect(exercise!.equipment.every((e) => have.has(e))).toBe(true);
          expect(item.reasons.length).toBeGreaterThan(0);
          for (const r of item.reasons) expect(r.ruleId).toMatch(/^[a-z0-9-]+$/);
        }
        expect(session.estimatedMinutes).toBeLessThanOrEqual(answers.prefs.minutes);
        expect(session.items.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('always refers and never plans when any red flag is positive', () => {
    fc.assert(
      fc.property(answersArb({ positiveRate: 0.5 }), userIdArb, localDateArb, (answers, user, date) => {
        const plan = buildPlan(answers, library);
        const positive = Object.values(answers.redFlags).some(Boolean);
        if (positive) {
          expect(plan.referral).not.toBeNull();
          expect(plan.referral!.flags.length).toBeGreaterThan(0);
          expect(plan.items).toEqual([]);
          const session = buildSession({ plan, userId: user, localDate: date }, library);
          expect(session.items).toEqual([]);
          expect(session.warmup).toEqual([]);
        } else {
          expect(plan.referral).toBeNull();
          expect(plan.items.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('gives every painful, limited or weak pattern work, and always keeps whole-body loading', () => {
    fc.assert(
      fc.property(answersArb(), (answers) => {
        const plan = buildPlan(answers, library);
        for (const f of plan.findings.filter((x) => !GOAL_PATTERNS.includes(x.pattern))) {
          const covered = plan.items.some((i) => i.pattern === f.pattern && (i.side === f.side || i.side === 'both'));
          expect(covered, `${f.pattern}:${f.side}`).toBe(true);
        }
        for (const pattern of WHOLE_BODY_PATTERNS) expect(plan.items.some((i) => i.pattern === pattern)).toBe(true);
        // Painful findings start on a comfort-stage exercise for that side.
        for (const f of plan.findings.filter((x) => x.dimension === 'pain' && x.severity !== 'mild' && x.weight === 'primary' && !GOAL_PATTERNS.includes(x.pattern))) {
          const item = plan.items.find((i) => i.pattern === f.pattern && (i.side === f.side || i.side === 'both'))!;
          expect(item.stage, `${f.pattern}:${f.side}`).toBe('comfort');
        }
      }),
      RUNS,
    );
  });

  it('brings every focus item round at least twice in any 7 consecutive days, whatever the minutes (spec v2)', () => {
    fc.assert(
      fc.property(answersArb(), userIdArb, localDateArb, (answers, user, start) => {
        const plan = buildPlan(answers, library);
        const focus = plan.items.filter((i) => i.tier === 'focus');
        const counts = new Map(focus.map((i) => [`${i.pattern}:${i.side}`, 0]));
        for (let d = 0; d < 7; d++) {
          const session = buildSession({ plan, userId: user, localDate: addDays(start, d) }, library);
          for (const item of session.items) {
            const key = `${item.pattern}:${item.side}`;
            if (counts.has(key)) counts.set(key, counts.get(key)! + 1);
          }
        }
        for (const [key, n] of counts) expect(n, key).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });
});
