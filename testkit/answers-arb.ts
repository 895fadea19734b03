import fc from 'fast-check';
import {
  EQUIPMENT_IDS,
  PAIN_PLACES,
  RED_FLAG_IDS,
  SCALES,
  TEST_IDS,
  TEST_SPEC,
  type RedFlagId,
} from '../src/content/ids.js';
import { answersSchema, type Answers } from '../src/coaching/assessment-answers.js';

/** Generators of valid answers files, for property tests and the benchmark. */

const sideResult = (testId: (typeof TEST_IDS)[number]) =>
  fc
    .record({
      rating: fc.constantFrom(...SCALES[TEST_SPEC[testId].scale].ratings),
      pain: fc.integer({ min: 0, max: 10 }),
      painPlace: fc.option(fc.constantFrom(...PAIN_PLACES), { nil: undefined }),
    })
    .map((r) => (r.painPlace === undefined ? { rating: r.rating, pain: r.pain } : r));

const testResult = (testId: (typeof TEST_IDS)[number]): fc.Arbitrary<Record<string, unknown>> =>
  TEST_SPEC[testId].sides === 'both'
    ? fc.record({ both: sideResult(testId) })
    : fc.oneof(
        { weight: 8, arbitrary: fc.record({ left: sideResult(testId), right: sideResult(testId) }) },
        { weight: 1, arbitrary: fc.record({ left: sideResult(testId) }) },
        { weight: 1, arbitrary: fc.record({ right: sideResult(testId) }) },
      );

const noFlags = Object.fromEntries(RED_FLAG_IDS.map((id) => [id, false])) as Record<RedFlagId, boolean>;

/** Red flags: with probability `positiveRate` a non-empty set is positive, otherwise none. */
export const redFlagsArb = (positiveRate: number) => {
  const positive = fc
    .subarray([...RED_FLAG_IDS], { minLength: 1 })
    .map((flags) => Object.fromEntries(RED_FLAG_IDS.map((id) => [id, flags.includes(id)])) as Record<RedFlagId, boolean>);
  const weight = Math.round(positiveRate * 1000);
  return fc.oneof({ weight: 1000 - weight, arbitrary: fc.constant(noFlags) }, { weight, arbitrary: positive });
};

const testsArb = fc.record(
  Object.fromEntries(TEST_IDS.map((id) => [id, fc.option(testResult(id), { nil: undefined, freq: 8 })])),
);

export const rawAnswersArb = (opts: { positiveRate?: number } = {}) =>
  fc
    .record({
      redFlags: opts.positiveRate ? redFlagsArb(opts.positiveRate) : fc.constant(noFlags),
      baseline: fc
        .record({
          painAverage: fc.integer({ min: 0, max: 8 }),
          extra: fc.integer({ min: 0, max: 2 }),
          psfs: fc.array(fc.record({ activity: fc.constantFrom('stairs', 'socks', 'car', 'running'), score: fc.integer({ min: 0, max: 10 }) }), { maxLength: 3 }),
        })
        .map((b) => ({ painAverage: b.painAverage, painWorst: b.painAverage + b.extra, psfs: b.psfs })),
      tests: testsArb.map((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined))),
      prefs: fc.record({
        minutes: fc.integer({ min: 10, max: 60 }),
        equipment: fc.subarray([...EQUIPMENT_IDS]),
      }),
    });

/** Valid, fully parsed answers (defaults applied), as the engine receives them. */
export const answersArb = (opts: { positiveRate?: number } = {}): fc.Arbitrary<Answers> =>
  rawAnswersArb(opts).map((raw) => answersSchema.parse(raw));

export const localDateArb = fc
  .integer({ min: Date.UTC(2025, 0, 1) / 86_400_000, max: Date.UTC(2030, 11, 31) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

export const userIdArb = fc.stringMatching(/^[1-9][0-9]{16,18}$/);

/** Same value, with every object's keys in a shuffled order (arrays keep their order). */
export function shuffleKeys(value: unknown, rand: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, rand));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, rand)]));
}
