import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadImage } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_DIR, getLibrary } from '../../src/content/load.js';

/** The real `hipcoach figures` and `hipcoach content check` in a child process, as an author runs them. */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function hipcoach(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/hipcoach.js', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return result;
}

function temp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

describe('hipcoach figures --out DIR', () => {
  it('writes every figure and one contact sheet with all of them', async () => {
    const out = temp('hipcoach-figures-');
    const run = hipcoach('figures', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const library = getLibrary();
    const count = library.exercises.length + library.battery.tests.length;
    expect(run.stdout).toContain(`${count} figures written to ${out}`);
    const files = readdirSync(out);
    expect(files.filter((f) => f.endsWith('.png') && f !== 'contact-sheet.png')).toHaveLength(count);
    const sheet = await loadImage(readFileSync(join(out, 'contact-sheet.png')));
    // Six figures per row, 220 px per row (thumbnail and id).
    expect(sheet.width).toBe(1920);
    expect(sheet.height).toBe(Math.ceil(count / 6) * 220);
    // The child renders every figure (~7 s of CPU); on a busy shared machine the wall time can pass
    // the default 30 s, so the test gets the same 60 s budget as the child process.
  }, 60_000);
});

describe('hipcoach content check with a broken pose file', () => {
  it('exits 2 and names file:line field for the planted pose problems', () => {
    const dir = temp('hipcoach-content-');
    cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
    const file = join(dir, 'poses', 'squat.yaml');
    const text = readFileSync(file, 'utf8');
    // Plant a knee bent backwards on the goblet squat's end pose.
    const broken = text.replace(/(- id: goblet_squat[\s\S]*?end: \{[^\n]*?)right_knee: 100/, '$1right_knee: -25');
    expect(broken).not.toBe(text);
    writeFileSync(file, broken);
    const run = hipcoach('content', 'check', '--dir', dir);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const line = broken.split('\n').findIndex((l) => l.includes('right_knee: -25')) + 1;
    expect(run.stderr).toContain(`poses/squat.yaml:${line} poses[`);
    expect(run.stderr).toMatch(/\.end\.right_knee: -25° is beyond the human limit for right knee seen from the side/);
  });
});
