import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

/** The line the bot logs once it is logged in and serving (src/discord/bot.ts). */
export const READY_LINE = 'HipCoach is online';

/**
 * Resolves when a spawned bot process prints its ready line on stdout; rejects, with what it
 * printed, if it exits first. The one ready-wait for benchmarks and process tests.
 */
export function waitForReadyLine(child: ChildProcessByStdio<null, Readable, null>, line = READY_LINE): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(line)) resolve();
    });
    child.on('exit', () => {
      reject(new Error(`bot exited before "${line}":\n${out}`));
    });
  });
}
