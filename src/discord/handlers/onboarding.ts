import { zoneForLocale } from '../../coaching/local-time.js';
import { DECLINED_TEXT, welcomeDetailsView } from '../../views/onboarding.js';
import { note } from '../../views/view.js';
import { componentFlow, namedIn } from '../commands/types.js';
import { PLAIN } from '../render.js';
import { replyView, updateView } from '../respond.js';
import { showSetup } from './setup.js';


/** Consent buttons on the welcome screen. Nothing about health is stored before "I agree"; then the setup screens. */
export const onboardingFlow = componentFlow('onboarding', namedIn(['consent', 'decline', 'about']), async (ctx, interaction, { owner, name }) => {
  if (name === 'about') {
    // A private answer beside the welcome, so its consent buttons stay where they are.
    await replyView(interaction, welcomeDetailsView(), PLAIN, true);
    return;
  }
  if (name === 'decline') {
    await updateView(interaction, note('No problem', DECLINED_TEXT), PLAIN);
    return;
  }
  const person = ctx.coach.consent(owner);
  // A first guess from the Discord language, so the time-zone screen opens on a likely answer.
  const guess = person.timezone === 'UTC' ? zoneForLocale(interaction.locale) : null;
  if (guess) ctx.coach.updateSettings(owner, { timezone: guess });
  await showSetup(ctx, interaction, owner, 'onboarding', 'timezone', 'Thank you. First, two quick settings screens.');
});
