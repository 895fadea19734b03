import { RED_FLAG_IDS, type RedFlagId } from '../../content/ids.js';
import type { Referral } from '../../coaching/safety.js';
import { askReferralText } from '../../views/referral-view.js';
import type { ViewInput } from '../../views/view.js';
import type { Answer } from '../../qa/answer.js';
import type { BotContext } from '../context.js';
import { encodeCustomId, type CustomId } from '../custom-id.js';
import { PLAIN, type RenderOptions } from '../render.js';
import { updateView, type AnyComponent } from '../respond.js';

/**
 * "Is this about you or someone else?" after a free-text red flag whose subject was unclear.
 * The flags travel in the custom id's ref (one base-36 character per flag, E/U for the level):
 * they are the question's own content, not stored state, and nothing is paused until "me".
 */

export const SUBJECT_BUTTONS = { me: 'subject-me', other: 'subject-other' } as const;

export function encodeFlags(referral: Referral): string {
  return `${referral.level === 'emergency' ? 'E' : 'U'}${referral.flags.map((f) => RED_FLAG_IDS.indexOf(f).toString(36)).join('')}`;
}

export function decodeFlags(ref: string): Referral | null {
  const level = ref[0] === 'E' ? 'emergency' : ref[0] === 'U' ? 'urgent' : null;
  const flags = Array.from(ref.slice(1).match(/[0-9a-z]/g) ?? []).map((c) => RED_FLAG_IDS[parseInt(c, 36)]).filter((f): f is RedFlagId => f !== undefined);
  return level && flags.length ? { level, flags: RED_FLAG_IDS.filter((f) => flags.includes(f)) } : null;
}

/** The answer as a view gets the two buttons when the subject is unclear; else plain rendering. */
export function answerRenderOptions(answer: Answer, owner: string): RenderOptions {
  if (answer.subject !== 'unclear' || !answer.referral) return PLAIN;
  const ref = encodeFlags(answer.referral);
  return { idFor: (name) => encodeCustomId({ flow: 'referral', owner, ref, name }) };
}

const ABOUT_ME: ViewInput = { kind: 'button', name: SUBJECT_BUTTONS.me, label: 'This is about me', style: 'danger' };
const SOMEONE_ELSE: ViewInput = { kind: 'button', name: SUBJECT_BUTTONS.other, label: 'It is about someone else', style: 'secondary' };
const CLEARED: ViewInput = { kind: 'button', name: 'cleared', label: 'A clinician has cleared me', style: 'secondary' };
/** The two buttons shown under an unclear red-flag answer. */
export const SUBJECT_INPUTS: readonly ViewInput[] = [ABOUT_ME, SOMEONE_ELSE];

/** "About me" stores the flags and pauses the plan (if consented); "someone else" changes nothing. */
export async function onRedFlagSubject(ctx: BotContext, interaction: AnyComponent, id: CustomId): Promise<void> {
  const referral = decodeFlags(id.ref);
  if (!referral) return;
  const mine = id.name === SUBJECT_BUTTONS.me;
  const paused = mine && ctx.coach.recordFreeTextRedFlags(id.owner, referral);
  await updateView(
    interaction,
    {
      title: mine ? (referral.level === 'emergency' ? 'Please get medical help now' : 'Please see a doctor first') : 'For the person you asked about',
      body: askReferralText(referral, ctx.library, mine ? 'me' : 'someone_else', paused),
      // A change of mind stays possible: "about me" remains under the someone-else text; a pause has its way out.
      inputs: mine ? (paused ? [CLEARED] : []) : [{ kind: 'button', name: SUBJECT_BUTTONS.me, label: 'Actually, this is about me', style: 'danger' }],
      privacy: 'private',
      tone: 'danger',
    },
    mine && !paused ? PLAIN : { idFor: (name) => encodeCustomId({ flow: 'referral', owner: id.owner, ref: id.ref, name }) },
  );
}
