import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { decisionsView, exerciseView, referralView, sessionView } from '../../views/plan-view.js';
import { note, type View } from '../../views/view.js';
import { applyFeedbackInput, feedbackSchema, feedbackView, morningSchema, morningView } from '../../views/workout-view.js';
import type { BotContext } from '../context.js';
import { componentFlow, NOT_IN_USE, type ComponentInput, type Unusable } from '../commands/types.js';
import { flowIds } from '../custom-id.js';
import { type RenderOptions, PLAIN, renderView } from '../render.js';
import { asReply, privateFlags, replyView, updateView, type AnyComponent } from '../respond.js';
import { chooseLater, showControls } from './workout-controls.js';
import { referralButtons, withClearedButton } from './referral.js';

/**
 * /workout and the buttons on a workout message, in /workout's reply and in the daily DM alike
 * (ref = the workout's id; the scheduler's `DmButtons` carry the same ref).
 */
export const workoutIds = flowIds('workout');

function optionsFor(owner: string, workoutId: number): RenderOptions {
  return workoutIds.options(owner, String(workoutId));
}

const NO_PLAN = note('No plan yet', 'Run `/assess` first (about 20 minutes): your daily workouts are built from what the assessment finds.');

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
      return { view: sessionView(now.session, ctx.library), opts: optionsFor(owner, now.workout.id) };
    }
  }
}

export async function showWorkout(ctx: BotContext, interaction: RepliableInteraction): Promise<void> {
  const { view, opts } = workoutEntry(ctx, interaction.user.id);
  await replyView(interaction, view, opts);
}

/**
 * After Done: the feedback questions in a NEW message, so the workout stays readable. Owned by
 * the feedback screens (helper "wiring"); the Done handler only calls it.
 */
export async function sendFeedbackPrompt(ctx: BotContext, interaction: AnyComponent, owner: string, workout: Workout): Promise<void> {
  const opts = optionsFor(owner, workout.id);
  const view = ctx.coach.recordedFeedback(workout.id)
    ? note('Already saved', 'Feedback for this workout is already saved. See you tomorrow.')
    : feedbackView(workout.feedbackDraft ?? {});
  for (const p of renderView(view, opts)) await interaction.followUp({ ...asReply(p), ...privateFlags(interaction), allowedMentions: { parse: [] } });
}

type Workout = NonNullable<ReturnType<BotContext['coach']['workout']>>;

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
    case 'pain':
    case 'effort':
    case 'form':
    case 'feel':
    case 'mpain': {
      const next = applyFeedbackInput(draft, name, values[0]);
      const morning = name === 'feel' || name === 'mpain';
      if ('error' in next) {
        await updateView(interaction, morning ? morningView(workout.localDate, draft, next.error) : feedbackView(draft, next.error), opts);
        return;
      }
      ctx.coach.saveFeedbackDraft(owner, workoutId, next);
      await updateView(interaction, morning ? morningView(workout.localDate, next) : feedbackView(next), opts);
      return;
    }
    case 'save': {
      const parsed = feedbackSchema.safeParse(draft);
      if (!parsed.success) {
        await updateView(interaction, feedbackView(draft, 'Please answer all three questions first.'), opts);
        return;
      }
      const outcome = ctx.coach.recordFeedback(owner, workoutId, parsed.data);
      if (outcome.kind !== 'recorded') {
        await updateView(interaction, note('Already saved', 'Feedback for this workout is already saved.'), opts);
        return;
      }
      await updateView(interaction, decisionsView(outcome.result, ctx.library), opts);
      return;
    }
    case 'msave': {
      const parsed = morningSchema.safeParse(draft);
      if (!parsed.success) {
        await updateView(interaction, morningView(workout.localDate, draft, 'Please answer both questions first.'), opts);
        return;
      }
      const result = ctx.coach.recordMorningCheck(owner, parsed.data.feel, parsed.data.pain);
      const view = result
        ? decisionsView(result, ctx.library, 'Morning check saved')
        : note('Already saved', 'That morning check is already done.');
      const next: View = { ...view, inputs: [{ kind: 'button', name: 'today', label: "Show today's workout", style: 'primary' }] };
      await updateView(interaction, next, opts);
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
