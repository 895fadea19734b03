import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { PATTERN_IDS } from '../../src/content/ids.js';
import { DEFAULT_CONTENT_DIR, loadContentDir } from '../../src/content/load.js';

/** Runs the real `hipcoach content check` in a child process, as a content editor would. */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function hipcoach(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.HIPCOACH_DEBUG;
  const result = spawnSync(process.execPath, ['bin/hipcoach.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
    timeout: 20_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const tempDirs: string[] = [];

function brokenCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hipcoach-cli-'));
  tempDirs.push(dir);
  cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  const file = join(dir, 'exercises', 'abduction.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.setIn(['exercises', 0, 'next'], 'abd_no_such_exercise');
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  return dir;
}

afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('hipcoach content check', () => {
  it('exits 0 with a summary of the shipped library', () => {
    const lib = loadContentDir();
    const { status, stdout, stderr } = hipcoach('content', 'check');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stdout).toContain(`content ok: ${lib.exercises.length} exercises in ${PATTERN_IDS.length} patterns`);
    expect(stdout).toContain('17 tests, 19 red flags');
    expect(stdout).toContain(`(version ${lib.version})`);
    expect(stdout).toMatch(/\(version 2026\.11\.0\+[0-9a-f]{8}\)\n$/);
  });

  describe('on a broken copy', () => {
    let run: ReturnType<typeof hipcoach>;
    let dir: string;

    beforeAll(() => {
      dir = brokenCopy();
      run = hipcoach('content', 'check', '--dir', dir);
    });

    it('exits 2 and prints nothing on stdout', () => {
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
    });

    it('prints one `file:line field: message` line per problem on stderr', () => {
      const lines = run.stderr.trimEnd().split('\n');
      const header = /^hipcoach: the content has (\d+) problem\(s\):$/.exec(lines[0] ?? '');
      expect(header, run.stderr).not.toBeNull();
      const problems = lines.slice(1);
      expect(problems).toHaveLength(Number(header?.[1]));
      for (const line of problems) expect(line).toMatch(/^exercises\/abduction\.yaml:\d+ exercises\[\d+\]\.\w+: \S.*$/);

      const text = readFileSync(join(dir, 'exercises', 'abduction.yaml'), 'utf8').split('\n');
      const nextLine = text.findIndex((l) => l.trim() === 'next: abd_no_such_exercise') + 1;
      expect(nextLine).toBeGreaterThan(0);
      expect(problems).toContain(`exercises/abduction.yaml:${nextLine} exercises[0].next: "abd_no_such_exercise" does not exist`);
    });

    it('prints no stack trace', () => {
      expect(run.stderr).not.toMatch(/^ {4}at /m);
      expect(run.stderr).not.toMatch(/Error:|unexpected error/);
    });
  });

  it('exits 2 for a folder that does not exist, without a stack trace', () => {
    const missing = join(tmpdir(), `hipcoach-no-such-dir-${process.pid}-${Date.now()}`);
    const { status, stdout, stderr } = hipcoach('content', 'check', '--dir', missing);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('manifest.yaml (file): cannot be read');
    expect(stderr).toContain('exercises/ (file): folder is missing');
    expect(stderr).not.toMatch(/^ {4}at /m);
  });
});
