import { Coach } from '../src/app/coach.js';
import { getLibrary } from '../src/content/load.js';
import { fixedClock } from './clock.js';
import { createTempDb, type TempDb } from './temp-db.js';

/** The Coach on a real temp SQLite file, with a clock the test moves by hand. */
export interface CoachEnv {
  db: TempDb;
  time: ReturnType<typeof fixedClock>;
  coach: Coach;
  /** A new Coach on the current connection and clock (after `db.reopen()`, as after a restart). */
  renew(): Coach;
  cleanup(): void;
}

/**
 * The set-up app tests repeat before each test: a temp database, a fixed clock and a Coach over
 * both. No test framework here, so benchmarks may use it too; tests call it in `beforeEach`.
 */
export function coachEnv(start = '2026-11-28T08:00:00Z'): CoachEnv {
  const db = createTempDb();
  const time = fixedClock(start);
  const renew = () => new Coach({ db: db.handle.db, library: getLibrary(), clock: time.clock });
  return { db, time, coach: renew(), renew, cleanup: () => { db.cleanup(); } };
}
