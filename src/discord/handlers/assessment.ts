import type { RepliableInteraction, User } from 'discord.js';
import type { Side } from '../../content/ids.js';
import type { StoredAssessment } from '../../db/repos/assessments.js';
import { parseAssessmentInput, parsePsfsForm } from '../../flows/assessment-input.js';
import { STEPS, needsHip, sidesOf, testOfStep } from '../../flows/assessment-state.js';
import { note } from '../../views/view.js';
import { componentFlow, NOT_IN_USE, type ComponentInput, type Unusable } from '../commands/types.js';
import { assessmentIds, assessmentRef, parseAssessmentRef, type AssessmentRef } from './assessment-ids.js';
import { referralButtons, sendReferralCopy, withClearedButton } from './referral.js';
import { welcomeView } from '../../views/onboarding.js';
import { completionView } from '../../views/completion-view.js';
import { planView } from '../../views/plan-screen.js';
import { planIds } from '../commands/plan.js';
import { assessmentFacts, referralView } from '../../views/plan-view.js';
import type { Comparison } from '../../coaching/reassessment.js';
import type { View } from '../../views/view.js';
import type { AssessmentKind } from '../../app/coach.js';
import type { StoredPlan } from '../../db/repos/plans.js';
import type { BotContext } from '../context.js';
import { encodeCustomId } from '../custom-id.js';
import { modalFor, renderView, type RenderOptions, PLAIN } from '../render.js';
import { DiscordCodes, deferView, followUpView, isDiscordError, replyView, sendView, updateView, asReply } from '../respond.js';
import { consentButtonsOptions } from './onboarding.js';

/** /assess and its components (ids and refs in `assessment-ids.ts`). */

function optionsFor(owner: string, a: StoredAssessment, focusSide?: Side): RenderOptions {
  return { ...assessmentIds.options(owner, assessmentRef(a)), ...(focusSide ? { focusSide } : {}) };
}

/** On a per-side test, show the side just answered until it is complete, then the next one that is not. */
export function focusSideFor(a: StoredAssessment, lastSide?: Side): Side | undefined {
  const testId = testOfStep(a.step);
  if (!testId) return undefined;
  const sides = sidesOf(testId);
  const results = a.draft.tests[testId] ?? {};
  const complete = (side: Side) => {
    const r = results[side];
    return r?.rating !== undefined && r.pain !== undefined && (r.pain === 0 || r.painPlace !== undefined) && (!needsHip(testId, r) || r.hip !== undefined);
  };
  if (lastSide && !complete(lastSide)) return lastSide;
  return sides.find((s) => !complete(s)) ?? lastSide ?? sides[sides.length - 1];
}

const PAUSED = note('Paused', 'Everything so far is saved. Run `/assess` whenever you are ready and you will continue from this exact step.');

/** /assess with a plan and nothing in progress: the plan stands; a check-in only if the person asks. */
export function hasPlanView(): View {
  return {
    title: 'You already have a plan',
    body: [
      'Your plan is ready: `/workout` shows today\'s session and `/plan` the whole plan with the reason for every exercise.',
      'If you would like to repeat the tests now and see what has changed, start a check-in (a reassessment, about 20 minutes). Your plan stays as it is until you finish it.',
    ].join('\n\n'),
    inputs: [{ kind: 'button', name: 'begin', label: 'Start my check-in', style: 'primary' }],
    privacy: 'private',
    tone: 'info',
  };
}

type Landing = { view: View; opts: RenderOptions } | { deliver: StoredPlan };

