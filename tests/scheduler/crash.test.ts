import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Coach } from '../../src/app/coach.js';
import { getLibrary } from '../../src/content/load.js';
import { deliveries } from '../../src/db/schema.js';
import { startFakeDiscord, type FakeDiscord } from '../../testkit/fake-discord/index.js';
import { TOKEN } from '../support/bot-harness.js';
import { ROOT } from '../support/cli.js';
import { driveAssessment } from '../support/drive.js';
import { fixedClock } from '../../testkit/clock.js';
import { createTempDb } from '../../testkit/temp-db.js';

/**
 * Exactly-once delivery under real crashes: a scheduler process is SIGKILLed at each step of a
 * delivery, then a fresh process picks up. No duplicate, no miss.
 */

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord({ token: TOKEN });
});
afterAll(async () => {
  await fake.close();
});

// A Sunday: the delivery has two parts (the workout and the weekly summary).
const DUE = '2026-06-07T08:00:00Z';

/** Run the child asynchronously: the fake Discord answers from this process meanwhile. */
function runChild(dbPath: string, crashAt: string, now = DUE): Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/scheduler/crash-child.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: dbPath, API_BASE: fake.apiBase, TOKEN, NOW: now, CRASH_AT: crashAt },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (status, signal) => { resolve({ status, signal, stdout, stderr }); }));
}

describe.each(['after-claim', 'after-send:0', 'after-send:1'])('a crash %s', (crashAt) => {
  it('loses no delivery and sends none twice', async () => {
    const db = createTempDb();
    try {
      const time = fixedClock('2026-06-07T06:00:00Z');
      const coach = new Coach({ db: db.handle.db, library: getLibrary(), clock: time.clock });
      const user = fake.user(`crash-${crashAt}`);
      coach.consent(user.id);
      coach.updateSettings(user.id, { timezone: 'UTC', reminderTime: '08:00' });
      driveAssessment(coach, user.id);
      db.handle.close();

      const crashed = await runChild(db.path, crashAt);
      expect(crashed.signal).toBe('SIGKILL');
      const afterCrash = db.reopen().db.select().from(deliveries).all();
      expect(afterCrash).toHaveLength(1);
      expect(afterCrash[0]!.status).toBe('claimed');
      expect(afterCrash[0]!.parts).toEqual(['workout', 'weekly']);
      const sentBeforeRestart = fake.dmMessages(user).length;
      expect(sentBeforeRestart).toBe(crashAt === 'after-claim' ? 0 : crashAt === 'after-send:0' ? 1 : 2);
      db.handle.close();

      // The crashed process still holds the scheduler lease (90 s); the restart comes 2 minutes later,
      // still inside the few minutes Discord remembers a nonce.
      const restarted = await runChild(db.path, '', '2026-06-07T08:02:00Z');
      expect(restarted.status, restarted.stderr).toBe(0);
      expect(JSON.parse(restarted.stdout.trim())).toMatchObject({ leader: true, claimed: 0, sent: 1 });
      const final = db.reopen().db.select().from(deliveries).all();
      expect(final.map((d) => [d.localDate, d.status, d.partsSent])).toEqual([['2026-06-07', 'sent', 2]]);
      const dms = fake.dmMessages(user);
      expect(dms).toHaveLength(2);
      expect(new Set(dms.map((m) => m.nonce)).size).toBe(2);
      db.handle.close();

      // And a third run has nothing left to do.
      const again = await runChild(db.path, '', '2026-06-07T08:03:00Z');
      expect(JSON.parse(again.stdout.trim())).toMatchObject({ claimed: 0, sent: 0 });
      expect(fake.dmMessages(user)).toHaveLength(2);
    } finally {
      db.cleanup();
    }
  });
});
