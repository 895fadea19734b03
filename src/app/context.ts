import type { Library } from '../content/library.js';
import type { Db } from '../db/connection.js';
import type { Clock } from './time.js';

/** What every use-case module needs: the database, the content library and the clock. */
export interface AppDeps {
  db: Db;
  library: Library;
  clock: Clock;
}

/** A transaction handle, for helpers that must run inside a caller's transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
