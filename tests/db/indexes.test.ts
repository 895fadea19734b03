import { describe, expect, it } from 'vitest';
import type { DbHandle } from '../../src/db/connection.js';
import { lastAssessmentCompletedAt, completedAssessments } from '../../src/db/repos/assessments.js';
import { dueNudges } from '../../src/db/repos/deliveries.js';
import { activePlan, saveActivePlan } from '../../src/db/repos/plans.js';
import { deletePerson, duePeople } from '../../src/db/repos/people.js';
import { peopleToNotify } from '../../src/db/repos/retention.js';
import { ensureWorkout } from '../../src/db/repos/workouts.js';
import { examplePlan, exampleSession, NOW, useTempDb } from './helpers.js';

/**
 * Migration 0004 adds the indexes the hot paths need. These tests run the repositories' own
 * queries and read SQLite's plan for each SQL text they issued, so a query rewritten in a way the
 * index no longer serves (or an index dropped) fails here, not as a slow fan-out in production.
 */

const HOT_PATH_INDEXES = [
  'people_due',
  'people_last_seen',
  'assessment_sessions_person',
  'assessment_results_person',
  'measures_assessment',
  'plans_person',
  'plans_assessment',
  'workouts_plan',
  'deliveries_workout',
  'deliveries_remind',
];

/** The SQL texts `run` prepares, with SQLite's query plan for each (parameters bound as NULL). */
function plansOf(handle: DbHandle, run: () => unknown): { sql: string; plan: string[] }[] {
  const seen: string[] = [];
  const prepare = handle.sqlite.prepare.bind(handle.sqlite);
  handle.sqlite.prepare = (source: string) => {
    seen.push(source);
    return prepare(source);
  };
  try {
    run();
  } finally {
    handle.sqlite.prepare = prepare;
  }
  return [...new Set(seen)].map((sql) => {
    const params = (sql.match(/\?/g) ?? []).length;
    const rows = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array<null>(params).fill(null)) as { detail: string }[];
    return { sql, plan: rows.map((r) => r.detail) };
  });
}

/** Plan lines that read a whole table (no index at all). */
function fullScans(plans: { plan: string[] }[]): string[] {
  return plans.flatMap((p) => p.plan).filter((d) => /^SCAN \w+$/.test(d));
}

describe('hot-path indexes (migration 0004)', () => {
  const t = useTempDb('p1');

  it('creates every index', () => {
    const names = (t.handle.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(HOT_PATH_INDEXES));
  });

  it("the scheduler's due query reads people through people_due, already in order", () => {
    const plans = plansOf(t.handle, () => duePeople(t.handle.db, NOW, 500));
    expect(plans.flatMap((p) => p.plan)).toEqual(expect.arrayContaining([expect.stringMatching(/^SEARCH people USING INDEX people_due \(next_run_at<\?\)$/)]));
    expect(plans.flatMap((p) => p.plan).join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it("the reassessment check (every daily DM) reads the person's assessments by index", () => {
    const plans = plansOf(t.handle, () => {
      lastAssessmentCompletedAt(t.handle.db, 'p1');
      completedAssessments(t.handle.db, 'p1');
    });
    expect(fullScans(plans)).toEqual([]);
    expect(plans.flatMap((p) => p.plan).some((d) => d.includes('assessment_sessions_person'))).toBe(true);
  });

  it("the active plan is found by person, not by scanning every plan", () => {
    const plans = plansOf(t.handle, () => activePlan(t.handle.db, 'p1'));
    expect(fullScans(plans)).toEqual([]);
    expect(plans.flatMap((p) => p.plan).some((d) => d.includes('plans_person'))).toBe(true);
  });

  it('storing a plan and a workout reads no whole table', () => {
    const plans = plansOf(t.handle, () => {
      const plan = saveActivePlan(t.handle.db, 'p1', null, examplePlan(), NOW);
      ensureWorkout(t.handle.db, 'p1', plan.id, exampleSession(plan.plan, 'p1', '2026-11-28'), NOW);
    });
    expect(plans.length).toBeGreaterThan(1);
    expect(fullScans(plans)).toEqual([]);
  });

  it('removing a plan or an assessment finds the rows that refer to it by index (the foreign-key check)', () => {
    // An insert checks its parent by primary key; a parent's delete must find its children, which
    // is what plans_assessment and workouts_plan serve.
    const plans = plansOf(t.handle, () => {
      t.handle.sqlite.prepare('delete from plans where id = ?').run(-1);
      t.handle.sqlite.prepare('delete from assessment_sessions where id = ?').run(-1);
    });
    const lines = plans.flatMap((p) => p.plan);
    expect(fullScans(plans)).toEqual([]);
    expect(lines.some((d) => d.includes('workouts_plan'))).toBe(true);
    expect(lines.some((d) => d.includes('plans_assessment'))).toBe(true);
  });

  it('the snooze nudges and the retention sweep use their partial and plain indexes', () => {
    const plans = plansOf(t.handle, () => {
      dueNudges(t.handle.db, NOW, 100);
      peopleToNotify(t.handle.db, NOW, 100);
    });
    const lines = plans.flatMap((p) => p.plan);
    expect(lines.some((d) => d.includes('deliveries_remind'))).toBe(true);
    expect(lines.some((d) => d.includes('people_last_seen'))).toBe(true);
  });

  it('deleting a person (privacy, retention) cascades through indexes only', () => {
    const plans = plansOf(t.handle, () => deletePerson(t.handle.db, 'p1'));
    expect(fullScans(plans)).toEqual([]);
  });
});
