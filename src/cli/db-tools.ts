import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openDatabase } from '../db/connection.js';
import { preparePrivateFile } from '../db/private-files.js';
import { CliError } from './errors.js';

/**
 * `hipcoach db backup FILE` and `hipcoach db restore FILE`, using SQLite's online backup API:
 * a backup taken while the bot runs is consistent, and a restore never leaves a half-copied file.
 */

function check(path: string): { people: number } {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch {
    throw new CliError(`${path}: not a readable SQLite database`);
  }
  try {
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new CliError(`${path}: failed SQLite's integrity check (${String(ok)})`);
    const hasPeople = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'people'").get();
    if (!hasPeople) throw new CliError(`${path}: not a HipCoach database (no people table)`);
    return { people: (db.prepare('select count(*) as n from people').get() as { n: number }).n };
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${path}: not a readable SQLite database`);
  } finally {
    db.close();
  }
}

export async function backupDatabase(dbPath: string, file: string, opts: { force?: boolean }): Promise<string> {
  if (!existsSync(dbPath)) throw new CliError(`${dbPath}: no database here yet (set DATABASE_PATH, or run the bot once)`);
  if (existsSync(file) && !opts.force) throw new CliError(`${file}: already exists (add --force to overwrite)`);
  const handle = openDatabase(dbPath);
  try {
    preparePrivateFile(file);
    await handle.sqlite.backup(file);
  } finally {
    handle.close();
  }
  const { people } = check(file);
  return `Backed up ${dbPath} to ${file}: ${people} ${people === 1 ? 'person' : 'people'}, ${Math.ceil(statSync(file).size / 1024)} KB, integrity ok.`;
}

export async function restoreDatabase(dbPath: string, file: string, opts: { force?: boolean; now: Date }): Promise<string> {
  const { people } = check(file);
  if (existsSync(dbPath)) {
    const current = new Database(dbPath, { readonly: true });
    try {
      const lease = current.prepare("select expires_at as at from leases where name = 'dm-scheduler'").get() as { at: number } | undefined;
      if (lease && lease.at > opts.now.getTime() && !opts.force) {
        throw new CliError(`${dbPath}: the bot looks like it is running (its scheduler lease is live). Stop it first, or add --force`);
      }
    } catch (error) {
      if (error instanceof CliError) throw error;
    } finally {
      current.close();
    }
    // Keep what was there, in case the restore was a mistake.
    const keep = `${dbPath}.before-restore-${opts.now.toISOString().replace(/[:.]/g, '-')}`;
    const live = openDatabase(dbPath);
    try {
      preparePrivateFile(keep);
      await live.sqlite.backup(keep);
    } finally {
      live.close();
    }
  }
  const source = new Database(file, { readonly: true });
  try {
    preparePrivateFile(dbPath);
    await source.backup(dbPath);
  } finally {
    source.close();
  }
  // Applies any migrations the backup predates.
  openDatabase(dbPath).close();
  return `Restored ${file} into ${dbPath}: ${people} ${people === 1 ? 'person' : 'people'}. The previous database was kept beside it (*.before-restore-*).`;
}

