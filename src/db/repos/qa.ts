import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { phraseCache, qaLog } from '../schema.js';
import type { Queryable } from '../types.js';

export type QaEntry = typeof qaLog.$inferInsert;

export function logQuestion(db: Queryable, entry: Omit<QaEntry, 'id'>): void {
  db.insert(qaLog).values(entry).run();
}

/** When the person asked questions that count toward the hourly limit, oldest first. */
export function questionsSince(db: Queryable, personId: string, since: Date): Date[] {
  return db
    .select({ at: qaLog.createdAt })
    .from(qaLog)
    .where(and(eq(qaLog.personId, personId), gte(qaLog.createdAt, since), inArray(qaLog.outcome, ['llm', 'fallback', 'fixed', 'red_flag'])))
    .orderBy(asc(qaLog.createdAt))
    .all()
    .map((r) => r.at);
}

/** The last questions and answers in a Q&A thread, oldest first. */
export function threadHistory(db: Queryable, threadId: string, limit: number): { question: string; answer: string }[] {
  const rows = db
    .select({ question: qaLog.question, answer: qaLog.answer, at: qaLog.createdAt, id: qaLog.id })
    .from(qaLog)
    .where(eq(qaLog.threadId, threadId))
    .orderBy(asc(qaLog.createdAt), asc(qaLog.id))
    .all();
  return rows.slice(-limit).map(({ question, answer }) => ({ question, answer }));
}

export function cachedPhrase(db: Queryable, key: string): string | undefined {
  return db.select({ text: phraseCache.text }).from(phraseCache).where(eq(phraseCache.key, key)).get()?.text;
}

export function cachePhrase(db: Queryable, key: string, text: string, now: Date): void {
  db.insert(phraseCache).values({ key, text, createdAt: now }).onConflictDoNothing().run();
}
