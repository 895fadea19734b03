#!/usr/bin/env node
// Compiles src/ to dist/ (plain JavaScript with source maps) for `npm start` and the bin.
// `--if-stale` skips the compiler when dist/ is newer than every source file, so `prepare`,
// `npm test` and the test setup can all call it cheaply.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const stamp = join(root, 'dist', 'cli', 'main.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function isStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  const config = Math.max(statSync(join(root, 'tsconfig.build.json')).mtimeMs, statSync(join(root, 'tsconfig.json')).mtimeMs);
  return newestSource(join(root, 'src')) > built || config > built;
}

export function build({ ifStale = false } = {}) {
  if (ifStale && !isStale()) return;
  // typescript is a dev dependency: an install with --omit=dev ships a prebuilt dist/ instead.
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    if (existsSync(stamp)) return;
    throw new Error('dist/ is missing and typescript is not installed: run `npm install` (with dev dependencies) once');
  }
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`tsc failed with exit code ${String(result.status)}`);
  // tsc leaves an unchanged file's mtime alone (incremental); touch the stamp so staleness is exact.
  const now = new Date();
  utimesSync(stamp, now, now);
}

// Vitest globalSetup: tests that run the bin need an up-to-date dist/.
export default function setup() {
  build({ ifStale: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    build({ ifStale: process.argv.includes('--if-stale') });
  } catch (error) {
    process.stderr.write(`build: ${error.message}\n`);
    process.exitCode = 1;
  }
}
