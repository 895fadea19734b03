import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { exerciseView, referralView, sessionView } from '../../views/plan-view.js';
import { note, type View } from '../../views/view.js';
import { applyFeedbackInput, completeFeedback, completeMorning, decisionsView, exerciseNames, feedbackView, morningView } from '../../views/workout-view.js';
import type { FeedbackDraft } from '../../db/schema.js';
import type { BotContext } from '../context.js';
import { componentFlow, NOT_IN_USE, type ComponentInput, type Unusable } from '../commands/types.js';
import { flowIds } from '../custom-id.js';
import { type RenderOptions, PLAIN } from '../render.js';
import { privateFlags, replyView, updateView, type AnyComponent } from '../respond.js';
import { chooseLater, showControls } from './workout-controls.js';
import { referralButtons, withClearedButton } from './referral.js';
import { openChecks } from './assessment.js';
import { CHECKS_CONTROL, withChecksOffer } from '../../views/daily-view.js';

/**
 * /workout and the buttons on a workout message, in /workout's reply and in the daily DM alike
 * (ref = the workout's id; the scheduler's `DmButtons` carry the same ref).
 */
export const workoutIds = flowIds('workout');

function optionsFor(owner: string, workoutId: number): RenderOptions {
  return workoutIds.options(owner, String(workoutId));
}

const NO_PLAN = note('No plan yet', 'Run `/assess` first (about 12 minutes): your daily workouts are built from what the assessment finds.');

/** What /workout shows now, as the app decides it: a referral, no plan, the morning check, or today's session. */
export function workoutEntry(ctx: BotContext, owner: string): { view: View; opts: RenderOptions } {
  const now = ctx.coach.trainingNow(owner);
  switch (now.kind) {
    case 'not_consented':
    case 'no_plan':
      return { view: NO_PLAN, opts: PLAIN };
    case 'referral':
      return { view: withClearedButton(referralView(now.referral, ctx.library)), opts: referralButtons(owner) };
    case 'morning_check':
      return { view: morningView(now.pending.localDate, now.draft), opts: optionsFor(owner, now.pending.workoutId) };
    case 'session': {
      if (now.workout.status !== 'planned') {
        // A logged day still shows its exercises; the disabled button says what happened.
        const done = now.workout.status === 'done';
        const view = sessionView(now.session, ctx.library, done ? 'done' : 'skipped');
        const notice = done ? 'You logged this one as done. Well done.' : 'You skipped today. Rest is part of training too.';
        return { view: { ...view, notice }, opts: optionsFor(owner, now.workout.id) };
      }
      // The deferred checks ride along with a day not yet logged, as in the daily DM.
      return { view: withChecksOffer(sessionView(now.session, ctx.library), ctx.coach.daily.checksOffer(owner)), opts: optionsFor(owner, now.workout.id) };
    }
  }
}

export async function showWorkout(ctx: BotContext, interaction: RepliableInteraction): Promise<void> {
  const { view, opts } = workoutEntry(ctx, interaction.user.id);
  await replyView(interaction, view, opts);
}

/**
 * After Done: the feedback questions in a NEW message, so the workout stays readable above it.
 * The Done handler (the workout message's controls) calls this once it has marked the message.
 */
export async function sendFeedbackPrompt(ctx: BotContext, interaction: AnyComponent, owner: string, workout: Workout): Promise<void> {
  if (ctx.coach.recordedFeedback(workout.id)) {
    await replyView(interaction, note('Already saved', 'Feedback for this workout is already saved. See you tomorrow.'), PLAIN);
    return;
  }
  const draft = workout.feedbackDraft ?? {};
  await replyView(interaction, feedbackView(workout.session, draft, exerciseNames(workout.session, ctx.library)), optionsFor(owner, workout.id));
}

type Workout = NonNullable<ReturnType<BotContext['coach']['workout']>>;

/** The morning check: better/same saves at once; worse asks the pain first (at most 3 taps). */
async function morningAnswer(
  ctx: BotContext,
  interaction: AnyComponent,
  input: { owner: string; workoutId: number; name: string; values: string[] },
  draft: FeedbackDraft,
  date: string,
): Promise<void> {
  const opts = optionsFor(input.owner, input.workoutId);
  const next = applyFeedbackInput(draft, input.name, input.values);
  if ('error' in next) {
    await updateView(interaction, morningView(date, draft, next.error), opts);
    return;
  }
  ctx.coach.saveFeedbackDraft(input.owner, input.workoutId, next);
  const answer = completeMorning(next);
  if (!answer) {
    await updateView(interaction, morningView(date, next), opts);
    return;
  }
  const result = ctx.coach.recordMorningCheck(input.owner, answer.feel, answer.pain);
  const view = result ? decisionsView(result, 'Morning check saved') : note('Already saved', 'That morning check is already done.');
  await updateView(interaction, { ...view, inputs: [{ kind: 'button', name: 'today', label: "Show today's workout", style: 'primary' }] }, opts);
}

