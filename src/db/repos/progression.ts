import { and, eq, sql } from 'drizzle-orm';
import { GOAL_PATTERNS, type PatternId, type Side } from '../../content/ids.js';
import type { Plan } from '../../coaching/plan.js';
import { initialTrack, type EngineState, type TrackState } from '../../coaching/progression.js';
import { trackKey, type ProgressionLevels } from '../../coaching/session.js';
import { people, progression } from '../schema.js';
import { prepared } from '../prepared.js';
import type { Queryable } from '../types.js';

/** Engine v2 state per `pattern:side` (`TrackState`), plus the person's settled mornings. */

export interface StoredTrack extends TrackState {
  pattern: PatternId;
  side: Side;
}

/** A stored row: `levelSince` is null for rows from before v2. */
export type TrackRow = Omit<StoredTrack, 'levelSince'> & { levelSince: string | null };

/** One track's stored state: the columns both reads select. */
const TRACK_COLUMNS = {
  pattern: progression.pattern,
  side: progression.side,
  level: progression.level,
  rung: progression.rung,
  goodExposures: progression.goodExposures,
  levelSince: progression.levelSince,
  stepDowns: progression.stepDowns,
};

export function progressionStates(db: Queryable, personId: string): TrackRow[] {
  return prepared(db, 'progressionStates', () =>
    db
      .select(TRACK_COLUMNS)
      .from(progression)
      .where(eq(progression.personId, sql.placeholder('personId')))
      .orderBy(progression.pattern, progression.side)
      .prepare(),
  ).all({ personId });
}

/**
 * The engine state as stored. Rows from before v2 have no `level_since`: they count from
 * `today`, so a level change still waits the full 7 days.
 */
export function engineState(db: Queryable, personId: string, today: string): EngineState {
  const tracks: Record<string, TrackState> = {};
  for (const s of progressionStates(db, personId)) {
    tracks[trackKey(s.pattern, s.side)] = { level: s.level, rung: s.rung, goodExposures: s.goodExposures, levelSince: s.levelSince ?? today, stepDowns: s.stepDowns };
  }
  const row = db.select({ settled: people.settledMornings }).from(people).where(eq(people.id, personId)).get();
  return { tracks, settledMornings: row?.settled ?? 0 };
}

function splitKey(key: string): { pattern: PatternId; side: Side } {
  const [pattern, side] = key.split(':') as [PatternId, Side];
  return { pattern, side };
}

/** Writes the given tracks (others are left alone) and the settled-mornings count. */
export function saveEngineState(db: Queryable, personId: string, state: EngineState, now: Date): void {
  for (const [key, t] of Object.entries(state.tracks)) saveTrackState(db, personId, { ...splitKey(key), ...t }, now);
  setSettledMornings(db, personId, state.settledMornings, now);
}

export function setSettledMornings(db: Queryable, personId: string, settledMornings: number, now: Date): void {
  db.update(people).set({ settledMornings, updatedAt: now }).where(eq(people.id, personId)).run();
}

/** Replaces every track (a new plan or a reassessment): tracks not in `state` are removed. */
export function replaceEngineState(db: Queryable, personId: string, state: EngineState, now: Date): void {
  db.delete(progression).where(eq(progression.personId, personId)).run();
  saveEngineState(db, personId, state, now);
}

/** A first plan: every item starts at its level, on the first rung, from `date`. */
export function seedEngineState(plan: Plan, date: string): EngineState {
  const tracks: Record<string, TrackState> = {};
  for (const i of plan.items) tracks[trackKey(i.pattern, i.side)] ??= initialTrack(i.level, date);
  return { tracks, settledMornings: 0 };
}

export function saveTrackState(db: Queryable, personId: string, state: StoredTrack, now: Date): void {
  db.insert(progression)
    .values({ personId, ...state, updatedAt: now })
    .onConflictDoUpdate({
      target: [progression.personId, progression.pattern, progression.side],
      set: {
        level: sql`excluded.level`,
        rung: sql`excluded.rung`,
        goodExposures: sql`excluded.good_exposures`,
        levelSince: sql`excluded.level_since`,
        stepDowns: sql`excluded.step_downs`,
        updatedAt: sql`excluded.updated_at`,
      },
    })
    .run();
}

export function trackState(db: Queryable, personId: string, pattern: PatternId, side: Side): TrackRow | undefined {
  return db
    .select(TRACK_COLUMNS)
    .from(progression)
    .where(and(eq(progression.personId, personId), eq(progression.pattern, pattern), eq(progression.side, side)))
    .get();
}

/**
 * A plan rebuilt without a new assessment (a goal change): tracks the plan still has keep their
 * row untouched (level, rung, streaks), new tracks start at the plan's level, tracks it dropped go.
 * Goal patterns (impact) are not plan items and keep their place.
 */
export function keepProgressionForPlan(db: Queryable, personId: string, plan: Plan, now: Date): void {
  const wanted = new Set(plan.items.map((i) => trackKey(i.pattern, i.side)));
  for (const row of progressionStates(db, personId)) {
    if (wanted.has(trackKey(row.pattern, row.side)) || GOAL_PATTERNS.includes(row.pattern)) continue;
    db.delete(progression)
      .where(and(eq(progression.personId, personId), eq(progression.pattern, row.pattern), eq(progression.side, row.side)))
      .run();
  }
  const rows = plan.items.map((i) => ({ personId, pattern: i.pattern, side: i.side, level: i.level, updatedAt: now }));
  if (rows.length > 0) db.insert(progression).values(rows).onConflictDoNothing().run();
}

/** Every track's level and rung, for reads that only show where a person stands (no engine state). */
export function progressionLevels(db: Queryable, personId: string): ProgressionLevels {
  return Object.fromEntries(progressionStates(db, personId).map((s) => [trackKey(s.pattern, s.side), { level: s.level, rung: s.rung }]));
}
