import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/db/connection.js';
import { startFakeDiscord } from '../testkit/fake-discord/index.js';
import { TOKEN } from '../testkit/bot-harness.js';
import { seedPeople } from './seed.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DUE = new Date('2026-11-28T08:00:00Z');

interface ChildReport {
  claimed: number;
  sent: number;
  claimMs: number;
  sendMs: number;
  peakRssMb: number;
}

/**
 * `count` people due in the same minute; the fake enforces a global limit of `rate` requests/s
 * (as Discord does at 50) and discord.js is told the same limit. One scheduler tick, measured.
 */
export async function fanout(count: number, rate: number) {
  const dir = mkdtempSync(join(tmpdir(), 'hipcoach-fanout-'));
  const dbPath = join(dir, 'f.db');
  const seeded = openDatabase(dbPath);
  const ids = seedPeople(seeded.db, count, { now: new Date(DUE.getTime() - 3_600_000), dueAt: DUE, idBase: 500000000000000000n + BigInt(rate) * 100000n });
  seeded.close();
  const fake = await startFakeDiscord({ token: TOKEN, globalLimitPerSecond: rate, bucketLimit: 1_000_000 });
  for (const [i, id] of ids.entries()) fake.user(`f${i}`, { id });
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/fanout-child.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: dbPath, API_BASE: fake.apiBase, TOKEN, NOW: new Date(DUE.getTime() + 30_000).toISOString(), RATE: String(rate) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`fan-out child failed (${String(code)}): ${out}`);
    const report = JSON.parse(out.trim()) as ChildReport;
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
      sendSeconds: Math.round(report.sendMs / 100) / 10,
      peakRssMb: report.peakRssMb,
    };
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
