import { describe, expect, it } from 'vitest';
import { STEPS, emptyDraft, type AssessmentDraft } from '../../src/flows/assessment-state.js';
import { closeAssessment, countCompletedAssessments, getAssessment, inProgressAssessment, latestCompletedAssessment, resultsFor, saveAssessmentProgress, saveResults, startAssessment } from '../../src/db/repos/assessments.js';
import { latestMeasures, measureHistory, psfsMean, recordMeasures } from '../../src/db/repos/measures.js';

import { NOW, exampleAnswers, minutesLater, sqliteErrorCode, useTempDb } from './helpers.js';

const P = 'person-a';
const Q = 'person-b';

const DRAFT: AssessmentDraft = {
  redFlags: { trauma_cannot_bear_weight: false, cold_pale_leg: false, cancer_history: false },
  baseline: { painAverage: 4, painWorst: 7, psfs: [{ activity: 'getting into the car', score: 4 }] },
  tests: {
    active_hip_flexion: { left: { rating: 'full', pain: 0 }, right: { rating: 'partial', pain: 5, painPlace: 'front' } },
    hip_hinge: { both: { rating: 'loses_one' } },
  },
  skipped: ['prone_hip_extension'],
};

describe('assessment sessions', () => {
  const t = useTempDb(P, Q);

  it('startAssessment begins at the first step with an empty draft', () => {
    const a = startAssessment(t.handle.db, P, 'initial', NOW);
    expect(a).toEqual({
      id: a.id,
      personId: P,
      kind: 'initial',
      step: 'screen:emergency',
      draft: emptyDraft(),
      status: 'in_progress',
      startedAt: NOW,
      updatedAt: NOW,
      completedAt: null,
    });
    expect(STEPS[0]).toBe('screen:emergency');
    expect(inProgressAssessment(t.handle.db, P)?.id).toBe(a.id);
    expect(inProgressAssessment(t.handle.db, Q)).toBeUndefined();
  });

  it('resumes the same step and draft after the database is closed and reopened', () => {
    const a = startAssessment(t.handle.db, P, 'initial', NOW);
    saveAssessmentProgress(t.handle.db, a.id, 'test:seated_knee_lift', DRAFT, minutesLater(7));

    const db = t.reopen().db;
    const resumed = inProgressAssessment(db, P);
    expect(resumed?.id).toBe(a.id);
    expect(resumed?.step).toBe('test:seated_knee_lift');
    expect(resumed?.draft).toEqual(DRAFT);
    expect(resumed?.startedAt).toEqual(NOW);
    expect(resumed?.updatedAt).toEqual(minutesLater(7));
    expect(getAssessment(db, a.id)?.step).toBe('test:seated_knee_lift');
  });

  it('allows only one in-progress assessment per person', () => {
    startAssessment(t.handle.db, P, 'initial', NOW);
    expect(sqliteErrorCode(() => startAssessment(t.handle.db, P, 'reassessment', minutesLater(1)))).toBe('SQLITE_CONSTRAINT_UNIQUE');
    // Another person is not affected.
    expect(startAssessment(t.handle.db, Q, 'initial', NOW).status).toBe('in_progress');
  });

  it('closeAssessment ends it, so a new one can start', () => {
    const a = startAssessment(t.handle.db, P, 'initial', NOW);
    closeAssessment(t.handle.db, a.id, 'abandoned', minutesLater(5));
    expect(inProgressAssessment(t.handle.db, P)).toBeUndefined();
    const closed = getAssessment(t.handle.db, a.id);
    expect(closed?.status).toBe('abandoned');
    expect(closed?.completedAt).toEqual(minutesLater(5));
    expect(closed?.updatedAt).toEqual(minutesLater(5));

    const b = startAssessment(t.handle.db, P, 'reassessment', minutesLater(6));
    expect(b.id).not.toBe(a.id);
    expect(inProgressAssessment(t.handle.db, P)?.kind).toBe('reassessment');
  });

  it('latestCompletedAssessment returns the newest completed one, ignoring other statuses', () => {
    expect(latestCompletedAssessment(t.handle.db, P)).toBeUndefined();
    const first = startAssessment(t.handle.db, P, 'initial', NOW);
    closeAssessment(t.handle.db, first.id, 'completed', minutesLater(10));
    const second = startAssessment(t.handle.db, P, 'reassessment', minutesLater(20));
    closeAssessment(t.handle.db, second.id, 'completed', minutesLater(30));
    const third = startAssessment(t.handle.db, P, 'reassessment', minutesLater(40));
    closeAssessment(t.handle.db, third.id, 'referred', minutesLater(50));
    startAssessment(t.handle.db, P, 'reassessment', minutesLater(60));

    const latest = latestCompletedAssessment(t.handle.db, P);
    expect(latest?.id).toBe(second.id);
    expect(latest?.completedAt).toEqual(minutesLater(30));
    expect(countCompletedAssessments(t.handle.db)).toBe(2);
    expect(latestCompletedAssessment(t.handle.db, Q)).toBeUndefined();
  });

  it('a draft with the wrong shape comes back as the first step with an empty draft', () => {
    const a = startAssessment(t.handle.db, P, 'initial', NOW);
    saveAssessmentProgress(t.handle.db, a.id, 'review', DRAFT, NOW);
    t.handle.sqlite.prepare('UPDATE assessment_sessions SET draft = ? WHERE id = ?').run('{"tests":{"not_a_test":{}},"extra":1}', a.id);
    const got = inProgressAssessment(t.handle.db, P);
    expect(got?.id).toBe(a.id);
    expect(got?.step).toBe('screen:emergency');
    expect(got?.draft).toEqual(emptyDraft());
  });

  it('an unknown step comes back as the first step, keeping a valid draft', () => {
    const a = startAssessment(t.handle.db, P, 'initial', NOW);
    saveAssessmentProgress(t.handle.db, a.id, 'review', DRAFT, NOW);
    t.handle.sqlite.prepare("UPDATE assessment_sessions SET step = 'test:no_such_test' WHERE id = ?").run(a.id);
    const got = inProgressAssessment(t.handle.db, P);
    expect(got?.step).toBe('screen:emergency');
    expect(got?.draft).toEqual(DRAFT);
  });

  it('a draft that is not JSON at all comes back as the first step with an empty draft', () => {
    const a = startAssessment(t.handle.db, P, 'initial', NOW);
    saveAssessmentProgress(t.handle.db, a.id, 'review', DRAFT, NOW);
    t.handle.sqlite.prepare('UPDATE assessment_sessions SET draft = ? WHERE id = ?').run('{not json at all', a.id);
    const got = inProgressAssessment(t.handle.db, P);
    expect(got?.step).toBe('screen:emergency');
    expect(got?.draft).toEqual(emptyDraft());
  });
});

