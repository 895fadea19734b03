import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/coaching/plan.js';
import { closeAssessment, saveResults, startAssessment } from '../../src/db/repos/assessments.js';
import { claimDay } from '../../src/db/repos/deliveries.js';
import { recordMeasures } from '../../src/db/repos/measures.js';
import { deletePerson, ensurePerson, getPerson, recordConsent } from '../../src/db/repos/people.js';
import { saveActivePlan } from '../../src/db/repos/plans.js';
import { PERSONAL_TABLES, exportPerson, rowsAbout } from '../../src/db/repos/privacy.js';
import { replaceEngineState, seedEngineState } from '../../src/db/repos/progression.js';
import { logQuestion } from '../../src/db/repos/qa.js';
import { recordScreen } from '../../src/db/repos/safety.js';
import { ensureWorkout, insertFeedback } from '../../src/db/repos/workouts.js';
import type { Db } from '../../src/db/connection.js';
import { NOW, createTempDb, exampleAnswers, examplePlan, exampleSession, minutesLater, type TempDb } from './helpers.js';

const P = '111111111111111111';
const Q = '222222222222222222';
const TABLE_NAMES = Object.keys(PERSONAL_TABLES) as (keyof typeof PERSONAL_TABLES)[];

let plan: Plan;
beforeAll(() => {
  plan = examplePlan();
});

/** Everything the coach stores about someone, one or more rows in every personal table. */
function populate(db: Db, personId: string, days: string[]): void {
  db.transaction((tx) => {
    ensurePerson(tx, personId, NOW);
    recordConsent(tx, personId, NOW);
    recordScreen(tx, { personId, answers: { cancer_history: false }, positiveFlags: [], level: null, source: 'assessment' }, NOW);
    const answers = exampleAnswers();
    const a = startAssessment(tx, personId, 'initial', NOW);
    saveResults(tx, a.id, personId, answers.tests, NOW);
    recordMeasures(tx, personId, a.id, answers.baseline!, NOW);
    closeAssessment(tx, a.id, 'completed', NOW);
    const stored = saveActivePlan(tx, personId, a.id, plan, NOW);
    replaceEngineState(tx, personId, seedEngineState(plan, days[0] ?? '2026-03-02'), NOW);
    days.forEach((day, i) => {
      const w = ensureWorkout(tx, personId, stored.id, exampleSession(plan, personId, day), minutesLater(i));
      insertFeedback(
        tx,
        { workoutId: w.id, personId, painDuring: 2, effort: 'right', form: 'good', decisions: [], settled: false },
        minutesLater(i + 30),
      );
      claimDay(tx, { personId: personId, localDate: day, nonce: `nonce-${personId}-${day}`, dueAt: NOW, parts: ['workout'], workoutId: null }, minutesLater(i));
    });
    logQuestion(tx, {
      personId,
      where: 'dm',
      question: 'Is it fine to cycle?',
      answer: 'Yes, gently.',
      sources: ['ex:bike'],
      outcome: 'llm',
      createdAt: NOW,
    });
  });
}

function tableCounts(t: TempDb, personId: string): Record<string, number> {
  return Object.fromEntries(
    TABLE_NAMES.map((name) => {
      const row = t.handle.sqlite.prepare(`SELECT count(*) AS n FROM ${name} WHERE person_id = ?`).get(personId) as { n: number };
      return [name, row.n];
    }),
  );
}

describe('privacy: export and delete', () => {
  let t: TempDb;
  beforeEach(() => {
    t = createTempDb();
    populate(t.handle.db, P, ['2026-11-26', '2026-11-27', '2026-11-28']);
    populate(t.handle.db, Q, ['2026-11-28']);
    // An anonymous question, not about anyone.
    logQuestion(t.handle.db, { personId: null, where: 'guild', question: 'What is FAI?', answer: '...', sources: [], outcome: 'fallback', createdAt: NOW });
  });
  afterEach(() => {
    t.cleanup();
  });

  it('PERSONAL_TABLES covers every table with a person_id column', () => {
    const withPersonId = (
      t.handle.sqlite
        .prepare("SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'person_id' ORDER BY m.name")
        .all() as { name: string }[]
    ).map((r) => r.name);
    expect([...TABLE_NAMES].sort()).toEqual(withPersonId);
  });

  it('exportPerson returns the person and rows from every table, only theirs', () => {
    const exported = exportPerson(t.handle.db, P);
    expect(exported.person).toMatchObject({ id: P, status: 'consented', consentAt: NOW });
    for (const name of TABLE_NAMES) {
      expect(exported[name].length, name).toBeGreaterThan(0);
      for (const row of exported[name]) expect(row, name).toMatchObject({ personId: P });
    }
    expect(exported.workouts).toHaveLength(3);
    expect(exported.feedback).toHaveLength(3);
    expect(exported.deliveries).toHaveLength(3);
    expect(exported.assessment_results).toHaveLength(24);
    expect(exported.progression).toHaveLength(plan.items.length);
    expect(exported.qa_log).toEqual([expect.objectContaining({ question: 'Is it fine to cycle?', personId: P })]);
    // Export sizes agree with what is in the file.
    expect(Object.fromEntries(TABLE_NAMES.map((n) => [n, exported[n].length]))).toEqual(tableCounts(t, P));
  });

  it('rowsAbout counts the person row plus every personal row', () => {
    const counts = tableCounts(t, P);
    const total = 1 + Object.values(counts).reduce((a, b) => a + b, 0);
    expect(rowsAbout(t.handle.db, P)).toBe(total);
    expect(rowsAbout(t.handle.db, P)).toBeGreaterThan(40);
    expect(rowsAbout(t.handle.db, 'nobody')).toBe(0);
  });

  it('deletePerson erases everything about the person and nothing about anyone else', () => {
    const qBefore = tableCounts(t, Q);
    const qRowsBefore = rowsAbout(t.handle.db, Q);
    const qExportBefore = exportPerson(t.handle.db, Q);
    expect(qRowsBefore).toBeGreaterThan(0);

    expect(deletePerson(t.handle.db, P)).toBe(true);

    expect(rowsAbout(t.handle.db, P)).toBe(0);
    expect(getPerson(t.handle.db, P)).toBeUndefined();
    const gone = exportPerson(t.handle.db, P);
    expect(gone.person).toBeNull();
    for (const name of TABLE_NAMES) expect(gone[name], name).toEqual([]);
    expect(Object.values(tableCounts(t, P))).toEqual(TABLE_NAMES.map(() => 0));

    expect(tableCounts(t, Q)).toEqual(qBefore);
    expect(rowsAbout(t.handle.db, Q)).toBe(qRowsBefore);
    expect(exportPerson(t.handle.db, Q)).toEqual(qExportBefore);
    // The anonymous question is not anybody's data.
    const anon = t.handle.sqlite.prepare('SELECT count(*) AS n FROM qa_log WHERE person_id IS NULL').get() as { n: number };
    expect(anon.n).toBe(1);
    expect(t.handle.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('the deletion is durable across reopening the file', () => {
    deletePerson(t.handle.db, P);
    const db = t.reopen().db;
    expect(rowsAbout(db, P)).toBe(0);
    expect(rowsAbout(db, Q)).toBeGreaterThan(0);
    expect(deletePerson(db, P)).toBe(false);
  });
});
