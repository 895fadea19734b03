import { qaLog } from '../schema.js';
import type { Queryable } from '../types.js';

export type QaEntry = typeof qaLog.$inferInsert;

export function logQuestion(db: Queryable, entry: Omit<QaEntry, 'id'>): void {
  db.insert(qaLog).values(entry).run();
}
