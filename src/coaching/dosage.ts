import type { Dosage, Exercise, LadderRung } from '../content/schema.js';
import type { Baseline } from './assessment-answers.js';
import { ruleOn, type EngineOptions } from './engine-rules.js';

export type Irritability = 'low' | 'moderate' | 'high';

/** Spec v2: high if average >= 6 or worst >= 8; moderate if average 4-5 or worst 6-7. */
export function gradeIrritability(baseline: Baseline | null | undefined): Irritability {
  if (!baseline) return 'low';
  if (baseline.painAverage >= 6 || baseline.painWorst >= 8) return 'high';
  if (baseline.painAverage >= 4 || baseline.painWorst >= 6) return 'moderate';
  return 'low';
}

/** Days from the plan's start during which a highly irritable hip keeps to 2 sets. */
export const HIGH_IRRITABILITY_DAYS = 14;
export const HIGH_IRRITABILITY_MAX_SETS = 2;

/** Auto-ladders stop adding sets at 3 (physio review E6): 5-8 items of 4 sets is too long a session. */
export const AUTO_LADDER_MAX_SETS = 3;

const derived = new WeakMap<Exercise, readonly LadderRung[]>();
const derivedUncapped = new WeakMap<Exercise, readonly LadderRung[]>();

/**
 * The exercise's dosage ladder: the content's own, or one derived from its dosage when the
 * content has none yet (repetitions: +1 set up to 3, then +2 reps twice; holds: +1 set up to 3,
 * then +10 s twice). The first rung is always the written dosage.
 */
export function ladderOf(e: Exercise, options?: EngineOptions): readonly LadderRung[] {
  if (e.ladder) return e.ladder;
  const capped = ruleOn(options, 'auto-ladder-three-sets');
  const cache = capped ? derived : derivedUncapped;
  let ladder = cache.get(e);
  if (!ladder) {
    const d = e.dosage;
    // Without the cap (a mutation test): the v2.0 ladder, which added a set even at 3.
    const sets2 = capped ? Math.max(d.sets, Math.min(AUTO_LADDER_MAX_SETS, d.sets + 1)) : Math.min(6, Math.max(d.sets + 1, 3));
    ladder =
      d.reps !== undefined
        ? [
            { sets: d.sets, reps: d.reps },
            { sets: sets2, reps: d.reps },
            { sets: sets2, reps: Math.min(30, d.reps + 2) },
            { sets: sets2, reps: Math.min(30, d.reps + 4) },
          ]
        : [
            { sets: d.sets, holdSeconds: d.holdSeconds! },
            { sets: sets2, holdSeconds: d.holdSeconds! },
            { sets: sets2, holdSeconds: Math.min(120, d.holdSeconds! + 10) },
            { sets: sets2, holdSeconds: Math.min(120, d.holdSeconds! + 20) },
          ];
    // Drop rungs that ask no more than the one before (a capped count, or sets already at 3).
    ladder = ladder.filter((r, i) => i === 0 || volume(r) > volume(ladder![i - 1]!));
    cache.set(e, ladder);
  }
  return ladder;
}

function volume(r: LadderRung): number {
  return r.sets * (r.reps ?? r.holdSeconds ?? 0);
}

export function topRung(e: Exercise, options?: EngineOptions): number {
  return ladderOf(e, options).length - 1;
}

/** The dosage for a rung, with at most `maxSets` sets (irritability, short sessions). */
export function dosageAt(e: Exercise, rung: number, maxSets = 6, options?: EngineOptions): Dosage {
  const ladder = ladderOf(e, options);
  const r = ladder[Math.min(Math.max(0, rung), ladder.length - 1)]!;
  const sets = Math.max(1, Math.min(r.sets, maxSets));
  return r.reps !== undefined
    ? { sets, reps: r.reps, perSide: e.dosage.perSide, restSeconds: e.dosage.restSeconds }
    : { sets, holdSeconds: r.holdSeconds!, perSide: e.dosage.perSide, restSeconds: e.dosage.restSeconds };
}

/** Minutes scale with sets: the content's minutes are for its written dosage. */
export function minutesAt(e: Exercise, sets: number): number {
  return Math.max(0.5, Math.round(((e.minutes * sets) / e.dosage.sets) * 2) / 2);
}

/**
 * Minutes of an item: sets scale ordinary exercises; an activity block (a walk, run-walk, a run)
 * also grows with its rung's bouts, on top of the content's warm-up and cool-down time.
 */
export function itemMinutes(e: Exercise, d: Dosage): number {
  if (!e.activity || d.holdSeconds === undefined || e.dosage.holdSeconds === undefined) return minutesAt(e, d.sets);
  const block = (x: Dosage) => x.sets * (x.holdSeconds ?? 0) + (x.sets - 1) * x.restSeconds;
  return Math.max(0.5, Math.round((e.minutes + (block(d) - block(e.dosage)) / 60) * 2) / 2);
}
