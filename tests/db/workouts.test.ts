import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/coaching/plan.js';
import type { StoredDecision } from '../../src/db/schema.js';
import { ensurePerson } from '../../src/db/repos/people.js';
import { saveActivePlan } from '../../src/db/repos/plans.js';
import {
  ensureWorkout,
  feedbackFor,
  getWorkout,
  insertFeedback,
  recentWorkouts,
  setWorkoutStatus,
  settleFeedback,
  unsettledFeedback,
  workoutOn,
  type FeedbackInput,
} from '../../src/db/repos/workouts.js';
import { NOW, createTempDb, examplePlan, exampleSession, minutesLater, type TempDb, useTempDb } from './helpers.js';

const P = 'person-a';
const Q = 'person-b';

const PENDING: StoredDecision = {
  pattern: 'abduction',
  side: 'right',
  from: 3,
  to: 3,
  fromRung: 0,
  toRung: 1,
  change: 'rung_up',
  ruleId: 'climb-rung',
  reason: 'a good session',
  clinicianReview: false,
  before: { level: 3, rung: 0, goodExposures: 0, levelSince: '2026-11-20', stepDowns: 0 },
};
const PROGRESS: StoredDecision = { ...PENDING, change: 'level_up', ruleId: 'level-up', to: 4, toRung: 0 };

let plan: Plan;
beforeAll(() => {
  plan = examplePlan();
});

function feedbackInput(workoutId: number, personId: string, overrides: Partial<FeedbackInput> = {}): FeedbackInput {
  return { workoutId, personId, painDuring: 3, effort: 'right', form: 'good', decisions: [PENDING], settled: false, ...overrides };
}

describe('workouts', () => {
  let t: TempDb;
  let planId: number;
  beforeEach(() => {
    t = createTempDb();
    ensurePerson(t.handle.db, P, NOW);
    ensurePerson(t.handle.db, Q, NOW);
    planId = saveActivePlan(t.handle.db, P, null, plan, NOW).id;
  });
  afterEach(() => {
    t.cleanup();
  });

  it('ensureWorkout creates the day’s workout once and returns the same row after', () => {
    const session = exampleSession(plan, P, '2026-11-28');
    expect(session.items.length).toBeGreaterThan(0);
    const first = ensureWorkout(t.handle.db, P, planId, session, NOW);
    expect(first).toMatchObject({ personId: P, planId, localDate: '2026-11-28', status: 'planned', createdAt: NOW, completedAt: null });
    expect(first.session).toEqual(session);

    // A later call with a different session for the same date changes nothing.
    const other = exampleSession(plan, P, '2026-11-29');
    const again = ensureWorkout(t.handle.db, P, null, { ...other, localDate: '2026-11-28' }, minutesLater(30));
    expect(again.id).toBe(first.id);
    expect(again.session).toEqual(session);
    expect(again.planId).toBe(planId);
    expect(again.createdAt).toEqual(NOW);
    expect(recentWorkouts(t.handle.db, P, 10)).toHaveLength(1);

    // Another date, or another person on the same date, is a new workout.
    const nextDay = ensureWorkout(t.handle.db, P, planId, other, minutesLater(1440));
    expect(nextDay.id).not.toBe(first.id);
    const q = ensureWorkout(t.handle.db, Q, null, exampleSession(plan, Q, '2026-11-28'), NOW);
    expect(q.id).not.toBe(first.id);
    expect(workoutOn(t.handle.db, Q, '2026-11-28')?.personId).toBe(Q);
  });

  it('setWorkoutStatus sets and clears completedAt', () => {
    const w = ensureWorkout(t.handle.db, P, planId, exampleSession(plan, P, '2026-11-28'), NOW);
    setWorkoutStatus(t.handle.db, w.id, 'done', minutesLater(25));
    expect(getWorkout(t.handle.db, w.id)).toMatchObject({ status: 'done', completedAt: minutesLater(25) });
    setWorkoutStatus(t.handle.db, w.id, 'planned', minutesLater(26));
    expect(getWorkout(t.handle.db, w.id)).toMatchObject({ status: 'planned', completedAt: null });
  });

  it('recentWorkouts is newest date first, limited', () => {
    for (const d of ['2026-11-26', '2026-11-28', '2026-11-27']) ensureWorkout(t.handle.db, P, planId, exampleSession(plan, P, d), NOW);
    expect(recentWorkouts(t.handle.db, P, 2).map((w) => w.localDate)).toEqual(['2026-11-28', '2026-11-27']);
    expect(recentWorkouts(t.handle.db, Q, 5)).toEqual([]);
  });

  it('deleting a plan keeps its workouts and clears the link', () => {
    const w = ensureWorkout(t.handle.db, P, planId, exampleSession(plan, P, '2026-11-28'), NOW);
    t.handle.sqlite.prepare('DELETE FROM plans WHERE id = ?').run(planId);
    expect(getWorkout(t.handle.db, w.id)?.planId).toBeNull();
  });
});

