import type { TestId } from '../content/ids.js';
import type { Library } from '../content/library.js';
import type { Plan } from '../coaching/plan.js';
import { initialTrack, type EngineState } from '../coaching/progression.js';
import { carryProgress } from '../coaching/reassessment.js';
import { trackKey } from '../coaching/session.js';
import type { TrackState } from '../db/repos/progression.js';
import { CHECKS_PER_SITTING, emptyDraft, type AssessmentDraft } from '../flows/assessment-state.js';

/**
 * Deferred checks: the tests a first plan was built without, asked a couple at a time in the first
 * week. Pure helpers for `Assessments`: what a checks sitting asks, how its answers join the last
 * assessment's, which levels the rebuilt plan keeps, and the one line that tells the person.
 */

/** The draft of a checks sitting: the next tests, the rest kept for later. */
export function checksDraft(pending: readonly TestId[], last: AssessmentDraft): AssessmentDraft {
  const asked = pending.slice(0, CHECKS_PER_SITTING);
  return { ...emptyDraft(), ...(last.goal ? { goal: last.goal } : {}), asked, later: pending.slice(CHECKS_PER_SITTING), checksOnly: true };
}

/**
 * The last assessment's draft with this sitting's tests added: the whole picture so far, stored on
 * the checks sitting so the next one (and a later reassessment) reads one draft.
 */
export function mergedDraft(last: AssessmentDraft, checks: AssessmentDraft, later: readonly TestId[]): AssessmentDraft {
  const asked = [...new Set([...(last.asked ?? []), ...(checks.asked ?? [])])];
  const tests = { ...last.tests, ...checks.tests };
  const skipped = [...new Set([...last.skipped.filter((t) => !checks.tests[t]), ...checks.skipped])];
  const merged: AssessmentDraft = { ...last, tests, skipped, asked, later: [...later] };
  delete merged.checksOnly;
  return merged;
}

/** Levels the rebuilt plan starts from: the engine's reassessment rule (keep progress, minus one at most). */
export function carriedLevels(input: { current: readonly TrackState[]; newPlan: Plan; before: AssessmentDraft['tests']; after: AssessmentDraft['tests']; date: string; library: Library }): Map<string, number> {
  const state: EngineState = {
    tracks: Object.fromEntries(input.current.map((t) => [trackKey(t.pattern, t.side), initialTrack(t.level, input.date)])),
    settledMornings: 0,
  };
  const tests = (t: AssessmentDraft['tests']) => t as Parameters<typeof carryProgress>[0]['before'];
  const carried = carryProgress({ state, newPlan: input.newPlan, before: tests(input.before), after: tests(input.after), date: input.date, library: input.library });
  return new Map(Object.entries(carried.tracks).map(([k, t]) => [k, t.level]));
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
