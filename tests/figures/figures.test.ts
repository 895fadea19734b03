import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { getLibrary, formatProblem } from '../../src/content/load.js';
import { CARD } from '../../src/figures/card.js';
import { COLORS } from '../../src/figures/draw.js';
import { renderGif } from '../../src/figures/gif.js';
import { figureCache, figureFor, figureIds, hasFigure, titleOf } from '../../src/figures/index.js';
import { readPoses, type FigurePose } from '../../src/figures/poses.js';
import { renderPng } from '../../src/figures/render.js';
import { checkFigures } from '../../src/figures/validate.js';
import { checkPose, skeletonOf } from '../../src/figures/check.js';
import { altText } from '../../src/figures/alt-text.js';

const library = getLibrary();
const shipped = checkFigures(library);

function rgb(hex: string): [number, number, number] {
  return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
}

/** Decodes a PNG and counts pixels that are not the card's background, and pixels in the accent colour. */
async function inkOf(png: Buffer): Promise<{ width: number; height: number; ink: number; accent: number }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const data = ctx.getImageData(0, 0, image.width, image.height).data;
  const card = rgb(COLORS.card);
  const accent = rgb(COLORS.accent);
  let ink = 0;
  let accentCount = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (Math.abs(r - card[0]) + Math.abs(g - card[1]) + Math.abs(b - card[2]) > 60) ink++;
    if (Math.abs(r - accent[0]) + Math.abs(g - accent[1]) + Math.abs(b - accent[2]) < 30) accentCount++;
  }
  return { width: image.width, height: image.height, ink, accent: accentCount };
}

describe('the shipped figures', () => {
  it('cover every exercise and every battery test of the library', () => {
    expect(shipped.missing).toEqual([]);
    const ids = [...library.exercises.map((e) => e.id), ...library.battery.tests.map((t) => t.id)].sort();
    expect(figureIds(library)).toEqual(ids);
    for (const id of ids) expect(hasFigure(id, library)).toBe(true);
  });

  it('pass the pose checks: limits, named contacts, the floor', () => {
    expect(shipped.problems.map(formatProblem)).toEqual([]);
  });

  it('each renders a decodable 640x400 PNG under 60 KB with a figure drawn on it', async () => {
    const sizes: number[] = [];
    for (const pose of shipped.poses) {
      const png = renderPng(pose, { title: titleOf(pose.id, library)! });
      sizes.push(png.length);
      expect(png.subarray(0, 8).toString('hex'), pose.id).toBe('89504e470d0a1a0a');
      expect(png.length, pose.id).toBeLessThan(60 * 1024);
      const { width, height, ink, accent } = await inkOf(png);
      expect([width, height], pose.id).toEqual([CARD.width, CARD.height]);
      // A drawn figure covers a good part of the card, but far from all of it.
      expect(ink / (width * height), pose.id).toBeGreaterThan(0.04);
      expect(ink / (width * height), pose.id).toBeLessThan(0.75);
      // The working leg (or the arrow along the movement) is in the accent colour.
      if (pose.working !== 'none') expect(accent, pose.id).toBeGreaterThan(200);
    }
    expect(sizes).toHaveLength(library.exercises.length + library.battery.tests.length);
  });

  it('the same data gives byte-identical PNGs, and different poses give different ones', () => {
    const [a, b] = shipped.poses;
    const first = renderPng(a!, { title: 'A' });
    expect(renderPng(a!, { title: 'A' }).equals(first)).toBe(true);
    expect(renderPng(b!, { title: 'A' }).equals(first)).toBe(false);
    expect(renderPng(a!, { title: 'B' }).equals(first)).toBe(false);
  });

  it('stays byte-identical when other figures are rendered in between (the canvas is reused)', () => {
    const [a, b, c] = shipped.poses;
    const first = renderPng(a!, { title: 'A' });
    renderPng(b!, { title: 'B' });
    renderGif(c!, { title: 'C' });
    expect(renderPng(a!, { title: 'A' }).equals(first)).toBe(true);
  });

  it('animates start -> end -> start as a GIF of at least 8 frames, deterministically', () => {
    const pose = shipped.poses.find((p) => p.id === 'glute_bridge_top_hold')!;
    const gif = renderGif(pose, { title: 'Glute bridge' });
    expect(gif.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect(gif.length).toBeLessThan(150 * 1024);
    // Each frame starts with a graphic control extension block.
    let frames = 0;
    for (let i = 0; i < gif.length - 3; i++) if (gif[i] === 0x21 && gif[i + 1] === 0xf9 && gif[i + 2] === 0x04) frames++;
    expect(frames).toBeGreaterThanOrEqual(8);
    expect(renderGif(pose, { title: 'Glute bridge' }).equals(gif)).toBe(true);
  });
});

/** Mean image x of the accent-coloured pixels in the figure area (below the header). */
async function accentCentreX(png: Buffer): Promise<number> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, CARD.header, image.width, image.height - CARD.header);
  const accent = rgb(COLORS.accent);
  let sum = 0;
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i]! - accent[0]) + Math.abs(data[i + 1]! - accent[1]) + Math.abs(data[i + 2]! - accent[2]) < 30) {
      sum += (i / 4) % image.width;
      n++;
    }
  }
  return sum / n;
}

