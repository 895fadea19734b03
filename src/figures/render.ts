import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import { RADIUS, type Side } from './body.js';
import { CARD, drawCard, drawHeader, drawKey, drawTag } from './card.js';
import { skeletonOf, unmirroredSkeletonOf } from './check.js';
import { drawArrow, drawCarried, drawFigure, drawRoom, type FigureStyle, type Group, type Transform } from './draw.js';
import { allPoints, lerp, lerpAngles, mirrored, pointOf, solve, type Point, type PointName, type Skeleton } from './geometry.js';
import type { FigurePose, Phase } from './poses.js';
import { encodePng } from './png.js';
import { chairSpan, counterSpan } from './scene.js';

/** One figure card as PNG bytes (640x400), and single frames for the GIF. Same data, same bytes. */

const require = createRequire(import.meta.url);
export const FONT = 'DejaVu Sans';
let fontReady = false;
function setUpFont(): void {
  if (fontReady) return;
  GlobalFonts.registerFromPath(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), FONT);
  GlobalFonts.registerFromPath(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'), FONT);
  fontReady = true;
}

export interface FigureText {
  title: string;
}

const VIEW_LABEL = { side: 'Side view', front: 'Front view', top: 'Seen from above' } as const;

export function subtitleOf(pose: FigurePose): string {
  const side = pose.working === 'left' || pose.working === 'right' ? ` · working leg: ${pose.working} (orange)` : pose.working === 'both' ? ' · both legs work (orange)' : '';
  return `${VIEW_LABEL[pose.view]}${pose.mirror ? ', lying face down' : ''}${side}`;
}

function styleOf(pose: FigurePose): FigureStyle {
  const near: Side = pose.working === 'right' ? 'right' : 'left';
  return { view: pose.view, working: pose.working, near };
}

const phasesOf = (pose: FigurePose): Phase[] => [pose.start, ...(pose.middle ? [pose.middle] : []), pose.end];

