/**
 * The figure's body: a planar articulated model with one angle per joint, in centimetres.
 * One model serves every view; the view says how an angle reads (flexion from the side,
 * abduction from the front or above) and so which human limits apply.
 */

export const VIEWS = ['side', 'front', 'top'] as const;
export type View = (typeof VIEWS)[number];

export const SIDES = ['left', 'right'] as const;
export type Side = (typeof SIDES)[number];

export const LIMB_JOINTS = ['hip', 'knee', 'ankle', 'shoulder', 'elbow'] as const;
export type LimbJoint = (typeof LIMB_JOINTS)[number];

/** Every angle a pose can set: the trunk's lean from vertical, the head's nod, and each limb joint. */
export const JOINTS = ['trunk', 'head', ...SIDES.flatMap((s) => LIMB_JOINTS.map((j) => `${s}_${j}` as const))] as const;
export type Joint = (typeof JOINTS)[number];

/** Segments that can be drawn shorter, to suggest a limb pointing toward or away from the viewer. */
export const SEGMENTS = ['trunk', ...SIDES.flatMap((s) => (['thigh', 'shin', 'foot', 'upper_arm', 'forearm'] as const).map((g) => `${s}_${g}` as const))] as const;
export type Segment = (typeof SEGMENTS)[number];

export const LENGTH = {
  trunk: 52,
  neck: 21,
  thigh: 44,
  shin: 43,
  foot: 19,
  heel: 5,
  upper_arm: 29,
  forearm: 30,
  hipHalfWidth: 9,
  shoulderHalfWidth: 17,
} as const;

/** Drawn half-thickness of each part; also the height of its centre when it rests on a surface. */
export const RADIUS = {
  head: 11,
  trunk: 12,
  pelvis: 12,
  thigh: 8,
  knee: 6.5,
  shin: 6,
  ankle: 5,
  foot: 4.5,
  upper_arm: 5.5,
  elbow: 5,
  forearm: 4.5,
  hand: 4.5,
} as const;

export interface Range {
  min: number;
  max: number;
}

/**
 * Human limits per joint and view, in degrees. Side view: flexion positive (hip, shoulder forward;
 * knee and elbow bend; ankle dorsiflexion). Front and top views: abduction positive, away from the
 * midline; the knee and elbow angle there is the lower segment's swing out (+) or in (-).
 * The trunk is an absolute lean, so it has no limit; the head nods within the neck's range.
 */
const SIDE_LIMITS: Record<LimbJoint, Range> = {
  hip: { min: -30, max: 135 },
  knee: { min: 0, max: 155 },
  ankle: { min: -75, max: 35 },
  shoulder: { min: -60, max: 185 },
  elbow: { min: 0, max: 155 },
};
const FRONT_LIMITS: Record<LimbJoint, Range> = {
  hip: { min: -30, max: 80 },
  knee: { min: -155, max: 155 },
  ankle: { min: -60, max: 60 },
  shoulder: { min: -30, max: 185 },
  elbow: { min: -155, max: 155 },
};
export const HEAD_LIMIT: Range = { min: -60, max: 70 };

export function limitFor(view: View, joint: Joint): Range | undefined {
  if (joint === 'trunk') return undefined;
  if (joint === 'head') return HEAD_LIMIT;
  const limb = joint.slice(joint.indexOf('_') + 1) as LimbJoint;
  return (view === 'side' ? SIDE_LIMITS : FRONT_LIMITS)[limb];
}

export type Angles = Record<Joint, number>;
export type Shortening = Partial<Record<Segment, number>>;

export const NEUTRAL: Angles = Object.fromEntries(JOINTS.map((j) => [j, 0])) as Angles;
