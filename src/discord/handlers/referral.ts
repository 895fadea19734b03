import { clearanceView, withClearanceStep } from '../../views/clearance-view.js';
import type { View } from '../../views/view.js';
import { componentFlow, namedIn } from '../commands/types.js';
import { flowIds } from '../custom-id.js';
import { PLAIN, type RenderOptions } from '../render.js';
import { updateView } from '../respond.js';

/** The "a clinician has cleared me" button under a referral, shown by /assess, /plan and /workout. */
export const referralIds = flowIds('referral');

export function referralButtons(owner: string): RenderOptions {
  return referralIds.options(owner, '0');
}

/** While a referral stands, the person can say a clinician has cleared them. */
export const withClearedButton: (view: View) => View = withClearanceStep;

/** "A clinician has cleared me": the referral closes and the assessment can start again. */
export const referralFlow = componentFlow('referral', namedIn(['cleared']), async (ctx, interaction, { owner }) => {
  const cleared = ctx.coach.clearedByClinician(owner);
  await updateView(interaction, clearanceView(cleared, ctx.library, 'Run `/assess` to continue.'), PLAIN);
});
