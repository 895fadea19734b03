import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { decisionsView, exerciseView, referralView, sessionView } from '../../views/plan-view.js';
import { note, type View } from '../../views/view.js';
import { applyFeedbackInput, feedbackSchema, feedbackView, morningSchema, morningView } from '../../views/workout-view.js';
import type { BotContext } from '../context.js';
import { componentFlow, NOT_IN_USE, type ComponentInput, type Unusable } from '../commands/types.js';
import { flowIds } from '../custom-id.js';
import { type RenderOptions, PLAIN } from '../render.js';
import { privateFlags, replyView, updateView } from '../respond.js';
import { referralButtons, withClearedButton } from './referral.js';

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
      const view = sessionView(now.session, ctx.library);
      if (now.workout.status !== 'planned') {
        const done = now.workout.status === 'done' ? 'You logged this one as done. Well done.' : 'You skipped today. Rest is part of training too.';
        return { view: { ...view, notice: done, inputs: view.inputs.filter((i) => i.name === 'open') }, opts: optionsFor(owner, now.workout.id) };
      }
      return { view, opts: optionsFor(owner, now.workout.id) };
    }
  }
}

export async function showWorkout(ctx: BotContext, interaction: RepliableInteraction): Promise<void> {
  const { view, opts } = workoutEntry(ctx, interaction.user.id);
  await replyView(interaction, view, opts);
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
      if (ctx.coach.recordedFeedback(workoutId)) {
        await updateView(interaction, note('Already saved', 'Feedback for this workout is already saved. See you tomorrow.'), opts);
        return;
      }
      await updateView(interaction, feedbackView(draft), opts);
      return;
    case 'skip': {
      const skipped = ctx.coach.skipWorkout(owner, workoutId);
      const body = skipped ? 'Skipped for today. Rest is part of training too; see you tomorrow.' : 'This workout is already logged.';
      await updateView(interaction, note('Workout', body), opts);
      return;
    }
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
    case 'snooze1':
    case 'snooze3': {
      const hours = name === 'snooze1' ? 1 : 3;
      const at = ctx.coach.snooze(owner, workout.localDate, hours);
      const body = at ? `I will nudge you at ${at} (your time). The workout stays right here.` : 'Snooze works on the daily reminder message; use `/workout` any time.';
      await interaction.reply({ content: body, ...privateFlags(interaction) });
      return;
    }
    case 'pause': {
      ctx.coach.updateSettings(owner, { remindersOn: false });
      await interaction.reply({ content: 'Daily reminders are paused. Turn them back on with `/settings reminders:True` whenever you like; your plan and progress are kept.', ...privateFlags(interaction) });
      return;
    }
    case 'today': {
      const { view, opts: todayOpts } = workoutEntry(ctx, owner);
      await updateView(interaction, view, todayOpts);
      return;
    }
    default:
      await updateView(interaction, note('Workout', 'That button is no longer in use. Use `/workout` for today\'s session.'), PLAIN);
  }
});
