import { asc, desc, eq } from 'drizzle-orm';
import type { Baseline } from '../../coaching/assessment-answers.js';
import { measures } from '../schema.js';
import type { Queryable } from '../types.js';

export type Measure = typeof measures.$inferSelect;

export function psfsMean(psfs: readonly { score: number }[]): number | null {
  if (psfs.length === 0) return null;
  return Math.round((psfs.reduce((s, p) => s + p.score, 0) / psfs.length) * 100) / 100;
}

export function recordMeasures(db: Queryable, personId: string, assessmentId: number | null, baseline: Baseline, now: Date): Measure {
  return db
    .insert(measures)
    .values({
      personId,
      assessmentId,
      painAverage: baseline.painAverage,
      painWorst: baseline.painWorst,
      psfs: baseline.psfs,
      psfsMean: psfsMean(baseline.psfs),
      takenAt: now,
    })
    .returning()
    .get();
}

export function latestMeasures(db: Queryable, personId: string): Measure | undefined {
  return db.select().from(measures).where(eq(measures.personId, personId)).orderBy(desc(measures.takenAt), desc(measures.id)).get();
}

export function measureHistory(db: Queryable, personId: string): Measure[] {
  return db.select().from(measures).where(eq(measures.personId, personId)).orderBy(asc(measures.takenAt), asc(measures.id)).all();
}
