import { getLibrary } from '../../../src/content/load.js';
import type { EngineOptions } from '../../../src/coaching/engine-rules.js';
import { feedbackFileSchema } from '../../../src/coaching/feedback.js';
import { buildPlan } from '../../../src/coaching/plan.js';
import { simulate } from '../../../src/coaching/simulate.js';
import { SIM_START, type Check, type Persona } from './personas.js';

const library = getLibrary();

/** Plan and 28-day simulation of a persona, with some engine rules switched off if asked. */
export function runPersona(persona: Persona, options?: EngineOptions): Check {
  const plan = buildPlan(persona.answers, library, options);
  const base = { answers: persona.answers, start: SIM_START, days: 28, ...(persona.minutes ? { minutes: persona.minutes } : {}), ...(options ? { options } : {}) };
  let feedback = persona.feedback;
  if (persona.painOnDay) {
    // Name the first exercise of that day as the one that hurt.
    const probe = simulate({ ...base, ...(feedback ? { feedback } : {}) }, library);
    const day = probe.days[persona.painOnDay.day]!;
    const file = feedbackFileSchema.parse(feedback ?? {});
    file.days[day.date] = { ...(file.default ?? { done: true, pain: 1, effort: 'right', form: 'good', morning: 'settled' }), painByExercise: { [day.session.items[0]!.exerciseId]: persona.painOnDay.pain } };
    feedback = file;
  }
  const { days } = simulate({ ...base, ...(feedback ? { feedback } : {}) }, library);
  return { plan, days, library };
}

/** Whether a statement is kept: a must holds, a must-not does not. */
export function kept(statement: Persona['statements'][number], check: Check): boolean {
  return statement.kind === 'must' ? statement.holds(check) : !statement.holds(check);
}

