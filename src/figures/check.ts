import type { ContentProblem } from '../content/load.js';
import { allPoints, mirrored, pointOf, solve, type Skeleton } from './geometry.js';
import { POINT_NAMES, type PointName } from './geometry.js';
import { SURFACES, type Contact, type Surface } from './pose-schema.js';
import type { FigurePose, Phase } from './poses.js';
import { gapTo, planes, radiusOf } from './scene.js';

/**
 * Checks that need the solved figure: every contact the text names really touches (within a
 * tolerance the eye cannot tell apart at card size), and no part of the body sinks into the floor.
 */

const TOUCH_CM = 5;

/** A phase's figure as the author placed it, before any mirroring. */
export function unmirroredSkeletonOf(pose: FigurePose, phase: Phase): Skeleton {
  return solve(phase.angles, pose.view, phase.shorten, phase.place);
}

/** A phase's figure as drawn: flipped left to right when the pose says `mirror`. */
export function skeletonOf(pose: FigurePose, phase: Phase): Skeleton {
  const s = unmirroredSkeletonOf(pose, phase);
  return pose.mirror ? mirrored(s) : s;
}

function gap(pose: FigurePose, s: Skeleton, c: Contact): number {
  const p = pointOf(s, c.point);
  const r = radiusOf(c.point);
  if ((SURFACES as readonly string[]).includes(c.on)) {
    const all = planes(pose.props, c.on as Surface, s);
    return all.length === 0 ? Infinity : Math.min(...all.map((plane) => gapTo(p, r, plane)));
  }
  const other = c.on as PointName;
  return Math.max(0, Math.hypot(p.x - pointOf(s, other).x, p.y - pointOf(s, other).y) - r - radiusOf(other));
}

const PHASES = ['start', 'middle', 'end'] as const;
const label = (name: string) => name.replace('_', ' ');

/** Problems with one pose, as file:line field messages. */
export function checkPose(pose: FigurePose): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const where = (phase: string, field?: string) => pose.source.file.problem(['poses', pose.source.index, phase, ...(field ? [field] : [])], '');
  if (pose.view === 'top') return problems; // seen from above there is no floor line to cross.
  for (const name of PHASES) {
    const phase = pose[name];
    if (!phase) continue;
    const s = skeletonOf(pose, phase);
    for (const c of phase.contacts) {
      const d = gap(pose, s, c);
      if (d > TOUCH_CM) {
        const what = (SURFACES as readonly string[]).includes(c.on) ? `the ${c.on}` : label(c.on);
        problems.push({ ...where(name, 'contacts'), message: `${label(c.point)} should touch ${what} but is ${Number.isFinite(d) ? `${Math.round(d)} cm away` : 'missing from the props'}` });
      }
    }
    const points = allPoints(s);
    const names = POINT_NAMES.filter((n) => !n.endsWith('_foot'));
    const sunk = names.filter((n) => pointOf(s, n).y < radiusOf(n) - TOUCH_CM);
    if (sunk.length > 0 && points.length > 0) {
      problems.push({ ...where(name), message: `goes through the floor: ${sunk.map(label).join(', ')}` });
    }
  }
  return problems;
}

/** Poses and the library side by side: ids without a pose, poses waiting for an id. */
export function coverage(poseIds: Iterable<string>, libraryIds: Iterable<string>): { missing: string[]; waiting: string[] } {
  const poses = new Set(poseIds);
  const library = new Set(libraryIds);
  return { missing: [...library].filter((id) => !poses.has(id)), waiting: [...poses].filter((id) => !library.has(id)).sort() };
}
