import { DECLINED_TEXT } from '../../views/onboarding.js';
import { note } from '../../views/view.js';
import { componentFlow, namedIn } from '../commands/types.js';
import { flowIds } from '../custom-id.js';
import { PLAIN, type RenderOptions } from '../render.js';
import { updateView } from '../respond.js';
import { assessmentIds } from './assessment-ids.js';

/** The welcome screen's consent buttons (ref is always 0: consent belongs to the person, not a message). */
export const onboardingIds = flowIds('onboarding');

export function consentButtonsOptions(owner: string): RenderOptions {
  return onboardingIds.options(owner, '0');
}

/** Consent buttons on the welcome screen. Nothing about health is stored before "I agree". */
export const onboardingFlow = componentFlow('onboarding', namedIn(['consent', 'decline']), async (ctx, interaction, { owner, name }) => {
  if (name === 'decline') {
    await updateView(interaction, note('No problem', DECLINED_TEXT), PLAIN);
    return;
  }
  ctx.coach.consent(owner);
  await updateView(
    interaction,
    {
      title: 'Thank you: let us begin',
      body: [
        'First a short safety check, then two questions about your pain and the activities that matter to you, then 7 short movement tests. It takes about 12 minutes (the other tests come two at a time in your first week), and you can pause at any point and carry on later.',
        'Have a mat or blanket, a sturdy chair and a broomstick nearby.',
      ].join('\n\n'),
      inputs: [{ kind: 'button', name: 'begin', label: 'Start the assessment', style: 'success' }],
      privacy: 'private',
      tone: 'success',
    },
    assessmentIds.options(owner, 'new'),
  );
});
