import { PATTERN_PLAIN } from '../content/ids.js';
import type { Library } from '../content/library.js';
import type { Comparison } from '../coaching/reassessment.js';
import type { Plan } from '../coaching/plan.js';
import { goalWords } from './plan-screen.js';
import type { View } from './view.js';

export interface CompletionOptions {
  /** An opening line (phrased by the Q&A module on Discord; none in the console). */
  intro?: string;
  /** The plan was saved before a restart and is only shown now. */
  interrupted?: boolean;
  /** Where the plan is: by default "I sent your plan by DM." */
  next?: string;
}

export const PLAN_SENT_BY_DM = 'I sent your plan by DM. `/plan` shows it here too, with why each exercise is there.';

/**
 * The end of an assessment, the same on every transport (issue 13): the result in three bullets,
 * where the plan is, and [Start today's workout]. The findings live behind /plan's [Why this plan].
 */
export function completionView(plan: Plan, comparison: Comparison | null, library: Library, opts: CompletionOptions = {}): View {
  const bullets = [focusBullet(plan), comparison ? changeBullet(comparison) : painBullet(plan, library), startBullet(plan)];
  const parts = [opts.intro, bullets.map((b) => `- ${b}`).join('\n'), opts.next ?? PLAN_SENT_BY_DM];
  return {
    title: comparison ? 'Reassessment complete' : 'Assessment complete',
    body: parts.filter((p): p is string => Boolean(p)).join('\n\n'),
    inputs: [{ kind: 'button', name: 'today', label: "Start today's workout", style: 'success' }],
    privacy: 'private',
    tone: 'success',
    ...(opts.interrupted ? { notice: 'Your plan was saved just before I was interrupted. Here it is.' } : {}),
  };
}

/** The patterns the plan focuses on, at most three named. */
function focusBullet(plan: Plan): string {
  const patterns = [...new Set(plan.items.filter((i) => i.tier === 'focus').map((i) => PATTERN_PLAIN[i.pattern]))];
  if (patterns.length === 0) return 'Nothing needs special focus: your plan keeps every movement strong.';
  const named = patterns.slice(0, 3).join(', ');
  const more = patterns.length > 3 ? ` and ${patterns.length - 3} more` : '';
  return `**Focus:** ${named}${more}.`;
}

/** The most painful test, or that nothing hurt. */
function painBullet(plan: Plan, library: Library): string {
  const worst = [...plan.findings].filter((f) => f.pain > 0).sort((a, b) => b.pain - a.pain)[0];
  if (!worst) return '**Pain:** no test hurt. A strong place to start.';
  const test = library.testById.get(worst.testId)?.name ?? worst.testId;
  // The same score on both sides is said once for both, not as if only one side hurt.
  const sides = new Set(plan.findings.filter((f) => f.testId === worst.testId && f.pain === worst.pain).map((f) => f.side));
  const side = worst.side === 'both' ? '' : sides.has('left') && sides.has('right') ? ' (both sides)' : ` (${worst.side})`;
  return `**Most sensitive:** ${test.toLowerCase()}${side}, ${worst.pain}/10, so I start that movement gently.`;
}

/** A check-in: how many results got better or harder. */
function changeBullet(c: Comparison): string {
  const better = c.changes.filter((x) => x.ratingChange > 0 || (x.ratingChange === 0 && x.painChange < 0)).length;
  const harder = c.changes.filter((x) => x.ratingChange < 0 || (x.ratingChange === 0 && x.painChange > 0)).length;
  const psfs = c.psfs.change !== null ? ` Activities ${c.psfs.change >= 0 ? '+' : ''}${c.psfs.change}.` : '';
  return `**Since last time:** ${better} better, ${harder} harder.${psfs}`;
}

function startBullet(plan: Plan): string {
  return `**Each day:** about ${plan.minutes} minutes, aimed at ${goalWords(plan.goal)}.`;
}
