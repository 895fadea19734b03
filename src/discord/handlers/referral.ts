import type { User } from 'discord.js';
import type { Referral } from '../../coaching/safety.js';
import { clearanceView, withClearanceStep } from '../../views/clearance-view.js';
import { referralCopyView } from '../../views/referral-view.js';
import type { View } from '../../views/view.js';
import { componentFlow, NOT_IN_USE, type ComponentInput, type Unusable } from '../commands/types.js';
import { flowIds } from '../custom-id.js';
import type { BotContext } from '../context.js';
import { PLAIN, renderView, type RenderOptions } from '../render.js';
import { asReply, DiscordCodes, isDiscordError, updateView } from '../respond.js';
import { onRedFlagSubject } from './red-flag-subject.js';

/** The "a clinician has cleared me" button under a referral, shown by /assess, /plan and /workout. */
export const referralIds = flowIds('referral');

export function referralButtons(owner: string): RenderOptions {
  return referralIds.options(owner, '0');
}

/** While a referral stands, the person can say a clinician has cleared them. */
export const withClearedButton: (view: View) => View = withClearanceStep;

function parseReferralComponent(input: ComponentInput): ComponentInput | Unusable {
  return input.id.name === 'cleared' || input.id.name.startsWith('subject-') ? input : { unusable: NOT_IN_USE };
}

/** "A clinician has cleared me": the referral closes and the assessment can start again. */
export const referralFlow = componentFlow('referral', parseReferralComponent, async (ctx, interaction, input) => {
  // "About me" / "someone else" under a red flag raised in a question (ref = the flags).
  if (input.id.name.startsWith('subject-')) return onRedFlagSubject(ctx, interaction, input.id);
  const cleared = ctx.coach.clearedByClinician(input.id.owner);
  await updateView(interaction, clearanceView(cleared, ctx.library, 'Run `/assess` to continue.'), PLAIN);
});

/**
 * A copy of what the person told HipCoach, sent to their DMs so they can show a clinician.
 * Best effort: closed DMs are not an error (the referral screen itself already said everything).
 */
export async function sendReferralCopy(ctx: BotContext, user: User, referral: Referral): Promise<boolean> {
  const view = referralCopyView(referral, ctx.library, ctx.coach.localDate(ctx.coach.person(user.id)));
  try {
    for (const page of renderView(view, PLAIN)) await user.send({ ...asReply(page), allowedMentions: { parse: [] } });
    return true;
  } catch (error) {
    if (!isDiscordError(error, DiscordCodes.cannotMessageUser)) ctx.logger.warn({ err: error }, 'referral copy DM failed');
    return false;
  }
}
