import type { Dosage, Exercise, LadderRung } from '../content/schema.js';
import type { Baseline } from './assessment-answers.js';

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

const derived = new WeakMap<Exercise, readonly LadderRung[]>();

/**
 * The exercise's dosage ladder: the content's own, or one derived from its dosage when the
 * content has none yet (repetitions: +1 set, then +2 reps twice; holds: +1 set, then +10 s twice).
 * The first rung is always the written dosage.
 */
export function ladderOf(e: Exercise): readonly LadderRung[] {
  if (e.ladder) return e.ladder;
  let ladder = derived.get(e);
  if (!ladder) {
    const d = e.dosage;
    const sets2 = Math.min(6, Math.max(d.sets + 1, 3));
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
    derived.set(e, ladder);
  }
  return ladder;
}

function volume(r: LadderRung): number {
  return r.sets * (r.reps ?? r.holdSeconds ?? 0);
}

export function topRung(e: Exercise): number {
  return ladderOf(e).length - 1;
}

/** The dosage for a rung, with at most `maxSets` sets (irritability, short sessions). */
export function dosageAt(e: Exercise, rung: number, maxSets = 6): Dosage {
  const ladder = ladderOf(e);
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
