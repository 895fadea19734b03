import type { RedFlag } from '../content/schema.js';
import type { Referral } from '../coaching/safety.js';
import { setNextRun, setStatus } from '../db/repos/people.js';
import { clearReferrals, clearedUrgentFlags, openReferral, recordScreen } from '../db/repos/safety.js';
import type { AppDeps } from './context.js';
import type { People } from './people.js';

/** Why nothing can be offered yet: no consent, or a referral that stands. */
export type SafetyGate = { kind: 'needs_consent' } | { kind: 'referral'; referral: Referral };

/** Safety: open referrals, which red flags to ask, free-text flags, clinician clearance. */
export class Safety {
  constructor(
    private readonly deps: AppDeps,
    private readonly people: People,
  ) {}

  /**
   * The gate before any assessment, check or workout: consent first, then a standing referral.
   * Null when the person may go on. Reads only.
   */
  gate(personId: string): SafetyGate | null {
    if (!this.people.find(personId)?.consentAt) return { kind: 'needs_consent' };
    const referral = this.referral(personId);
    return referral ? { kind: 'referral', referral } : null;
  }

  /** Open referral, if any: while it stands, no plan or workout is offered. */
  referral(personId: string): Referral | null {
    const open = openReferral(this.deps.db, personId);
    return open?.level ? { level: open.level, flags: open.positiveFlags } : null;
  }

  /** Urgent flags a clinician has cleared are not asked again; emergency flags always are. */
  askedFlags(personId: string): RedFlag[] {
    const cleared = clearedUrgentFlags(this.deps.db, personId);
    return this.deps.library.redFlags.flags.filter((f) => f.level === 'emergency' || !cleared.has(f.id));
  }

  /**
   * A red flag written in free text (a question, a message): for someone who has consented, it is
   * stored like a screen answer, stops the plan and pauses DMs until a clinician clears them.
   * Nothing is stored for people who never consented.
   */
  recordFreeTextRedFlags(personId: string, referral: Referral): boolean {
    const person = this.people.find(personId);
    if (!person?.consentAt) return false;
    const now = this.deps.clock();
    this.deps.db.transaction((tx) => {
      recordScreen(tx, { personId, answers: Object.fromEntries(referral.flags.map((f) => [f, true])), positiveFlags: referral.flags, level: referral.level, source: 'free_text' }, now);
      setStatus(tx, personId, 'referred', now);
      setNextRun(tx, personId, null);
    });
    return true;
  }

  /** The person says a clinician cleared them: the referral closes and they may assess again. */
  clearedByClinician(personId: string): boolean {
    const now = this.deps.clock();
    return this.deps.db.transaction((tx) => {
      const cleared = clearReferrals(tx, personId, now);
      if (cleared > 0) setStatus(tx, personId, 'consented', now);
      return cleared > 0;
    });
  }
}