/** Where /assess lands, decided by the app without writing: consent, referral, resume, an undelivered plan, the check-in offer, or a start. */
function landing(ctx: BotContext, owner: string): Landing {
  const entry = ctx.coach.assessmentEntry(owner);
  switch (entry.kind) {
    case 'needs_consent':
      return { view: welcomeView('discord'), opts: consentButtonsOptions(owner) };
    case 'referral':
      return { view: withClearedButton(referralView(entry.referral, ctx.library)), opts: referralButtons(owner) };
    case 'in_progress':
      return { view: { ...entry.view, notice: 'Welcome back: carrying on where you stopped.' }, opts: optionsFor(owner, entry.assessment, focusSideFor(entry.assessment)) };
    case 'undelivered_plan':
      return { deliver: entry.plan };
    case 'has_plan':
      return { view: hasPlanView(), opts: assessmentIds.options(owner, 'reassess') };
    case 'none':
      return started(ctx, owner, 'initial');
  }
}

/** Start (or resume) an assessment: the one place a button or command creates one. */
function started(ctx: BotContext, owner: string, kind?: AssessmentKind): { view: View; opts: RenderOptions } {
  const opened = ctx.coach.startOrResume(owner, kind);
  if (opened.kind === 'needs_consent') return { view: welcomeView('discord'), opts: consentButtonsOptions(owner) };
  if (opened.kind === 'referral') return { view: withClearedButton(referralView(opened.referral, ctx.library)), opts: referralButtons(owner) };
  const view = opened.resumed ? { ...opened.view, notice: 'Welcome back: carrying on where you stopped.' } : withIntro(ctx, opened.view, opened.assessment);
  return { view, opts: optionsFor(owner, opened.assessment, focusSideFor(opened.assessment)) };
}

export async function startAssessment(ctx: BotContext, interaction: RepliableInteraction): Promise<void> {
  const landed = landing(ctx, interaction.user.id);
  if ('deliver' in landed) {
    await deliverPlan(ctx, interaction, landed.deliver, null, true);
    return;
  }
  await replyView(interaction, landed.view, landed.opts);
}

function withIntro(ctx: BotContext, view: View, a: StoredAssessment): View {
  if (a.step !== STEPS[0]) return view;
  return { ...view, body: `${ctx.library.battery.intro}\n\n${view.body}` };
}

function parseAssessmentComponent(input: ComponentInput): { at: AssessmentRef; input: ComponentInput } | Unusable {
  const at = parseAssessmentRef(input.id.ref);
  return at ? { at, input } : { unusable: NOT_IN_USE };
}

/** A button, select or modal on an assessment message. */
export const assessmentFlow = componentFlow('assessment', parseAssessmentComponent, async (ctx, interaction, { at, input }) => {
  const { id, values, fields } = input;
  const owner = id.owner;
  if (at.kind === 'start') {
    const { view, opts } = started(ctx, owner, at.reassess ? 'reassessment' : undefined);
    await updateView(interaction, view, opts);
    return;
  }
  // Reads only: a press on a finished assessment's message must not start a new one.
  const a = ctx.coach.currentAssessment(owner);
  if (!a) {
    const entry = ctx.coach.assessmentEntry(owner);
    if (entry.kind === 'undelivered_plan') {
      // The plan was saved but never shown (a restart in between): show it now, once.
      await deliverPlan(ctx, interaction, entry.plan, null, true);
      return;
    }
    const ended = 'That message belongs to an assessment that is finished or was closed. Use `/assess` to see where you are now, or `/plan` for your plan.';
    await updateView(interaction, note('This assessment has ended', ended), PLAIN);
    return;
  }
  const current = { view: ctx.coach.assessmentView(a) };
  if (at.ref !== assessmentRef(a)) {
    await updateView(interaction, ctx.coach.assessmentView(a, 'That was an earlier step. Here is where you are now.'), optionsFor(owner, a, focusSideFor(a)));
    return;
  }
  if (id.name === 'form') {
    if (!interaction.isMessageComponent()) return;
    await interaction.showModal(modalFor(current.view, encodeCustomId({ ...id, name: 'psfs' })));
    return;
  }
  if (id.name.startsWith('show:')) {
    const side = id.name.slice(5) as Side;
    await updateView(interaction, current.view, optionsFor(owner, a, side));
    return;
  }
  const parsed = id.name === 'psfs' ? parsePsfsForm(['psfs1', 'psfs2', 'psfs3'].map((k) => fields?.[k] ?? '')) : parseAssessmentInput(id.name, values);
  if (!parsed.ok) {
    await updateView(interaction, ctx.coach.assessmentView(a, parsed.error), optionsFor(owner, a, focusSideFor(a)));
    return;
  }
  const action = parsed.action;
  const result = ctx.coach.act(owner, action);
  switch (result.kind) {
    case 'no_assessment':
      await updateView(interaction, PAUSED, PLAIN);
      return;
    case 'paused':
      await updateView(interaction, PAUSED, PLAIN);
      return;
    case 'continue': {
      const lastSide = action.type === 'side' ? action.side : undefined;
      await updateView(interaction, result.view, optionsFor(owner, result.assessment, focusSideFor(result.assessment, lastSide)));
      return;
    }
    case 'confirm_flags':
      // Nothing was stored, so the step and the ref are unchanged: "I ticked this by mistake" lands on the same page.
      await updateView(interaction, result.view, optionsFor(owner, a));
      return;
    case 'referral':
      await updateView(interaction, withClearedButton(referralView(result.referral, ctx.library)), referralButtons(owner));
      await sendReferralCopy(ctx, interaction.user, result.referral);
      return;
    case 'complete':
      await deliverPlan(ctx, interaction, { id: result.planId, plan: result.plan }, result.comparison, false);
  }
});

