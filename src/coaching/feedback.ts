import { z } from 'zod';
import { EFFORTS, FORMS, type Effort, type Form } from '../content/ids.js';
import { contentId } from '../content/schema.js';
import { answersSchema, painScore } from './assessment-answers.js';
import { isValidLocalDate } from './calendar.js';

/**
 * Feedback on one session (spec v2): which exercises went above 3/10 and their scores, the
 * highest pain of any other exercise, effort, form and the next morning. The domain API the
 * Discord and console feedback screens fill in.
 */
export interface SessionFeedback {
  done: boolean;
  /** Highest pain of any exercise not listed in painByExercise. */
  pain?: number;
  painByExercise?: Readonly<Record<string, number>>;
  effort?: Effort;
  form?: Form;
  /** The morning after: settled, or a flare (2+ points above usual). */
  morning?: 'settled' | 'flare';
}

export const MORNINGS = ['settled', 'flare'] as const;

export const sessionFeedbackSchema = z
  .object({
    done: z.boolean({ error: 'must be true or false' }),
    pain: painScore.optional(),
    painByExercise: z.record(contentId, painScore).optional(),
    effort: z.enum(EFFORTS, { error: `must be one of ${EFFORTS.join(', ')}` }).optional(),
    form: z.enum(FORMS, { error: `must be one of ${FORMS.join(', ')}` }).optional(),
    morning: z.enum(MORNINGS, { error: `must be one of ${MORNINGS.join(', ')}` }).optional(),
  })
  .strict();

const localDate = z.string().refine(isValidLocalDate, { error: 'must be a calendar date in the form YYYY-MM-DD' });

/** The `simulate --feedback` file: a default, per-day feedback and reassessments. All optional. */
export const feedbackFileSchema = z
  .object({
    default: sessionFeedbackSchema.optional(),
    days: z.record(localDate, sessionFeedbackSchema).default({}),
    reassess: z.record(localDate, answersSchema.shape.tests).default({}),
  })
  .strict();
export type FeedbackFile = z.output<typeof feedbackFileSchema>;

/** Without a feedback file every day is done, at 2/10, effort right, good form, settled. */
export const DEFAULT_FEEDBACK: SessionFeedback = { done: true, pain: 2, effort: 'right', form: 'good', morning: 'settled' };
