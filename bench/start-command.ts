import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * The node flags and environment `npm start` uses, read from package.json, so the benchmarks
 * measure the process exactly as production starts it (e.g. `MALLOC_ARENA_MAX=2 node --flag ...`).
 */
export function startCommand(): { env: Record<string, string>; nodeFlags: string[] } {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.split(/\s+/);
  const env: Record<string, string> = {};
  while (words[0]?.includes('=')) {
    const [key, value] = words.shift()!.split('=') as [string, string];
    env[key] = value;
  }
  if (words.shift() !== 'node') throw new Error(`npm start does not run node: ${pkg.scripts.start}`);
  const nodeFlags: string[] = [];
  while (words[0]?.startsWith('--')) nodeFlags.push(words.shift()!);
  return { env, nodeFlags };
}
