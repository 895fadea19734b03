import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// dist/ is built by the vitest globalSetup (scripts/build.js --if-stale).
const dir = mkdtempSync(join(tmpdir(), 'hipcoach-build-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

function runBin(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, ['bin/hipcoach.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    input: '',
    timeout: 20_000,
  });
}

describe('the production entry (plain JavaScript from dist/)', () => {
  it('loads no TypeScript transpiler and no .ts file', () => {
    // A resolve hook records every module URL the process loads.
    const seen = join(dir, 'seen.txt');
    const hooks = join(dir, 'hooks.mjs');
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(${JSON.stringify(seen)}, r.url + '\\n'); return r; }\n`,
    );
    const register = join(dir, 'register.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    const r = spawnSync(process.execPath, ['--import', register, 'bin/hipcoach.js', 'library'], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('exercise library');
    const urls = readFileSync(seen, 'utf8').trim().split('\n');
    expect(urls.some((u) => u.includes('/dist/cli/main.js'))).toBe(true);
    expect(urls.filter((u) => u.includes('/node_modules/tsx/') || u.includes('esbuild') || u.endsWith('.ts'))).toEqual([]);
  });

  it('names the .ts source lines in stack traces (source maps)', () => {
    const r = runBin(['try'], { HIPCOACH_DEBUG: '1', DATABASE_PATH: '/dev/null/not-a-dir/h.db' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/src\/db\/connection\.ts:\d+:\d+/);
    expect(r.stderr).not.toMatch(/dist\/db\/connection\.js/);
  });

  it('keeps tsx out of the production dependencies and approves only better-sqlite3 install scripts', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
      allowScripts: Record<string, boolean>;
      scripts: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    expect(Object.keys(pkg.devDependencies)).toContain('tsx');
    expect(Object.entries(pkg.allowScripts).filter(([, allowed]) => allowed).map(([name]) => name)).toEqual(['better-sqlite3']);
    expect(pkg.scripts.start).not.toMatch(/tsx/);
  });
});
