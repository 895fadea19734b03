import { z } from 'zod';
import { readSetupAnswer } from '../../app/settings-input.js';
import { ONBOARDING_PAGES, onboardingSetupView, SETUP_SCREENS, setupView, type SetupMode, type SetupScreen } from '../../views/setup-view.js';
import { settingsView } from '../../views/settings-view.js';
import type { BotContext } from '../context.js';
import { componentFlow, NOT_IN_USE, type ComponentInput, type Unusable } from '../commands/types.js';
import { flowIds } from '../custom-id.js';
import { modalFor, type RenderOptions } from '../render.js';
import { updateView, type AnyComponent } from '../respond.js';
import { assessmentStart } from './assessment.js';

/**
 * The setup screens on Discord: after consent (mode "o", two pages of two settings each, whose
 * last [Next] opens the safety check itself) and from /settings (mode "s", one screen and
 * [Done]). The ref names what is shown (`o1` = onboarding page 2, `s0` = settings, time zone);
 * every answer is saved at once, so nothing lives in the message.
 */

export const setupIds = flowIds('setup');
const settingsIds = flowIds('settings');

/**
 * Onboarding refs name a page (0-1), settings refs a screen (0-3). Onboarding once had one screen
 * a page (o0-o3): a message sent then still works, its minutes and equipment screens (o2, o3)
 * opening the page that now holds them.
 */
export const setupRefSchema = z.string().regex(/^(o[0-3]|s[0-3])$/).transform((ref) => ({
  mode: ref[0] === 'o' ? ('onboarding' as const) : ('settings' as const),
  index: ref[0] === 'o' ? Math.min(Number(ref[1]), 1) : Number(ref[1]),
}));

type Shown = { mode: 'onboarding'; page: number } | { mode: 'settings'; screen: SetupScreen };

function refOf(shown: Shown): string {
  return shown.mode === 'onboarding' ? `o${shown.page}` : `s${SETUP_SCREENS.indexOf(shown.screen)}`;
}

function viewOf(ctx: BotContext, owner: string, shown: Shown, notice?: string) {
  const person = ctx.coach.person(owner);
  return shown.mode === 'onboarding' ? onboardingSetupView(shown.page, person, ctx.clock(), notice) : setupView(shown.screen, person, 'settings', ctx.clock(), notice);
}

export function settingsOptions(owner: string): RenderOptions {
  return settingsIds.options(owner, '0');
}

/** Show onboarding's first setup page, or one /settings screen, in place of the message pressed. */
export async function showSetup(ctx: BotContext, interaction: AnyComponent, owner: string, mode: SetupMode, screen: SetupScreen, notice?: string): Promise<void> {
  const shown: Shown = mode === 'onboarding' ? { mode, page: Math.max(0, ONBOARDING_PAGES.findIndex((p) => (p as readonly SetupScreen[]).includes(screen))) } : { mode, screen };
  await show(ctx, interaction, owner, shown, notice);
}

async function show(ctx: BotContext, interaction: AnyComponent, owner: string, shown: Shown, notice?: string): Promise<void> {
  await updateView(interaction, viewOf(ctx, owner, shown, notice), setupIds.options(owner, refOf(shown)));
}

type SetupPress = { owner: string; shown: Shown; name: string; values: string[]; fields: Record<string, string> | undefined };

function parseSetup(input: ComponentInput): SetupPress | Unusable {
  const ref = setupRefSchema.safeParse(input.id.ref);
  if (!ref.success) return { unusable: NOT_IN_USE };
  const { mode, index } = ref.data;
  const shown: Shown = mode === 'onboarding' ? { mode, page: index } : { mode, screen: SETUP_SCREENS[index]! };
  return { owner: input.id.owner, shown, name: input.id.name, values: input.values, fields: input.fields };
}

export const setupFlow = componentFlow('setup', parseSetup, async (ctx, interaction, press) => {
  const { owner, shown, name } = press;
  if (name === 'form') {
    // The typed answers (a city, "7pm") come back as a modal named "typed" on the same screen.
    if (!interaction.isMessageComponent()) return;
    await interaction.showModal(modalFor(viewOf(ctx, owner, shown), setupIds.encode(owner, refOf(shown), 'typed')));
    return;
  }
  if (name === 'next' && shown.mode === 'onboarding') {
    // The last page's Next opens the safety check directly: no separate "begin" press.
    if (shown.page + 1 < ONBOARDING_PAGES.length) await show(ctx, interaction, owner, { mode: 'onboarding', page: shown.page + 1 });
    else {
      const { view, opts } = assessmentStart(ctx, owner);
      await updateView(interaction, view, opts);
    }
    return;
  }
  if (name === 'done') {
    await updateView(interaction, settingsView(ctx.coach.person(owner)), settingsOptions(owner));
    return;
  }
  const answers = name === 'typed' ? typedAnswers(press.fields) : [[name, press.values] as const];
  if (answers.length === 0) {
    await show(ctx, interaction, owner, shown, 'Nothing was typed, so nothing changed.');
    return;
  }
  const saved: string[] = [];
  for (const [answerName, values] of answers) {
    const answer = readSetupAnswer(answerName, values);
    if (!answer.ok) {
      await show(ctx, interaction, owner, shown, [...saved, answer.error].join(' '));
      return;
    }
    ctx.coach.updateSettings(owner, answer.patch);
    saved.push(answer.saved);
  }
  await show(ctx, interaction, owner, shown, saved.join(' '));
});

/** The filled-in text fields of a setup modal, as answer names and values (onboarding's form has two). */
function typedAnswers(fields: Record<string, string> | undefined): (readonly [string, string[]])[] {
  return Object.entries(fields ?? {})
    .filter(([key, value]) => (key === 'zonetext' || key === 'timetext') && value.trim() !== '')
    .map(([key, value]) => [key, [value]] as const);
}
