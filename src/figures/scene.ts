import { pointOf, radiusOf, type Point, type PointName, type Skeleton } from './geometry.js';
import type { Prop, Surface } from './pose-schema.js';

/** Where props are in the world, as surfaces a body point can rest on, for checks and drawing. */

export { radiusOf };

export type Where = PointName | readonly [number, number];

export function locate(s: Skeleton, where: Where): Point {
  return typeof where === 'string' ? pointOf(s, where) : { x: where[0], y: where[1] };
}

/** A horizontal top (y between x0 and x1) or a vertical face at x. */
export type Plane = { kind: 'top'; y: number; x0: number; x1: number } | { kind: 'face'; x: number; y0: number; y1: number };

export const CHAIR_DEPTH = 42;
const COUNTER_DEPTH = 60;

export function counterSpan(p: Extract<Prop, { kind: 'counter' }>): [number, number] {
  return p.side === 'right' ? [p.x, p.x + COUNTER_DEPTH] : [p.x - COUNTER_DEPTH, p.x];
}

export function chairSpan(p: Extract<Prop, { kind: 'chair' }>): [number, number] {
  return [p.x, p.x + CHAIR_DEPTH];
}

/** The planes of one surface kind in the scene; the floor is always there. */
export function planes(props: readonly Prop[], surface: Surface, s: Skeleton): Plane[] {
  if (surface === 'floor') return [{ kind: 'top', y: 0, x0: -Infinity, x1: Infinity }];
  const out: Plane[] = [];
  for (const p of props) {
    if (p.kind === 'chair' && surface === 'chair') {
      const [x0, x1] = chairSpan(p);
      out.push({ kind: 'top', y: p.height, x0, x1 });
      if (p.back !== 'none') out.push({ kind: 'top', y: p.height + 40, x0: p.back === 'left' ? x0 : x1 - 4, x1: p.back === 'left' ? x0 + 4 : x1 });
    }
    if (p.kind === 'wall' && surface === 'wall' && !p.behind) out.push({ kind: 'face', x: p.x, y0: 0, y1: 250 });
    if (p.kind === 'counter' && surface === 'counter') {
      const [x0, x1] = counterSpan(p);
      out.push({ kind: 'top', y: p.height, x0, x1 });
    }
    if ((p.kind === 'step' && surface === 'step') || (p.kind === 'bed' && surface === 'bed')) out.push({ kind: 'top', y: p.height, x0: p.x, x1: p.x + p.width });
    if (p.kind === 'pillow' && surface === 'pillow') {
      const c = locate(s, p.at);
      out.push({ kind: 'top', y: c.y + 6, x0: c.x - p.width / 2, x1: c.x + p.width / 2 });
    }
  }
  return out;
}

/** How far (cm) a body point's surface is from resting on a plane; 0 is touching. */
export function gapTo(point: Point, radius: number, plane: Plane): number {
  if (plane.kind === 'top') {
    const outside = Math.max(plane.x0 - radius - point.x, point.x - plane.x1 - radius, 0);
    return Math.hypot(outside, point.y - radius - plane.y);
  }
  const beside = Math.min(Math.abs(point.x + radius - plane.x), Math.abs(point.x - radius - plane.x));
  const outside = Math.max(plane.y0 - point.y, point.y - plane.y1, 0);
  return Math.hypot(beside, outside);
}
