import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Coach } from '../../src/app/coach.js';
import { getLibrary } from '../../src/content/load.js';
import { latestCompletedAssessment } from '../../src/db/repos/assessments.js';
import { progressionStates } from '../../src/db/repos/progression.js';
import { CORE_TESTS } from '../../src/flows/assessment-state.js';
import { driveAssessment } from '../support/drive.js';
import { fixedClock } from '../../testkit/clock.js';
import { createTempDb, type TempDb } from '../../testkit/temp-db.js';

/** The first plan from the core tests; the deferred checks, two a sitting, rebuild it keeping progress. */
describe('deferred checks', () => {
  const library = getLibrary();
  let db: TempDb;
  let coach: Coach;
  const ME = '100000000000000001';
  beforeEach(() => {
    db = createTempDb();
    coach = new Coach({ db: db.handle.db, library, clock: fixedClock('2026-11-28T08:00:00Z').clock });
    coach.consent(ME);
  });
  afterEach(() => { db.cleanup(); });

  it('builds the first plan from the core tests and leaves the rest pending', () => {
    const r = driveAssessment(coach, ME, { checks: false });
    expect(r?.kind).toBe('complete');
    const pending = coach.pendingChecks(ME);
    expect(pending).toHaveLength(16 - CORE_TESTS.length);
    expect(pending.some((t) => CORE_TESTS.includes(t))).toBe(false);
  });

  it('starts a checks sitting at its first test, two tests long', () => {
    driveAssessment(coach, ME, { checks: false });
    const opened = coach.startChecks(ME);
    expect(opened.kind).toBe('open');
    if (opened.kind !== 'open') return;
    expect(opened.assessment.draft.asked).toHaveLength(2);
    expect(opened.assessment.step).toBe(`test:${coach.pendingChecks(ME)[0]!}`);
    expect(opened.view.footer).toBe('Test 1 of 2');
  });

  it('rebuilds the plan with every result once the checks are done', () => {
    const r = driveAssessment(coach, ME);
    expect(r?.kind).toBe('complete');
    expect(coach.pendingChecks(ME)).toEqual([]);
    const latest = latestCompletedAssessment(db.handle.db, ME)!;
    expect(Object.keys(latest.draft.tests)).toHaveLength(16);
    expect(progressionStates(db.handle.db, ME).length).toBeGreaterThan(0);
  });
});
