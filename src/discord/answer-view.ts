import type { Answer } from '../qa/answer.js';
import type { View } from '../views/view.js';
import { SUBJECT_INPUTS } from './handlers/red-flag-subject.js';

const KIND_LABELS = { faq: 'FAQ', topic: 'Guide', exercise: 'Exercise' } as const;

/** An answer as a view: the text, then which library entries it rests on. */
export function answerView(answer: Answer): View {
  const sources = answer.sources.map((s) => `${KIND_LABELS[s.kind]}: ${s.title}`);
  const title =
    answer.outcome === 'red_flag'
      ? answer.subject === 'someone_else' || answer.subject === 'unclear'
        ? 'About the symptoms you describe'
        : answer.referral?.level === 'emergency'
        ? 'Please get medical help now'
        : 'Please see a doctor first'
      : 'HipCoach answers';
  return {
    title,
    body: answer.text,
    ...(sources.length ? { footer: `From the HipCoach library: ${sources.join(' · ')}. Not medical advice.` } : {}),
    inputs: answer.subject === 'unclear' ? [...SUBJECT_INPUTS] : [],
    privacy: 'public',
    tone: answer.outcome === 'red_flag' ? 'danger' : 'info',
  };
}
