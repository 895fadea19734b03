import { LENGTH, RADIUS, SIDES, type Angles, type Shortening, type Side, type View, JOINTS } from './body.js';

/** Forward kinematics: joint angles -> the figure's points in world centimetres (y up, floor at 0). */

export interface Point {
  x: number;
  y: number;
}

export interface LimbPoints {
  hip: Point;
  knee: Point;
  ankle: Point;
  heel: Point;
  toe: Point;
  shoulder: Point;
  elbow: Point;
  hand: Point;
}

export interface Skeleton {
  pelvis: Point;
  back: Point;
  neck: Point;
  head: Point;
  left: LimbPoints;
  right: LimbPoints;
}

/** Names a pose can use for anchors and contacts. */
export const POINT_NAMES = [
  'pelvis', 'back', 'neck', 'head',
  ...SIDES.flatMap((s) => (['hip', 'knee', 'ankle', 'heel', 'toe', 'foot', 'shoulder', 'elbow', 'hand'] as const).map((p) => `${s}_${p}` as const)),
] as const;
export type PointName = (typeof POINT_NAMES)[number];

const rad = (deg: number) => (deg * Math.PI) / 180;
const dir = (deg: number): Point => ({ x: Math.cos(rad(deg)), y: Math.sin(rad(deg)) });
const add = (p: Point, d: Point, k: number): Point => ({ x: p.x + d.x * k, y: p.y + d.y * k });

function limb(angles: Angles, side: Side, view: View, pelvis: Point, neck: Point, trunkDir: number, short: Shortening): LimbPoints {
  const a = (j: string) => angles[`${side}_${j}` as keyof Angles];
  const len = (segment: string, base: number) => base * (short[`${side}_${segment}` as keyof Shortening] ?? 1);
  if (view === 'side') {
    const thigh = trunkDir + 180 + a('hip');
    const shin = thigh - a('knee');
    const foot = shin + 90 + a('ankle');
    const upper = trunkDir + 180 + a('shoulder');
    const fore = upper + a('elbow');
    const knee = add(pelvis, dir(thigh), len('thigh', LENGTH.thigh));
    const ankle = add(knee, dir(shin), len('shin', LENGTH.shin));
    const shoulder = add(neck, dir(trunkDir), -4);
    const elbow = add(shoulder, dir(upper), len('upper_arm', LENGTH.upper_arm));
    return {
      hip: pelvis,
      knee,
      ankle,
      heel: add(ankle, dir(foot), -LENGTH.heel * (short[`${side}_foot`] ?? 1)),
      toe: add(ankle, dir(foot), len('foot', LENGTH.foot)),
      shoulder,
      elbow,
      hand: add(elbow, dir(fore), len('forearm', LENGTH.forearm)),
    };
  }
  // Front and top: limbs spread either side of the midline; the person's right is on the image
  // left when upright, as when facing someone.
  const sign = side === 'right' ? -1 : 1;
  const lateral = dir(trunkDir + 90 * (side === 'right' ? 1 : -1));
  const thigh = trunkDir + 180 + sign * a('hip');
  const shin = thigh + sign * a('knee');
  const foot = shin + sign * (90 + a('ankle'));
  const upper = trunkDir + 180 + sign * a('shoulder');
  const fore = upper + sign * a('elbow');
  const hip = add(pelvis, lateral, LENGTH.hipHalfWidth);
  const knee = add(hip, dir(thigh), len('thigh', LENGTH.thigh));
  const ankle = add(knee, dir(shin), len('shin', LENGTH.shin));
  const shoulder = add(add(neck, dir(trunkDir), -5), lateral, LENGTH.shoulderHalfWidth);
  const elbow = add(shoulder, dir(upper), len('upper_arm', LENGTH.upper_arm));
  return {
    hip,
    knee,
    ankle,
    heel: ankle,
    toe: add(ankle, dir(foot), len('foot', LENGTH.foot * 0.45)),
    shoulder,
    elbow,
    hand: add(elbow, dir(fore), len('forearm', LENGTH.forearm)),
  };
}

