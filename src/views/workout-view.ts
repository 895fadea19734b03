import { z } from 'zod';
import { EFFORTS, FORMS } from '../content/ids.js';
import { painScore } from '../coaching/assessment-answers.js';
import type { FeedbackDraft } from '../db/schema.js';
import { PAIN_OPTIONS, selected, type View } from './view.js';

/** Feedback and morning-check screens: the answers a person gives after a workout. */

export const EFFORT_LABELS = { easy: 'Easy', right: 'About right', hard: 'Hard' } as const;
export const FORM_LABELS = { good: 'Good: I could keep the cues', struggled: 'I struggled to keep good form' } as const;
export const FEEL_LABELS = { better: 'Better than usual', same: 'About the same as usual', worse: 'Worse than usual' } as const;

export type MorningDraft = Pick<FeedbackDraft, 'feel' | 'pain'>;

export function feedbackView(draft: FeedbackDraft, notice?: string): View {
  return {
    title: 'How did it go?',
    body: [
      'Three quick answers so tomorrow fits you better.',
      '**Pain:** the highest pain during the session (0-10). Up to 3 is fine; 4-5 is fine if it settles by tomorrow morning.',
      '**Effort** and **form** tell me whether to hold, move up or ease off.',
    ].join('\n\n'),
    inputs: [
      { kind: 'select', name: 'pain', placeholder: 'Highest pain during the session, 0-10', options: PAIN_OPTIONS, ...selected(draft.painDuring) },
      { kind: 'select', name: 'effort', placeholder: 'How hard was it?', options: EFFORTS.map((e) => ({ value: e, label: EFFORT_LABELS[e] })), ...selected(draft.effort) },
      { kind: 'select', name: 'form', placeholder: 'How was your form?', options: FORMS.map((f) => ({ value: f, label: FORM_LABELS[f] })), ...selected(draft.form) },
      { kind: 'button', name: 'save', label: 'Save feedback', style: 'success' },
    ],
    privacy: 'private',
    tone: 'info',
    ...(notice ? { notice } : {}),
  };
}

export function morningView(date: string, draft: MorningDraft, notice?: string): View {
  return {
    title: 'Morning check',
    body: `Before today's workout: how does your hip feel this morning, after your session on ${date}? This decides whether anything moves up.`,
    inputs: [
      { kind: 'select', name: 'feel', placeholder: 'Compared with usual, the hip feels…', options: (['better', 'same', 'worse'] as const).map((f) => ({ value: f, label: FEEL_LABELS[f] })), ...selected(draft.feel) },
      { kind: 'select', name: 'mpain', placeholder: 'Hip pain right now, 0-10', options: PAIN_OPTIONS, ...selected(draft.pain) },
      { kind: 'button', name: 'msave', label: 'Save', style: 'success' },
    ],
    privacy: 'private',
    tone: 'info',
    ...(notice ? { notice } : {}),
  };
}

export const feedbackSchema = z.object({
  painDuring: painScore,
  effort: z.enum(EFFORTS),
  form: z.enum(FORMS),
});

export const morningSchema = z.object({ feel: z.enum(['better', 'same', 'worse']), pain: painScore });

/** Apply one select to a draft; returns an error for values that are not on offer. */
export function applyFeedbackInput(draft: FeedbackDraft, name: string, value: string | undefined): FeedbackDraft | { error: string } {
  switch (name) {
    case 'pain':
    case 'mpain': {
      const pain = z.coerce.number().pipe(painScore).safeParse(value);
      if (!pain.success) return { error: 'Pain must be a whole number from 0 to 10.' };
      return name === 'pain' ? { ...draft, painDuring: pain.data } : { ...draft, pain: pain.data };
    }
    case 'effort': {
      const effort = z.enum(EFFORTS).safeParse(value);
      return effort.success ? { ...draft, effort: effort.data } : { error: 'Please choose easy, about right or hard.' };
    }
    case 'form': {
      const form = z.enum(FORMS).safeParse(value);
      return form.success ? { ...draft, form: form.data } : { error: 'Please choose how your form was.' };
    }
    case 'feel': {
      const feel = z.enum(['better', 'same', 'worse']).safeParse(value);
      return feel.success ? { ...draft, feel: feel.data } : { error: 'Please choose better, same or worse.' };
    }
    default:
      return { error: 'That choice was not recognised.' };
  }
}
