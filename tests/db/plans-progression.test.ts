import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/coaching/plan.js';
import { trackKey } from '../../src/coaching/session.js';
import { getLibrary } from '../../src/content/load.js';
import { closeAssessment, startAssessment } from '../../src/db/repos/assessments.js';

import { activePlan, saveActivePlan } from '../../src/db/repos/plans.js';
import { progressionLevels, progressionStates, resetProgressionFromPlan, saveTrackState, trackState } from '../../src/db/repos/progression.js';
import { NOW, examplePlan, minutesLater, sqliteErrorCode, type TempDb, useTempDb } from './helpers.js';

const P = 'person-a';
const Q = 'person-b';

let plan20: Plan;
let plan40: Plan;

beforeAll(() => {
  plan20 = examplePlan();
  plan40 = examplePlan({ prefs: { minutes: 40, equipment: ['none'] } });
});

function planRows(t: TempDb): { id: number; person_id: string; active: number }[] {
  return t.handle.sqlite.prepare('SELECT id, person_id, active FROM plans ORDER BY id').all() as {
    id: number;
    person_id: string;
    active: number;
  }[];
}

describe('plans', () => {
  const t = useTempDb(P, Q);

  it('the example answers build a real plan with items', () => {
    expect(plan20.referral).toBeNull();
    expect(plan20.contentVersion).toBe(getLibrary().version);
    expect(plan20.items.length).toBeGreaterThan(3);
    expect(plan20.minutes).toBe(20);
    expect(plan40.minutes).toBe(40);
  });

  it('saveActivePlan stores the whole plan as the active one', () => {
    const a = startAssessment(t.handle.db, P, 'initial', NOW);
    closeAssessment(t.handle.db, a.id, 'completed', NOW);
    const saved = saveActivePlan(t.handle.db, P, a.id, plan20, NOW);
    expect(saved).toMatchObject({ personId: P, assessmentId: a.id, contentVersion: plan20.contentVersion, active: true, createdAt: NOW });

    const loaded = t.reopen().db;
    const got = activePlan(loaded, P);
    expect(got?.id).toBe(saved.id);
    // JSON round trip is exact: the stored plan equals the engine's output.
    expect(got?.plan).toEqual(plan20);
  });

  it('keeps exactly one active plan per person; older plans stay as history', () => {
    const first = saveActivePlan(t.handle.db, P, null, plan20, NOW);
    const other = saveActivePlan(t.handle.db, Q, null, plan20, NOW);
    const second = saveActivePlan(t.handle.db, P, null, plan40, minutesLater(60));

    const active = activePlan(t.handle.db, P);
    expect(active?.id).toBe(second.id);
    expect(active?.plan.minutes).toBe(40);
    expect(active?.createdAt).toEqual(minutesLater(60));
    expect(planRows(t)).toEqual([
      { id: first.id, person_id: P, active: 0 },
      { id: other.id, person_id: Q, active: 1 },
      { id: second.id, person_id: P, active: 1 },
    ]);
    expect(activePlan(t.handle.db, Q)?.id).toBe(other.id);

    const third = saveActivePlan(t.handle.db, P, null, plan20, minutesLater(120));
    expect(activePlan(t.handle.db, P)?.id).toBe(third.id);
    expect(planRows(t).filter((r) => r.person_id === P).map((r) => r.active)).toEqual([0, 0, 1]);
  });

  it('the database itself refuses a second active plan', () => {
    saveActivePlan(t.handle.db, P, null, plan20, NOW);
    const code = sqliteErrorCode(() =>
      t.handle.sqlite
        .prepare("INSERT INTO plans (person_id, content_version, plan, active, created_at) VALUES (?, 'x', '{}', 1, 0)")
        .run(P),
    );
    expect(code).toBe('SQLITE_CONSTRAINT_UNIQUE');
  });

  it('activePlan is undefined for someone without a plan', () => {
    expect(activePlan(t.handle.db, P)).toBeUndefined();
  });

  it('deleting the assessment keeps the plan and clears its link', () => {
    const a = startAssessment(t.handle.db, P, 'initial', NOW);
    const saved = saveActivePlan(t.handle.db, P, a.id, plan20, NOW);
    t.handle.sqlite.prepare('DELETE FROM assessment_sessions WHERE id = ?').run(a.id);
    const got = activePlan(t.handle.db, P);
    expect(got?.id).toBe(saved.id);
    expect(got?.assessmentId).toBeNull();
  });
});