/** The skeleton with the pelvis at the origin. */
function skeletonAtOrigin(angles: Angles, view: View, short: Shortening): Skeleton {
  const pelvis = { x: 0, y: 0 };
  const trunkDir = 90 - angles.trunk;
  const trunkLen = LENGTH.trunk * (short.trunk ?? 1);
  const neck = add(pelvis, dir(trunkDir), trunkLen);
  return {
    pelvis,
    back: add(pelvis, dir(trunkDir), trunkLen / 2),
    neck,
    head: add(neck, dir(trunkDir - angles.head), LENGTH.neck),
    left: limb(angles, 'left', view, pelvis, neck, trunkDir, short),
    right: limb(angles, 'right', view, pelvis, neck, trunkDir, short),
  };
}

export function pointOf(s: Skeleton, name: PointName): Point {
  if (name === 'pelvis' || name === 'back' || name === 'neck' || name === 'head') return s[name];
  const [side, part] = name.split('_') as [Side, string];
  if (part === 'foot') {
    const l = s[side];
    return l.heel.y <= l.toe.y ? l.heel : l.toe;
  }
  return s[side][part as keyof LimbPoints];
}

function translate(s: Skeleton, dx: number, dy: number): Skeleton {
  const m = (p: Point): Point => ({ x: p.x + dx, y: p.y + dy });
  const l = (x: LimbPoints): LimbPoints => ({
    hip: m(x.hip), knee: m(x.knee), ankle: m(x.ankle), heel: m(x.heel), toe: m(x.toe),
    shoulder: m(x.shoulder), elbow: m(x.elbow), hand: m(x.hand),
  });
  return { pelvis: m(s.pelvis), back: m(s.back), neck: m(s.neck), head: m(s.head), left: l(s.left), right: l(s.right) };
}

/** The skeleton flipped left to right about x = 0 (a face-down figure seen from above). */
export function mirrored(s: Skeleton): Skeleton {
  const m = (p: Point): Point => ({ x: -p.x, y: p.y });
  const l = (x: LimbPoints): LimbPoints => ({
    hip: m(x.hip), knee: m(x.knee), ankle: m(x.ankle), heel: m(x.heel), toe: m(x.toe),
    shoulder: m(x.shoulder), elbow: m(x.elbow), hand: m(x.hand),
  });
  return { pelvis: m(s.pelvis), back: m(s.back), neck: m(s.neck), head: m(s.head), left: l(s.left), right: l(s.right) };
}

export interface Placement {
  anchor: PointName;
  at: readonly [number, number];
  /** Rest the lowest part of the body on the floor (y from the anchor is then ignored). */
  ground?: boolean;
}

const RESTING_POINTS = POINT_NAMES.filter((n) => !n.endsWith('_foot'));

/** The skeleton placed so its anchor point sits at the given world position. */
export function solve(angles: Angles, view: View, short: Shortening, place: Placement): Skeleton {
  const s = skeletonAtOrigin(angles, view, short);
  const p = pointOf(s, place.anchor);
  const placed = translate(s, place.at[0] - p.x, place.at[1] - p.y);
  if (!place.ground) return placed;
  const lowest = Math.min(...RESTING_POINTS.map((n) => pointOf(placed, n).y - radiusOf(n)));
  return translate(placed, 0, -lowest);
}

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

export function lerpAngles(a: Angles, b: Angles, t: number): Angles {
  return Object.fromEntries(JOINTS.map((j) => [j, lerp(a[j], b[j], t)])) as Angles;
}

export function allPoints(s: Skeleton): Point[] {
  const limbPoints = (l: LimbPoints) => [l.hip, l.knee, l.ankle, l.heel, l.toe, l.shoulder, l.elbow, l.hand];
  return [s.pelvis, s.back, s.neck, s.head, ...limbPoints(s.left), ...limbPoints(s.right)];
}

/** Drawn half-thickness at a named point: the height of its centre when it rests on a surface. */
export function radiusOf(name: PointName): number {
  if (name === 'pelvis' || name === 'back') return RADIUS.trunk;
  if (name === 'head') return RADIUS.head;
  if (name === 'neck') return 8;
  const part = name.slice(name.indexOf('_') + 1);
  switch (part) {
    case 'hip': return RADIUS.thigh;
    case 'knee': return RADIUS.knee;
    case 'ankle': return RADIUS.ankle;
    case 'shoulder': return RADIUS.upper_arm;
    case 'elbow': return RADIUS.elbow;
    case 'hand': return RADIUS.hand;
    default: return RADIUS.foot;
  }
}

