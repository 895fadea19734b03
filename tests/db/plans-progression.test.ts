import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/coaching/plan.js';
import { trackKey } from '../../src/coaching/session.js';
import { getLibrary } from '../../src/content/load.js';
import { closeAssessment, startAssessment } from '../../src/db/repos/assessments.js';

import { activePlan, saveActivePlan } from '../../src/db/repos/plans.js';
import { engineState, progressionStates, replaceEngineState, saveTrackState, seedEngineState, setSettledMornings, trackState } from '../../src/db/repos/progression.js';
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

describe('progression (engine v2 state)', () => {
  const t = useTempDb(P, Q);
  const DAY = '2026-03-02';
  const seed = (personId: string, plan: typeof plan20, now = NOW): void => {
    replaceEngineState(t.handle.db, personId, seedEngineState(plan, DAY), now);
  };

  it('a seeded plan writes one row per plan item at its level, first rung, level since the start day', () => {
    seed(P, plan20);
    const states = progressionStates(t.handle.db, P);
    expect(states).toHaveLength(plan20.items.length);
    for (const item of plan20.items) {
      expect(trackState(t.handle.db, P, item.pattern, item.side)).toEqual({
        pattern: item.pattern,
        side: item.side,
        level: item.level,
        rung: 0,
        goodExposures: 0,
        levelSince: DAY,
        stepDowns: 0,
      });
    }
    const raw = t.handle.sqlite.prepare('SELECT DISTINCT updated_at AS u FROM progression').all() as { u: number }[];
    expect(raw).toEqual([{ u: NOW.getTime() }]);
  });

  it('engineState is keyed by pattern:side and carries rungs and settled mornings', () => {
    seed(P, plan20);
    const state = engineState(t.handle.db, P, DAY);
    expect(Object.keys(state.tracks).sort()).toEqual(plan20.items.map((i) => trackKey(i.pattern, i.side)).sort());
    expect(trackKey('internal_rotation', 'left')).toBe('internal_rotation:left');
    saveTrackState(t.handle.db, P, { pattern: 'hip_flexion', side: 'left', level: 5, rung: 2, goodExposures: 1, levelSince: '2026-03-05', stepDowns: 0 }, NOW);
    setSettledMornings(t.handle.db, P, 3, NOW);
    const after = engineState(t.handle.db, P, DAY);
    expect(after.tracks['hip_flexion:left']).toEqual({ level: 5, rung: 2, goodExposures: 1, levelSince: '2026-03-05', stepDowns: 0 });
    expect(after.settledMornings).toBe(3);
    expect(engineState(t.handle.db, Q, DAY)).toEqual({ tracks: {}, settledMornings: 0 });
  });

  it('a row from before v2 (no level_since) counts its level from today', () => {
    seed(P, plan20);
    t.handle.sqlite.prepare('UPDATE progression SET level_since = NULL WHERE person_id = ?').run(P);
    const item = plan20.items[0]!;
    expect(engineState(t.handle.db, P, '2026-04-01').tracks[trackKey(item.pattern, item.side)]?.levelSince).toBe('2026-04-01');
  });

  it('saveTrackState inserts a new track, then updates it in place', () => {
    saveTrackState(t.handle.db, P, { pattern: 'abduction', side: 'left', level: 2, rung: 1, goodExposures: 1, levelSince: DAY, stepDowns: 0 }, NOW);
    saveTrackState(t.handle.db, P, { pattern: 'abduction', side: 'left', level: 3, rung: 0, goodExposures: 0, levelSince: '2026-03-10', stepDowns: 1 }, minutesLater(5));
    expect(trackState(t.handle.db, P, 'abduction', 'left')).toEqual({
      pattern: 'abduction',
      side: 'left',
      level: 3,
      rung: 0,
      goodExposures: 0,
      levelSince: '2026-03-10',
      stepDowns: 1,
    });
    expect(progressionStates(t.handle.db, P)).toHaveLength(1);
    const raw = t.handle.sqlite.prepare('SELECT updated_at AS u FROM progression').get() as { u: number };
    expect(raw.u).toBe(minutesLater(5).getTime());
    // The other side is a separate track.
    expect(trackState(t.handle.db, P, 'abduction', 'right')).toBeUndefined();
  });

  it('replacing the state removes tracks the new state no longer has, for that person only', () => {
    seed(P, plan20);
    saveTrackState(t.handle.db, P, { pattern: 'impact', side: 'left', level: 4, rung: 0, goodExposures: 0, levelSince: DAY, stepDowns: 0 }, NOW);
    expect(plan40.items.some((i) => i.pattern === 'impact' && i.side === 'left')).toBe(false);
    seed(Q, plan20);
    seed(P, plan40, minutesLater(10));
    expect(trackState(t.handle.db, P, 'impact', 'left')).toBeUndefined();
    expect(progressionStates(t.handle.db, P)).toHaveLength(plan40.items.length);
    expect(progressionStates(t.handle.db, Q)).toHaveLength(plan20.items.length);
  });
});
