import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Health data is special-category data: the database, its WAL and SHM, and every backup are
 * readable by the owner only (0600), and a data folder HipCoach creates is 0700.
 *
 * SQLite creates `-wal` and `-shm` with the main file's mode, so creating the main file 0600
 * before SQLite opens it covers them; files left by an older version are tightened here too.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

export function preparePrivateFile(path: string): void {
  const dir = dirname(path);
  // Only a folder created here is set to 0700: DATABASE_PATH may point into a shared one (/tmp).
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
  }
}
