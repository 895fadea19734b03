import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/db/connection.js';
import { startFakeDiscord } from '../testkit/fake-discord/index.js';
import { TOKEN } from '../testkit/bot-harness.js';
import { seedPeople } from './seed.js';
import { startCommand } from './start-command.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DUE = new Date('2026-11-28T08:00:00Z');

interface ChildReport {
  claimed: number;
  sent: number;
  claimMs: number;
  sendMs: number;
  tickCpuMs: number;
  peakRssMb: number;
}

/**
 * `count` people due in the same minute; the fake enforces a global limit of `rate` requests/s
 * (as Discord does at 50) and discord.js is told the same limit. One scheduler tick, measured.
 */
export async function fanout(count: number, rate: number, day2 = false) {
  const dir = mkdtempSync(join(tmpdir(), 'hipcoach-fanout-'));
  const dbPath = join(dir, 'f.db');
  const seeded = openDatabase(dbPath);
  const ids = seedPeople(seeded.db, count, { now: new Date(DUE.getTime() - 3_600_000), dueAt: DUE, idBase: 500000000000000000n + BigInt(rate) * 100000n });
  seeded.close();
  const fake = await startFakeDiscord({ token: TOKEN, globalLimitPerSecond: rate, bucketLimit: 1_000_000 });
  for (const [i, id] of ids.entries()) fake.user(`f${i}`, { id });
  try {
    const report = await tick(dbPath, fake.apiBase, new Date(DUE.getTime() + 30_000), rate);
    const sends = fake.requests((r) => r.method === 'POST' && (r.path === '/users/@me/channels' || /^\/channels\/\d+\/messages$/.test(r.path)) && r.status === 200);
    const first = Math.min(...sends.map((r) => r.at));
    const last = Math.max(...sends.map((r) => r.at));
    const achieved = sends.length / Math.max(0.001, (last - first) / 1000);
    const perPerson = new Map<string, number>();
    for (const u of ids) perPerson.set(u, fake.dmMessages(u).length);
    const delivered = [...perPerson.values()].filter((n) => n > 0).length;
    const duplicates = [...perPerson.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
    return {
      people: count,
      rate,
      delivered,
      duplicates,
      received429: fake.stats().rateLimited,
      achievedPerSecond: Math.round(achieved * 10) / 10,
      ratio: Math.round((achieved / rate) * 1000) / 1000,
      planMs: report.claimMs,
      tickCpuMs: report.tickCpuMs,
      sendSeconds: Math.round(report.sendMs / 100) / 10,
      peakRssMb: report.peakRssMb,
      requestsPerDmDay2: day2 ? await secondDay(dbPath, fake, rate, count) : undefined,
    };
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One scheduler tick in a child process started as `npm start` starts the bot. */
async function tick(dbPath: string, apiBase: string, now: Date, rate: number): Promise<ChildReport> {
  const start = startCommand();
  const child = spawn(process.execPath, [...start.nodeFlags, 'bench/fanout-child.js'], {
    cwd: ROOT,
    env: { ...process.env, ...start.env, DATABASE_PATH: dbPath, API_BASE: apiBase, TOKEN, NOW: now.toISOString(), RATE: String(rate) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`fan-out child failed (${String(code)}): ${out}`);
  return JSON.parse(out.trim()) as ChildReport;
}

/** The next day's tick: the DM channel is remembered, so each daily DM should be one request. */
async function secondDay(dbPath: string, fake: Awaited<ReturnType<typeof startFakeDiscord>>, rate: number, count: number): Promise<number> {
  fake.clearRequests();
  const report = await tick(dbPath, fake.apiBase, new Date(DUE.getTime() + 86_400_000 + 30_000), rate);
  if (report.sent !== count) throw new Error(`day 2 sent ${report.sent} of ${count}`);
  const requests = fake.requests((r) => r.method !== 'GET');
  // Day 2 is a Sunday here, so each person gets two messages (the workout and the weekly
  // summary): the figure is requests per DM message, which is 1.0 when the channel is cached.
  const messages = requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.status === 200).length;
  return Math.round((requests.length / messages) * 1000) / 1000;
}
