import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/db/connection.js';
import { countPeople, ensurePerson, getPerson, updateSettings } from '../../src/db/repos/people.js';
import { NOW, minutesLater, type TempDb, useTempDb } from './helpers.js';

const TABLES = [
  'assessment_results',
  'assessment_sessions',
  'deliveries',
  'feedback',
  'guild_settings',
  'leases',
  'measures',
  'meta',
  'people',
  'phrase_cache',
  'plans',
  'progression',
  'qa_log',
  'red_flag_screens',
  'workouts',
];

const INDEXES = [
  'assessment_one_in_progress',
  'assessment_results_person',
  'assessment_results_unique',
  'assessment_sessions_person',
  'deliveries_pending',
  'deliveries_person_date',
  'deliveries_remind',
  'deliveries_workout',
  'feedback_person',
  'feedback_workout_id_unique',
  'measures_assessment',
  'measures_person',
  'people_due',
  'people_last_seen',
  'plans_assessment',
  'plans_one_active',
  'plans_person',
  'qa_log_person',
  'qa_log_thread',
  'red_flag_screens_person',
  'workouts_person_date',
  'workouts_plan',
];

function names(t: TempDb, type: 'table' | 'index'): string[] {
  const rows = t.handle.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name")
    .all(type) as { name: string }[];
  return rows.map((r) => r.name);
}

/** Every SQL file in migrations/ is applied once, and only once. */
const MIGRATION_FILES = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length;

function migrationCount(t: TempDb): number {
  const row = t.handle.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
  return row.n;
}

describe('openDatabase', () => {
  const t = useTempDb();

  it('creates the file (and its directory) and applies every migration', () => {
    expect(existsSync(t.path)).toBe(true);
    expect(t.handle.path).toBe(t.path);
    expect(existsSync(MIGRATIONS_DIR)).toBe(true);
    expect(names(t, 'table')).toEqual(TABLES);
    expect(names(t, 'index')).toEqual(INDEXES);
    expect(migrationCount(t)).toBe(MIGRATION_FILES);
  });

  it('switches on WAL, foreign keys and a busy timeout', () => {
    expect(t.handle.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.handle.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(t.handle.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('enforces foreign keys on the connection', () => {
    expect(() =>
      t.handle.sqlite
        .prepare("INSERT INTO measures (person_id, pain_average, pain_worst, psfs, taken_at) VALUES ('nobody', 1, 2, '[]', 0)")
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('keeps data across close and reopen without re-running migrations', () => {
    ensurePerson(t.handle.db, 'p1', NOW);
    updateSettings(t.handle.db, 'p1', { timezone: 'Europe/Paris', minutes: 35 }, minutesLater(5));

    const again = t.reopen();
    expect(migrationCount(t)).toBe(MIGRATION_FILES);
    expect(countPeople(again.db)).toBe(1);
    const person = getPerson(again.db, 'p1');
    expect(person?.timezone).toBe('Europe/Paris');
    expect(person?.minutes).toBe(35);
    expect(person?.createdAt).toEqual(NOW);
    expect(person?.updatedAt).toEqual(minutesLater(5));
    // The settings survive a second reopen too, and the pragmas are set on each new connection.
    const third = t.reopen();
    expect(getPerson(third.db, 'p1')?.minutes).toBe(35);
    expect(third.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(third.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('lets a second connection see the first one’s committed writes', () => {
    const other = t.open();
    ensurePerson(t.handle.db, 'p1', NOW);
    expect(getPerson(other.db, 'p1')?.status).toBe('new');
  });

  it('close() is safe to call twice', () => {
    t.handle.close();
    expect(t.handle.sqlite.open).toBe(false);
    expect(() => {
      t.handle.close();
    }).not.toThrow();
  });
});
