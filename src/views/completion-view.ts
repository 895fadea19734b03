import type { Comparison } from '../coaching/reassessment.js';
import type { Plan } from '../coaching/plan.js';
import type { Library } from '../content/library.js';
import { comparisonText, findingsText } from './plan-view.js';
import type { View } from './view.js';

export interface CompletionOptions {
  /** An opening line (phrased by the Q&A module on Discord; none in the console). */
  intro?: string;
  /** The plan was saved before a restart and is only shown now. */
  interrupted?: boolean;
  /** Where the full plan is and what to do next. */
  next?: string;
}

/** The end of an assessment, the same on every transport: what changed (on a check-in) and what the tests showed. */
export function completionView(plan: Plan, comparison: Comparison | null, library: Library, opts: CompletionOptions = {}): View {
  const parts = [
    opts.intro,
    comparison ? `**What changed since last time**\n${comparisonText(comparison, library)}` : undefined,
    `**What the tests showed**\n${findingsText(plan, library)}`,
    opts.next,
  ];
  return {
    title: comparison ? 'Reassessment complete' : 'Assessment complete',
    body: parts.filter((p): p is string => Boolean(p)).join('\n\n'),
    inputs: [],
    privacy: 'private',
    tone: 'success',
    ...(opts.interrupted ? { notice: 'Your plan was saved just before I was interrupted. Here it is.' } : {}),
  };
}
