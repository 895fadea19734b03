import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import { prepared } from '../prepared.js';
import type { Effort, Form } from '../../content/ids.js';
import type { Session } from '../../coaching/session.js';
import { feedback, workouts, type FeedbackDraft, type StoredDecision } from '../schema.js';
import type { Queryable } from '../types.js';

export type Workout = typeof workouts.$inferSelect;
export type Feedback = typeof feedback.$inferSelect;

/** The day's workout, created once: the same date always returns the same row. */
export function ensureWorkout(db: Queryable, personId: string, planId: number | null, session: Session, now: Date): Workout {
  // Only the id comes back: reading the row back would parse the session JSON just written, and
  // this runs for every person in a fan-out. No row comes back when the day already had a workout.
  // Prepared once: the scheduler builds one workout per person in a fan-out.
  const [created] = prepared(db, 'ensureWorkout', () =>
    db
      .insert(workouts)
      .values({
        personId: sql.placeholder('personId'),
        planId: sql.placeholder('planId'),
        localDate: sql.placeholder('localDate'),
        session: sql.placeholder('session'),
        status: 'planned',
        createdAt: sql.placeholder('createdAt'),
      })
      .onConflictDoNothing()
      .returning({ id: workouts.id })
      .prepare(),
  ).all({ personId, planId, localDate: session.localDate, session, createdAt: now });
  if (!created) return workoutOn(db, personId, session.localDate)!;
  return { id: created.id, personId, planId, localDate: session.localDate, session, status: 'planned', feedbackDraft: null, createdAt: now, completedAt: null };
}

export function workoutOn(db: Queryable, personId: string, localDate: string): Workout | undefined {
  return prepared(db, 'workoutOn', () =>
    db
      .select()
      .from(workouts)
      .where(and(eq(workouts.personId, sql.placeholder('personId')), eq(workouts.localDate, sql.placeholder('localDate'))))
      .prepare(),
  ).get({ personId, localDate });
}

export function getWorkout(db: Queryable, id: number): Workout | undefined {
  return prepared(db, 'getWorkout', () => db.select().from(workouts).where(eq(workouts.id, sql.placeholder('id'))).prepare()).get({ id });
}

export function setWorkoutStatus(db: Queryable, id: number, status: Workout['status'], now: Date): void {
  db.update(workouts)
    .set({ status, completedAt: status === 'planned' ? null : now })
    .where(eq(workouts.id, id))
    .run();
}

export function setFeedbackDraft(db: Queryable, id: number, draft: FeedbackDraft | null): void {
  db.update(workouts).set({ feedbackDraft: draft }).where(eq(workouts.id, id)).run();
}

export function recentWorkouts(db: Queryable, personId: string, limit: number): Workout[] {
  return prepared(db, 'recentWorkouts', () =>
    db.select().from(workouts).where(eq(workouts.personId, sql.placeholder('personId'))).orderBy(desc(workouts.localDate)).limit(sql.placeholder('limit')).prepare(),
  ).all({ personId, limit });
}

export interface FeedbackInput {
  workoutId: number;
  personId: string;
  painDuring: number;
  effort: Effort;
  form: Form;
  decisions: StoredDecision[];
  settled: boolean;
}

/** Returns undefined when this workout already has feedback: a second press changes nothing. */
export function insertFeedback(db: Queryable, input: FeedbackInput, now: Date): Feedback | undefined {
  const { settled, ...values } = input;
  return db
    .insert(feedback)
    .values({ ...values, createdAt: now, settledAt: settled ? now : null })
    .onConflictDoNothing()
    .returning()
    .get();
}

export function feedbackFor(db: Queryable, workoutId: number): Feedback | undefined {
  return db.select().from(feedback).where(eq(feedback.workoutId, workoutId)).get();
}

/** Feedback still waiting for its morning check, oldest first. */
export function unsettledFeedback(db: Queryable, personId: string): (Feedback & { localDate: string })[] {
  return prepared(db, 'unsettledFeedback', () =>
    db
      .select({ f: feedback, localDate: workouts.localDate })
      .from(feedback)
      .innerJoin(workouts, eq(workouts.id, feedback.workoutId))
      .where(and(eq(feedback.personId, sql.placeholder('personId')), isNull(feedback.settledAt)))
      .orderBy(workouts.localDate)
      .prepare(),
  )
    .all({ personId })
    .map((r) => ({ ...r.f, localDate: r.localDate }));
}

export interface MorningInput {
  feel: 'better' | 'same' | 'worse' | null;
  pain: number | null;
  decisions: StoredDecision[];
}

export function settleFeedback(db: Queryable, id: number, morning: MorningInput, now: Date): boolean {
  return (
    db
      .update(feedback)
      .set({
        morningFeel: morning.feel,
        morningPain: morning.pain,
        decisions: morning.decisions,
        morningAt: morning.pain === null ? null : now,
        settledAt: now,
      })
      .where(and(eq(feedback.id, id), isNull(feedback.settledAt)))
      .run().changes > 0
  );
}

/** Feedback with its workout's local date, for the days from `since` (inclusive). */
export function feedbackSince(db: Queryable, personId: string, since: string): (Feedback & { localDate: string })[] {
  // Prepared once: every daily DM's opening line reads this.
  return prepared(db, 'feedbackSince', () =>
    db
      .select({ f: feedback, localDate: workouts.localDate })
      .from(feedback)
      .innerJoin(workouts, eq(workouts.id, feedback.workoutId))
      .where(and(eq(feedback.personId, sql.placeholder('personId')), gte(workouts.localDate, sql.placeholder('since'))))
      .orderBy(workouts.localDate)
      .prepare(),
  )
    .all({ personId, since })
    .map((r) => ({ ...r.f, localDate: r.localDate }));
}
