import type { Queryable } from './types.js';

const byConnection = new WeakMap<Queryable, Map<string, unknown>>();

/**
 * A drizzle query built once per database (or transaction) object and reused with placeholders.
 * Building a query (objects, then SQL text) cost more than running it on the scheduler's claim
 * path; hot repository reads go through here. A transaction object lives for one batch, so its
 * queries are rebuilt per batch, not per person.
 */
export function prepared<T>(db: Queryable, name: string, build: () => T): T {
  let queries = byConnection.get(db);
  if (!queries) {
    queries = new Map();
    byConnection.set(db, queries);
  }
  let query = queries.get(name) as T | undefined;
  if (query === undefined) {
    query = build();
    queries.set(name, query);
  }
  return query;
}
