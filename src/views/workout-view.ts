import { z } from 'zod';
import { EFFORTS, FORMS, type Effort, type Form } from '../content/ids.js';
import type { Library } from '../content/library.js';
import type { TroubleshootingTopic } from '../content/schema.js';
import { painScore } from '../coaching/assessment-answers.js';
import { PAIN_OK_MAX } from '../coaching/rules.js';
import type { Session } from '../coaching/session.js';
import type { FeedbackDraft } from '../db/schema.js';
import { dateInWords } from './daily-view.js';
import { topicText } from './plan-view.js';
import { PAIN_OPTIONS, selected, type View, type ViewInput } from './view.js';

/**
 * Feedback and morning-check screens (spec v2, issue 13's four-tap day): effort and form as
 * buttons, one menu for the exercises that went above 3/10, their score only when one did. The
 * answers save themselves once complete, so a good day is Done + 3 taps.
 */

export const EFFORT_LABELS = { easy: 'Easy', right: 'About right', hard: 'Hard' } as const;
export const FORM_LABELS = { good: 'Form was good', struggled: 'Form slipped' } as const;
export const FEEL_LABELS = { better: 'Better', same: 'Same as usual', worse: 'Worse' } as const;
export const FEELS = ['better', 'same', 'worse'] as const;
export const NONE = 'none';

export type MorningDraft = Pick<FeedbackDraft, 'feel' | 'pain'>;

const HURT_PAIN_OPTIONS = PAIN_OPTIONS.filter((o) => Number(o.value) > PAIN_OK_MAX);

/** Today's main exercises (the ones the engine decides on), id -> name, for the which-hurt menu. */
export function exerciseNames(session: Pick<Session, 'items'>, library: Pick<Library, 'exerciseById'>): Map<string, string> {
  return new Map(session.items.map((i) => [i.exerciseId, library.exerciseById.get(i.exerciseId)?.name ?? i.exerciseId]));
}

export function feedbackView(session: Pick<Session, 'items'>, draft: FeedbackDraft, names: ReadonlyMap<string, string>, notice?: string): View {
  const exercises = [...new Map(session.items.map((i) => [i.exerciseId, names.get(i.exerciseId) ?? i.exerciseId])).entries()];
  const hurt = draft.hurt ?? [];
  const inputs: ViewInput[] = [
    // Effort and form as choice buttons under their own headings (`effort:easy` when pressed).
    { kind: 'select', name: 'effort', placeholder: 'How hard was it?', options: EFFORTS.map((v) => ({ value: v, label: EFFORT_LABELS[v] })), display: 'buttons', ...selected(draft.effort) },
    { kind: 'select', name: 'form', placeholder: 'And your form?', options: FORMS.map((v) => ({ value: v, label: FORM_LABELS[v] })), display: 'buttons', ...selected(draft.form) },
    {
      kind: 'select',
      name: 'hurt',
      placeholder: 'Did any exercise go above 3/10?',
      options: [{ value: NONE, label: 'None: all 3/10 or less' }, ...exercises.map(([value, label]) => ({ value, label }))],
      ...(draft.hurt ? { selectedValues: hurt.length ? hurt : [NONE] } : {}),
      min: 1,
      max: exercises.length + 1,
    },
  ];
  if (hurt.length > 0) inputs.push({ kind: 'select', name: 'hurtpain', placeholder: 'The highest pain in those, 4-10', options: HURT_PAIN_OPTIONS, ...selected(draft.hurtPain) });
  return {
    title: 'How did it go?',
    body: 'Three quick answers: effort, form, and any exercise that went above 3/10.',
    inputs,
    privacy: 'private',
    tone: 'info',
    ...(notice ? { notice } : {}),
  };
}

export function morningView(date: string, draft: MorningDraft, notice?: string): View {
  // A choice as buttons (`feel:same` when pressed), like effort and form: the renderer ticks the pick.
  const inputs: ViewInput[] = [{ kind: 'select', name: 'feel', placeholder: 'Compared with usual', options: FEELS.map((v) => ({ value: v, label: FEEL_LABELS[v] })), display: 'buttons', ...selected(draft.feel) }];
  if (draft.feel === 'worse') inputs.push({ kind: 'select', name: 'mpain', placeholder: 'Hip pain right now, 0-10', options: PAIN_OPTIONS, ...selected(draft.pain) });
  return {
    title: 'Morning check',
    body: `How does your hip feel this morning, after your session on ${dateInWords(date)}, compared with usual?`,
    inputs,
    privacy: 'private',
    tone: 'info',
    ...(notice ? { notice } : {}),
  };
}

