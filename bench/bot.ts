import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { botEnvSchema } from '../src/config.js';
import { openDatabase } from '../src/db/connection.js';
import { startBot } from '../src/discord/bot.js';
import { startFakeDiscord, type FakeMessage } from '../testkit/fake-discord/index.js';
import { idOf, TOKEN } from '../testkit/bot-harness.js';
import { waitForReadyLine } from '../testkit/ready-line.js';
import { percentile } from './stats.js';
import { seedPeople } from './seed.js';
import { startCommand } from './start-command.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const round = (n: number) => Number(n.toFixed(3));

/**
 * Interaction latency: from INTERACTION_CREATE leaving the fake gateway to the bot's callback
 * request arriving back (an upper bound of the bot's own time: loopback both ways is included).
 */
export async function benchInteractions(steps = 1000): Promise<{ p50Ms: number; p99Ms: number; steps: number }> {
  const fake = await startFakeDiscord({ token: TOKEN });
  const user = fake.user('bench');
  const dir = mkdtempSync(join(tmpdir(), 'hipcoach-bench-'));
  const config = botEnvSchema.parse({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE_URL: fake.apiBase, DATABASE_PATH: join(dir, 'b.db'), SCHEDULER: 'off', LOG_LEVEL: 'silent' });
  const bot = await startBot({ config, logger: pino({ level: 'silent' }) });
  try {
    const step = async (message: FakeMessage | null, name: string, values?: string[]) => {
      const id = idOf(message, name);
      const t0 = performance.now();
      const handle = values ? await fake.select(user, id, values, { message: message! }) : await fake.click(user, id, { message: message! });
      await handle.callback();
      const dt = performance.now() - t0;
      return { dt, message: (await handle.final()) ?? message! };
    };
    let msg = await (await fake.slash(user, 'start')).final();
    msg = (await step(msg, 'consent')).message;
    msg = (await step(msg, 'begin')).message;
    for (let i = 0; i < 3; i++) msg = (await step(msg, 'none')).message;
    msg = (await step(msg, 'painAverage', ['3'])).message;
    msg = (await step(msg, 'painWorst', ['5'])).message;
    msg = (await step(msg, 'next')).message;
    msg = (await step(msg, 'skip')).message;
    // Now on test 1: cycle through its menus and the navigation, like a person changing answers.
    const cycle: [string, string[] | undefined][] = [
      ['rating:left', ['partial']],
      ['pain:left', ['0']],
      ['rating:right', ['full']],
      ['pain:right', ['0']],
      ['next', undefined],
      ['back', undefined],
      ['rating:left', ['full']],
    ];
    const times: number[] = [];
    for (let i = 0; i < steps; i++) {
      const [name, values] = cycle[i % cycle.length]!;
      const r = await step(msg, name, values);
      times.push(r.dt);
      msg = r.message;
    }
    times.sort((a, b) => a - b);
    return { p50Ms: round(percentile(times, 50)), p99Ms: round(percentile(times, 99)), steps };
  } finally {
    await bot.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function rssOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: round(kb('VmRSS') / 1024), peakMb: round(kb('VmHWM') / 1024) };
}

/** The bot process's resident memory with 10,000 stored people, after serving some of them. */
export async function benchMemory(peopleCount = 10_000, served = 300): Promise<{ rss10kPeopleMb: number; peakRssMb: number; people: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'hipcoach-mem-'));
  const dbPath = join(dir, 'm.db');
  const seeded = openDatabase(dbPath);
  const ids = seedPeople(seeded.db, peopleCount, { now: new Date() });
  seeded.close();
  const fake = await startFakeDiscord({ token: TOKEN });
  const users = ids.slice(0, served).map((id, i) => fake.user(`p${i}`, { id }));
  const start = startCommand();
  const child = spawn(process.execPath, [...start.nodeFlags, 'bin/hipcoach.js', 'start'], {
    cwd: ROOT,
    env: { ...process.env, ...start.env, DISCORD_TOKEN: TOKEN, DISCORD_API_BASE_URL: fake.apiBase, DATABASE_PATH: dbPath, SCHEDULER: 'off', LOG_LEVEL: 'info', DOTENV_CONFIG_PATH: join(dir, 'none.env') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await waitForReadyLine(child);
    for (const user of users) {
      const h = await fake.slash(user, 'workout', [], { dm: true });
      await h.final();
    }
    const { rssMb, peakMb } = rssOf(child.pid!);
    return { rss10kPeopleMb: rssMb, peakRssMb: peakMb, people: peopleCount };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
