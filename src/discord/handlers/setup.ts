import { z } from 'zod';
import { readSetupAnswer } from '../../app/settings-input.js';
import { readyForAssessmentView, SETUP_SCREENS, setupView, type SetupMode, type SetupScreen } from '../../views/setup-view.js';
import { settingsView } from '../../views/settings-view.js';
import type { BotContext } from '../context.js';
import { componentFlow, NOT_IN_USE, type ComponentInput, type Unusable } from '../commands/types.js';
import { flowIds } from '../custom-id.js';
import { modalFor, type RenderOptions } from '../render.js';
import { updateView, type AnyComponent } from '../respond.js';
import { assessmentIds } from './assessment-ids.js';

/**
 * The setup screens on Discord: after consent (mode "o", [Next] through all four, then the
 * assessment's start) and from /settings (mode "s", one screen and [Done]). The ref names the
 * screen shown (`o0` = onboarding, time zone); every answer is saved at once, so nothing lives
 * in the message.
 */

export const setupIds = flowIds('setup');
const settingsIds = flowIds('settings');

const refSchema = z.string().regex(/^[os][0-3]$/).transform((ref) => ({
  mode: ref[0] === 'o' ? ('onboarding' as const) : ('settings' as const),
  screen: SETUP_SCREENS[Number(ref[1])]!,
}));

function refOf(mode: SetupMode, screen: SetupScreen): string {
  return `${mode === 'onboarding' ? 'o' : 's'}${SETUP_SCREENS.indexOf(screen)}`;
}

export function setupOptions(owner: string, mode: SetupMode, screen: SetupScreen): RenderOptions {
  return setupIds.options(owner, refOf(mode, screen));
}

export function settingsOptions(owner: string): RenderOptions {
  return settingsIds.options(owner, '0');
}

/** Show one setup screen in place of the message pressed. */
export async function showSetup(ctx: BotContext, interaction: AnyComponent, owner: string, mode: SetupMode, screen: SetupScreen, notice?: string): Promise<void> {
  await updateView(interaction, setupView(screen, ctx.coach.person(owner), mode, ctx.clock(), notice), setupOptions(owner, mode, screen));
}

type SetupPress = { owner: string; mode: SetupMode; screen: SetupScreen; name: string; values: string[]; fields: Record<string, string> | undefined };

function parseSetup(input: ComponentInput): SetupPress | Unusable {
  const ref = refSchema.safeParse(input.id.ref);
  if (!ref.success) return { unusable: NOT_IN_USE };
  return { owner: input.id.owner, ...ref.data, name: input.id.name, values: input.values, fields: input.fields };
}

export const setupFlow = componentFlow('setup', parseSetup, async (ctx, interaction, press) => {
  const { owner, mode, screen, name } = press;
  if (name === 'form') {
    // The typed answer (a city, "7pm") comes back as a modal named "typed" on the same screen.
    if (!interaction.isMessageComponent()) return;
    const view = setupView(screen, ctx.coach.person(owner), mode, ctx.clock());
    await interaction.showModal(modalFor(view, setupIds.encode(owner, refOf(mode, screen), 'typed')));
    return;
  }
  if (name === 'next') {
    const index = SETUP_SCREENS.indexOf(screen);
    const following = SETUP_SCREENS[index + 1];
    if (following) await showSetup(ctx, interaction, owner, mode, following);
    else await updateView(interaction, readyForAssessmentView(), assessmentIds.options(owner, 'new'));
    return;
  }
  if (name === 'done') {
    await updateView(interaction, settingsView(ctx.coach.person(owner)), settingsOptions(owner));
    return;
  }
  const [answerName, values] = name === 'typed' ? typedAnswer(press.fields) : [name, press.values];
  const answer = readSetupAnswer(answerName, values);
  if (!answer.ok) {
    await showSetup(ctx, interaction, owner, mode, screen, answer.error);
    return;
  }
  ctx.coach.updateSettings(owner, answer.patch);
  await showSetup(ctx, interaction, owner, mode, screen, answer.saved);
});

/** The one text field of a setup modal, as an answer name and value. */
function typedAnswer(fields: Record<string, string> | undefined): [string, string[]] {
  const entry = Object.entries(fields ?? {}).find(([key]) => key === 'zonetext' || key === 'timetext');
  return entry ? [entry[0], [entry[1]]] : ['unknown', []];
}