export interface CompleteFeedback {
  effort: Effort;
  form: Form;
  painByExercise: Record<string, number>;
}

/** The app's input once every answer is in, else undefined (the screen keeps asking). */
export function completeFeedback(draft: FeedbackDraft): CompleteFeedback | undefined {
  const { effort, form, hurt, hurtPain } = draft;
  if (!effort || !form || !hurt) return undefined;
  if (hurt.length > 0 && hurtPain === undefined) return undefined;
  return { effort, form, painByExercise: Object.fromEntries(hurt.map((id) => [id, hurtPain!])) };
}

/** The morning check once answered: better/same at once, worse with its pain. */
export function completeMorning(draft: MorningDraft): { feel: (typeof FEELS)[number]; pain?: number } | undefined {
  if (!draft.feel) return undefined;
  if (draft.feel !== 'worse') return { feel: draft.feel };
  return draft.pain === undefined ? undefined : { feel: 'worse', pain: draft.pain };
}

const answerSchema = z.discriminatedUnion('question', [
  z.object({ question: z.literal('effort'), value: z.enum(EFFORTS) }),
  z.object({ question: z.literal('form'), value: z.enum(FORMS) }),
  z.object({ question: z.literal('feel'), value: z.enum(FEELS) }),
]);

/**
 * Apply one answer to a draft. `values` are a select's picks (or empty for a button); returns a
 * friendly error for anything not on offer, and the draft is left as it was.
 */
export function applyFeedbackInput(draft: FeedbackDraft, name: string, values: readonly string[], todaysExercises: readonly string[] = []): FeedbackDraft | { error: string } {
  // A choice shown as buttons names its value (`effort:easy`); the console sends the question's pick.
  const [question, named] = name.split(':');
  if (question === 'effort' || question === 'form' || question === 'feel') {
    const answer = answerSchema.safeParse({ question, value: values[0] ?? named });
    if (!answer.success) return { error: 'That choice was not recognised.' };
    const a = answer.data;
    if (a.question === 'effort') return { ...draft, effort: a.value };
    if (a.question === 'form') return { ...draft, form: a.value };
    return a.value === 'worse' ? { ...draft, feel: a.value } : { ...draft, feel: a.value, pain: undefined };
  }
  switch (name) {
    case 'hurt': {
      const picks = z.array(z.enum([NONE, ...todaysExercises] as [string, ...string[]])).min(1).safeParse(values);
      if (!picks.success) return { error: "Please pick from today's exercises, or None." };
      if (picks.data.includes(NONE) && picks.data.length > 1) return { error: 'Pick None on its own, or just the exercises that went above 3/10.' };
      const hurt = picks.data.filter((v) => v !== NONE);
      return { ...draft, hurt, ...(hurt.length === 0 ? { hurtPain: undefined } : {}) };
    }
    case 'hurtpain':
    case 'mpain': {
      const pain = z.coerce.number().pipe(painScore).safeParse(values[0]);
      if (!pain.success) return { error: 'Pain must be a whole number from 0 to 10.' };
      if (name === 'hurtpain' && pain.data <= PAIN_OK_MAX) return { error: 'Pick 4 or more here; 3 or less counts as None.' };
      return name === 'hurtpain' ? { ...draft, hurtPain: pain.data } : { ...draft, pain: pain.data };
    }
    default:
      return { error: 'That choice was not recognised.' };
  }
}

export const CLINICIAN_NUDGE =
  'This pattern has needed easing twice in a row. That happens, and it is not a red flag, but it is a good moment to ask a physiotherapist or doctor to take a look, so your plan fits what is going on.';

/** What moved after feedback or the morning check: one line per change, "no change" in one line. */
export function decisionsView(result: { lines: readonly string[]; topics: readonly TroubleshootingTopic[]; clinicianReview: boolean }, title = 'Saved'): View {
  const parts: string[] = [result.lines.length ? result.lines.join('\n') : 'Nothing changes: the plan stands as it is.'];
  if (result.clinicianReview) parts.push(CLINICIAN_NUDGE);
  for (const t of result.topics) parts.push(topicText(t));
  return { title, body: parts.join('\n\n'), inputs: [], privacy: 'private', tone: result.clinicianReview ? 'warning' : 'success' };
}
