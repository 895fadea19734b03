import { quickChecks } from './checks-words.js';
import { z } from 'zod';
import { isValidLocalDate } from '../coaching/calendar.js';
import { note, type View, type ViewInput } from './view.js';

/**
 * The daily workout message's words and buttons, for a phone: the date in words, the minutes
 * rounded, and two buttons ([Done] [Later]) whose state the message keeps after each press.
 */

const DATE_IN_WORDS = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/** `2026-12-02` -> "Wednesday 2 December" (a local date, so read in UTC to keep the same day). */
export function dateInWords(localDate: string): string {
  if (!isValidLocalDate(localDate)) return localDate;
  return DATE_IN_WORDS.format(new Date(`${localDate}T12:00:00Z`));
}

/** 19.5 -> "about 20 minutes": to the nearest 5 from 10 up, to the minute below that. */
export function minutesInWords(minutes: number): string {
  const rounded = minutes >= 10 ? Math.round(minutes / 5) * 5 : Math.max(1, Math.round(minutes));
  return `about ${rounded} minute${rounded === 1 ? '' : 's'}`;
}

/**
 * Where a workout message stands. `ready` offers Done and Later; `later` shows the Later menu;
 * the rest say what happened, with the button disabled so nothing stale is offered.
 */
export type WorkoutMessageState = 'ready' | 'later' | 'done' | 'skipped' | 'paused';

/** The Later menu's choices: the values are parsed back with `laterChoice`. */
export const LATER_CHOICES = [
  { value: '1h', label: 'In 1 hour', description: 'I will remind you in an hour' },
  { value: '3h', label: 'In 3 hours', description: 'I will remind you in three hours' },
  { value: 'skip', label: 'Skip today', description: 'Rest today; see you tomorrow' },
] as const;

export const laterChoice = z.enum(['1h', '3h', 'skip']);
export type LaterChoice = z.infer<typeof laterChoice>;

/** Hours to snooze for a Later choice, or null for "skip today". */
export function laterHours(choice: LaterChoice): number | null {
  return choice === '1h' ? 1 : choice === '3h' ? 3 : null;
}

/** The names a workout message's controls carry (parsed back by the workout flow). */
export const WORKOUT_CONTROLS = { done: 'done', later: 'later', when: 'when', back: 'back' } as const;

/** The controls under a workout message in each state. */
export function workoutControls(state: WorkoutMessageState): ViewInput[] {
  const settled = (label: string): ViewInput[] => [{ kind: 'button', name: WORKOUT_CONTROLS.done, label, style: 'secondary', disabled: true }];
  switch (state) {
    case 'ready':
      return [
        { kind: 'button', name: WORKOUT_CONTROLS.done, label: 'Done', style: 'success' },
        { kind: 'button', name: WORKOUT_CONTROLS.later, label: 'Later', style: 'secondary' },
      ];
    case 'later':
      return [
        { kind: 'select', name: WORKOUT_CONTROLS.when, placeholder: 'When shall I remind you?', options: LATER_CHOICES.map((c) => ({ ...c })) },
        { kind: 'button', name: WORKOUT_CONTROLS.back, label: 'Back', style: 'secondary' },
      ];
    case 'done':
      return settled('Done ✓');
    case 'skipped':
      return settled('Skipped today');
    case 'paused':
      return settled('Paused');
  }
}

/** The line shown above a workout message after a Later choice or a skip. */
export function laterLine(choice: LaterChoice, nudgeAt: string | null): string {
  if (choice === 'skip') return 'Skipped for today. Rest is part of training too; see you tomorrow.';
  if (nudgeAt === null) return 'I can only remind you about a workout I sent you by DM today. It is here whenever you are ready.';
  return `I will nudge you at ${nudgeAt} (your time). The workout stays right here.`;
}

/** The deferred checks a day offers (decided in `src/app/daily.ts`), as the view needs them. */
export interface ChecksOfferFacts {
  names: readonly string[];
  minutes: number;
}


/** The name of the button that opens a checks sitting from a workout message. */
export const CHECKS_CONTROL = 'checks';

/** "Two quick checks today (about 3 min): A and B." One line: the workout stays the main thing. */
export function checksOfferLine(offer: ChecksOfferFacts): string {
  return `${quickChecks(offer.names.length)} today (about ${offer.minutes} min): ${offer.names.join(' and ')}. I update your plan when they are done.`;
}

/** The button under a workout message that opens the checks sitting. */
export function checksButton(offer: ChecksOfferFacts): ViewInput {
  return { kind: 'button', name: CHECKS_CONTROL, label: offer.names.length === 1 ? 'Do 1 check' : `Do ${offer.names.length} checks`, style: 'primary' };
}

/** A workout view with today's checks offer: its line at the end of the body, its button after the controls. */
export function withChecksOffer<V extends { body: string; inputs: ViewInput[] }>(view: V, offer: ChecksOfferFacts | null): V {
  if (!offer || offer.names.length === 0) return view;
  return { ...view, body: `${view.body}\n\n${checksOfferLine(offer)}`, inputs: [...view.inputs, checksButton(offer)] };
}

/** A checks sitting is done: what changed in one line, and what is left (the plan itself is in `/plan`). */
export function checksDoneView(checks: { changed: string; left: number }): View {
  const left = checks.left > 0 ? `${checks.left} more to come; your next workout message (or \`/assess\`) offers them.` : 'That was the last of them: every test is now in your plan.';
  return note('Thank you: checks done', [checks.changed, left, '`/plan` shows your plan, `/workout` today\'s session.'].join('\n\n'), 'success');
}