describe('the mirror flag (lying face down, seen from above)', () => {
  const prone = shipped.poses.find((p) => p.id === 'prone_ir_foot_swing')!;
  const faceUp: FigurePose = { ...prone, mirror: false };

  it('is set on the face-down top views', () => {
    for (const id of ['prone_er_foot_swing', 'prone_ir_foot_swing', 'banded_prone_ir']) {
      expect(shipped.poses.find((p) => p.id === id)?.mirror, id).toBe(true);
    }
  });

  it('puts the person\'s right leg on the image right, and says the person lies face down', async () => {
    expect(prone.working).toBe('right');
    const mirroredPng = renderPng(prone, { title: 'Prone' });
    const plainPng = renderPng(faceUp, { title: 'Prone' });
    expect(await accentCentreX(mirroredPng)).toBeGreaterThan(CARD.width / 2);
    expect(await accentCentreX(plainPng)).toBeLessThan(CARD.width / 2);
    expect(altText(prone, 'Prone')).toContain('lying face down');
    expect(altText(faceUp, 'Prone')).not.toContain('face down');
  });

  it('flips the figure exactly about the midline and renders deterministically', () => {
    const a = skeletonOf(prone, prone.end);
    const b = skeletonOf(faceUp, faceUp.end);
    for (const key of ['hip', 'knee', 'ankle', 'toe', 'hand'] as const) {
      expect(a.right[key].x).toBeCloseTo(-b.right[key].x, 9);
      expect(a.right[key].y).toBeCloseTo(b.right[key].y, 9);
    }
    const png = renderPng(prone, { title: 'Prone' });
    expect(renderPng(prone, { title: 'Prone' }).equals(png)).toBe(true);
    expect(renderPng(faceUp, { title: 'Prone' }).equals(png)).toBe(false);
    const gif = renderGif(prone, { title: 'Prone' });
    expect(renderGif(prone, { title: 'Prone' }).equals(gif)).toBe(true);
  });
});

describe('figureFor', () => {
  it('renders once per content hash and then serves the cache', () => {
    figureCache.clear();
    const id = library.exercises[0]!.id;
    const first = figureFor(id, { format: 'png' }, library)!;
    const second = figureFor(id, { format: 'png' }, library)!;
    expect(second.bytes).toBe(first.bytes);
    expect(figureCache.misses).toBe(1);
    expect(figureCache.hits).toBe(1);
    expect(first.fileName).toBe(`${id}.png`);
    expect(first.alt).toContain(library.exercises[0]!.name);
    const gif = figureFor(id, { format: 'gif' }, library)!;
    expect(gif.bytes.subarray(0, 3).toString('latin1')).toBe('GIF');
    expect(figureCache.misses).toBe(2);
  });

  it('has nothing for an id without a pose', () => {
    expect(figureFor('no_such_exercise', {}, library)).toBeUndefined();
    expect(hasFigure('no_such_exercise', library)).toBe(false);
  });
});

