import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { answersSchema, type Answers } from '../../src/coaching/assessment-answers.js';
import { buildPlan, type Plan } from '../../src/coaching/plan.js';
import { buildSession, type Session } from '../../src/coaching/session.js';
import { getLibrary } from '../../src/content/load.js';
import { afterEach, beforeEach } from 'vitest';
import { createTempDb, type TempDb } from '../../testkit/temp-db.js';
import { ensurePerson } from '../../src/db/repos/people.js';

/** The fixed clock every test uses; never the real one. */
export const NOW = new Date('2026-11-28T08:00:00Z');

/** NOW shifted by whole minutes, for ordering tests. */
export function minutesLater(minutes: number): Date {
  return new Date(NOW.getTime() + minutes * 60_000);
}

export { createTempDb, type TempDb } from '../../testkit/temp-db.js';

/**
 * A fresh temp database for each test in the enclosing describe, with these people already in
 * it, cleaned up after each test. The returned object always points at the current test's one.
 */
export function useTempDb(...people: string[]): TempDb {
  let current: TempDb | undefined;
  beforeEach(() => {
    current = createTempDb();
    for (const id of people) ensurePerson(current.handle.db, id, NOW);
  });
  afterEach(() => {
    current?.cleanup();
  });
  const now = () => {
    if (!current) throw new Error('useTempDb: only usable inside a test');
    return current;
  };
  return {
    get dir() {
      return now().dir;
    },
    get path() {
      return now().path;
    },
    get handle() {
      return now().handle;
    },
    open: () => now().open(),
    reopen: () => now().reopen(),
    cleanup: () => {
      now().cleanup();
    },
  };
}

const ANSWERS_FILE = fileURLToPath(new URL('../../examples/answers.json', import.meta.url));

/** The shipped example answers, parsed by the real schema. */
export function exampleAnswers(overrides: Partial<Answers> = {}): Answers {
  const raw: unknown = JSON.parse(readFileSync(ANSWERS_FILE, 'utf8'));
  return { ...answersSchema.parse(raw), ...overrides };
}

/** A real plan from the rules engine and the shipped library. */
export function examplePlan(overrides: Partial<Answers> = {}): Plan {
  return buildPlan(exampleAnswers(overrides), getLibrary());
}

/** A real session for one day of a plan. */
export function exampleSession(plan: Plan, userId: string, localDate: string): Session {
  return buildSession({ plan, userId, localDate }, getLibrary());
}

/** The SQLite error code behind a thrown error (drizzle may wrap the driver error in `cause`). */
export function sqliteErrorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    let err: unknown = e;
    while (err instanceof Error) {
      if ('code' in err && typeof err.code === 'string') return err.code;
      err = err.cause;
    }
    return 'not a sqlite error';
  }
  return undefined;
}
