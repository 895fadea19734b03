import { MessageFlags, type RepliableInteraction, type User } from 'discord.js';
import type { Side } from '../../content/ids.js';
import type { StoredAssessment } from '../../db/repos/assessments.js';
import { parseAssessmentInput, parsePsfsForm } from '../../flows/assessment-input.js';
import { STEPS, stillNeeded, testOfStep } from '../../flows/assessment-state.js';
import { howToView } from '../../views/test-screen.js';
import { MEANING_BUTTON, safetyMeaningView } from '../../views/safety-view.js';
import { note } from '../../views/view.js';
import { componentFlow, NOT_IN_USE, type ComponentInput, type Unusable } from '../commands/types.js';
import { assessmentIds, assessmentRef, parseAssessmentRef, type AssessmentRef } from './assessment-ids.js';
import { referralButtons, sendReferralCopy, withClearedButton } from './referral.js';
import { welcomeView } from '../../views/onboarding.js';
import { completionView } from '../../views/completion-view.js';
import { planView } from '../../views/plan-screen.js';
import { consentButtonsOptions, planIds } from '../flow-ids.js';
import { assessmentFacts, referralView } from '../../views/plan-view.js';
import type { Comparison } from '../../coaching/reassessment.js';
import type { View } from '../../views/view.js';
import type { AssessmentKind } from '../../app/coach.js';
import { checksMinutes } from '../../coaching/targets.js';
import { checksNow, quickChecks, quickChecksLabel } from '../../views/checks-words.js';
import { checksDoneView } from '../../views/daily-view.js';
import { z } from 'zod';
import type { StoredPlan } from '../../db/repos/plans.js';
import type { BotContext } from '../context.js';
import { encodeCustomId } from '../custom-id.js';
import { modalFor, renderView, type RenderOptions, PLAIN } from '../render.js';
import { DiscordCodes, deferView, followUpView, isDiscordError, replyView, sendView, updateView, asReply } from '../respond.js';

/** /assess and its components (ids and refs in `assessment-ids.ts`). */

function optionsFor(owner: string, a: StoredAssessment): RenderOptions {
  return assessmentIds.options(owner, assessmentRef(a));
}

/**
 * The side a test screen shows after an answer: a change to a finished test stays on the side
 * changed; otherwise the screen shows the first side still needing an answer (left, then right).
 */
function sideAfter(a: StoredAssessment, answered?: Side): Side | undefined {
  return answered && testOfStep(a.step) !== null && stillNeeded(a).length === 0 ? answered : undefined;
}

const PAUSED = note('Paused', 'Everything so far is saved. Run `/assess` whenever you are ready and you will continue from this exact step.');

/**
 * /assess with a plan and nothing in progress: the plan stands. Deferred checks come first (two
 * quick tests the first plan was built without); the full check-in only if the person asks.
 */
export function hasPlanView(pendingChecks = 0): View {
  const checks = pendingChecks > 0;
  return {
    title: 'You already have a plan',
    body: [
      'Your plan is ready: `/workout` shows today\'s session and `/plan` the whole plan.',
      checks
        ? pendingChecks === 1
          ? `One short test is still to come. It takes about ${checksMinutes(1)} minutes, and I update your plan when it is done.`
          : `${pendingChecks} short tests are still to come. ${quickChecks(checksNow(pendingChecks))} take about ${checksMinutes(checksNow(pendingChecks))} minutes, and I update your plan when they are done.`
        : 'To repeat every test and see what has changed, start a check-in (about 25 minutes). Your plan stays as it is until you finish it.',
    ].join('\n\n'),
    inputs: checks
      ? [{ kind: 'button', name: 'checks', label: quickChecksLabel(checksNow(pendingChecks)), style: 'primary' }]
      : [{ kind: 'button', name: 'begin', label: 'Start my check-in', style: 'primary' }],
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
      return { view: { ...entry.view, notice: 'Welcome back: carrying on where you stopped.' }, opts: optionsFor(owner, entry.assessment) };
    case 'undelivered_plan':
      return { deliver: entry.plan };
    case 'has_plan':
      return { view: hasPlanView(entry.checks.length), opts: assessmentIds.options(owner, entry.checks.length > 0 ? 'checks' : 'reassess') };
    case 'none':
      return started(ctx, owner, 'initial');
  }
}

/**
 * Onboarding's last setup page leads straight here. Its screen already said what the tests need,
 * so the safety page comes without the battery's intro (which would push it past 180 words).
 */
export function assessmentStart(ctx: BotContext, owner: string): { view: View; opts: RenderOptions } {
  return started(ctx, owner, undefined, false);
}

