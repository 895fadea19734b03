import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONTENT_DIR, SourceFile, type ContentProblem } from '../content/load.js';
import { JOINTS, NEUTRAL, type Angles, type Shortening, type View } from './body.js';
import { BASES } from './bases.js';
import { CHAIR_DEPTH } from './scene.js';
import type { Placement } from './geometry.js';
import { poseEntrySchema, poseFileSchema, type Contact, type PhaseInput, type PoseEntry, type Prop } from './pose-schema.js';

/** Reads the pose files and resolves each phase (base + overrides) into full angles and a placement. */

export interface Phase {
  angles: Angles;
  shorten: Shortening;
  place: Placement;
  contacts: Contact[];
}

export interface FigurePose {
  id: string;
  view: View;
  /** Flip left to right (face-down top views): the person's right on the image right. */
  mirror: boolean;
  working: PoseEntry['working'];
  props: Prop[];
  start: Phase;
  middle?: Phase;
  end: Phase;
  /** Where it came from, for problems that name a file, line and field. */
  source: { file: SourceFile; index: number };
}

export const POSES_DIR = join(DEFAULT_CONTENT_DIR, 'poses');

function resolvePhase(p: PhaseInput, common: Contact[], view: View): Phase {
  const base = BASES[p.base];
  const angles = { ...NEUTRAL, ...base.angles };
  for (const j of JOINTS) {
    const v = p[j];
    if (v !== undefined) angles[j] = v;
  }
  return {
    angles,
    shorten: { ...base.shorten, ...p.shorten },
    place: { anchor: p.anchor ?? base.anchor, at: p.at ?? base.at, ground: p.ground ?? view !== 'top' },
    contacts: [...common, ...(p.contacts ?? []).flat()],
  };
}

type Where = Extract<Prop, { kind: 'band' }>['from'];
const flip = (w: Where): Where => (typeof w === 'string' ? w : [-w[0], w[1]]);

/** A prop's fixed positions flipped left to right, to match a mirrored figure. */
function mirrorProp(p: Prop): Prop {
  switch (p.kind) {
    case 'mat':
      return { kind: 'mat', ...(p.to !== undefined ? { from: -p.to } : {}), ...(p.from !== undefined ? { to: -p.from } : {}) };
    case 'band':
      return { ...p, from: flip(p.from), to: flip(p.to) };
    case 'weight':
    case 'pillow':
    case 'towel':
      return { ...p, at: flip(p.at) };
    case 'wall':
      return { ...p, x: -p.x };
    case 'chair':
      return { ...p, x: -p.x - CHAIR_DEPTH, back: p.back === 'left' ? 'right' : p.back === 'right' ? 'left' : 'none' };
    case 'counter':
      return { ...p, x: -p.x, side: p.side === 'left' ? 'right' : 'left' };
    case 'step':
    case 'bed':
      return { ...p, x: -p.x - p.width };
    default:
      return p;
  }
}

export function resolvePose(entry: PoseEntry, file: SourceFile, index: number): FigurePose {
  const common = entry.contacts.flat();
  const view = entry.view ?? BASES[entry.start.base].view;
  return {
    id: entry.id,
    view,
    mirror: entry.mirror,
    working: entry.working,
    props: entry.mirror ? entry.props.map(mirrorProp) : entry.props,
    start: resolvePhase(entry.start, common, view),
    ...(entry.middle ? { middle: resolvePhase(entry.middle, common, view) } : {}),
    end: resolvePhase(entry.end, common, view),
    source: { file, index },
  };
}

/** Every pose in the folder, with schema problems (file:line field) for the ones that fail. */
export function readPoses(dir: string = POSES_DIR): { poses: FigurePose[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const poses: FigurePose[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  } catch {
    return { poses, problems: [{ file: 'poses/', field: '', message: 'folder is missing' }] };
  }
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = SourceFile.read(join(dir, '..'), join(dir, name));
    if (!(file instanceof SourceFile)) {
      problems.push(file);
      continue;
    }
    const data = file.parse(poseFileSchema, problems);
    if (!data) continue;
    data.poses.forEach((raw, index) => {
      const parsed = poseEntrySchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push(file.problem(['poses', index, ...(issue.path as (string | number)[])], issue.message));
        return;
      }
      const where = `${file.name} poses[${index}]`;
      const earlier = seen.get(parsed.data.id);
      if (earlier) {
        problems.push(file.problem(['poses', index, 'id'], `"${parsed.data.id}" already has a pose at ${earlier}`));
        return;
      }
      seen.set(parsed.data.id, where);
      poses.push(resolvePose(parsed.data, file, index));
    });
  }
  return { poses, problems };
}
