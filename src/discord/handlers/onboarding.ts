import { DECLINED_TEXT } from '../../views/onboarding.js';
import type { BotContext } from '../context.js';
import { encodeCustomId, type CustomId } from '../custom-id.js';
import { PLAIN, type RenderOptions } from '../render.js';
import { updateView, type AnyComponent } from '../respond.js';

export function consentButtonsOptions(owner: string): RenderOptions {
  return { idFor: (name) => encodeCustomId({ flow: 'onboarding', owner, ref: '0', name }) };
}

/** Consent buttons on the welcome screen. Nothing about health is stored before "I agree". */
export async function onOnboardingComponent(ctx: BotContext, interaction: AnyComponent, id: CustomId): Promise<void> {
  if (id.name === 'decline') {
    await updateView(interaction, { title: 'No problem', body: DECLINED_TEXT, inputs: [], privacy: 'private', tone: 'info' }, PLAIN);
    return;
  }
  if (id.name !== 'consent') return;
  ctx.coach.consent(id.owner);
  await updateView(
    interaction,
    {
      title: 'Thank you: let us begin',
      body: [
        'First a short safety check, then two questions about your pain and the activities that matter to you, then 14 simple movement tests. It takes about 20 minutes, and you can pause at any point and carry on later.',
        'Have a mat or blanket, a sturdy chair and a broomstick nearby.',
      ].join('\n\n'),
      inputs: [{ kind: 'button', name: 'begin', label: 'Start the assessment', style: 'success' }],
      privacy: 'private',
      tone: 'success',
    },
    { idFor: (name) => encodeCustomId({ flow: 'assessment', owner: id.owner, ref: 'new', name }) },
  );
}
