import type { SKRSContext2D } from '@napi-rs/canvas';
import { RADIUS, type Side, type View } from './body.js';
import { pointOf, type LimbPoints, type Point, type Skeleton } from './geometry.js';
import type { Prop } from './pose-schema.js';
import { chairSpan, counterSpan, locate } from './scene.js';

/** Drawing the figure and its props on a canvas, in world centimetres through a fixed transform. */

export interface Transform {
  scale: number;
  ox: number;
  oy: number;
}

export const COLORS = {
  body: '#52627a',
  bodyFar: '#a3b1c6',
  accent: '#ea580c',
  accentFar: '#fdba8c',
  outline: '#1e293b',
  arrow: '#c2410c',
  floor: '#94a3b8',
  floorFill: '#e2e8f0',
  mat: '#a5b4fc',
  wood: '#8b5e3c',
  block: '#dbe2ea',
  band: '#16a34a',
  metal: '#334155',
  soft: '#f9a8d4',
  towel: '#7dd3fc',
  card: '#f8fafc',
  ink: '#0f172a',
  muted: '#475569',
} as const;

export function toPx(t: Transform, p: Point): [number, number] {
  return [t.ox + p.x * t.scale, t.oy - p.y * t.scale];
}

function segment(ctx: SKRSContext2D, t: Transform, a: Point, b: Point, radiusCm: number, extra = 0): void {
  const [ax, ay] = toPx(t, a);
  const [bx, by] = toPx(t, b);
  ctx.lineWidth = radiusCm * 2 * t.scale + extra;
  ctx.beginPath();
  ctx.moveTo(ax, ay);
  ctx.lineTo(bx, by);
  ctx.stroke();
}

function disc(ctx: SKRSContext2D, t: Transform, c: Point, radiusCm: number, extra = 0): void {
  const [x, y] = toPx(t, c);
  ctx.beginPath();
  ctx.arc(x, y, radiusCm * t.scale + extra / 2, 0, Math.PI * 2);
  ctx.fill();
}

interface Part {
  draw: (extra: number) => void;
  color: string;
  group?: Group;
}

/** Body parts that move together: used to draw only what moved as the faint start pose. */
export type Group = 'trunk' | 'left_leg' | 'right_leg' | 'left_arm' | 'right_arm';

function legParts(ctx: SKRSContext2D, t: Transform, l: LimbPoints, color: string, group: Group): Part[] {
  return [
    { color, group, draw: (e) => { segment(ctx, t, l.hip, l.knee, RADIUS.thigh, e); } },
    { color, group, draw: (e) => { segment(ctx, t, l.knee, l.ankle, RADIUS.shin, e); } },
    { color, group, draw: (e) => { segment(ctx, t, l.heel, l.toe, RADIUS.foot, e); } },
  ];
}

function armParts(ctx: SKRSContext2D, t: Transform, l: LimbPoints, color: string, group: Group): Part[] {
  return [
    { color, group, draw: (e) => { segment(ctx, t, l.shoulder, l.elbow, RADIUS.upper_arm, e); } },
    { color, group, draw: (e) => { segment(ctx, t, l.elbow, l.hand, RADIUS.forearm, e); } },
  ];
}

export interface FigureStyle {
  view: View;
  working: Side | 'both' | 'none';
  near: Side;
}

