import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { EquipmentId } from '../../content/ids.js';
import { people, type PersonStatus } from '../schema.js';
import { prepared } from '../prepared.js';
import { countRows, type Queryable } from '../types.js';

export type Person = typeof people.$inferSelect;

export interface PersonSettings {
  timezone?: string;
  reminderTime?: string;
  minutes?: number;
  equipment?: EquipmentId[];
  remindersOn?: boolean;
  weeklyCharts?: boolean;
  dmBlockedAt?: Date | null;
  dmBlockedNoticeAt?: Date | null;
}

export function getPerson(db: Queryable, id: string): Person | undefined {
  return prepared(db, 'getPerson', () => db.select().from(people).where(eq(people.id, sql.placeholder('id'))).prepare()).get({ id });
}

/** A person not yet stored, with the table's defaults: what a read returns for someone new. */
export function unsavedPerson(id: string, now: Date): Person {
  return {
    id,
    timezone: 'UTC',
    reminderTime: '08:00',
    minutes: 20,
    equipment: ['none'],
    remindersOn: true,
    weeklyCharts: false,
    consentAt: null,
    status: 'new',
    nextRunAt: null,
    dmChannelId: null,
    dmBlockedAt: null,
    dmBlockedNoticeAt: null,
    lastSeenAt: now,
    retentionNoticeAt: null,
    goal: null,
    settledMornings: 0,
    createdAt: now,
    updatedAt: now,
  };
}

/** Returns the person, creating a row with defaults on first contact. */
export function ensurePerson(db: Queryable, id: string, now: Date): Person {
  db.insert(people).values({ id, lastSeenAt: now, createdAt: now, updatedAt: now }).onConflictDoNothing().run();
  return getPerson(db, id)!;
}

export function updateSettings(db: Queryable, id: string, settings: PersonSettings, now: Date): Person | undefined {
  db.update(people)
    .set({ ...settings, updatedAt: now })
    .where(eq(people.id, id))
    .run();
  return getPerson(db, id);
}

export function recordConsent(db: Queryable, id: string, now: Date): void {
  db.update(people).set({ consentAt: now, status: 'consented', updatedAt: now }).where(eq(people.id, id)).run();
}

export function setStatus(db: Queryable, id: string, status: PersonStatus, now: Date): void {
  db.update(people).set({ status, updatedAt: now }).where(eq(people.id, id)).run();
}

/** Erases the person; every other table cascades from this row. Returns whether a row existed. */
export function deletePerson(db: Queryable, id: string): boolean {
  return db.delete(people).where(eq(people.id, id)).run().changes > 0;
}

export function countPeople(db: Queryable): number {
  return countRows(db, people);
}

/** People whose daily DM is due: reminders on, an active plan, DMs not blocked. */
export function duePeople(db: Queryable, now: Date, limit: number): Person[] {
  return db
    .select()
    .from(people)
    .where(and(lte(people.nextRunAt, now), eq(people.remindersOn, true), eq(people.status, 'active'), isNull(people.dmBlockedAt)))
    .orderBy(asc(people.nextRunAt), asc(people.id))
    .limit(limit)
    .all();
}

export function setNextRun(db: Queryable, id: string, nextRunAt: Date | null): void {
  // Prepared once: the scheduler's claim runs this for every due person.
  // drizzle's update takes a placeholder only as raw SQL, so the value is stored as the column does (ms).
  prepared(db, 'setNextRun', () => db.update(people).set({ nextRunAt: sql`${sql.placeholder('nextRunAt')}` }).where(eq(people.id, sql.placeholder('id'))).prepare()).run({ id, nextRunAt: nextRunAt?.getTime() ?? null });
}

export function rememberDmChannel(db: Queryable, id: string, channelId: string): void {
  db.update(people).set({ dmChannelId: channelId }).where(eq(people.id, id)).run();
}

/** Discord refused a DM (50007): stop DMs until the person turns reminders back on. */
export function markDmBlocked(db: Queryable, id: string, now: Date): void {
  db.update(people).set({ dmBlockedAt: now, dmBlockedNoticeAt: null, nextRunAt: null }).where(eq(people.id, id)).run();
}

export function markDmBlockedNoticed(db: Queryable, id: string, now: Date): void {
  db.update(people).set({ dmBlockedNoticeAt: now }).where(eq(people.id, id)).run();
}
