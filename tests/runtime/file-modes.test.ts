import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { ensurePerson, recordConsent } from '../../src/db/repos/people.js';
import { hipcoach } from '../support/cli.js';

const root = mkdtempSync(join(tmpdir(), 'hipcoach-modes-'));
afterAll(() => { rmSync(root, { recursive: true, force: true }); });

const modeOf = (path: string) => statSync(path).mode & 0o777;
const NOW = new Date('2026-11-28T08:00:00Z');

describe('private files (health data readable by the owner only)', () => {
  it('creates the data folder 0700 and the database, WAL and SHM 0600', () => {
    const dir = join(root, 'fresh', 'data');
    const path = join(dir, 'hipcoach.db');
    const handle = openDatabase(path);
    ensurePerson(handle.db, '111111111111111111', NOW);
    try {
      expect(modeOf(dir)).toBe(0o700);
      for (const file of [path, `${path}-wal`, `${path}-shm`]) {
        expect(existsSync(file), file).toBe(true);
        expect(modeOf(file), file).toBe(0o600);
      }
    } finally {
      handle.close();
    }
  });

  it('tightens a database and WAL left world-readable by an older version', () => {
    const path = join(root, 'old.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec('create table t (x)');
    db.close();
    writeFileSync(`${path}-wal`, '');
    chmodSync(path, 0o644);
    chmodSync(`${path}-wal`, 0o644);
    const handle = openDatabase(path);
    try {
      expect(modeOf(path)).toBe(0o600);
      expect(modeOf(`${path}-wal`)).toBe(0o600);
    } finally {
      handle.close();
    }
  });

  it('leaves an existing shared folder alone (only folders it creates are 0700)', () => {
    const shared = join(root, 'shared');
    mkdirSync(shared, { mode: 0o755 });
    chmodSync(shared, 0o755);
    openDatabase(join(shared, 'in-shared.db')).close();
    expect(modeOf(shared)).toBe(0o755);
    expect(modeOf(join(shared, 'in-shared.db'))).toBe(0o600);
  });

  it('writes backups and the kept pre-restore copy 0600', () => {
    const live = join(root, 'live', 'live.db');
    const handle = openDatabase(live);
    ensurePerson(handle.db, '222222222222222222', NOW);
    recordConsent(handle.db, '222222222222222222', NOW);
    handle.close();
    const backup = join(root, 'backups', 'b.db');
    const made = hipcoach(['db', 'backup', backup], { env: { DATABASE_PATH: live } });
    expect(made.status, made.stderr).toBe(0);
    expect(modeOf(backup)).toBe(0o600);
    expect(modeOf(join(root, 'backups'))).toBe(0o700);

    const restored = hipcoach(['db', 'restore', backup, '--force'], { env: { DATABASE_PATH: live } });
    expect(restored.status, restored.stderr).toBe(0);
    const kept = readdirSync(join(root, 'live')).filter((f) => f.includes('.before-restore-'));
    expect(kept.length).toBeGreaterThan(0);
    for (const f of kept) expect(modeOf(join(root, 'live', f)), f).toBe(0o600);
    expect(modeOf(live)).toBe(0o600);
  });
});