function parseWorkoutComponent(input: ComponentInput): { owner: string; workoutId: number; name: string; values: string[] } | Unusable {
  const workoutId = Number(input.id.ref);
  if (!Number.isSafeInteger(workoutId) || workoutId <= 0) return { unusable: NOT_IN_USE };
  return { owner: input.id.owner, workoutId, name: input.id.name, values: input.values };
}

export const workoutFlow = componentFlow('workout', parseWorkoutComponent, async (ctx, interaction, { owner, workoutId, name, values }) => {
  const workout = ctx.coach.workout(owner, workoutId);
  const opts = optionsFor(owner, workoutId);
  if (!workout) {
    await updateView(interaction, note('This workout is no longer available', 'Use `/workout` for today\'s session.'), PLAIN);
    return;
  }
  const draft = workout.feedbackDraft ?? {};
  switch (name) {
    case 'open': {
      const exerciseId = values[0];
      const inSession = [...workout.session.warmup, ...workout.session.items].some((i) => i.exerciseId === exerciseId);
      const exercise = exerciseId && inSession ? ctx.library.exerciseById.get(exerciseId) : undefined;
      if (!exercise) {
        await interaction.reply({ content: 'That exercise is not part of this workout. Try `/exercise` to look one up.', flags: MessageFlags.Ephemeral });
        return;
      }
      // A new private message, so the workout stays on screen.
      await replyView(interaction, exerciseView(exercise, ctx.library), PLAIN, true);
      return;
    }
    case 'done':
      // The workout stays on screen: only its controls change; feedback comes in a new message.
      await showControls(interaction, 'done', owner, workoutId);
      await sendFeedbackPrompt(ctx, interaction, owner, workout);
      return;
    case CHECKS_CONTROL: {
      // The checks sitting in a new private message, so the workout stays on screen.
      const opened = openChecks(ctx, owner);
      const view = opened?.view ?? note('No checks left', 'Every test is already in your plan. `/plan` shows it.');
      await replyView(interaction, view, opened?.opts ?? PLAIN, true);
      return;
    }
    case 'later':
      await showControls(interaction, 'later', owner, workoutId);
      return;
    case 'back':
      await showControls(interaction, 'ready', owner, workoutId);
      return;
    case 'when':
      await chooseLater(ctx, interaction, owner, workout, values[0]);
      return;
    // Retired buttons still on older messages: answered as their Later choices.
    case 'skip':
    case 'snooze1':
    case 'snooze3':
      await chooseLater(ctx, interaction, owner, workout, name === 'skip' ? 'skip' : name === 'snooze1' ? '1h' : '3h');
      return;
    case 'feel:better':
    case 'feel:same':
    case 'feel:worse':
    case 'mpain':
      await morningAnswer(ctx, interaction, { owner, workoutId, name, values }, draft, workout.localDate);
      return;
    case 'effort:easy':
    case 'effort:right':
    case 'effort:hard':
    case 'form:good':
    case 'form:struggled':
    case 'hurt':
    case 'hurtpain': {
      const names = exerciseNames(workout.session, ctx.library);
      const next = applyFeedbackInput(draft, name, values, [...names.keys()]);
      if ('error' in next) {
        await updateView(interaction, feedbackView(workout.session, draft, names, next.error), opts);
        return;
      }
      const input = completeFeedback(next);
      if (!input) {
        ctx.coach.saveFeedbackDraft(owner, workoutId, next);
        await updateView(interaction, feedbackView(workout.session, next, names), opts);
        return;
      }
      const outcome = ctx.coach.recordFeedback(owner, workoutId, input);
      if (outcome.kind === 'invalid') {
        await updateView(interaction, feedbackView(workout.session, draft, names, outcome.message), opts);
        return;
      }
      ctx.coach.saveFeedbackDraft(owner, workoutId, next);
      const view = outcome.kind === 'recorded' ? decisionsView(outcome.result, 'Feedback saved') : note('Already saved', 'Feedback for this workout is already saved.');
      await updateView(interaction, view, opts);
      return;
    }
    case 'pause':
      await interaction.reply({ content: 'Pausing daily reminders lives in `/settings` now; your plan and progress are kept either way.', ...privateFlags(interaction) });
      return;
    case 'today': {
      const { view, opts: todayOpts } = workoutEntry(ctx, owner);
      await updateView(interaction, view, todayOpts);
      return;
    }
    default:
      await updateView(interaction, note('Workout', 'That button is no longer in use. Use `/workout` for today\'s session.'), PLAIN);
  }
});
