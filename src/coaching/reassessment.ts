import { SCALES, SIDES, TEST_IDS, TEST_SPEC, type NinetyNinetyHip, type Rating, type Side, type TestId } from '../content/ids.js';
import type { AssessmentDraft } from './assessment-draft.js';
import type { Library } from '../content/library.js';
import type { Tests } from './assessment-answers.js';
import { ruleOn, type EngineOptions } from './engine-rules.js';
import { primaryTests } from './gates.js';
import type { Plan } from './plan.js';
import { initialTrack, type EngineState, type TrackState } from './progression.js';
import { trackKey } from './session.js';

/** What changed between two assessments, test by test and side by side, and in PSFS. */

export interface ResultRow {
  testId: TestId;
  side: Side;
  rating: string;
  pain: number;
  /** 90/90 sit only: which hip the pain or stop came from (stored in the draft, not the results table). */
  hip?: NinetyNinetyHip | undefined;
}

/** The 90/90 sit's which-hip answers of a stored assessment, by side. */
export function ninetyNinetyHips(draft: Pick<AssessmentDraft, 'tests'>): Partial<Record<Side, NinetyNinetyHip>> {
  const sit = draft.tests.ninety_ninety_sit ?? {};
  const hips: Partial<Record<Side, NinetyNinetyHip>> = {};
  for (const [side, r] of Object.entries(sit) as [Side, { hip?: NinetyNinetyHip } | undefined][]) if (r?.hip) hips[side] = r.hip;
  return hips;
}

export interface TestChange {
  testId: TestId;
  side: Side;
  before: { rating: Rating; pain: number; hip?: NinetyNinetyHip };
  after: { rating: Rating; pain: number; hip?: NinetyNinetyHip };
  /** +1 a better rating, -1 worse, 0 the same. */
  ratingChange: -1 | 0 | 1;
  painChange: number;
}

export interface Comparison {
  changes: TestChange[];
  psfs: { before: number | null; after: number | null; change: number | null; meaningful: boolean };
  /** No meaningful PSFS change after 6+ weeks: suggest a clinician review (a nudge). */
  clinicianNudge: boolean;
}

/** A 2-point change in the PSFS mean is treated as meaningful (Stratford 1995). */
export const PSFS_MEANINGFUL = 2;
export const NO_CHANGE_REVIEW_DAYS = 42;

export function compareAssessments(
  before: readonly ResultRow[],
  after: Tests,
  psfs: { before: number | null; after: number | null },
  daysSinceFirst: number,
): Comparison {
  const changes: TestChange[] = [];
  for (const testId of TEST_IDS) {
    const ratings = SCALES[TEST_SPEC[testId].scale].ratings as readonly string[];
    const sides: Side[] = TEST_SPEC[testId].sides === 'both' ? ['both'] : [...SIDES];
    const now = after[testId] as Record<string, { rating: Rating; pain: number; hip?: NinetyNinetyHip } | undefined> | undefined;
    for (const side of sides) {
      const old = before.find((r) => r.testId === testId && r.side === side);
      const neu = now?.[side];
      if (!old || !neu) continue;
      const delta = ratings.indexOf(old.rating) - ratings.indexOf(neu.rating);
      changes.push({
        testId,
        side,
        before: { rating: old.rating as Rating, pain: old.pain, ...(old.hip ? { hip: old.hip } : {}) },
        after: { rating: neu.rating, pain: neu.pain, ...(neu.hip ? { hip: neu.hip } : {}) },
        ratingChange: delta > 0 ? 1 : delta < 0 ? -1 : 0,
        painChange: neu.pain - old.pain,
      });
    }
  }
  const change = psfs.before !== null && psfs.after !== null ? Math.round((psfs.after - psfs.before) * 100) / 100 : null;
  const meaningful = change !== null && Math.abs(change) >= PSFS_MEANINGFUL;
  return {
    changes,
    psfs: { ...psfs, change, meaningful },
    clinicianNudge: change !== null && daysSinceFirst >= NO_CHANGE_REVIEW_DAYS && change < PSFS_MEANINGFUL,
  };
}

/** A rise in a pattern's primary test pain that sends it back to its new start (spec v2). */
export const PAIN_RISE_RESTART = 2;

/**
 * Reassessment keeps progress (spec v2): each pattern and side takes the higher of its new start
 * level and its current level minus one, unless its primary test pain rose by 2 or more (then the
 * new start). Tracks start the new level on its first rung.
 */
export function carryProgress(
  input: { state: EngineState; newPlan: Plan; before: Tests; after: Tests; date: string; library: Library },
  options?: EngineOptions,
): EngineState {
  const tracks: Record<string, TrackState> = {};
  for (const item of input.newPlan.items) {
    const key = trackKey(item.pattern, item.side);
    const current = input.state.tracks[key];
    const rose = primaryTests(input.library, item.pattern).some((t) => painRise(input.before, input.after, t, item.side) >= PAIN_RISE_RESTART);
    const keep = current !== undefined && !rose && ruleOn(options, 'reassessment-keeps-progress');
    const level = keep ? Math.max(item.level, current.level - 1) : item.level;
    tracks[key] = { ...initialTrack(level, input.date), ...(keep && level === current.level ? { levelSince: current.levelSince } : {}) };
  }
  // Goal patterns are not plan items: they keep their place.
  for (const [key, t] of Object.entries(input.state.tracks)) if (!(key in tracks)) tracks[key] = t;
  return { tracks, settledMornings: input.state.settledMornings };
}

function painRise(before: Tests, after: Tests, testId: TestId, side: Side): number {
  const pick = (tests: Tests) => {
    const t = tests[testId] as Partial<Record<Side, { pain: number }>> | undefined;
    if (!t) return undefined;
    return side === 'both' ? Math.max(...Object.values(t).map((r) => r.pain)) : (t[side] ?? t.both)?.pain;
  };
  const a = pick(before);
  const b = pick(after);
  return a === undefined || b === undefined ? 0 : b - a;
}
