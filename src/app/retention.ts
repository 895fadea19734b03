import { deletePerson } from '../db/repos/people.js';
import { claimNotice, markSeen, peopleToErase, peopleToNotify, releaseNotice, type RetentionCandidate } from '../db/repos/retention.js';
import type { AppDeps } from './context.js';

/**
 * The data-retention rule's use cases. A person's clock is their last interaction; the erase is
 * the very one `/privacy delete` uses (every table cascades from people).
 */
export class Retention {
  constructor(private readonly deps: AppDeps) {}

  /** Any interaction: restart the clock and withdraw a pending notice. */
  seen(personId: string): void {
    markSeen(this.deps.db, personId, this.deps.clock());
  }

  toNotify(quietSince: Date, limit: number): RetentionCandidate[] {
    return peopleToNotify(this.deps.db, quietSince, limit);
  }

  /** Claim the notice (so two processes never both send it); false when already claimed. */
  claimNotice(personId: string, at: Date): boolean {
    return claimNotice(this.deps.db, personId, at);
  }

  releaseNotice(personId: string, claimedAt: Date): void {
    releaseNotice(this.deps.db, personId, claimedAt);
  }

  toErase(quietSince: Date, noticedBy: Date, limit: number): string[] {
    return peopleToErase(this.deps.db, quietSince, noticedBy, limit);
  }

  erase(personId: string): boolean {
    return deletePerson(this.deps.db, personId);
  }
}
