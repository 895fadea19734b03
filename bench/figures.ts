import { performance } from 'node:perf_hooks';
import { getLibrary } from '../src/content/load.js';
import { figureCache, figureFor, figureIds, renderFigure, titleOf } from '../src/figures/index.js';
import { readPoses } from '../src/figures/poses.js';
import { percentile } from './stats.js';

/**
 * Figure rendering: every shipped figure rendered uncached (the cost of the first request for an
 * exercise), then the cached path a daily fan-out takes for the same exercise; plus sizes.
 */
export function benchFigures(rounds = 3) {
  const library = getLibrary();
  const poses = readPoses().poses.filter((p) => titleOf(p.id, library) !== undefined);
  const uncached: number[] = [];
  const sizes: number[] = [];
  // One warm-up render loads the font and the canvas.
  renderFigure(poses[0]!, 'warm-up', 'png');
  for (let r = 0; r < rounds; r++) {
    for (const pose of poses) {
      figureCache.clear();
      const t = performance.now();
      const png = renderFigure(pose, titleOf(pose.id, library)!, 'png');
      uncached.push(performance.now() - t);
      if (r === 0) sizes.push(png.length);
    }
  }
  const ids = figureIds(library);
  for (const id of ids) figureFor(id, { format: 'png' }, library);
  const cached: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t = performance.now();
    figureFor(ids[i % ids.length]!, { format: 'png' }, library);
    cached.push(performance.now() - t);
  }
  const gifTimes: number[] = [];
  const gifSizes: number[] = [];
  for (const pose of poses.slice(0, 12)) {
    figureCache.clear();
    const t = performance.now();
    gifSizes.push(renderFigure(pose, titleOf(pose.id, library)!, 'gif').length);
    gifTimes.push(performance.now() - t);
  }
  uncached.sort((a, b) => a - b);
  cached.sort((a, b) => a - b);
  gifTimes.sort((a, b) => a - b);
  const round = (n: number) => Number(n.toFixed(3));
  return {
    figure: {
      p95Ms: round(percentile(uncached, 95)),
      p50Ms: round(percentile(uncached, 50)),
      cachedMs: round(percentile(cached, 50)),
      cachedP99Ms: round(percentile(cached, 99)),
      gifP95Ms: round(percentile(gifTimes, 95)),
      figures: poses.length,
      maxPngKb: round(Math.max(...sizes) / 1024),
      maxGifKb: round(Math.max(...gifSizes) / 1024),
    },
  };
}
