import { MessageFlags, type RepliableInteraction, type User } from 'discord.js';
import type { Side } from '../../content/ids.js';
import type { StoredAssessment } from '../../db/repos/assessments.js';
import { parseAssessmentInput, parsePsfsForm } from '../../flows/assessment-input.js';
import { STEPS, needsHip, sidesOf, testOfStep } from '../../flows/assessment-state.js';
import { welcomeView } from '../../views/onboarding.js';
import { assessmentFacts, comparisonText, findingsText, planView, referralView } from '../../views/plan-view.js';
import type { Comparison } from '../../coaching/reassessment.js';
import type { View } from '../../views/view.js';
import type { AssessmentKind } from '../../app/coach.js';
import type { StoredPlan } from '../../db/repos/plans.js';
import type { BotContext } from '../context.js';
import { encodeCustomId, type CustomId } from '../custom-id.js';
import { modalFor, renderView, type RenderOptions, PLAIN } from '../render.js';
import { DiscordCodes, deferView, isDiscordError, replyView, sendView, updateView, type AnyComponent, asReply } from '../respond.js';
import { consentButtonsOptions } from './onboarding.js';
import { onRedFlagSubject } from './red-flag-subject.js';

/**
 * /assess and its components. The component's ref is `<assessmentId>.<stepIndex>`, so a press on
 * an old message is recognised and answered with the current step instead of changing the wrong one.
 */

export function assessmentRef(a: StoredAssessment): string {
  return `${a.id}.${STEPS.indexOf(a.step)}`;
}

function optionsFor(owner: string, a: StoredAssessment, focusSide?: Side): RenderOptions {
  return {
    idFor: (name) => encodeCustomId({ flow: 'assessment', owner, ref: assessmentRef(a), name }),
    ...(focusSide ? { focusSide } : {}),
  };
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

const PAUSED: View = {
  title: 'Paused',
  body: 'Everything so far is saved. Run `/assess` whenever you are ready and you will continue from this exact step.',
  inputs: [],
  privacy: 'private',
  tone: 'info',
};

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
      return { view: hasPlanView(), opts: { idFor: (name) => encodeCustomId({ flow: 'assessment', owner, ref: 'reassess', name }) } };
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

export function referralButtons(owner: string): RenderOptions {
  return { idFor: (name) => encodeCustomId({ flow: 'referral', owner, ref: '0', name }) };
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
export async function onReferralComponent(ctx: BotContext, interaction: AnyComponent, id: CustomId): Promise<void> {
  if (id.name.startsWith('subject-')) return onRedFlagSubject(ctx, interaction, id);
  if (id.name !== 'cleared') return;
  const cleared = ctx.coach.clearedByClinician(id.owner);
  await updateView(
    interaction,
    {
      title: cleared ? 'Thank you' : 'Nothing to clear',
      body: cleared ? `${ctx.library.redFlags.referrals.cleared}

Run \`/assess\` to continue.` : 'There is no open referral on your record. Run `/assess` to continue.',
      inputs: [],
      privacy: 'private',
      tone: 'success',
    },
    PLAIN,
  );
}

/** A button, select or modal on an assessment message. */
export async function onAssessmentComponent(ctx: BotContext, interaction: AnyComponent, id: CustomId, values: string[], fields?: Record<string, string>): Promise<void> {
  const owner = id.owner;
  if (id.ref === 'new' || id.ref === 'reassess') {
    const { view, opts } = started(ctx, owner, id.ref === 'reassess' ? 'reassessment' : undefined);
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
    await updateView(interaction, {
      title: 'This assessment has ended',
      body: 'That message belongs to an assessment that is finished or was closed. Use `/assess` to see where you are now, or `/plan` for your plan.',
      inputs: [],
      privacy: 'private',
      tone: 'info',
    }, PLAIN);
    return;
  }
  const current = { view: ctx.coach.assessmentView(a) };
  if (id.ref !== assessmentRef(a)) {
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
    case 'referral':
      await updateView(interaction, referralView(result.referral, ctx.library), PLAIN);
      return;
    case 'complete':
      await deliverPlan(ctx, interaction, { id: result.planId, plan: result.plan }, result.comparison, false);
  }
}

/**
 * The last step: findings where the person is, the full plan in their DMs, then the plan is marked
 * delivered. A crash before the mark means the next press or /assess shows it again; the DM nonces
 * let Discord drop a copy it already has, so the person gets the plan once.
 */
async function deliverPlan(ctx: BotContext, interaction: RepliableInteraction, stored: Pick<StoredPlan, 'id' | 'plan'>, comparison: Comparison | null, interrupted: boolean): Promise<void> {
  await deferView(interaction);
  const plan = stored.plan;
  const intro = await ctx.phraser.intro({ occasion: 'assessment', facts: assessmentFacts(plan) });
  const changed = comparison ? `**What changed since last time**\n${comparisonText(comparison, ctx.library)}\n\n` : '';
  const summary: View = {
    title: comparison ? 'Reassessment complete' : 'Assessment complete',
    body: `${intro}\n\n${changed}**What the tests showed**\n${findingsText(plan, ctx.library)}`,
    inputs: [],
    privacy: 'private',
    tone: 'success',
    ...(interrupted ? { notice: 'Your plan was saved just before I was interrupted. Here it is.' } : {}),
  };
  if (!interaction.inGuild()) {
    // In the DM itself the summary comes first, then the plan pages (sent with nonces) below it.
    await sendView(interaction, summary, PLAIN);
    if (!(await sendPlanByDm(ctx, interaction.user, stored))) {
      for (const p of renderView(planView(plan, ctx.library), PLAIN)) await interaction.followUp(asReply(p));
    }
    ctx.coach.planDelivered(stored.id);
    return;
  }
  const sent = await sendPlanByDm(ctx, interaction.user, stored);
  const where = sent
    ? 'Your full plan, with the reason for every exercise, is in your DMs. Use `/workout` for today\'s session.'
    : 'I could not send you a DM (your privacy settings may block them), so here is your plan privately instead. Use `/workout` for today\'s session.';
  await sendView(interaction, { ...summary, body: `${summary.body}\n\n${where}` }, PLAIN);
  if (!sent) {
    for (const p of renderView(planView(plan, ctx.library), PLAIN)) await interaction.followUp({ ...asReply(p), flags: MessageFlags.Ephemeral });
  }
  ctx.coach.planDelivered(stored.id);
}

/** One nonce per plan page: a resend after a crash is recognised by Discord and not posted twice. */
function planNonce(planId: number, page: number): string {
  return `plan${planId}p${page}`;
}

async function sendPlanByDm(ctx: BotContext, user: User, stored: Pick<StoredPlan, 'id' | 'plan'>): Promise<boolean> {
  try {
    const pages = renderView(planView(stored.plan, ctx.library), PLAIN);
    for (const [i, p] of pages.entries()) await user.send({ ...asReply(p), allowedMentions: { parse: [] }, nonce: planNonce(stored.id, i), enforceNonce: true });
    return true;
  } catch (error) {
    if (isDiscordError(error, DiscordCodes.cannotMessageUser)) return false;
    ctx.logger.warn({ err: error }, 'plan DM failed');
    return false;
  }
}