describe('assessment results', () => {
  const t = useTempDb(P);

  it('saveResults stores one row per test and side, in spec order', () => {
    const a = startAssessment(t.handle.db, P, 'initial', NOW);
    const answers = exampleAnswers();
    saveResults(t.handle.db, a.id, P, answers.tests, minutesLater(1));
    const rows = resultsFor(t.handle.db, a.id);

    // The example has 11 two-sided tests and 2 tests done with both legs: 24 rows, split_squat absent.
    expect(rows).toHaveLength(24);
    expect(rows.map((r) => `${r.testId}:${r.side}`).slice(0, 4)).toEqual([
      'active_hip_flexion:left',
      'active_hip_flexion:right',
      'seated_knee_lift:left',
      'seated_knee_lift:right',
    ]);
    expect(new Set(rows.map((r) => `${r.testId}:${r.side}`)).size).toBe(24);
    expect(rows.filter((r) => r.side === 'both').map((r) => r.testId)).toEqual(['hip_hinge', 'bodyweight_squat']);
    expect(rows.some((r) => r.testId === 'split_squat')).toBe(false);

    const right = rows.find((r) => r.testId === 'active_hip_flexion' && r.side === 'right');
    expect(right).toMatchObject({ assessmentId: a.id, personId: P, rating: 'partial', pain: 5, painPlace: 'front', recordedAt: minutesLater(1) });
    const left = rows.find((r) => r.testId === 'active_hip_flexion' && r.side === 'left');
    expect(left).toMatchObject({ rating: 'full', pain: 0, painPlace: null });
    const squat = rows.find((r) => r.testId === 'bodyweight_squat');
    expect(squat).toMatchObject({ side: 'both', rating: 'partial', pain: 3, painPlace: 'front' });
  });

  it('saveResults stores only the sides given and nothing for no tests', () => {
    const a = startAssessment(t.handle.db, P, 'initial', NOW);
    saveResults(t.handle.db, a.id, P, { figure_four: { right: { rating: 'limited', pain: 2, painPlace: 'side' } } }, NOW);
    expect(resultsFor(t.handle.db, a.id).map((r) => [r.testId, r.side, r.rating])).toEqual([['figure_four', 'right', 'limited']]);

    closeAssessment(t.handle.db, a.id, 'completed', NOW);
    const b = startAssessment(t.handle.db, P, 'initial', NOW);
    expect(() => {
      saveResults(t.handle.db, b.id, P, {}, NOW);
    }).not.toThrow();
    expect(resultsFor(t.handle.db, b.id)).toEqual([]);
  });

  it('the same test and side cannot be saved twice for one assessment', () => {
    const a = startAssessment(t.handle.db, P, 'initial', NOW);
    const tests = { figure_four: { left: { rating: 'full' as const, pain: 0 } } };
    saveResults(t.handle.db, a.id, P, tests, NOW);
    expect(sqliteErrorCode(() => {
      saveResults(t.handle.db, a.id, P, tests, NOW);
    })).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(resultsFor(t.handle.db, a.id)).toHaveLength(1);
  });
});