/**
 * The last step: findings where the person is, the full plan in their DMs, then the plan is marked
 * delivered. A crash before the mark means the next press or /assess shows it again; the DM nonces
 * let Discord drop a copy it already has, so the person gets the plan once.
 */
async function deliverPlan(ctx: BotContext, interaction: RepliableInteraction, stored: Pick<StoredPlan, 'id' | 'plan'>, comparison: Comparison | null, interrupted: boolean): Promise<void> {
  await deferView(interaction);
  const plan = stored.plan;
  const intro = await ctx.phraser.intro({ occasion: 'assessment', facts: assessmentFacts(plan) });
  // The results screen's [Start today's workout] belongs to /plan's flow (it opens /workout's screen).
  const buttons = planIds.options(interaction.user.id, '0');
  if (!interaction.inGuild()) {
    // In the DM itself the summary comes first, then the plan pages (sent with nonces) below it.
    await sendView(interaction, completionView(plan, comparison, ctx.library, { intro, interrupted, next: 'Your plan is just below.' }), buttons);
    if (!(await sendPlanByDm(ctx, interaction.user, stored, comparison))) await followUpView(interaction, planView(plan, ctx.library, [], comparison));
    ctx.coach.planDelivered(stored.id);
    return;
  }
  const sent = await sendPlanByDm(ctx, interaction.user, stored, comparison);
  const next = sent ? undefined : 'I could not send you a DM (your privacy settings may block them), so here is your plan privately instead.';
  await sendView(interaction, completionView(plan, comparison, ctx.library, { intro, interrupted, ...(next ? { next } : {}) }), buttons);
  if (!sent) await followUpView(interaction, planView(plan, ctx.library, [], comparison), true);
  ctx.coach.planDelivered(stored.id);
}

/** One nonce per plan page: a resend after a crash is recognised by Discord and not posted twice. */
function planNonce(planId: number, page: number): string {
  return `plan${planId}p${page}`;
}

async function sendPlanByDm(ctx: BotContext, user: User, stored: Pick<StoredPlan, 'id' | 'plan'>, comparison: Comparison | null): Promise<boolean> {
  try {
    const pages = renderView(planView(stored.plan, ctx.library, [], comparison), PLAIN);
    for (const [i, p] of pages.entries()) await user.send({ ...asReply(p), allowedMentions: { parse: [] }, nonce: planNonce(stored.id, i), enforceNonce: true });
    return true;
  } catch (error) {
    if (isDiscordError(error, DiscordCodes.cannotMessageUser)) return false;
    ctx.logger.warn({ err: error }, 'plan DM failed');
    return false;
  }
}
