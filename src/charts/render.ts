import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type ChartType, type Plugin } from 'chart.js';

/**
 * PNG charts drawn in-process: chart.js on @napi-rs/canvas, with the DejaVu Sans font shipped as
 * an npm package (without a font, text silently vanishes). No animation and a fixed pixel ratio,
 * so the same data always gives the same bytes.
 */

const require = createRequire(import.meta.url);
export const FONT_FAMILY = 'DejaVu Sans';

let ready = false;
function setUp(): void {
  if (ready) return;
  GlobalFonts.registerFromPath(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), FONT_FAMILY);
  GlobalFonts.registerFromPath(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'), FONT_FAMILY);
  Chart.register(...registerables);
  Chart.defaults.font.family = FONT_FAMILY;
  Chart.defaults.font.size = 13;
  Chart.defaults.color = '#1f2937';
  ready = true;
}

const whiteBackground: Plugin = {
  id: 'hipcoachBackground',
  beforeDraw(chart) {
    // chart.js types ctx with the DOM's context (not loaded in Node); it is @napi-rs/canvas's.
    const ctx = chart.ctx as unknown as SKRSContext2D;
    const { width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

export interface ChartSize {
  width: number;
  height: number;
}

/** Render a chart.js configuration to PNG bytes. */
export function renderChart<T extends ChartType>(config: ChartConfiguration<T>, size: ChartSize): Buffer {
  setUp();
  const canvas = createCanvas(size.width, size.height);
  // chart.js expects a DOM canvas; @napi-rs/canvas implements the part it uses.
  // Object.assign, not spread: the configuration types look like class instances to the linter.
  const options: unknown = Object.assign({}, config.options, { responsive: false, animation: false, devicePixelRatio: 1 });
  const chart = new Chart(canvas, Object.assign({}, config, { options, plugins: [...(config.plugins ?? []), whiteBackground] }));
  try {
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}

/** A blank canvas with the shipped font ready, for charts drawn by hand (the test grid). */
export function drawing(size: ChartSize): { ctx: SKRSContext2D; png: () => Buffer } {
  setUp();
  const canvas = createCanvas(size.width, size.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size.width, size.height);
  return { ctx, png: () => canvas.toBuffer('image/png') };
}