describe('feedback', () => {
  const t = useTempDb(P, Q);

  function workout(personId: string, localDate: string): number {
    return ensureWorkout(t.handle.db, personId, null, exampleSession(plan, personId, localDate), NOW).id;
  }

  it('insertFeedback stores the feedback once; a second one for the same workout returns undefined', () => {
    const w = workout(P, '2026-11-28');
    const first = insertFeedback(t.handle.db, feedbackInput(w, P), NOW);
    expect(first).toMatchObject({
      workoutId: w,
      personId: P,
      painDuring: 3,
      effort: 'right',
      form: 'good',
      decisions: [PENDING],
      settledAt: null,
      morningFeel: null,
      morningPain: null,
      morningAt: null,
      createdAt: NOW,
    });
    const second = insertFeedback(t.handle.db, feedbackInput(w, P, { painDuring: 9, effort: 'hard' }), minutesLater(1));
    expect(second).toBeUndefined();
    expect(feedbackFor(t.handle.db, w)).toMatchObject({ id: first?.id, painDuring: 3, effort: 'right' });
  });

  it('feedback given as settled is not waiting for a morning check', () => {
    const w = workout(P, '2026-11-28');
    const f = insertFeedback(t.handle.db, feedbackInput(w, P, { settled: true, decisions: [PROGRESS] }), NOW);
    expect(f?.settledAt).toEqual(NOW);
    expect(unsettledFeedback(t.handle.db, P)).toEqual([]);
  });

  it('unsettledFeedback lists the person’s open feedback, oldest workout first, with its date', () => {
    const w28 = workout(P, '2026-11-28');
    const w26 = workout(P, '2026-11-26');
    const w27 = workout(P, '2026-11-27');
    const f28 = insertFeedback(t.handle.db, feedbackInput(w28, P), minutesLater(2))!;
    const f26 = insertFeedback(t.handle.db, feedbackInput(w26, P), minutesLater(3))!;
    insertFeedback(t.handle.db, feedbackInput(w27, P, { settled: true }), minutesLater(4));
    insertFeedback(t.handle.db, feedbackInput(workout(Q, '2026-11-25'), Q), NOW);

    const open = unsettledFeedback(t.handle.db, P);
    expect(open.map((f) => [f.id, f.localDate])).toEqual([
      [f26.id, '2026-11-26'],
      [f28.id, '2026-11-28'],
    ]);
    expect(open[0]).toMatchObject({ workoutId: w26, personId: P, decisions: [PENDING] });
  });

  it('settleFeedback applies the morning check exactly once', () => {
    const w = workout(P, '2026-11-28');
    const f = insertFeedback(t.handle.db, feedbackInput(w, P), NOW)!;

    const morning = minutesLater(24 * 60);
    expect(settleFeedback(t.handle.db, f.id, { feel: 'better', pain: 2, decisions: [PROGRESS] }, morning)).toBe(true);
    expect(feedbackFor(t.handle.db, w)).toMatchObject({
      morningFeel: 'better',
      morningPain: 2,
      decisions: [PROGRESS],
      morningAt: morning,
      settledAt: morning,
    });
    expect(unsettledFeedback(t.handle.db, P)).toEqual([]);

    // The second call changes nothing.
    expect(settleFeedback(t.handle.db, f.id, { feel: 'worse', pain: 8, decisions: [] }, minutesLater(25 * 60))).toBe(false);
    expect(feedbackFor(t.handle.db, w)).toMatchObject({ morningFeel: 'better', morningPain: 2, settledAt: morning });
  });

  it('settling without a morning answer leaves morningAt empty', () => {
    const w = workout(P, '2026-11-28');
    const f = insertFeedback(t.handle.db, feedbackInput(w, P), NOW)!;
    expect(settleFeedback(t.handle.db, f.id, { feel: null, pain: null, decisions: [] }, minutesLater(60))).toBe(true);
    expect(feedbackFor(t.handle.db, w)).toMatchObject({ morningFeel: null, morningPain: null, morningAt: null, settledAt: minutesLater(60) });
  });

  it('settleFeedback on an unknown id returns false', () => {
    expect(settleFeedback(t.handle.db, 9999, { feel: 'same', pain: 1, decisions: [] }, NOW)).toBe(false);
  });

  it('deleting a workout removes its feedback', () => {
    const w = workout(P, '2026-11-28');
    insertFeedback(t.handle.db, feedbackInput(w, P), NOW);
    t.handle.sqlite.prepare('DELETE FROM workouts WHERE id = ?').run(w);
    expect(feedbackFor(t.handle.db, w)).toBeUndefined();
  });

  it('feedback rows written before engine v2 read back as v2 decisions (pending ones dropped)', () => {
    const w = workout(P, '2026-11-26');
    const f = insertFeedback(t.handle.db, feedbackInput(w, P, { decisions: [] }), NOW)!;
    const legacy = [
      { pattern: 'abduction', side: 'right', change: 'progress', ruleId: 'progress-two-good-sessions', fromLevel: 3, toLevel: 4, clinicianReview: false },
      { pattern: 'trunk', side: 'both', change: 'regress', ruleId: 'regress-form', fromLevel: 2, toLevel: 1, clinicianReview: true },
      { pattern: 'hinge', side: 'both', change: 'pending', ruleId: 'wait', fromLevel: 2, toLevel: 2, clinicianReview: false },
    ];
    t.handle.sqlite.prepare('UPDATE feedback SET decisions = ? WHERE id = ?').run(JSON.stringify(legacy), f.id);
    expect(feedbackFor(t.handle.db, w)?.decisions).toEqual([
      { pattern: 'abduction', side: 'right', from: 3, to: 4, fromRung: 0, toRung: 0, change: 'level_up', ruleId: 'progress-two-good-sessions', reason: '', clinicianReview: false },
      { pattern: 'trunk', side: 'both', from: 2, to: 1, fromRung: 0, toRung: 0, change: 'level_down', ruleId: 'regress-form', reason: '', clinicianReview: true },
    ]);
  });

  it('stores pain per exercise', () => {
    const w = workout(P, '2026-11-25');
    insertFeedback(t.handle.db, feedbackInput(w, P, { painByExercise: { clamshell: 6 } }), NOW);
    expect(feedbackFor(t.handle.db, w)?.painByExercise).toEqual({ clamshell: 6 });
  });
});