/** The figure as one silhouette: every part's outline first, then every part's fill. */
export function drawFigure(ctx: SKRSContext2D, t: Transform, s: Skeleton, style: FigureStyle, only?: ReadonlySet<Group>): void {
  const isWorking = (side: Side) => style.working === side || style.working === 'both';
  const far: Side = style.near === 'left' ? 'right' : 'left';
  const side = style.view === 'side';
  const legColor = (sd: Side, isFar: boolean) => (isWorking(sd) ? (isFar ? COLORS.accentFar : COLORS.accent) : isFar ? COLORS.bodyFar : COLORS.body);
  const trunkColor = COLORS.body;
  const parts: Part[] = [];
  // Far limbs first, so the near ones overlap them; in front and top views both sides are near.
  parts.push(...armParts(ctx, t, s[far], side ? COLORS.bodyFar : COLORS.body, `${far}_arm`));
  parts.push(...legParts(ctx, t, s[far], legColor(far, side), `${far}_leg`));
  parts.push({ color: trunkColor, group: 'trunk', draw: (e) => { segment(ctx, t, s.pelvis, s.neck, side ? RADIUS.trunk : RADIUS.trunk + 3, e); } });
  if (!side) parts.push({ color: trunkColor, group: 'trunk', draw: (e) => { segment(ctx, t, s.left.hip, s.right.hip, RADIUS.thigh, e); } });
  if (!side) parts.push({ color: trunkColor, group: 'trunk', draw: (e) => { segment(ctx, t, s.left.shoulder, s.right.shoulder, RADIUS.upper_arm + 1, e); } });
  parts.push({ color: trunkColor, group: 'trunk', draw: (e) => { disc(ctx, t, s.head, RADIUS.head, e); } });
  parts.push(...legParts(ctx, t, s[style.near], legColor(style.near, false), `${style.near}_leg`));
  parts.push(...armParts(ctx, t, s[style.near], COLORS.body, `${style.near}_arm`));
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  const shown = only ? parts.filter((p) => p.group && only.has(p.group)) : parts;
  for (const p of shown) {
    ctx.strokeStyle = COLORS.outline;
    ctx.fillStyle = COLORS.outline;
    p.draw(3);
  }
  for (const p of shown) {
    ctx.strokeStyle = p.color;
    ctx.fillStyle = p.color;
    p.draw(0);
  }
  if (side && (!only || only.has('trunk'))) {
    // An eye shows which way the face points (lying on the back or the front).
    const faceDir = Math.atan2(s.head.y - s.neck.y, s.head.x - s.neck.x) - Math.PI / 2;
    const eye = { x: s.head.x + Math.cos(faceDir) * 5.5 + (s.head.x - s.neck.x) * 0.08, y: s.head.y + Math.sin(faceDir) * 5.5 + (s.head.y - s.neck.y) * 0.08 };
    ctx.fillStyle = COLORS.card;
    disc(ctx, t, eye, 1.8);
  }
}

/** Props fixed in the room, drawn behind the figure. */
export function drawRoom(ctx: SKRSContext2D, t: Transform, props: readonly Prop[], view: View, box: { x0: number; x1: number; y0: number; y1: number }, size: { width: number; height: number }): void {
  const span = [box.x0, box.x1] as const;
  const [, floorY] = toPx(t, { x: 0, y: 0 });
  if (view !== 'top') {
    ctx.fillStyle = COLORS.floorFill;
    ctx.fillRect(14, floorY, size.width - 28, Math.max(0, size.height - 14 - floorY));
    ctx.strokeStyle = COLORS.floor;
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.moveTo(14, floorY);
    ctx.lineTo(size.width - 14, floorY);
    ctx.stroke();
  }
  const rect = (x0: number, y0: number, x1: number, y1: number, fill: string, stroke: string = COLORS.floor) => {
    const [ax, ay] = toPx(t, { x: Math.min(x0, x1), y: Math.max(y0, y1) });
    const [bx, by] = toPx(t, { x: Math.max(x0, x1), y: Math.min(y0, y1) });
    ctx.fillStyle = fill;
    ctx.strokeStyle = stroke;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.roundRect(ax, ay, bx - ax, by - ay, Math.min(6, (by - ay) / 2));
    ctx.fill();
    ctx.stroke();
  };
  for (const p of props) {
    switch (p.kind) {
      case 'mat':
        if (view === 'top') rect(p.from ?? span[0] - 4, box.y1 + 4, p.to ?? span[1] + 4, box.y0 - 4, '#e0e7ff', COLORS.mat);
        else rect(p.from ?? span[0] - 12, 0, p.to ?? span[1] + 12, 2, COLORS.mat, COLORS.mat);
        break;
      case 'wall': {
        if (p.behind) {
          // A wall behind the person, seen face-on: a pale panel with its name.
          ctx.fillStyle = '#e8edf3';
          ctx.fillRect(14, 64, size.width - 28, floorY - 64);
          ctx.fillStyle = COLORS.muted;
          ctx.font = '12px "DejaVu Sans"';
          ctx.fillText('wall behind', 22, 80);
          break;
        }
        const [fx] = toPx(t, { x: p.x, y: 0 });
        const away = (span[0] + span[1]) / 2 < p.x ? 1 : -1;
        ctx.fillStyle = COLORS.block;
        ctx.fillRect(away > 0 ? fx : fx - 14, 56, 14, floorY - 56);
        ctx.strokeStyle = COLORS.floor;
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(fx, 56);
        ctx.lineTo(fx, floorY);
        ctx.stroke();
        break;
      }
      case 'chair': {
        const [x0, x1] = chairSpan(p);
        ctx.strokeStyle = COLORS.wood;
        ctx.lineCap = 'round';
        ctx.lineWidth = 3.2 * t.scale;
        const line = (a: Point, b: Point) => {
          ctx.beginPath();
          ctx.moveTo(...toPx(t, a));
          ctx.lineTo(...toPx(t, b));
          ctx.stroke();
        };
        line({ x: x0 + 2, y: p.height - 2 }, { x: x0 + 2, y: 1.5 });
        line({ x: x1 - 2, y: p.height - 2 }, { x: x1 - 2, y: 1.5 });
        if (p.back !== 'none') {
          const bx = p.back === 'left' ? x0 + 2 : x1 - 2;
          line({ x: bx, y: p.height }, { x: bx, y: p.height + 40 });
        }
        rect(x0, p.height - 4, x1, p.height, '#c08b5c', COLORS.wood);
        break;
      }
      case 'counter': {
        const [x0, x1] = counterSpan(p);
        rect(x0, 0, x1, p.height, COLORS.block);
        rect(x0 - 3, p.height - 5, x1 + 3, p.height, '#cbd5e1');
        break;
      }
      case 'step':
        rect(p.x, 0, p.x + p.width, p.height, '#e7e5e4', '#a8a29e');
        break;
      case 'bed':
        rect(p.x, 0, p.x + p.width, p.height, '#c7d2fe', '#818cf8');
        break;
      default:
        break;
    }
  }
}

