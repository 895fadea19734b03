import { PATTERN_LABELS, type PatternId } from '../content/ids.js';
import type { Coach } from '../app/coach.js';
import type { WeekPain, WeeklySummary } from '../coaching/progress.js';
import type { Delivery } from '../db/repos/deliveries.js';
import type { Person } from '../db/repos/people.js';
import type { DeliveryPart } from '../db/schema.js';
import { sessionView, sideWords } from '../views/plan-view.js';
import { withChecksOffer, workoutControls } from '../views/daily-view.js';
import type { View } from '../views/view.js';
import { morningView } from '../views/workout-view.js';
import type { Phraser } from '../qa/phrase.js';
import type { DmButtons, DmView } from './ports.js';

/**
 * What a daily DM says, part by part. Parts are fixed when the day is claimed; the text is
 * rendered when sent, from the database, so a retry after a crash sends the same messages.
 */

/** Sunday, in the person's own week (weekday index 6). */
export function composeParts(facts: { morningPending: boolean; isSunday: boolean; reassessDue: boolean }): DeliveryPart[] {
  return [
    ...(facts.morningPending ? (['morning'] as const) : []),
    'workout',
    ...(facts.isSunday ? (['weekly'] as const) : []),
    ...(facts.reassessDue ? (['reassess'] as const) : []),
  ];
}

/** A workout DM's buttons answer to the workout flow, like /workout's (ref = the workout's id). */
const workoutButtons = (workoutId: number): DmButtons => ({ flow: 'workout', ref: String(workoutId) });

/** "Sessions at 3/10 or less: 4 of 5. Highest: 6/10 (last week 5 of 5)." */
function painLine(week: WeekPain, last: WeekPain | null): string {
  const highest = week.highestAbove === null ? '' : ` Highest: ${week.highestAbove}/10.`;
  const before = last ? ` (last week ${last.withinOk} of ${last.sessions})` : '';
  return `Sessions at 3/10 or less: ${week.withinOk} of ${week.sessions}${before}.${highest}`;
}

export function weeklyView(w: WeeklySummary): View {
  const trend = w.painThisWeek === null ? 'No feedback this week yet.' : painLine(w.painThisWeek, w.painLastWeek);
  const moved = w.moved.length
    ? w.moved.map((m) => `- ${PATTERN_LABELS[m.pattern as PatternId]} (${sideWords(m.side as 'left')}) ${m.change === 'level_up' ? 'moved up' : 'eased back'} to level ${m.toLevel}`).join('\n')
    : 'No pattern changed level this week; steady work is how change happens.';
  return {
    title: 'Your week',
    body: [`**Sessions this week:** ${w.sessions} · **Streak:** ${w.streak} day${w.streak === 1 ? '' : 's'}`, trend, `**Patterns**\n${moved}`, 'Use `/progress` any time for the whole picture.'].join('\n\n'),
    inputs: [],
    privacy: 'private',
    tone: 'info',
  };
}

export function reassessView(days: number): View {
  return {
    title: 'Time for your reassessment',
    body: `It has been ${Math.round(days / 7)} weeks since your assessment. Repeating the same tests (about 25 minutes) shows what has changed, side by side, and rebuilds your plan around where you are now.`,
    inputs: [{ kind: 'button', name: 'begin', label: 'Start the reassessment', style: 'success' }],
    privacy: 'private',
    tone: 'success',
  };
}

/** The payloads for one part, or none when the part no longer applies (e.g. already answered). */
export async function renderPart(coach: Coach, phraser: Phraser, person: Person, delivery: Delivery, part: DeliveryPart): Promise<DmView[]> {
  switch (part) {
    case 'morning': {
      const pending = coach.morningCheckDue(person.id, delivery.localDate);
      if (!pending) return [];
      return [{ view: morningView(pending.localDate, {}), buttons: workoutButtons(pending.workoutId) }];
    }
    case 'workout': {
      const workout = delivery.workoutId === null ? undefined : coach.workout(person.id, delivery.workoutId);
      if (!workout) return [];
      // Exercises first, on a phone's first screen; the opening line (plan day, streak) closes it.
      const view = sessionView(workout.session, coach.library);
      const hello = await phraser.intro({ occasion: 'daily', facts: coach.dailyFacts(person, delivery.localDate) });
      // While deferred checks remain, the app offers the next ones with the workout (one line, one button).
      const offered = withChecksOffer({ ...view, body: `${view.body}\n\n${hello}` }, coach.daily.checksOffer(person.id));
      return [{ view: offered, buttons: workoutButtons(workout.id) }];
    }
    case 'weekly': {
      const view = weeklyView(coach.weekly(person.id, delivery.localDate));
      const charts = person.weeklyCharts ? coach.chartData(person.id) : undefined;
      if (!charts) return [{ view }];
      const { outcomesChart } = await import('../charts/charts.js');
      return [{ view, image: { name: 'progress.png', data: outcomesChart(charts.outcomes) } }];
    }
    case 'reassess': {
      const days = coach.reassessmentDue(person, delivery.localDate) ?? 28;
      return [{ view: reassessView(days), buttons: { flow: 'assessment', ref: 'reassess' } }];
    }
  }
}

/** A short nudge for a snoozed workout. */
export function nudgeView(workoutId: number): DmView {
  return {
    view: {
      title: 'A nudge, as you asked',
      body: "Today's workout is still waiting. Even a shorter version counts: do what you can, then tell me how it went.",
      inputs: workoutControls('ready'),
      privacy: 'private',
      tone: 'info',
    },
    buttons: workoutButtons(workoutId),
  };
}
