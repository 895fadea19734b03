import { EMERGENCY_FLAG_IDS, RED_FLAG_IDS, type RedFlagId, type ReferralLevel } from '../content/ids.js';
import type { Library } from '../content/library.js';

export interface Referral {
  level: ReferralLevel;
  /** Positive flags, in spec order. */
  flags: RedFlagId[];
}

/** Who a free-text message is about: its author, somebody else, or we cannot tell. */
export type Subject = 'me' | 'someone_else' | 'unclear';

/**
 * Any red flag stops the plan. Emergency outranks urgent. Iterates in spec order, never key order.
 * `emergency` raises the level for cases the flag's own level under-rates (a sudden painful testicle,
 * a pulsing groin lump: both sit under an urgent flag id but need care now).
 */
export function screenRedFlags(answers: Readonly<Partial<Record<RedFlagId, boolean>>>, opts: { emergency?: boolean } = {}): Referral | null {
  const flags = RED_FLAG_IDS.filter((id) => answers[id] === true);
  if (flags.length === 0) return null;
  const level: ReferralLevel = opts.emergency === true || flags.some((f) => EMERGENCY_FLAG_IDS.includes(f)) ? 'emergency' : 'urgent';
  return { level, flags };
}

/**
 * The one referral text every screen uses (onboarding, reassessment, free text): the level's text,
 * or the "be seen this week" text when two or more urgent flags fire together (no reassurance),
 * then one "what to do now" line per flag. About someone else: information for them instead.
 */
export function referralText(referral: Referral, library: Library, subject: Subject = 'me'): string {
  const texts = library.redFlags.referrals;
  const head =
    subject === 'someone_else'
      ? `${texts.someoneElse}${referral.level === 'emergency' ? ' This sounds like it needs emergency care now: call your local emergency number or take them to an emergency department.' : ''}`
      : referral.level === 'emergency'
        ? texts.emergency
        : referral.flags.length >= 2
          ? texts.severalUrgent
          : texts.urgent;
  return `${head}\n\n${whatToDoNow(referral, library)}`;
}

/** The "what to do now" block: one line per flag that fired. */
export function whatToDoNow(referral: Referral, library: Library): string {
  return `**What to do now:**\n${referral.flags.map((id) => `- ${library.redFlagById.get(id)?.whatToDo ?? ''}`).join('\n')}`;
}
