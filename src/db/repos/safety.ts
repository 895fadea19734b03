import { and, desc, eq, isNull, isNotNull } from 'drizzle-orm';
import type { RedFlagId, ReferralLevel } from '../../content/ids.js';
import { redFlagScreens } from '../schema.js';
import type { Queryable } from '../types.js';

export type RedFlagScreen = typeof redFlagScreens.$inferSelect;

export interface ScreenRecord {
  personId: string;
  answers: Partial<Record<RedFlagId, boolean>>;
  positiveFlags: RedFlagId[];
  level: ReferralLevel | null;
  source: RedFlagScreen['source'];
}

export function recordScreen(db: Queryable, screen: ScreenRecord, now: Date): RedFlagScreen {
  return db
    .insert(redFlagScreens)
    .values({ ...screen, answers: screen.answers as Record<RedFlagId, boolean>, takenAt: now })
    .returning()
    .get();
}

/** The newest positive screen not yet cleared by a clinician, if any: it keeps the plan stopped. */
export function openReferral(db: Queryable, personId: string): RedFlagScreen | undefined {
  return db
    .select()
    .from(redFlagScreens)
    .where(and(eq(redFlagScreens.personId, personId), isNotNull(redFlagScreens.level), isNull(redFlagScreens.clearedAt)))
    .orderBy(desc(redFlagScreens.takenAt), desc(redFlagScreens.id))
    .get();
}

/** The person says a clinician cleared them: every open referral is closed. */
export function clearReferrals(db: Queryable, personId: string, now: Date): number {
  return db
    .update(redFlagScreens)
    .set({ clearedAt: now })
    .where(and(eq(redFlagScreens.personId, personId), isNotNull(redFlagScreens.level), isNull(redFlagScreens.clearedAt)))
    .run().changes;
}

/** Flags from urgent referrals a clinician has cleared: the screen does not ask these again. */
export function clearedUrgentFlags(db: Queryable, personId: string): Set<RedFlagId> {
  const rows = db
    .select({ flags: redFlagScreens.positiveFlags })
    .from(redFlagScreens)
    .where(and(eq(redFlagScreens.personId, personId), eq(redFlagScreens.level, 'urgent'), isNotNull(redFlagScreens.clearedAt)))
    .all();
  return new Set(rows.flatMap((r) => r.flags));
}
