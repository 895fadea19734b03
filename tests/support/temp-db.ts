import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DbHandle } from '../../src/db/connection.js';

/** A real SQLite file in a fresh temp folder; `cleanup` closes it and removes the folder. */
export function tempDb(): { handle: DbHandle; path: string; reopen: () => DbHandle; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'hipcoach-test-'));
  const path = join(dir, 'test.db');
  let handle = openDatabase(path);
  return {
    get handle() {
      return handle;
    },
    path,
    reopen() {
      handle.close();
      handle = openDatabase(path);
      return handle;
    },
    cleanup() {
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A controllable clock for flows that read the time through the Coach. */
export function fixedClock(start: string) {
  let now = new Date(start);
  return {
    clock: () => new Date(now),
    set(iso: string) {
      now = new Date(iso);
    },
    advanceDays(days: number) {
      now = new Date(now.getTime() + days * 86_400_000);
    },
  };
}
