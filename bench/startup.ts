import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startFakeDiscord } from '../testkit/fake-discord/index.js';
import { TOKEN } from '../testkit/bot-harness.js';
import { waitForReadyLine } from '../testkit/ready-line.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Milliseconds from spawning `command` to the bot's ready line (median of `runs`). */
async function timeToReady(command: string, args: string[], runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const fake = await startFakeDiscord({ token: TOKEN });
    const dir = mkdtempSync(join(tmpdir(), 'hipcoach-startup-'));
    const t0 = performance.now();
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_BASE_URL: fake.apiBase, DATABASE_PATH: join(dir, 's.db'), SCHEDULER: 'off', LOG_LEVEL: 'info', DOTENV_CONFIG_PATH: join(dir, 'none.env') },
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    try {
      await waitForReadyLine(child);
      times.push(performance.now() - t0);
    } finally {
      // npm runs the bot as its child: signal the whole group.
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise((r) => child.on('exit', r));
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]!);
}

/** `npm start` (plain JavaScript from dist/) and, for comparison, the same bot run through tsx. */
export async function benchStartup(runs = 3): Promise<{ ms: number; tsxMs: number }> {
  return {
    ms: await timeToReady('npm', ['start', '--silent'], runs),
    tsxMs: await timeToReady(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], runs),
  };
}
