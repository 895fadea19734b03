import type { RedFlagId } from '../content/ids.js';
import type { Library } from '../content/library.js';
import { referralText, whatToDoNow, type Referral, type Subject } from '../coaching/safety.js';
import type { View } from './view.js';

/**
 * Red-flag screens in labelled parts, the same on every transport: the "you ticked" check before
 * anything is stored, the referral (what to do now, when to get emergency care, what is paused),
 * the copy a person can show a clinician, and the wording for a flag raised in a question.
 * The per-flag "what to do now" lines come from `whatToDoNow()` in src/coaching/safety.ts.
 */

const labelsOf = (flags: readonly RedFlagId[], library: Library): string => flags.map((id) => `- ${library.redFlagById.get(id)?.label ?? id}`).join('\n');

/** Signs that turn an urgent referral into an emergency while the person waits for the appointment. */
const EMERGENCY_SIGNS = [
  'you cannot put weight on the leg',
  'the hip turns hot and swollen, with a fever',
  'the leg or foot turns pale, cold or blue',
  'you feel numb around the groin, or have new trouble with your bladder or bowels',
  'you get chest pain or sudden shortness of breath',
];

function opening(referral: Referral): string {
  if (referral.level === 'emergency') return 'Please stop here and do no exercise. What you told me needs a medical check straight away.';
  if (referral.flags.length >= 2) return 'You told me about more than one thing a doctor should check. Please be seen this week, by your doctor or an urgent care service.';
  return 'What you told me is something a doctor should check before you exercise on your own. It does not mean something serious is wrong, but it does need a look.';
}

/** "Get emergency care if": for an emergency, how to get there; otherwise the signs that cannot wait. */
export function emergencyCareIf(referral: Referral): string {
  if (referral.level === 'emergency') return '**Get emergency care now:** call your local emergency number, or have someone take you to an emergency department. Do not drive yourself.';
  return `**Get emergency care if:**\n${EMERGENCY_SIGNS.map((s) => `- ${s}`).join('\n')}\nThen call your local emergency number or go to an emergency department.`;
}

export const PAUSED_UNTIL = '**Your plan is paused until** a doctor or other clinician has checked you and said exercise is fine.';

/** The referral after the safety questions (and wherever a standing referral is shown). */
export function referralView(referral: Referral, library: Library): View {
  return {
    title: referral.level === 'emergency' ? 'Please get medical help now' : 'Please see a doctor first',
    body: [opening(referral), whatToDoNow(referral, library), emergencyCareIf(referral), PAUSED_UNTIL, `**What you told me:**\n${labelsOf(referral.flags, library)}`].join('\n\n'),
    inputs: [],
    privacy: 'private',
    tone: 'danger',
  };
}

/** After ticking any flag: a check before anything is stored. The flags ride in the confirm button's name. */
export function redFlagConfirmView(flags: readonly RedFlagId[], library: Library, confirmName: string): View {
  return {
    title: 'Please check your answer',
    body: [`**You ticked:**\n${labelsOf(flags, library)}`, 'If that is right, I will stop the assessment here and tell you who to see. If it was a slip, nothing is saved and you can answer again.'].join('\n\n'),
    inputs: [
      { kind: 'button', name: confirmName, label: "That's right", style: 'danger' },
      { kind: 'button', name: 'untick', label: 'I ticked this by mistake', style: 'secondary' },
    ],
    privacy: 'private',
    tone: 'warning',
  };
}

/** The DM copy: what the person told HipCoach, dated, in words a clinician can read. */
export function referralCopyView(referral: Referral, library: Library, localDate: string): View {
  const questions = referral.flags.map((id) => `- ${library.redFlagById.get(id)?.question ?? id} **Yes.**`).join('\n');
  return {
    title: 'For your doctor: what you told HipCoach',
    body: [
      `On ${longDate(localDate)} you answered these safety questions in HipCoach, an exercise coach for hip pain:`,
      questions,
      'Because of these answers I paused your exercise plan and suggested a check. You can show this message to a doctor, physiotherapist or nurse.',
    ].join('\n\n'),
    inputs: [],
    privacy: 'private',
    tone: 'info',
  };
}

/** "2026-06-01" -> "1 June 2026". */
function longDate(localDate: string): string {
  const [y, m, d] = localDate.split('-').map(Number);
  const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][(m ?? 1) - 1];
  return `${d} ${month} ${y}`;
}

/**
 * A red flag raised in a question (`/ask`, the Q&A channel): no thanks for answers that were never
 * asked and no list that is not shown; the pause is mentioned only when there is one.
 */
export function askReferralText(referral: Referral, library: Library, subject: Exclude<Subject, 'unclear'>, paused: boolean): string {
  // About someone else: the library's text for them (no thanks, no list), their plan untouched.
  if (subject === 'someone_else') return referralText(referral, library, 'someone_else');
  const lead =
    referral.level === 'emergency'
      ? 'What you wrote sounds like it needs medical help now, before any exercise.'
      : 'What you wrote sounds like something a doctor should check before you exercise on your own.';
  const pause = paused ? `${PAUSED_UNTIL} Once they have, run \`/assess\` and press **A clinician has cleared me**.` : null;
  return [lead, whatToDoNow(referral, library), emergencyCareIf(referral), ...(pause ? [pause] : [])].join('\n\n');
}