/** Start (or resume) an assessment: the one place a button or command creates one. */
function started(ctx: BotContext, owner: string, kind?: AssessmentKind, intro = true): { view: View; opts: RenderOptions } {
  const opened = ctx.coach.startOrResume(owner, kind);
  if (opened.kind === 'needs_consent') return { view: welcomeView('discord'), opts: consentButtonsOptions(owner) };
  if (opened.kind === 'referral') return { view: withClearedButton(referralView(opened.referral, ctx.library)), opts: referralButtons(owner) };
  const view = opened.resumed ? { ...opened.view, notice: 'Welcome back: carrying on where you stopped.' } : intro ? withIntro(ctx, opened.view, opened.assessment) : opened.view;
  return { view, opts: optionsFor(owner, opened.assessment) };
}

/** The next deferred checks (or the assessment in progress): the "Two quick checks" button (`quickChecksLabel`). */
function checksStarted(ctx: BotContext, owner: string): { view: View; opts: RenderOptions } {
  return openChecks(ctx, owner) ?? started(ctx, owner);
}

/**
 * Open the checks sitting (or resume the assessment in progress), or null when no checks are left.
 * /assess's offer and the daily workout message's [Do 2 checks] both come here.
 */
export function openChecks(ctx: BotContext, owner: string): { view: View; opts: RenderOptions } | null {
  const opened = ctx.coach.startChecks(owner);
  if (opened.kind === 'no_checks') return null;
  if (opened.kind === 'needs_consent') return { view: welcomeView('discord'), opts: consentButtonsOptions(owner) };
  if (opened.kind === 'referral') return { view: withClearedButton(referralView(opened.referral, ctx.library)), opts: referralButtons(owner) };
  const view = opened.resumed ? { ...opened.view, notice: 'Welcome back: carrying on where you stopped.' } : opened.view;
  return { view, opts: optionsFor(owner, opened.assessment) };
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
    const { view, opts } = at.checks ? checksStarted(ctx, owner) : started(ctx, owner, at.reassess ? 'reassessment' : undefined);
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
    await updateView(interaction, ctx.coach.assessmentView(a, 'That was an earlier step. Here is where you are now.'), optionsFor(owner, a));
    return;
  }
  if (id.name === 'form') {
    if (!interaction.isMessageComponent()) return;
    await interaction.showModal(modalFor(current.view, encodeCustomId({ ...id, name: 'psfs' })));
    return;
  }
  if (id.name.startsWith('show:')) {
    const side = z.enum(['left', 'right']).safeParse(id.name.slice(5));
    await updateView(interaction, ctx.coach.assessmentView(a, undefined, side.success ? side.data : undefined), optionsFor(owner, a));
    return;
  }
  if (id.name === 'how') {
    // The details and the figure in a private message of their own: the short screen stays as it is.
    const testId = testOfStep(a.step);
    // Deferred first: drawing the figure may take longer than Discord's 3 seconds.
    if (testId) {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await sendView(interaction, howToView(ctx.library, testId), PLAIN);
    }
    else await updateView(interaction, current.view, optionsFor(owner, a));
    return;
  }
  if (id.name === MEANING_BUTTON) {
    // The full questions behind the labels on screen, privately; the safety page stays as it is.
    const menu = current.view.inputs.find((i) => i.kind === 'select' && i.name === 'flags');
    const shown = menu?.kind === 'select' ? menu.options.map((o) => o.value) : [];
    await replyView(interaction, safetyMeaningView(shown, ctx.library), PLAIN, true);
    return;
  }
  const parsed = id.name === 'psfs' ? parsePsfsForm(['psfs1', 'psfs2', 'psfs3'].map((k) => fields?.[k] ?? '')) : parseAssessmentInput(id.name, values);
  if (!parsed.ok) {
    await updateView(interaction, ctx.coach.assessmentView(a, parsed.error), optionsFor(owner, a));
    return;
  }
  const action = parsed.action;
  // Discord's short screens move on by themselves once a test, the pain step or the goal is answered.
  const result = ctx.coach.act(owner, action, { autoAdvance: true });
  switch (result.kind) {
    case 'no_assessment':
      await updateView(interaction, PAUSED, PLAIN);
      return;
    case 'paused':
      await updateView(interaction, PAUSED, PLAIN);
      return;
    case 'continue': {
      const side = sideAfter(result.assessment, action.type === 'side' && result.assessment.step === a.step ? action.side : undefined);
      const view = side ? ctx.coach.assessmentView(result.assessment, result.view.notice, side) : result.view;
      await updateView(interaction, view, optionsFor(owner, result.assessment));
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
      if (result.checks) {
        await updateView(interaction, checksDoneView(result.checks), PLAIN);
        ctx.coach.planDelivered(result.planId);
        return;
      }
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
