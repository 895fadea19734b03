import type Database from 'better-sqlite3';
import { count, type SQL } from 'drizzle-orm';
import type { BaseSQLiteDatabase, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema.js';

/** The database or a transaction on it: repositories accept either, so callers choose the unit of work. */
export type Queryable = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;

/** Synchronous row count (drizzle's `$count` is async-only). */
export function countRows(db: Queryable, table: SQLiteTable, where?: SQL): number {
  const q = db.select({ n: count() }).from(table);
  return (where ? q.where(where) : q).get()?.n ?? 0;
}
