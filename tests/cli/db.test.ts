import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { ensurePerson, recordConsent } from '../../src/db/repos/people.js';
import { hipcoach } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hipcoach-dbtools-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const count = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from people').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('hipcoach db backup / restore', () => {
  const live = join(dir, 'live.db');
  const backup = join(dir, 'backup.db');

  it('backs up a database that is open (WAL, uncheckpointed writes included)', () => {
    const handle = openDatabase(live);
    const now = new Date('2026-11-28T08:00:00Z');
    for (const id of ['111111111111111111', '222222222222222222']) {
      ensurePerson(handle.db, id, now);
      recordConsent(handle.db, id, now);
    }
    // Still open while the backup runs, like a live bot.
    const r = hipcoach(['db', 'backup', backup], { env: { DATABASE_PATH: live } });
    handle.close();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Backed up .*: 2 people, \d+ KB, integrity ok\./);
    expect(count(backup)).toBe(2);
  });

  it('refuses to overwrite a backup unless told to', () => {
    const r = hipcoach(['db', 'backup', backup], { env: { DATABASE_PATH: live } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('already exists (add --force to overwrite)');
    expect(hipcoach(['db', 'backup', backup, '--force'], { env: { DATABASE_PATH: live } }).status).toBe(0);
  });

  it('restores a backup, keeping the database it replaces', () => {
    const handle = openDatabase(live);
    handle.sqlite.prepare('delete from people').run();
    handle.close();
    expect(count(live)).toBe(0);
    const r = hipcoach(['db', 'restore', backup], { env: { DATABASE_PATH: live, HIPCOACH_NOW: '2026-11-28T09:00:00Z' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Restored');
    expect(count(live)).toBe(2);
    const kept = readdirSync(dir).filter((f) => f.startsWith('live.db.before-restore-') && !f.endsWith('-wal') && !f.endsWith('-shm'));
    expect(kept).toHaveLength(1);
    expect(count(join(dir, kept[0]!))).toBe(0);
  });

  it('refuses a file that is not a HipCoach database, changing nothing', () => {
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not sqlite at all');
    const r = hipcoach(['db', 'restore', junk], { env: { DATABASE_PATH: live } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/junk\.db: not a readable SQLite database/);
    expect(count(live)).toBe(2);
    const missing = hipcoach(['db', 'backup', join(dir, 'x.db')], { env: { DATABASE_PATH: join(dir, 'nowhere.db') } });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no database here yet');
    expect(existsSync(join(dir, 'x.db'))).toBe(false);
  });

  it('will not restore over a database whose bot is running', () => {
    const handle = openDatabase(live);
    handle.sqlite.prepare("insert into leases (name, owner, expires_at) values ('dm-scheduler', 'bot', ?)").run(Date.parse('2026-11-28T10:00:00Z'));
    handle.close();
    const r = hipcoach(['db', 'restore', backup], { env: { DATABASE_PATH: live, HIPCOACH_NOW: '2026-11-28T09:59:00Z' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('looks like it is running');
  });
});