describe('measures', () => {
  const t = useTempDb(P, Q);

  it('psfsMean averages to two decimals, null when empty', () => {
    expect(psfsMean([])).toBeNull();
    expect(psfsMean([{ score: 4 }, { score: 5 }])).toBe(4.5);
    expect(psfsMean([{ score: 1 }, { score: 2 }, { score: 2 }])).toBe(1.67);
  });

  it('recordMeasures stores the baseline with its PSFS mean', () => {
    const a = startAssessment(t.handle.db, P, 'initial', NOW);
    const baseline = exampleAnswers().baseline!;
    const m = recordMeasures(t.handle.db, P, a.id, baseline, NOW);
    expect(m).toEqual({
      id: m.id,
      personId: P,
      assessmentId: a.id,
      painAverage: 4,
      painWorst: 7,
      psfs: [
        { activity: 'getting into the car', score: 4 },
        { activity: 'sitting for an hour', score: 5 },
      ],
      psfsMean: 4.5,
      takenAt: NOW,
    });
    const empty = recordMeasures(t.handle.db, P, null, { painAverage: 2, painWorst: 3, psfs: [] }, minutesLater(1));
    expect(empty.psfsMean).toBeNull();
    expect(empty.assessmentId).toBeNull();
  });

  it('latestMeasures is the newest by takenAt; measureHistory is oldest first', () => {
    const later = recordMeasures(t.handle.db, P, null, { painAverage: 3, painWorst: 5, psfs: [{ activity: 'stairs', score: 6 }] }, minutesLater(60));
    const earlier = recordMeasures(t.handle.db, P, null, { painAverage: 6, painWorst: 8, psfs: [{ activity: 'stairs', score: 2 }] }, NOW);
    const sameTime = recordMeasures(t.handle.db, P, null, { painAverage: 2, painWorst: 4, psfs: [] }, minutesLater(60));
    recordMeasures(t.handle.db, Q, null, { painAverage: 9, painWorst: 9, psfs: [] }, minutesLater(120));

    // Inserted out of order: ordering comes from takenAt, ties broken by id.
    expect(latestMeasures(t.handle.db, P)?.id).toBe(sameTime.id);
    expect(measureHistory(t.handle.db, P).map((m) => m.id)).toEqual([earlier.id, later.id, sameTime.id]);
    expect(measureHistory(t.handle.db, P).map((m) => m.painAverage)).toEqual([6, 3, 2]);
    expect(latestMeasures(t.handle.db, Q)?.painAverage).toBe(9);
    expect(latestMeasures(t.handle.db, 'nobody')).toBeUndefined();
    expect(measureHistory(t.handle.db, 'nobody')).toEqual([]);
  });
});
