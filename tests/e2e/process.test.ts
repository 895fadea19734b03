import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../../testkit/fake-discord/index.js';
import { TOKEN, textOf } from '../support/bot-harness.js';
import { hipcoach, ROOT } from '../support/cli.js';

/** `npm start` as a real process: configuration errors, the ready line, graceful shutdown. */

const dir = mkdtempSync(join(tmpdir(), 'hipcoach-proc-'));
let fake: FakeDiscord;

beforeAll(async () => {
  fake = await startFakeDiscord({ token: TOKEN });
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('says in one line what to set when DISCORD_TOKEN is missing, and exits 1', () => {
    const r = hipcoach(['start'], { env: { DISCORD_TOKEN: '', DOTENV_CONFIG_PATH: join(dir, 'none.env') } });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/DISCORD_TOKEN: is not set\. Put DISCORD_TOKEN=.* in \.env \(Discord Developer Portal/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a malformed token the same way', () => {
    const r = hipcoach(['start'], { env: { DISCORD_TOKEN: 'not-a-token', DOTENV_CONFIG_PATH: join(dir, 'none.env') } });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('does not look like a bot token');
  });

  it('logs one ready line, answers commands, and shuts down gracefully on SIGTERM', async () => {
    const user = fake.user('pat');
    const child = spawn(process.execPath, ['bin/hipcoach.js', 'start'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_BASE_URL: fake.apiBase,
        DATABASE_PATH: join(dir, 'proc.db'),
        LOG_LEVEL: 'info',
        DOTENV_CONFIG_PATH: join(dir, 'none.env'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await waitFor(() => out.includes('HipCoach is online'), 20_000, () => out);
    const ready = out.split('\n').filter((l) => l.includes('HipCoach is online'));
    expect(ready).toHaveLength(1);
    expect(JSON.parse(ready[0]!)).toMatchObject({ level: 30, guilds: 1, commands: 'registered' });

    const r = await fake.slash(user, 'help');
    expect(textOf(await r.final())).toContain('HipCoach: how it works');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('HipCoach stopped');
  });
});

async function waitFor(check: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out; output so far:\n${describe()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
