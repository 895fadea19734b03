import { note, type View } from '../../views/view.js';
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
export function withClearedButton(view: View): View {
  return {
    ...view,
    body: `${view.body}

Once a doctor or other clinician has checked you and said exercise is fine, press the button below.`,
    inputs: [{ kind: 'button', name: 'cleared', label: 'A clinician has cleared me', style: 'secondary' }],
  };
}

/** "A clinician has cleared me": the referral closes and the assessment can start again. */
export const referralFlow = componentFlow('referral', namedIn(['cleared']), async (ctx, interaction, { owner }) => {
  const cleared = ctx.coach.clearedByClinician(owner);
  const view = cleared
    ? note('Thank you', `${ctx.library.redFlags.referrals.cleared}\n\nRun \`/assess\` to continue.`, 'success')
    : note('Nothing to clear', 'There is no open referral on your record. Run `/assess` to continue.', 'success');
  await updateView(interaction, view, PLAIN);
});
