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

/** `npm start` with this token, no .env: it must refuse in exactly one line and exit 1. */
function startRefused(token: string) {
  const r = hipcoach(['start'], { env: { DISCORD_TOKEN: token, DOTENV_CONFIG_PATH: join(dir, 'none.env') } });
  expect(r.status).toBe(1);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  return r;
}

/** The bot as a real process against the fake Discord, until its ready line; `stop()` sends SIGTERM and waits. */
async function startBot(dbName: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['bin/hipcoach.js', 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE_URL: fake.apiBase,
      DATABASE_PATH: join(dir, dbName),
      LOG_LEVEL: 'info',
      DOTENV_CONFIG_PATH: join(dir, 'none.env'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const output = () => out;
  const stop = async () => {
    child.kill('SIGTERM');
    return exited;
  };
  try {
    await waitFor(() => out.includes('HipCoach is online'), 20_000, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { dbPath: join(dir, dbName), output, stop };
}

describe('npm start', () => {
  it('says in one line what to set when DISCORD_TOKEN is missing, and exits 1', () => {
    const r = startRefused('');
    expect(r.stderr).toMatch(/DISCORD_TOKEN: is not set\. Put DISCORD_TOKEN=.* in \.env \(Discord Developer Portal/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a malformed token the same way', () => {
    expect(startRefused('not-a-token').stderr).toContain('does not look like a bot token');
  });

  it('logs one ready line, answers commands, and shuts down gracefully on SIGTERM', async () => {
    const user = fake.user('pat');
    const bot = await startBot('proc.db');
    const ready = bot.output().split('\n').filter((l) => l.includes('HipCoach is online'));
    expect(ready).toHaveLength(1);
    expect(JSON.parse(ready[0]!)).toMatchObject({ level: 30, guilds: 1, commands: 'registered' });

    const r = await fake.slash(user, 'help');
    expect(textOf(await r.final())).toContain('HipCoach: how it works');

    expect(await bot.stop()).toBe(0);
    expect(bot.output()).toContain('HipCoach stopped');
  });
});

describe('npm start with HIPCOACH_NOW', () => {
  it('runs the bot and the daily-DM scheduler on that clock', async () => {
    const now = '2030-01-15T09:00:00.000Z';
    const user = fake.user('quinn');
    const bot = await startBot('now.db', { HIPCOACH_NOW: now, SCHEDULER: 'on' });
    const out = bot.output;
    try {
      const sql = sqlReader(() => bot.dbPath);
      // The scheduler's lease runs from its clock: it expires shortly after HIPCOACH_NOW, not after today.
      await waitFor(() => sql('select 1 from leases').length === 1, 10_000, out);
      const [lease] = sql<{ expires_at: number }>('select expires_at from leases');
      expect(lease!.expires_at).toBeGreaterThan(Date.parse(now));
      expect(lease!.expires_at).toBeLessThan(Date.parse(now) + 24 * 3_600_000);

      // The bot's clock: consent is stamped with HIPCOACH_NOW.
      const start = await fake.slash(user, 'start');
      const welcome = await start.final();
      const consentId = componentsOf(welcome).find((c) => c.custom_id && inputName(c.custom_id) === 'consent')!.custom_id!;
      await (await fake.click(user, consentId, { message: welcome! })).final();
      await waitFor(() => sql<{ consent_at: number | null }>('select consent_at from people where id = ?', user.id)[0]?.consent_at != null, 5000, out);
      expect(sql('select consent_at from people where id = ?', user.id)).toEqual([{ consent_at: Date.parse(now) }]);
    } finally {
      await bot.stop();
    }
  });
});

async function waitFor(check: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  await eventually(check, { timeoutMs, intervalMs: 50, describe });
}