/** Props that move with the body (bands, weights, a dowel, a pillow), drawn with the figure. */
export function drawCarried(ctx: SKRSContext2D, t: Transform, props: readonly Prop[], s: Skeleton): void {
  ctx.lineCap = 'round';
  for (const p of props) {
    if (p.kind === 'band') {
      const a = locate(s, p.from);
      const b = locate(s, p.to);
      ctx.strokeStyle = COLORS.band;
      ctx.lineWidth = Math.max(3, 1.6 * t.scale);
      ctx.beginPath();
      ctx.moveTo(...toPx(t, a));
      ctx.lineTo(...toPx(t, b));
      ctx.stroke();
      ctx.fillStyle = COLORS.band;
      for (const end of [a, b]) {
        const [x, y] = toPx(t, end);
        ctx.beginPath();
        ctx.arc(x, y, Math.max(2.5, 1.4 * t.scale), 0, Math.PI * 2);
        ctx.fill();
      }
    } else if (p.kind === 'dowel') {
      // Along the back of the spine, touching head, upper back and tailbone.
      const ux = s.neck.x - s.pelvis.x;
      const uy = s.neck.y - s.pelvis.y;
      const len = Math.hypot(ux, uy) || 1;
      const back = { x: uy / len, y: -ux / len };
      const from = { x: s.pelvis.x - (ux / len) * 18 - back.x * -14, y: s.pelvis.y - (uy / len) * 18 - back.y * -14 };
      const to = { x: s.head.x + (ux / len) * 14 - back.x * -12, y: s.head.y + (uy / len) * 14 - back.y * -12 };
      ctx.strokeStyle = '#a16207';
      ctx.lineWidth = 2.4 * t.scale;
      ctx.beginPath();
      ctx.moveTo(...toPx(t, from));
      ctx.lineTo(...toPx(t, to));
      ctx.stroke();
    } else if (p.kind === 'weight') {
      const c = locate(s, p.at);
      const [x, y] = toPx(t, c);
      ctx.fillStyle = COLORS.metal;
      if (p.type === 'kettlebell') {
        ctx.beginPath();
        ctx.arc(x, y + 4 * t.scale, 7 * t.scale, 0, Math.PI * 2);
        ctx.fill();
        ctx.strokeStyle = COLORS.metal;
        ctx.lineWidth = 2 * t.scale;
        ctx.beginPath();
        ctx.arc(x, y - 1 * t.scale, 4.5 * t.scale, Math.PI, Math.PI * 2);
        ctx.stroke();
      } else {
        ctx.fillRect(x - 9 * t.scale, y - 1.2 * t.scale, 18 * t.scale, 2.4 * t.scale);
        ctx.beginPath();
        ctx.roundRect(x - 11 * t.scale, y - 5 * t.scale, 5 * t.scale, 10 * t.scale, 1.5 * t.scale);
        ctx.roundRect(x + 6 * t.scale, y - 5 * t.scale, 5 * t.scale, 10 * t.scale, 1.5 * t.scale);
        ctx.fill();
      }
    } else if (p.kind === 'pillow' || p.kind === 'towel') {
      const c = locate(s, p.at);
      const [x, y] = toPx(t, c);
      const w = (p.kind === 'pillow' ? p.width : 22) * t.scale;
      const h = (p.kind === 'pillow' ? 10 : 4) * t.scale;
      ctx.fillStyle = p.kind === 'pillow' ? COLORS.soft : COLORS.towel;
      ctx.strokeStyle = COLORS.muted;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.roundRect(x - w / 2, y - h / 2, w, h, h / 2);
      ctx.fill();
      ctx.stroke();
    }
  }
}

