import type { StoredAssessment } from '../../db/repos/assessments.js';
import { STEPS } from '../../flows/assessment-state.js';
import { flowIds } from '../custom-id.js';

/**
 * The assessment flow's ids. The ref is `<assessmentId>.<stepIndex>` on a step, so a press on an
 * old message is recognised and answered with the current step instead of changing the wrong one;
 * `new` starts (or resumes) one, `reassess` starts a check-in, `checks` the next deferred tests.
 */
export const assessmentIds = flowIds('assessment');

export function assessmentRef(a: StoredAssessment): string {
  return `${a.id}.${STEPS.indexOf(a.step)}`;
}

export type AssessmentRef = { kind: 'start'; reassess: boolean; checks: boolean } | { kind: 'step'; ref: string };

export function parseAssessmentRef(ref: string): AssessmentRef | null {
  if (ref === 'new' || ref === 'reassess' || ref === 'checks') return { kind: 'start', reassess: ref === 'reassess', checks: ref === 'checks' };
  return /^\d{1,12}\.\d{1,3}$/.test(ref) ? { kind: 'step', ref } : null;
}