/** World bounds of every phase and the room props, so start and end share one frame. */
function bounds(pose: FigurePose, skeletons: Skeleton[]): { x0: number; x1: number; y0: number; y1: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  const pad = RADIUS.trunk + 2;
  for (const s of skeletons) {
    for (const p of allPoints(s)) {
      xs.push(p.x - pad, p.x + pad);
      ys.push(p.y - pad, p.y + pad);
    }
  }
  for (const p of pose.props) {
    if (p.kind === 'chair') {
      xs.push(...chairSpan(p));
      ys.push(p.back === 'none' ? p.height : p.height + 40);
    } else if (p.kind === 'counter') {
      // Only the part of a counter near the figure is drawn, so a long counter does not shrink it.
      const [c0, c1] = counterSpan(p);
      xs.push(Math.max(c0, Math.min(...xs) - 30), Math.min(c1, Math.max(...xs) + 30));
      ys.push(p.height);
    } else if (p.kind === 'wall' && !p.behind) {
      xs.push(p.x);
    } else if (p.kind === 'step' || p.kind === 'bed') {
      xs.push(p.x, p.x + p.width);
      ys.push(p.height);
    }
  }
  if (pose.view !== 'top') ys.push(0);
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

function transformFor(b: ReturnType<typeof bounds>, width: number, height: number): Transform {
  const left = CARD.margin;
  const top = CARD.header + 8;
  const w = width - 2 * CARD.margin;
  const h = height - top - 30;
  const scale = Math.min(w / (b.x1 - b.x0), h / (b.y1 - b.y0), 2.4);
  const ox = left + (w - (b.x1 - b.x0) * scale) / 2 - b.x0 * scale;
  const oy = top + h - (h - (b.y1 - b.y0) * scale) / 2 + b.y0 * scale;
  return { scale, ox, oy };
}

const TRACKED: PointName[] = ['left_ankle', 'right_ankle', 'left_knee', 'right_knee', 'left_hand', 'right_hand', 'pelvis', 'head'];

/** The point that shows the movement: on the working side when there is one, the one that travels furthest. */
export function trackedPoint(pose: FigurePose, start: Skeleton, end: Skeleton): PointName {
  const candidates = pose.working === 'left' || pose.working === 'right' ? TRACKED.filter((n) => !n.includes('_') || n.startsWith(pose.working)) : TRACKED;
  let best: PointName = candidates[0]!;
  let far = -1;
  for (const n of candidates) {
    const a = pointOf(start, n);
    const b = pointOf(end, n);
    const d = Math.hypot(a.x - b.x, a.y - b.y) * (n.includes('ankle') || n.includes('knee') ? 1.15 : 1);
    if (d > far + 0.01) {
      far = d;
      best = n;
    }
  }
  return best;
}

const GROUP_POINTS: Record<Group, (s: Skeleton) => Point[]> = {
  trunk: (s) => [s.pelvis, s.neck, s.head],
  left_leg: (s) => [s.left.hip, s.left.knee, s.left.ankle, s.left.toe],
  right_leg: (s) => [s.right.hip, s.right.knee, s.right.ankle, s.right.toe],
  left_arm: (s) => [s.left.shoulder, s.left.elbow, s.left.hand],
  right_arm: (s) => [s.right.shoulder, s.right.elbow, s.right.hand],
};

/** Groups whose points move more than a few centimetres between two skeletons. */
export function movedGroups(a: Skeleton, b: Skeleton): Set<Group> {
  const out = new Set<Group>();
  for (const [group, points] of Object.entries(GROUP_POINTS) as [Group, (s: Skeleton) => Point[]][]) {
    const pa = points(a);
    const pb = points(b);
    if (pa.some((p, i) => Math.hypot(p.x - pb[i]!.x, p.y - pb[i]!.y) > 4)) out.add(group);
  }
  return out;
}

/**
 * One canvas per size, reused: every render paints the whole card, and a fresh canvas (allocating
 * and clearing its pixels) cost more than the drawing on it. Rendering is synchronous, so no two
 * renders share one at the same time.
 */
const canvases = new Map<string, Canvas>();
function canvasOf(width: number, height: number, role: 'card' | 'ghost'): Canvas {
  setUpFont();
  const key = `${role} ${width}x${height}`;
  let canvas = canvases.get(key);
  if (!canvas) {
    canvas = createCanvas(width, height);
    canvases.set(key, canvas);
  }
  // Back to a blank canvas with default state (line caps, alpha, fonts), as a new one would be.
  canvas.getContext('2d').reset();
  return canvas;
}

/**
 * The still card: start pose faint, end pose solid, an arrow along the movement, labels. The
 * canvas is shared with the next render: encode or copy it before rendering again.
 */
export function renderCanvas(pose: FigurePose, text: FigureText): Canvas {
  const { width, height } = CARD;
  const canvas = canvasOf(width, height, 'card');
  const ctx = canvas.getContext('2d');
  const skeletons = phasesOf(pose).map((p) => skeletonOf(pose, p));
  const start = skeletons[0]!;
  const end = skeletons[skeletons.length - 1]!;
  const b = bounds(pose, skeletons);
  const t = transformFor(b, width, height);
  drawCard(ctx, { width, height });
  drawHeader(ctx, FONT, text.title, subtitleOf(pose), width);
  drawRoom(ctx, t, pose.props, pose.view, b, { width, height });
  const style = styleOf(pose);
  ctx.globalAlpha = 1;
  drawFigure(ctx, t, end, style);
  drawCarried(ctx, t, pose.props, end);
  // The start pose goes on top, faint, and only for the parts that move, so it is never hidden
  // behind the end pose and the parts that stay still are not doubled.
  // Each ghost is drawn opaque on its own layer and then laid down faint, so overlapping limbs
  // do not build up darker patches.
  const moved = movedGroups(start, end);
  const ghost = (s: Skeleton, alpha: number) => {
    if (moved.size === 0) return;
    const layer = canvasOf(width, height, 'ghost');
    const g = layer.getContext('2d');
    drawFigure(g, t, s, style, moved);
    drawCarried(g, t, pose.props.filter((p) => p.kind === 'band' || p.kind === 'weight' || p.kind === 'dowel'), s);
    ctx.globalAlpha = alpha;
    ctx.drawImage(layer, 0, 0);
    ctx.globalAlpha = 1;
  };
  if (skeletons.length === 3) ghost(skeletons[1]!, 0.22);
  ghost(start, 0.4);
  const tracked = trackedPoint(pose, start, end);
  const path: Point[] = skeletons.map((s) => pointOf(s, tracked));
  drawArrow(ctx, t, path, end.pelvis);
  if (pose.working === 'left' || pose.working === 'right') {
    const knee = end[pose.working].knee;
    const [x, y] = [t.ox + knee.x * t.scale, t.oy - knee.y * t.scale];
    const ink = { x: t.ox + end.pelvis.x * t.scale, y: t.oy - end.pelvis.y * t.scale };
    // Put the tag beside the knee, on the side away from the pelvis.
    const dx = x >= ink.x ? 46 : -46;
    drawTag(ctx, FONT, `${pose.working} leg`, x + dx, y - 26, { width, height });
  }
  drawKey(ctx, FONT, width, height);
  return canvas;
}

export function renderPng(pose: FigurePose, text: FigureText): Buffer {
  const canvas = renderCanvas(pose, text);
  return encodePng(canvas.data(), canvas.width, canvas.height);
}

/** The pose part-way from start to end (0..1), passing through the middle pose when there is one. */
export function skeletonAt(pose: FigurePose, k: number): Skeleton {
  const s = unmirroredAt(pose, k);
  return pose.mirror ? mirrored(s) : s;
}

function unmirroredAt(pose: FigurePose, k: number): Skeleton {
  const phases = phasesOf(pose);
  const span = k * (phases.length - 1);
  const i = Math.min(Math.floor(span), phases.length - 2);
  const a = phases[i]!;
  const b = phases[i + 1]!;
  const f = span - i;
  const angles = lerpAngles(a.angles, b.angles, f);
  const shorten = Object.fromEntries([...new Set([...Object.keys(a.shorten), ...Object.keys(b.shorten)])].map((key) => [key, lerp(a.shorten[key as keyof typeof a.shorten] ?? 1, b.shorten[key as keyof typeof b.shorten] ?? 1, f)]));
  if (a.place.anchor === b.place.anchor) {
    const at: [number, number] = [lerp(a.place.at[0], b.place.at[0], f), lerp(a.place.at[1], b.place.at[1], f)];
    return solve(angles, pose.view, shorten, { anchor: a.place.anchor, at, ground: a.place.ground === true && b.place.ground === true });
  }
  // Different anchors: move the pelvis in a straight line between the two placements.
  const sa = unmirroredSkeletonOf(pose, a);
  const sb = unmirroredSkeletonOf(pose, b);
  return solve(angles, pose.view, shorten, { anchor: 'pelvis', at: [lerp(sa.pelvis.x, sb.pelvis.x, f), lerp(sa.pelvis.y, sb.pelvis.y, f)] });
}

/** One animation frame: the figure at k (0..1), solid, in the still card's frame. */
export function renderFrame(pose: FigurePose, text: FigureText, k: number, size: { width: number; height: number }): Uint8ClampedArray {
  const canvas = canvasOf(size.width, size.height, 'card');
  const ctx = canvas.getContext('2d');
  const skeletons = phasesOf(pose).map((p) => skeletonOf(pose, p));
  const b = bounds(pose, skeletons);
  const t = transformFor(b, size.width, size.height);
  drawCard(ctx, size);
  drawHeader(ctx, FONT, text.title, subtitleOf(pose), size.width);
  drawRoom(ctx, t, pose.props, pose.view, b, size);
  const s = skeletonAt(pose, k);
  drawFigure(ctx, t, s, styleOf(pose));
  drawCarried(ctx, t, pose.props, s);
  return ctx.getImageData(0, 0, size.width, size.height).data;
}
