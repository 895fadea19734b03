import { and, desc, eq, sql } from 'drizzle-orm';
import { prepared } from '../prepared.js';
import { SIDES, TEST_IDS, TEST_SPEC, type Side } from '../../content/ids.js';
import type { Tests } from '../../coaching/assessment-answers.js';
import { draftSchema, emptyDraft, STEPS, stepSchema, type AssessmentDraft, type Step } from '../../coaching/assessment-draft.js';
import { assessmentResults, assessmentSessions } from '../schema.js';
import { countRows, type Queryable } from '../types.js';

export interface StoredAssessment {
  id: number;
  personId: string;
  kind: 'initial' | 'reassessment';
  step: Step;
  draft: AssessmentDraft;
  status: (typeof assessmentSessions.$inferSelect)['status'];
  startedAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

/** Rows are parsed on the way out: a damaged draft restarts the step list instead of crashing a flow. */
function toStored(row: typeof assessmentSessions.$inferSelect): StoredAssessment {
  const step = stepSchema.safeParse(row.step);
  const draft = draftSchema.safeParse(row.draft);
  return {
    ...row,
    step: step.success && draft.success ? step.data : STEPS[0]!,
    draft: draft.success ? draft.data : emptyDraft(),
  };
}

export function inProgressAssessment(db: Queryable, personId: string): StoredAssessment | undefined {
  const row = db
    .select()
    .from(assessmentSessions)
    .where(and(eq(assessmentSessions.personId, personId), eq(assessmentSessions.status, 'in_progress')))
    .get();
  return row ? toStored(row) : undefined;
}

export function getAssessment(db: Queryable, id: number): StoredAssessment | undefined {
  const row = db.select().from(assessmentSessions).where(eq(assessmentSessions.id, id)).get();
  return row ? toStored(row) : undefined;
}

export function startAssessment(
  db: Queryable,
  personId: string,
  kind: 'initial' | 'reassessment',
  now: Date,
  draft: AssessmentDraft = emptyDraft(),
): StoredAssessment {
  const row = db
    .insert(assessmentSessions)
    .values({ personId, kind, step: STEPS[0]!, draft, status: 'in_progress', startedAt: now, updatedAt: now })
    .returning()
    .get();
  return toStored(row);
}

export function saveAssessmentProgress(db: Queryable, id: number, step: Step, draft: AssessmentDraft, now: Date): void {
  db.update(assessmentSessions).set({ step, draft, updatedAt: now }).where(eq(assessmentSessions.id, id)).run();
}

export function closeAssessment(db: Queryable, id: number, status: 'completed' | 'referred' | 'abandoned', now: Date): void {
  db.update(assessmentSessions)
    .set({ status, updatedAt: now, completedAt: now })
    .where(eq(assessmentSessions.id, id))
    .run();
}

export function latestCompletedAssessment(db: Queryable, personId: string): StoredAssessment | undefined {
  const row = db
    .select()
    .from(assessmentSessions)
    .where(and(eq(assessmentSessions.personId, personId), eq(assessmentSessions.status, 'completed')))
    .orderBy(desc(assessmentSessions.completedAt), desc(assessmentSessions.id))
    .get();
  return row ? toStored(row) : undefined;
}

/** When the latest completed assessment finished, without reading its answers (daily DM path). */
export function lastAssessmentCompletedAt(db: Queryable, personId: string): Date | undefined {
  return (
    prepared(db, 'lastAssessmentCompletedAt', () =>
      db
        .select({ at: assessmentSessions.completedAt })
        .from(assessmentSessions)
        .where(and(eq(assessmentSessions.personId, sql.placeholder('personId')), eq(assessmentSessions.status, 'completed')))
        .orderBy(desc(assessmentSessions.completedAt), desc(assessmentSessions.id))
        .limit(1)
        .prepare(),
    ).get({ personId })?.at ?? undefined
  );
}

export function countCompletedAssessments(db: Queryable): number {
  return countRows(db, assessmentSessions, eq(assessmentSessions.status, 'completed'));
}

/** One row per test and side, in spec order. */
export function saveResults(db: Queryable, assessmentId: number, personId: string, tests: Tests, now: Date): void {
  const rows = TEST_IDS.flatMap((testId) => {
    const t = tests[testId] as Partial<Record<Side, { rating: string; pain: number; painPlace?: 'front' | 'side' | 'back' | undefined }>> | undefined;
    if (!t) return [];
    const sides: Side[] = TEST_SPEC[testId].sides === 'both' ? ['both'] : [...SIDES];
    return sides.flatMap((side) => {
      const r = t[side];
      return r ? [{ assessmentId, personId, testId, side, rating: r.rating, pain: r.pain, painPlace: r.painPlace ?? null, recordedAt: now }] : [];
    });
  });
  if (rows.length > 0) db.insert(assessmentResults).values(rows).run();
}

export function resultsFor(db: Queryable, assessmentId: number): (typeof assessmentResults.$inferSelect)[] {
  return db.select().from(assessmentResults).where(eq(assessmentResults.assessmentId, assessmentId)).orderBy(assessmentResults.id).all();
}

/** Every completed assessment of a person, oldest first. */
export function completedAssessments(db: Queryable, personId: string): StoredAssessment[] {
  return db
    .select()
    .from(assessmentSessions)
    .where(and(eq(assessmentSessions.personId, personId), eq(assessmentSessions.status, 'completed')))
    .orderBy(assessmentSessions.completedAt, assessmentSessions.id)
    .all()
    .map(toStored);
}

/**
 * A deferred-checks sitting completes the picture of the assessment before it: the whole set of
 * results moves to the newest sitting, so each result is stored once and the latest sitting holds
 * everything a later comparison or chart reads.
 */
export function dropResults(db: Queryable, assessmentId: number): void {
  db.delete(assessmentResults).where(eq(assessmentResults.assessmentId, assessmentId)).run();
}
