import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DbHandle } from '../src/db/connection.js';

/** A real SQLite file in its own temp directory; every connection opened through it is closed by cleanup(). */
export interface TempDb {
  dir: string;
  path: string;
  /** The first connection, opened (and migrated) on creation. */
  handle: DbHandle;
  /** Another connection to the same file. */
  open(): DbHandle;
  /** Close `handle` and replace it with a fresh connection to the same file. */
  reopen(): DbHandle;
  cleanup(): void;
}

/**
 * The one temp-database helper for tests and benchmarks. The file sits in a folder that does not
 * exist yet, so every use also checks that opening creates it.
 */
export function createTempDb(prefix = 'hipcoach-db-'): TempDb {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const path = join(dir, 'nested', 'hipcoach.sqlite');
  const handles: DbHandle[] = [];
  const open = (): DbHandle => {
    const h = openDatabase(path);
    handles.push(h);
    return h;
  };
  const temp: TempDb = {
    dir,
    path,
    handle: open(),
    open,
    reopen: () => {
      temp.handle.close();
      temp.handle = open();
      return temp.handle;
    },
    cleanup: () => {
      for (const h of handles) h.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return temp;
}