describe('the pose validator', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  function posesFrom(yaml: string): { poses: FigurePose[]; problems: string[] } {
    const dir = mkdtempSync(join(tmpdir(), 'hipcoach-poses-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'poses'));
    writeFileSync(join(dir, 'poses', 'planted.yaml'), yaml);
    const { poses, problems } = readPoses(join(dir, 'poses'));
    return { poses, problems: [...problems, ...poses.flatMap(checkPose)].map(formatProblem) };
  }

  it('accepts a correct pose', () => {
    const { problems } = posesFrom(`poses:
  - id: ok_pose
    contacts: [feet floor]
    start: { base: stand }
    end: { base: stand, trunk: 30, left_hip: 90, right_hip: 90, left_knee: 90, right_knee: 90, left_ankle: 30, right_ankle: 30 }
`);
    expect(problems).toEqual([]);
  });

  it('rejects an angle beyond the human limit, naming file, line and field', () => {
    const { problems } = posesFrom(`poses:
  - id: bent_back
    start: { base: stand }
    end: { base: stand, right_knee: -20 }
`);
    expect(problems).toEqual([expect.stringMatching(/^poses\/planted\.yaml:4 poses\[0\]\.end\.right_knee: -20° is beyond the human limit/)]);
  });

  it('rejects a foot through the floor', () => {
    const { problems } = posesFrom(`poses:
  - id: sunk
    start: { base: stand }
    end: { base: stand, at: [0, -15], ground: false }
`);
    expect(problems).toEqual([expect.stringMatching(/^poses\/planted\.yaml:4 poses\[0\]\.end: goes through the floor: .*left heel/)]);
  });

  it('rejects a named contact that does not touch, and one with nothing to touch', () => {
    const { problems } = posesFrom(`poses:
  - id: floating_hands
    props: [{ kind: counter, x: 80, height: 92 }]
    contacts: [hands counter]
    start: { base: stand }
    end: { base: stand, contacts: [right_knee chair] }
`);
    expect(problems).toContain('poses/planted.yaml:5 poses[0].start.contacts: left hand should touch the counter but is 67 cm away');
    expect(problems.some((p) => /end\.contacts: right knee should touch the chair but is missing from the props/.test(p))).toBe(true);
  });

  it('rejects a contact that is not "<point> <surface>" and an unknown base', () => {
    const { problems } = posesFrom(`poses:
  - id: typo
    contacts: [left_foot flor]
    start: { base: standing }
    end: { base: stand }
`);
    expect(problems.some((p) => p.startsWith('poses/planted.yaml:3 poses[0].contacts[0]:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('poses/planted.yaml:4 poses[0].start.base:'))).toBe(true);
  });

  it('rejects a mirror flag on a view that is not from above, and one that is not true or false', () => {
    const { problems } = posesFrom(`poses:
  - id: mirrored_side
    mirror: true
    start: { base: prone }
    end: { base: prone }
  - id: mirrored_maybe
    mirror: sometimes
    start: { base: top_supine }
    end: { base: top_supine }
  - id: mirrored_top
    mirror: true
    props: [{ kind: band, from: [30, -70], to: right_ankle }]
    start: { base: top_supine }
    end: { base: top_supine, right_knee: 50 }
`);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^poses\/planted\.yaml:3 poses\[0\]\.mirror: mirror is only for figures seen from above lying face down, not the side view/);
    expect(problems[1]).toMatch(/^poses\/planted\.yaml:7 poses\[1\]\.mirror: /);
  });

  it('flips fixed prop positions with a mirrored figure', () => {
    const { poses } = posesFrom(`poses:
  - id: mirrored_band
    mirror: true
    props: [{ kind: band, from: [30, -70], to: right_ankle }]
    start: { base: top_supine }
    end: { base: top_supine }
`);
    expect(poses[0]!.props[0]).toEqual({ kind: 'band', from: [-30, -70], to: 'right_ankle' });
  });

  it('ignores poses for ids the library does not have yet, and lists them as waiting', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hipcoach-content-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'poses'));
    writeFileSync(join(dir, 'poses', 'extra.yaml'), `poses:
  - id: future_exercise
    contacts: [hands chair]
    start: { base: stand }
    end: { base: stand }
`);
    const result = checkFigures(library, dir);
    expect(result.problems).toEqual([]);
    expect(result.waiting).toEqual(['future_exercise']);
    expect(result.missing.length).toBe(library.exercises.length + library.battery.tests.length);
  });
});

