import type { Angles, Shortening, View } from './body.js';
import type { PointName } from './geometry.js';

/**
 * Named starting postures a pose builds on, so each pose file only says what differs. Side-view
 * figures face right; front-view figures face the reader (their right on the image left); top
 * views look down on a person lying on their back. Anchors put a resting point on the floor.
 */
export interface Base {
  view: View;
  angles: Partial<Angles>;
  anchor: PointName;
  at: readonly [number, number];
  shorten?: Shortening;
}

const sideLyingLegs = { left_hip: 0, right_hip: 0 } as const;

const BASE_TABLE = {
  stand: { view: 'side', angles: { left_elbow: 10, right_elbow: 10 }, anchor: 'left_heel', at: [0, 4.5] },
  supine: { view: 'side', angles: { trunk: -90, right_ankle: -10, left_ankle: -10, left_shoulder: -6, right_shoulder: -6 }, anchor: 'back', at: [0, 12] },
  crook: { view: 'side', angles: { trunk: -90, left_shoulder: -6, right_shoulder: -6, left_hip: 40, right_hip: 40, left_knee: 95, right_knee: 95, left_ankle: -35, right_ankle: -35 }, anchor: 'back', at: [0, 12] },
  prone: { view: 'side', angles: { trunk: 90, head: -10, left_ankle: -60, right_ankle: -60, left_shoulder: 170, right_shoulder: 170, left_elbow: 150, right_elbow: 150 }, anchor: 'back', at: [0, 12] },
  chair_sit: { view: 'side', angles: { left_hip: 85, right_hip: 85, left_knee: 85, right_knee: 85, left_shoulder: 15, right_shoulder: 15, left_elbow: 60, right_elbow: 60 }, anchor: 'pelvis', at: [0, 54] },
  long_sit: { view: 'side', angles: { trunk: -10, left_hip: 80, right_hip: 80, left_ankle: -10, right_ankle: -10, left_shoulder: -40, right_shoulder: -40 }, anchor: 'pelvis', at: [0, 12] },
  floor_sit: { view: 'side', angles: { trunk: -10, left_hip: 125, right_hip: 125, left_knee: 100, right_knee: 100, left_ankle: -35, right_ankle: -35, left_shoulder: -40, right_shoulder: -40 }, anchor: 'pelvis', at: [0, 12] },
  quadruped: { view: 'side', angles: { trunk: 75, left_hip: 75, right_hip: 75, left_knee: 90, right_knee: 90, left_ankle: -70, right_ankle: -70, left_shoulder: 75, right_shoulder: 75, head: -15 }, anchor: 'left_knee', at: [0, 6.5] },
  half_kneel: { view: 'side', angles: { left_hip: 90, left_knee: 90, right_hip: -15, right_knee: 75, right_ankle: -60, left_shoulder: 10, right_shoulder: 10, left_elbow: 30, right_elbow: 30 }, anchor: 'right_knee', at: [0, 6.5] },
  split: { view: 'side', angles: { left_hip: 25, left_knee: 20, left_ankle: 0, right_hip: -20, right_knee: 15, right_ankle: -35, left_elbow: 10, right_elbow: 10 }, anchor: 'left_heel', at: [0, 4.5] },
  front_stand: { view: 'front', angles: { left_hip: 4, right_hip: 4, left_ankle: -4, right_ankle: -4, left_shoulder: 8, right_shoulder: 8 }, anchor: 'left_heel', at: [9, 4.5] },
  front_sit: { view: 'front', angles: { left_hip: 2, right_hip: 2, left_knee: 0, right_knee: 0, left_shoulder: 10, right_shoulder: 10, left_elbow: -10, right_elbow: -10 }, anchor: 'pelvis', at: [0, 54], shorten: { left_thigh: 0.2, right_thigh: 0.2 } },
  side_lying: { view: 'front', angles: { trunk: 86, ...sideLyingLegs, left_shoulder: 175, right_shoulder: 4, head: 0 }, anchor: 'left_hip', at: [0, 10], shorten: { left_foot: 0.25, right_foot: 0.25 } },
  side_lying_bent: { view: 'front', angles: { trunk: 86, left_hip: 0, right_hip: 0, left_shoulder: 175, right_shoulder: 4 }, anchor: 'left_hip', at: [0, 10], shorten: { left_thigh: 0.6, right_thigh: 0.6, left_shin: 0.5, right_shin: 0.5, left_foot: 0.25, right_foot: 0.25 } },
  quadruped_front: { view: 'front', angles: { left_hip: 2, right_hip: 2, left_shoulder: 4, right_shoulder: 4 }, anchor: 'left_knee', at: [9, 6.5], shorten: { trunk: 0.3, left_shin: 0.15, right_shin: 0.15, left_foot: 0.3, right_foot: 0.3 } },
  top_sit: { view: 'top', angles: { left_hip: 15, right_hip: 15, left_shoulder: 30, right_shoulder: 30 }, anchor: 'pelvis', at: [0, 0], shorten: { trunk: 0.35, left_thigh: 0.8, right_thigh: 0.8, left_shin: 0.25, right_shin: 0.25, left_upper_arm: 0.55, right_upper_arm: 0.55, left_forearm: 0.55, right_forearm: 0.55 } },
  top_supine: { view: 'top', angles: { left_hip: 3, right_hip: 3, left_shoulder: 12, right_shoulder: 12 }, anchor: 'pelvis', at: [0, 0] },
} as const satisfies Record<string, Base>;

export type BaseName = keyof typeof BASE_TABLE;
export const BASES: Record<BaseName, Base> = BASE_TABLE;
export const BASE_NAMES = Object.keys(BASE_TABLE) as [BaseName, ...BaseName[]];
