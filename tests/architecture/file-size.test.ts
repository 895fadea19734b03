import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
/** Data tables may run long; code may not. */
const DATA_TABLES = ['src/coaching/red-flags/phrases.ts'];
const MAX_LINES = 350;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('small modules', () => {
  it(`keeps every source file in src/ at ${MAX_LINES} lines or fewer, except the data tables`, () => {
    const long = sources(join(root, 'src'))
      .map((path) => ({ path: relative(root, path), lines: readFileSync(path, 'utf8').split('\n').length }))
      .filter((f) => f.lines > MAX_LINES && !DATA_TABLES.includes(f.path));
    expect(long).toEqual([]);
  });
});
