import { SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { pageOfExercise, planFindingsView, planPageView, planTopicView, worthReading } from '../../views/plan-screen.js';
import { referralView } from '../../views/plan-view.js';
import { note, type View } from '../../views/view.js';
import type { BotContext } from '../context.js';
// `/plan`'s pages, [Why this plan], "Show me", and the results screen's [Start today's workout].
import { planIds } from '../flow-ids.js';
import { showWorkout } from '../handlers/workout.js';
import { referralButtons, withClearedButton } from '../handlers/referral.js';
import type { RenderOptions } from '../render.js';
import { deferView, replyView, updateView } from '../respond.js';
import { componentFlow, NOT_IN_USE, type BotCommand, type ComponentInput, type Unusable } from './types.js';

const NO_PLAN = note('No plan yet', 'Run `/assess` first: your plan is built from what the assessment finds.');

function optionsFor(owner: string): RenderOptions {
  return planIds.options(owner, '0');
}

type PlanScreen = { kind: 'page'; page: number; show?: string } | { kind: 'why' } | { kind: 'read'; topic: string };

/** What the person sees for a plan screen now: a referral, no plan yet, or the asked page of the active plan. */
function planScreenFor(ctx: BotContext, owner: string, screen: PlanScreen): { view: View; opts: RenderOptions } {
  const referral = ctx.coach.referral(owner);
  if (referral) return { view: withClearedButton(referralView(referral, ctx.library)), opts: referralButtons(owner) };
  const stored = ctx.coach.activePlan(owner);
  if (!stored) return { view: NO_PLAN, opts: optionsFor(owner) };
  if (screen.kind === 'why') return { view: planFindingsView(stored.plan, ctx.library), opts: optionsFor(owner) };
  if (screen.kind === 'read') {
    // Only a topic this plan's findings point to: an old menu after a new plan falls back to Why.
    const pick = worthReading(stored.plan, ctx.library).find((r) => r.topic.id === screen.topic);
    return { view: pick ? planTopicView(pick.topic) : planFindingsView(stored.plan, ctx.library), opts: optionsFor(owner) };
  }
  const goalItems = ctx.coach.goals.goalItems(owner, stored.plan);
  return { view: planPageView(stored.plan, ctx.library, { page: screen.page, goalItems, ...(screen.show ? { showExerciseId: screen.show } : {}) }), opts: optionsFor(owner) };
}

const pageName = z.string().regex(/^page:\d{1,3}$/).transform((n) => Number(n.slice(5)));
const contentId = z.string().regex(/^[a-z0-9_]{1,80}$/);

type Parsed = { owner: string; action: { kind: 'page'; page: number } | { kind: 'why' } | { kind: 'show'; exerciseId: string } | { kind: 'read'; topic: string } | { kind: 'today' } };

/** Component names: `page:<n>`, `why`, `show` (value: an exercise id), `read` (a topic id) and `today`, checked with zod. */
function parsePlanComponent(input: ComponentInput): Parsed | Unusable {
  const owner = input.id.owner;
  const name = input.id.name;
  if (name === 'why' || name === 'today') return { owner, action: { kind: name } };
  if (name === 'show') {
    const value = contentId.safeParse(input.values[0]);
    return value.success ? { owner, action: { kind: 'show', exerciseId: value.data } } : { unusable: 'That exercise was not recognised, so nothing changed. Pick one from the menu.' };
  }
  if (name === 'read') {
    const value = contentId.safeParse(input.values[0]);
    return value.success ? { owner, action: { kind: 'read', topic: value.data } } : { unusable: 'That topic was not recognised, so nothing changed. Pick one from the menu.' };
  }
  const page = pageName.safeParse(name);
  return page.success ? { owner, action: { kind: 'page', page: page.data } } : { unusable: NOT_IN_USE };
}

const planFlow = componentFlow('plan', parsePlanComponent, async (ctx, interaction, { owner, action }) => {
  if (action.kind === 'today') {
    await showWorkout(ctx, interaction);
    return;
  }
  if (action.kind === 'show') {
    // Drawing a figure can take longer than Discord's 3 s on a cold start: acknowledge first.
    await deferView(interaction);
    // The menu's page is the page the exercise sits on: show it there, with its figure attached.
    const stored = ctx.coach.activePlan(owner);
    const goalItems = stored ? ctx.coach.goals.goalItems(owner, stored.plan) : [];
    const page = stored ? pageOfExercise(stored.plan, goalItems, action.exerciseId) : undefined;
    if (page === undefined) {
      const { view, opts } = planScreenFor(ctx, owner, { kind: 'page', page: 1 });
      await updateView(interaction, { ...view, notice: 'That exercise is not in your plan now, so here is the plan as it stands.' }, opts);
      return;
    }
    const { view, opts } = planScreenFor(ctx, owner, { kind: 'page', page, show: action.exerciseId });
    await updateView(interaction, view, opts);
    return;
  }
  const { view, opts } = planScreenFor(ctx, owner, action.kind === 'page' ? { kind: 'page', page: action.page } : action);
  await updateView(interaction, view, opts);
});

export const plan: BotCommand = {
  help: 'Your plan: your exercises and why each is there',
  data: new SlashCommandBuilder().setName('plan').setDescription('Your current plan: your exercises and why each is there').toJSON(),
  async execute(ctx, interaction) {
    const { view, opts } = planScreenFor(ctx, interaction.user.id, { kind: 'page', page: 1 });
    await replyView(interaction, view, opts);
  },
  components: [planFlow],
};
