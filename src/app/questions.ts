import { activePlan } from '../db/repos/plans.js';
import type { AppDeps } from './context.js';

/** What the Q&A may know about the asker: a few facts from their own plan, for DM answers only. */
export class Questions {
  constructor(private readonly deps: AppDeps) {}

  /** A few plain facts from the person's own plan, for answers in their DMs only. */
  planSummaryForPrompt(personId: string): string {
    const stored = activePlan(this.deps.db, personId);
    if (!stored) return '';
    const focus = stored.plan.items.filter((i) => i.tier === 'focus').map((i) => `${i.name} (${i.pattern.replace('_', ' ')}, ${i.side})`);
    return focus.length ? `their focus exercises are ${focus.slice(0, 8).join(', ')}.` : 'they have a plan with whole-body loading and trunk work.';
  }
}