/** A curved arrow from where the moving point starts to where it ends (through the middle pose). */
export function drawArrow(ctx: SKRSContext2D, t: Transform, path: Point[], bulgeFrom: Point): void {
  if (path.length < 2) return;
  const pts = path.map((p) => toPx(t, p));
  const [sx, sy] = pts[0]!;
  const [ex, ey] = pts[pts.length - 1]!;
  if (Math.hypot(ex - sx, ey - sy) < 14) return;
  let cx: number;
  let cy: number;
  if (pts.length === 3) {
    // Through the middle point: the control point that makes the curve pass it at t = 0.5.
    cx = 2 * pts[1]![0] - (sx + ex) / 2;
    cy = 2 * pts[1]![1] - (sy + ey) / 2;
  } else {
    const [bx, by] = toPx(t, bulgeFrom);
    const mx = (sx + ex) / 2;
    const my = (sy + ey) / 2;
    let nx = -(ey - sy);
    let ny = ex - sx;
    const len = Math.hypot(nx, ny) || 1;
    nx /= len;
    ny /= len;
    // Bulge away from the body, so the arrow does not run through it.
    if ((mx - bx) * nx + (my - by) * ny < 0) {
      nx = -nx;
      ny = -ny;
    }
    const bulge = Math.hypot(ex - sx, ey - sy) * 0.25;
    cx = mx + nx * bulge;
    cy = my + ny * bulge;
  }
  // Stop short of the end so the head sits clear of the limb.
  const back = 0.9;
  const qx = (1 - back) ** 2 * sx + 2 * (1 - back) * back * cx + back ** 2 * ex;
  const qy = (1 - back) ** 2 * sy + 2 * (1 - back) * back * cy + back ** 2 * ey;
  ctx.strokeStyle = COLORS.arrow;
  ctx.fillStyle = COLORS.arrow;
  ctx.lineWidth = 3.5;
  ctx.lineCap = 'round';
  ctx.setLineDash([9, 6]);
  ctx.beginPath();
  ctx.moveTo(sx, sy);
  ctx.quadraticCurveTo(cx, cy, ex, ey);
  ctx.stroke();
  ctx.setLineDash([]);
  const angle = Math.atan2(ey - qy, ex - qx);
  const head = 13;
  ctx.beginPath();
  ctx.moveTo(ex + Math.cos(angle) * 3, ey + Math.sin(angle) * 3);
  ctx.lineTo(ex - Math.cos(angle - 0.45) * head, ey - Math.sin(angle - 0.45) * head);
  ctx.lineTo(ex - Math.cos(angle + 0.45) * head, ey - Math.sin(angle + 0.45) * head);
  ctx.closePath();
  ctx.fill();
}

export { pointOf };
