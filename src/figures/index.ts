import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLibrary } from '../content/load.js';
import type { Library } from '../content/library.js';
import { altText } from './alt-text.js';
import { FigureCache, figureKey } from './cache.js';
import { renderGif } from './gif.js';
import { readPoses, type FigurePose } from './poses.js';
import { renderPng } from './render.js';

/**
 * The figures API the adapters use: which ids have a figure, and the figure itself as PNG or GIF
 * bytes with its alt text, cached by content hash.
 */

export type FigureFormat = 'png' | 'gif';

export interface Figure {
  id: string;
  format: FigureFormat;
  fileName: string;
  bytes: Buffer;
  alt: string;
}

let poses: Map<string, FigurePose> | undefined;
export const figureCache = new FigureCache();

/** Poses from the shipped pose files, read once; a broken pose file means no figures, not a crash. */
function shippedPoses(): Map<string, FigurePose> {
  poses ??= new Map(readPoses().poses.map((p) => [p.id, p]));
  return poses;
}

export function titleOf(id: string, library: Library): string | undefined {
  return library.exerciseById.get(id)?.name ?? library.battery.tests.find((t) => t.id === id)?.name;
}

/** Ids of the library (exercises and tests) that have a figure. */
export function figureIds(library: Library = getLibrary()): string[] {
  return [...shippedPoses().keys()].filter((id) => titleOf(id, library) !== undefined).sort();
}

export function hasFigure(id: string, library: Library = getLibrary()): boolean {
  return shippedPoses().has(id) && titleOf(id, library) !== undefined;
}

export function renderFigure(pose: FigurePose, title: string, format: FigureFormat): Buffer {
  const { source: _source, ...data } = pose;
  return figureCache.get(figureKey([data, title, format]), () => (format === 'gif' ? renderGif(pose, { title }) : renderPng(pose, { title })));
}

export function figureFor(id: string, opts: { format?: FigureFormat } = {}, library: Library = getLibrary()): Figure | undefined {
  const pose = shippedPoses().get(id);
  const title = titleOf(id, library);
  if (!pose || !title) return undefined;
  const format = opts.format ?? 'png';
  return { id, format, fileName: `${id}.${format}`, bytes: renderFigure(pose, title, format), alt: altText(pose, title) };
}

/** Writes the PNG to `dir` (default `data/figures/`) for the console coach; returns its path. */
export function figureFile(id: string, dir = join('data', 'figures'), library: Library = getLibrary()): string | undefined {
  const figure = figureFor(id, { format: 'png' }, library);
  if (!figure) return undefined;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, figure.fileName);
  writeFileSync(path, figure.bytes);
  return path;
}
