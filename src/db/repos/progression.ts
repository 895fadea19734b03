import { and, eq, sql } from 'drizzle-orm';
import { GOAL_PATTERNS, type PatternId, type Side } from '../../content/ids.js';
import type { Plan } from '../../coaching/plan.js';
import type { ProgressionState } from '../../coaching/progression.js';
import { trackKey, type ProgressionLevels } from '../../coaching/session.js';
import { progression } from '../schema.js';
import { prepared } from '../prepared.js';
import type { Queryable } from '../types.js';

export interface TrackState extends ProgressionState {
  pattern: PatternId;
  side: Side;
}

export function progressionStates(db: Queryable, personId: string): TrackState[] {
  return prepared(db, 'progressionStates', () =>
    db
      .select({
        pattern: progression.pattern,
        side: progression.side,
        level: progression.level,
        goodStreak: progression.goodStreak,
        regressStreak: progression.regressStreak,
      })
      .from(progression)
      .where(eq(progression.personId, sql.placeholder('personId')))
      .orderBy(progression.pattern, progression.side)
      .prepare(),
  ).all({ personId });
}

export function progressionLevels(db: Queryable, personId: string): ProgressionLevels {
  return Object.fromEntries(progressionStates(db, personId).map((s) => [trackKey(s.pattern, s.side), { level: s.level }]));
}

/** A new plan sets every track's start; tracks the plan no longer has are removed. */
export function resetProgressionFromPlan(db: Queryable, personId: string, plan: Plan, now: Date): void {
  db.delete(progression).where(eq(progression.personId, personId)).run();
  const rows = plan.items.map((i) => ({
    personId,
    pattern: i.pattern,
    side: i.side,
    level: i.level,
    goodStreak: 0,
    regressStreak: 0,
    updatedAt: now,
  }));
  if (rows.length > 0) db.insert(progression).values(rows).onConflictDoNothing().run();
}

export function saveTrackState(db: Queryable, personId: string, state: TrackState, now: Date): void {
  db.insert(progression)
    .values({ personId, ...state, updatedAt: now })
    .onConflictDoUpdate({
      target: [progression.personId, progression.pattern, progression.side],
      set: {
        level: sql`excluded.level`,
        goodStreak: sql`excluded.good_streak`,
        regressStreak: sql`excluded.regress_streak`,
        updatedAt: sql`excluded.updated_at`,
      },
    })
    .run();
}

export function trackState(db: Queryable, personId: string, pattern: PatternId, side: Side): TrackState | undefined {
  return db
    .select({
      pattern: progression.pattern,
      side: progression.side,
      level: progression.level,
      goodStreak: progression.goodStreak,
      regressStreak: progression.regressStreak,
    })
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
