import { TEST_GOALS, type GoalId, type TestId } from '../content/ids.js';
import type { Library } from '../content/library.js';
import type { Plan } from '../coaching/plan.js';
import { initialTrack, type EngineState, type TrackState } from '../coaching/progression.js';
import { trackKey } from '../coaching/session.js';
import { CHECKS_PER_SITTING, emptyDraft, testAskedFor, type AssessmentDraft } from '../flows/assessment-state.js';

/**
 * Deferred checks: the tests a first plan was built without, asked a couple at a time in the first
 * week. Pure helpers for `Assessments`: what a checks sitting asks, how its answers join the last
 * assessment's, which levels the rebuilt plan keeps, and the one line that tells the person.
 */

/**
 * The draft of a checks sitting: the next tests, the rest kept for later. The goal is the person's
 * goal now (settings may have changed it since the last sitting), so a goal-only test is walked.
 */
export function checksDraft(pending: readonly TestId[], last: AssessmentDraft, goal: GoalId | undefined = last.goal): AssessmentDraft {
  const asked = pending.slice(0, CHECKS_PER_SITTING);
  return { ...emptyDraft(), ...(goal ? { goal } : {}), asked, later: pending.slice(CHECKS_PER_SITTING), checksOnly: true };
}

/**
 * The deferred list after a goal change: a goal-only test (the hop) never done joins it, first,
 * for a goal that asks it, so it comes as a check on its own instead of a whole check-in; a test
 * the new goal does not ask leaves it.
 */
export function laterForGoal(draft: AssessmentDraft, goal: GoalId): TestId[] {
  const kept = (draft.later ?? []).filter((t) => testAskedFor(t, goal));
  const goalOnly = (Object.keys(TEST_GOALS) as TestId[]).filter((t) => testAskedFor(t, goal) && !draft.tests[t] && !kept.includes(t));
  return [...goalOnly, ...kept];
}

/**
 * The last assessment's draft with this sitting's tests added: the whole picture so far, stored on
 * the checks sitting so the next one (and a later reassessment) reads one draft.
 */
export function mergedDraft(last: AssessmentDraft, checks: AssessmentDraft, later: readonly TestId[]): AssessmentDraft {
  const asked = [...new Set([...(last.asked ?? []), ...(checks.asked ?? [])])];
  const tests = { ...last.tests, ...checks.tests };
  const skipped = [...new Set([...last.skipped.filter((t) => !checks.tests[t]), ...checks.skipped])];
  // The sitting's goal is the person's goal now: the rebuilt plan follows it, not the older one.
  const merged: AssessmentDraft = { ...last, ...(checks.goal ? { goal: checks.goal } : {}), tests, skipped, asked, later: [...later] };
  delete merged.checksOnly;
  return merged;
}

/**
 * The engine state for a plan rebuilt after a checks sitting (new tests, not a reassessment): a
 * track keeps its level, rung and days when the new start is not below it; a check that found a
 * problem (a lower start) starts that track again there; new tracks start at their plan level.
 */
export function carriedState(state: EngineState, newPlan: Plan, date: string): EngineState {
  const tracks: Record<string, TrackState> = {};
  for (const item of newPlan.items) {
    const key = trackKey(item.pattern, item.side);
    const current = state.tracks[key];
    tracks[key] = current && item.level >= current.level ? current : initialTrack(item.level, date);
  }
  // Goal patterns (impact) are not plan items: they keep their place.
  for (const [key, t] of Object.entries(state.tracks)) if (!(key in tracks)) tracks[key] = t;
  return { tracks, settledMornings: state.settledMornings };
}

/** One line on what the new tests changed in the plan. */
export function whatChanged(before: Plan, after: Plan, library: Library): string {
  const was = new Set(before.items.map((i) => `${i.pattern}:${i.side}:${i.exerciseId}`));
  const added = after.items.filter((i) => !was.has(`${i.pattern}:${i.side}:${i.exerciseId}`));
  if (added.length === 0) return 'Your plan stays as it is: these checks agree with where it starts.';
  const names = [...new Set(added.map((i) => library.exerciseById.get(i.exerciseId)?.name ?? i.name))];
  const shown = names.slice(0, 2).join(' and ');
  return `I updated your plan: ${shown}${names.length > 2 ? ` and ${names.length - 2} more` : ''} now fit${names.length === 1 ? 's' : ''} what the checks found.`;
}
