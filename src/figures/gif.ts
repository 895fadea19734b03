import * as gifencModule from 'gifenc';
import type { FigurePose } from './poses.js';
import { renderFrame, type FigureText } from './render.js';

/**
 * The movement as a looping GIF: start -> end -> start, eased, with one palette taken from the
 * end pose (the figure's colours plus the card) so every frame encodes the same way.
 */

export const GIF_SIZE = { width: 480, height: 300 } as const;
const STEPS = 7; // frames from start to end; the way back reuses them, 12 frames in all.
const DELAY_MS = 110;
const HOLD_MS = 500;

// Node loads gifenc's CommonJS build (everything under `default`), vitest its ES build (named).
const loaded = gifencModule as Partial<typeof gifencModule.default> & { default: typeof gifencModule.default };
const gifenc: typeof gifencModule.default = loaded.GIFEncoder ? (loaded as typeof gifencModule.default) : loaded.default;

const ease = (k: number) => 0.5 - Math.cos(Math.PI * k) / 2;

export function renderGif(pose: FigurePose, text: FigureText): Buffer {
  const there = Array.from({ length: STEPS }, (_, i) => renderFrame(pose, text, ease(i / (STEPS - 1)), GIF_SIZE));
  const frames = [...there, ...there.slice(1, -1).reverse()];
  const palette = gifenc.quantize(there[STEPS - 1]!, 64, { format: 'rgb444' });
  const encoder = gifenc.GIFEncoder();
  frames.forEach((rgba, i) => {
    const hold = i === 0 || i === STEPS - 1;
    encoder.writeFrame(gifenc.applyPalette(rgba, palette, 'rgb444'), GIF_SIZE.width, GIF_SIZE.height, { palette, delay: hold ? HOLD_MS : DELAY_MS, ...(i === 0 ? { repeat: 0 } : {}) });
  });
  encoder.finish();
  return Buffer.from(encoder.bytes());
}
