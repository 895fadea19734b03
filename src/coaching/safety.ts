import { EMERGENCY_FLAG_IDS, RED_FLAG_IDS, type RedFlagId, type ReferralLevel } from '../content/ids.js';

export interface Referral {
  level: ReferralLevel;
  /** Positive flags, in spec order. */
  flags: RedFlagId[];
}

/** Any red flag stops the plan. Emergency outranks urgent. Iterates in spec order, never key order. */
export function screenRedFlags(answers: Readonly<Partial<Record<RedFlagId, boolean>>>): Referral | null {
  const flags = RED_FLAG_IDS.filter((id) => answers[id] === true);
  if (flags.length === 0) return null;
  const level: ReferralLevel = flags.some((f) => EMERGENCY_FLAG_IDS.includes(f)) ? 'emergency' : 'urgent';
  return { level, flags };
}
