import { join } from 'node:path';
import type { ContentProblem } from '../content/load.js';
import type { Library } from '../content/library.js';
import { checkPose, coverage } from './check.js';
import { readPoses, type FigurePose } from './poses.js';

/**
 * The pose files checked against the library: schema and geometry problems for poses of ids the
 * library has (poses waiting for an id another branch adds are read but not judged), plus which
 * ids still have no figure.
 */
export function checkFigures(library: Library, contentDir?: string): { problems: ContentProblem[]; poses: FigurePose[]; missing: string[]; waiting: string[] } {
  const { poses, problems } = readPoses(contentDir ? join(contentDir, 'poses') : undefined);
  const ids = [...library.exercises.map((e) => e.id), ...library.battery.tests.map((t) => t.id)];
  const known = new Set(ids);
  for (const pose of poses) if (known.has(pose.id)) problems.push(...checkPose(pose));
  const { missing, waiting } = coverage(poses.map((p) => p.id), ids);
  return { problems, poses: poses.filter((p) => known.has(p.id)), missing, waiting };
}
