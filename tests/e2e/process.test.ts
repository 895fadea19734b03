import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../testkit/eventually.js';
import { startFakeDiscord, type FakeDiscord } from '../../testkit/fake-discord/index.js';
import { TOKEN, componentsOf, inputName, sqlReader, textOf } from '../support/bot-harness.js';
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

describe('npm start with HIPCOACH_NOW', () => {
  it('runs the bot and the daily-DM scheduler on that clock', async () => {
    const now = '2030-01-15T09:00:00.000Z';
    const user = fake.user('quinn');
    const dbPath = join(dir, 'now.db');
    const child = spawn(process.execPath, ['bin/hipcoach.js', 'start'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_BASE_URL: fake.apiBase,
        DATABASE_PATH: dbPath,
        LOG_LEVEL: 'info',
        HIPCOACH_NOW: now,
        SCHEDULER: 'on',
        DOTENV_CONFIG_PATH: join(dir, 'none.env'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await waitFor(() => out.includes('HipCoach is online'), 20_000, () => out);
      const sql = sqlReader(() => dbPath);
      // The scheduler's lease runs from its clock: it expires shortly after HIPCOACH_NOW, not after today.
      await waitFor(() => sql('select 1 from leases').length === 1, 10_000, () => out);
      const [lease] = sql<{ expires_at: number }>('select expires_at from leases');
      expect(lease!.expires_at).toBeGreaterThan(Date.parse(now));
      expect(lease!.expires_at).toBeLessThan(Date.parse(now) + 24 * 3_600_000);

      // The bot's clock: consent is stamped with HIPCOACH_NOW.
      const start = await fake.slash(user, 'start');
      const welcome = await start.final();
      const consentId = componentsOf(welcome).find((c) => c.custom_id && inputName(c.custom_id) === 'consent')!.custom_id!;
      await (await fake.click(user, consentId, { message: welcome! })).final();
      await waitFor(() => sql<{ consent_at: number | null }>('select consent_at from people where id = ?', user.id)[0]?.consent_at != null, 5000, () => out);
      expect(sql('select consent_at from people where id = ?', user.id)).toEqual([{ consent_at: Date.parse(now) }]);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});

async function waitFor(check: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  await eventually(check, { timeoutMs, intervalMs: 50, describe });
}
