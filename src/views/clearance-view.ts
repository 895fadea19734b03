import type { Library } from '../content/library.js';
import { PAUSED_UNTIL } from './referral-view.js';
import { note, type View } from './view.js';

/** The clinician-cleared step under a referral, the same words on every transport. */

export const CLEARANCE_QUESTION = 'Has a doctor or other clinician now cleared you to exercise?';
export const NOT_CLEARED = 'Take care. Your workouts stay paused; come back once you have been checked.';
const PRESS_CLEARED = 'Once they have, press **A clinician has cleared me** below.';

/** A referral screen with the way out: a button saying a clinician has cleared the person, explained beside "paused until". */
export function withClearanceStep(view: View): View {
  const body = view.body.includes(PAUSED_UNTIL)
    ? view.body.replace(PAUSED_UNTIL, `${PAUSED_UNTIL} ${PRESS_CLEARED}`)
    : `${view.body}\n\nOnce a doctor or other clinician has checked you and said exercise is fine, press **A clinician has cleared me** below.`;
  return {
    ...view,
    body,
    inputs: [{ kind: 'button', name: 'cleared', label: 'A clinician has cleared me', style: 'secondary' }],
  };
}

/** What the person sees after saying they are cleared: the referral closed (or there was none), and what next. */
export function clearanceView(cleared: boolean, library: Library, next?: string): View {
  const body = cleared ? library.redFlags.referrals.cleared : 'There is no open referral on your record.';
  return note(cleared ? 'Thank you' : 'Nothing to clear', next ? `${body}\n\n${next}` : body, 'success');
}
