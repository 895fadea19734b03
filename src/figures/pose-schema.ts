import { z } from 'zod';
import { JOINTS, SEGMENTS, SIDES, VIEWS, limitFor, type Joint, type View } from './body.js';
import { POINT_NAMES } from './geometry.js';
import { BASE_NAMES, BASES } from './bases.js';

/**
 * The pose files (`src/content/data/poses/*.yaml`): per exercise or test, a start and an end pose
 * (and a middle one where the path matters) as joint angles over a named base posture, plus props
 * and the contacts the text names. Angles are checked against human limits for the view here;
 * contacts and the floor need the solved figure, so check.ts does those.
 */

const pointName = z.enum(POINT_NAMES);
const where = z.union([pointName, z.tuple([z.number(), z.number()])]);
const x = z.number().min(-300).max(300);

export const SURFACES = ['floor', 'chair', 'wall', 'counter', 'step', 'bed', 'pillow'] as const;
export type Surface = (typeof SURFACES)[number];

export const propSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('mat'), from: x.optional(), to: x.optional() }),
  z.strictObject({ kind: z.literal('chair'), x, height: z.number().min(30).max(80).default(42), back: z.enum(['left', 'right', 'none']).default('left') }),
  z.strictObject({ kind: z.literal('wall'), x: x.default(0), behind: z.boolean().default(false) }),
  z.strictObject({ kind: z.literal('counter'), x, height: z.number().min(60).max(110).default(90), side: z.enum(['left', 'right']).default('right') }),
  z.strictObject({ kind: z.literal('step'), x, width: z.number().min(20).max(80).default(30), height: z.number().min(10).max(40).default(18) }),
  z.strictObject({ kind: z.literal('bed'), x, width: z.number().min(30).max(200).default(60), height: z.number().min(30).max(80).default(45) }),
  z.strictObject({ kind: z.literal('band'), from: where, to: where }),
  z.strictObject({ kind: z.literal('dowel') }),
  z.strictObject({ kind: z.literal('weight'), at: where, type: z.enum(['dumbbell', 'kettlebell']).default('dumbbell') }),
  z.strictObject({ kind: z.literal('pillow'), at: where, width: z.number().min(10).max(60).default(26) }),
  z.strictObject({ kind: z.literal('towel'), at: where }),
]);
export type Prop = z.output<typeof propSchema>;

/** `left_foot floor`, `hands chair`, `right_ankle left_knee`: a body point and what it rests on. */
const CONTACT_GROUPS = { feet: ['left_foot', 'right_foot'], hands: ['left_hand', 'right_hand'], knees: ['left_knee', 'right_knee'], elbows: ['left_elbow', 'right_elbow'] } as const;
const contactSchema = z.string().transform((text, ctx) => {
  const [who, on, ...rest] = text.trim().split(/\s+/);
  const points = who && who in CONTACT_GROUPS ? [...CONTACT_GROUPS[who as keyof typeof CONTACT_GROUPS]] : [who];
  const surface = on && ((SURFACES as readonly string[]).includes(on) || (POINT_NAMES as readonly string[]).includes(on)) ? on : undefined;
  if (rest.length > 0 || !surface || !points.every((p) => (POINT_NAMES as readonly string[]).includes(p ?? ''))) {
    ctx.addIssue({ code: 'custom', message: `"${text}" must be "<body point> <surface>", e.g. "left_foot floor" or "hands chair"` });
    return z.NEVER;
  }
  return points.map((point) => ({ point: point as (typeof POINT_NAMES)[number], on: surface as Surface | (typeof POINT_NAMES)[number] }));
});
export type Contact = z.output<typeof contactSchema>[number];

const angle = z.number().min(-360).max(360);
const phaseSchema = z.strictObject({
  base: z.enum(BASE_NAMES),
  ...(Object.fromEntries(JOINTS.map((j) => [j, angle.optional()])) as Record<Joint, z.ZodOptional<typeof angle>>),
  anchor: pointName.optional(),
  at: z.tuple([z.number(), z.number()]).optional(),
  /** Rest the lowest part on the floor (then `at` only sets x); the default except seen from above. */
  ground: z.boolean().optional(),
  shorten: z.partialRecord(z.enum(SEGMENTS), z.number().min(0.1).max(1)).optional(),
  contacts: z.array(contactSchema).optional(),
});
export type PhaseInput = z.output<typeof phaseSchema>;

export const poseEntrySchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9_]+$/, 'must be a lower-case id'),
    view: z.enum(VIEWS).optional(),
    /**
     * Seen from above lying face down: the picture is flipped left to right, so the person's right
     * is on the image right (the top view is built for lying on the back).
     */
    mirror: z.boolean().default(false),
    working: z.enum([...SIDES, 'both', 'none']).default('right'),
    props: z.array(propSchema).default([]),
    contacts: z.array(contactSchema).default([]),
    start: phaseSchema,
    middle: phaseSchema.optional(),
    end: phaseSchema,
  })
  .superRefine((entry, ctx) => {
    const entryView: View = entry.view ?? BASES[entry.start.base].view;
    if (entry.mirror && entryView !== 'top') {
      ctx.addIssue({ code: 'custom', path: ['mirror'], message: `mirror is only for figures seen from above lying face down, not the ${entryView} view` });
    }
    for (const phase of ['start', 'middle', 'end'] as const) {
      const p = entry[phase];
      if (!p) continue;
      const view: View = entry.view ?? BASES[p.base].view;
      if (BASES[p.base].view !== view) {
        ctx.addIssue({ code: 'custom', path: [phase, 'base'], message: `base "${p.base}" is drawn from the ${BASES[p.base].view}, not the ${view}` });
      }
      for (const joint of JOINTS) {
        const value = p[joint] ?? BASES[p.base].angles[joint] ?? 0;
        const limit = limitFor(view, joint);
        if (limit && (value < limit.min || value > limit.max)) {
          ctx.addIssue({ code: 'custom', path: [phase, joint], message: `${value}° is beyond the human limit for ${joint.replace('_', ' ')} seen from the ${view} (${limit.min}° to ${limit.max}°)` });
        }
      }
    }
  });
export type PoseEntry = z.output<typeof poseEntrySchema>;

export const poseFileSchema = z.strictObject({ poses: z.array(z.unknown()) });
