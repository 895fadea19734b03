import { z } from 'zod';

/**
 * The one custom-id codec. Every button, select and modal carries
 * `v1:<flow>:<owner>:<ref>:<name>` where owner is the Discord user the flow belongs to, ref ties
 * the component to stored state (e.g. `12.7` = assessment 12, step 7), and name is the input.
 * State lives in the database; the id only says which state and whose.
 */

export const FLOWS = {
  assessment: 'as',
  onboarding: 'on',
  workout: 'wo',
  privacy: 'pv',
  settings: 'st',
  referral: 'rf',
  setup: 'su',
  plan: 'pl',
} as const;
export type Flow = keyof typeof FLOWS;

const FLOW_BY_CODE: ReadonlyMap<string, Flow> = new Map(Object.entries(FLOWS).map(([flow, code]) => [code, flow as Flow]));

const part = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/);

export const customIdSchema = z
  .string()
  .max(100)
  .transform((raw, ctx) => {
    const pieces = raw.split(':');
    const [version, code, owner, ref, ...rest] = pieces;
    const flow = code === undefined ? undefined : FLOW_BY_CODE.get(code);
    const name = rest.join(':');
    if (version !== 'v1' || !flow || !owner || !/^\d{15,22}$/.test(owner) || ref === undefined || !part.safeParse(ref).success || !/^[a-z][A-Za-z0-9_:-]{0,40}$/.test(name)) {
      ctx.addIssue({ code: 'custom', message: 'not a HipCoach component id' });
      return z.NEVER;
    }
    return { flow, owner, ref, name };
  });
export type CustomId = z.output<typeof customIdSchema>;

export function encodeCustomId(id: CustomId): string {
  const encoded = `v1:${FLOWS[id.flow]}:${id.owner}:${id.ref}:${id.name}`;
  if (encoded.length > 100) throw new Error(`custom id too long (${encoded.length}): ${encoded}`);
  return encoded;
}

export function decodeCustomId(raw: string): CustomId | null {
  const parsed = customIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The custom ids of one flow: every component of the flow is named through this, never by hand. */
export interface FlowIds {
  readonly flow: Flow;
  encode(owner: string, ref: string, name: string): string;
  /** Render options (`idFor`) for a view whose inputs belong to this flow and this ref. */
  options(owner: string, ref: string): { idFor: (name: string) => string };
}

export function flowIds(flow: Flow): FlowIds {
  const encode = (owner: string, ref: string, name: string) => encodeCustomId({ flow, owner, ref, name });
  return { flow, encode, options: (owner, ref) => ({ idFor: (name) => encode(owner, ref, name) }) };
}
