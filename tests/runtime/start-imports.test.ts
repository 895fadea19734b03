import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// dist/ is built by the vitest globalSetup (scripts/build.js --if-stale).
const dir = mkdtempSync(join(tmpdir(), 'hipcoach-start-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

/** Every module URL `node bin/hipcoach.js ...args` resolves, and how it ended. */
function modulesLoadedBy(args: string[], env: NodeJS.ProcessEnv) {
  const seen = join(dir, `seen-${args.join('-')}.txt`);
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(process.env.SEEN_FILE, r.url + '\\n'); return r; }\n`,
  );
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const r = spawnSync(process.execPath, ['--import', register, 'bin/hipcoach.js', ...args], {
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, ...env, SEEN_FILE: seen },
  });
  return { ...r, urls: readFileSync(seen, 'utf8').trim().split('\n') };
}

describe('hipcoach start', () => {
  // No token: the bot stops at its configuration check, after everything it imports is loaded.
  const env = { DISCORD_TOKEN: '', DOTENV_CONFIG_PATH: join(dir, 'none.env') };

  it('loads the bot without the rest of the CLI or the figure renderer (about 20 MB resident)', () => {
    const r = modulesLoadedBy(['start'], env);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('DISCORD_TOKEN');
    expect(r.urls.some((u) => u.endsWith('/dist/main.js'))).toBe(true);
    expect(r.urls.filter((u) => u.includes('@napi-rs/canvas') || u.includes('/dist/figures/') || u.includes('/dist/cli/'))).toEqual([]);
  });

  it('still goes through the CLI when asked for help on start', () => {
    const r = modulesLoadedBy(['start', '--help'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Run the Discord bot');
    expect(r.urls.some((u) => u.endsWith('/dist/cli/main.js'))).toBe(true);
  });
});
