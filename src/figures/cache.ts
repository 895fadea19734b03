import { createHash } from 'node:crypto';

/**
 * Rendered figures keyed by a hash of everything that shapes the bytes (pose data, title, format,
 * renderer version), so a daily fan-out that sends the same exercise to many people renders it
 * once. Bounded: the oldest entry goes first once the cache is full.
 */

export const RENDERER_VERSION = 2;
const MAX_ENTRIES = 400;

export function figureKey(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify([RENDERER_VERSION, parts])).digest('hex');
}

export class FigureCache {
  private readonly entries = new Map<string, Buffer>();
  hits = 0;
  misses = 0;

  get(key: string, render: () => Buffer): Buffer {
    const found = this.entries.get(key);
    if (found) {
      this.hits++;
      return found;
    }
    this.misses++;
    const bytes = render();
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, bytes);
    return bytes;
  }

  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}