describe('progression', () => {
  const t = useTempDb(P, Q);

  it('resetProgressionFromPlan writes one row per plan item at the item’s level', () => {
    resetProgressionFromPlan(t.handle.db, P, plan20, NOW);
    const states = progressionStates(t.handle.db, P);
    expect(states).toHaveLength(plan20.items.length);
    for (const item of plan20.items) {
      expect(trackState(t.handle.db, P, item.pattern, item.side)).toEqual({
        pattern: item.pattern,
        side: item.side,
        level: item.level,
        goodStreak: 0,
        regressStreak: 0,
      });
    }
    const raw = t.handle.sqlite.prepare('SELECT DISTINCT updated_at AS u FROM progression').all() as { u: number }[];
    expect(raw).toEqual([{ u: NOW.getTime() }]);
  });

  it('progressionLevels is keyed by pattern:side', () => {
    resetProgressionFromPlan(t.handle.db, P, plan20, NOW);
    const levels = progressionLevels(t.handle.db, P);
    const expected = Object.fromEntries(plan20.items.map((i) => [`${i.pattern}:${i.side}`, { level: i.level }]));
    expect(levels).toEqual(expected);
    for (const key of Object.keys(levels)) expect(key).toMatch(/^[a-z_]+:(left|right|both)$/);
    expect(trackKey('internal_rotation', 'left')).toBe('internal_rotation:left');
    saveTrackState(t.handle.db, P, { pattern: 'hip_flexion', side: 'left', level: 5, goodStreak: 0, regressStreak: 0 }, NOW);
    expect(progressionLevels(t.handle.db, P)['hip_flexion:left']).toEqual({ level: 5 });
    expect(progressionLevels(t.handle.db, Q)).toEqual({});
  });

  it('saveTrackState inserts a new track, then updates it in place', () => {
    saveTrackState(t.handle.db, P, { pattern: 'abduction', side: 'left', level: 2, goodStreak: 1, regressStreak: 0 }, NOW);
    expect(trackState(t.handle.db, P, 'abduction', 'left')).toEqual({
      pattern: 'abduction',
      side: 'left',
      level: 2,
      goodStreak: 1,
      regressStreak: 0,
    });
    saveTrackState(t.handle.db, P, { pattern: 'abduction', side: 'left', level: 3, goodStreak: 0, regressStreak: 2 }, minutesLater(5));
    expect(trackState(t.handle.db, P, 'abduction', 'left')).toEqual({
      pattern: 'abduction',
      side: 'left',
      level: 3,
      goodStreak: 0,
      regressStreak: 2,
    });
    expect(progressionStates(t.handle.db, P)).toHaveLength(1);
    const raw = t.handle.sqlite.prepare('SELECT updated_at AS u FROM progression').get() as { u: number };
    expect(raw.u).toBe(minutesLater(5).getTime());
    // The other side is a separate track.
    expect(trackState(t.handle.db, P, 'abduction', 'right')).toBeUndefined();
  });

  it('a new plan resets every track and removes tracks the plan no longer has', () => {
    resetProgressionFromPlan(t.handle.db, P, plan20, NOW);
    const item = plan20.items[0]!;
    saveTrackState(t.handle.db, P, { pattern: item.pattern, side: item.side, level: item.level + 1, goodStreak: 3, regressStreak: 0 }, NOW);
    // Spec v2 keeps every pattern in a plan: a goal pattern's one-sided track is one no plan has.
    saveTrackState(t.handle.db, P, { pattern: 'impact', side: 'left', level: 4, goodStreak: 0, regressStreak: 0 }, NOW);
    expect(plan20.items.some((i) => i.pattern === 'impact' && i.side === 'left')).toBe(false);
    resetProgressionFromPlan(t.handle.db, Q, plan20, NOW);

    resetProgressionFromPlan(t.handle.db, P, plan40, minutesLater(10));
    expect(trackState(t.handle.db, P, 'impact', 'left')).toBeUndefined();
    expect(trackState(t.handle.db, P, item.pattern, item.side)).toMatchObject({ level: item.level, goodStreak: 0 });
    expect(progressionStates(t.handle.db, P)).toHaveLength(plan40.items.length);
    // The other person's tracks are untouched.
    expect(progressionStates(t.handle.db, Q)).toHaveLength(plan20.items.length);
  });
});
