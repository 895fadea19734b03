import type { Db } from '../db/connection.js';
import { getMeta, setMeta } from '../db/repos/meta.js';
import { cachedPhrase, cachePhrase, logQuestion, questionsSince, threadHistory, type QaEntry } from '../db/repos/qa.js';
import type { Clock } from './time.js';

/**
 * What the Q&A module stores: the question log (rate limit, thread history), the cache of
 * LLM-phrased opening lines and the daily token budget. src/qa reaches the database only here,
 * so one place answers "who writes qa_log, phrase_cache and the budget rows of meta?".
 */
export class QaRecords {
  constructor(private readonly deps: { db: Db; clock: Clock }) {}

  /** When the person asked questions that count toward the hourly limit, oldest first. */
  questionsSince(personId: string, since: Date): Date[] {
    return questionsSince(this.deps.db, personId, since);
  }

  logQuestion(entry: Omit<QaEntry, 'id'>): void {
    logQuestion(this.deps.db, entry);
  }

  /** The last questions and answers in a Q&A thread, oldest first. */
  threadHistory(threadId: string, limit: number): { question: string; answer: string }[] {
    return threadHistory(this.deps.db, threadId, limit);
  }

  cachedPhrase(key: string): string | undefined {
    return cachedPhrase(this.deps.db, key);
  }

  cachePhrase(key: string, text: string): void {
    cachePhrase(this.deps.db, key, text, this.deps.clock());
  }

  /** LLM tokens spent today (UTC day of the clock). */
  tokensUsedToday(): number {
    return Number(getMeta(this.deps.db, this.budgetKey()) ?? 0);
  }

  addTokensUsed(used: number): void {
    setMeta(this.deps.db, this.budgetKey(), String(this.tokensUsedToday() + used), this.deps.clock());
  }

  private budgetKey(): string {
    return `llm_tokens:${this.deps.clock().toISOString().slice(0, 10)}`;
  }
}
