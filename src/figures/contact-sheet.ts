import { createCanvas, loadImage } from '@napi-rs/canvas';
import { encodePng } from './png.js';
import { FONT } from './render.js';

/** All figures on one page with their ids, for a reviewer to see the whole library at a glance. */

const THUMB = { width: 320, height: 200 } as const;
const COLUMNS = 6;
const LABEL = 20;

export async function contactSheet(figures: readonly { id: string; png: Buffer }[]): Promise<Buffer> {
  const rows = Math.max(1, Math.ceil(figures.length / COLUMNS));
  const canvas = createCanvas(COLUMNS * THUMB.width, rows * (THUMB.height + LABEL));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.font = `13px "${FONT}"`;
  ctx.fillStyle = '#0f172a';
  for (const [i, f] of figures.entries()) {
    const x = (i % COLUMNS) * THUMB.width;
    const y = Math.floor(i / COLUMNS) * (THUMB.height + LABEL);
    const image = await loadImage(f.png);
    ctx.drawImage(image, x + 2, y + 2, THUMB.width - 4, THUMB.height - 4);
    ctx.fillText(f.id, x + 8, y + THUMB.height + 14);
  }
  return encodePng(canvas.data(), canvas.width, canvas.height);
}
