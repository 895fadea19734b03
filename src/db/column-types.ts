import type { Decision, TrackState } from '../coaching/progression.js';

/** The shapes of the JSON and enum columns the schema stores, kept apart so the schema stays a table list. */

/** A workout message's answers so far (feedback, then the next morning's check). */
export interface FeedbackDraft {
  effort?: 'easy' | 'right' | 'hard';
  form?: 'good' | 'struggled';
  /** Exercise ids named as going above 3/10; an empty list is "None". */
  hurt?: string[];
  /** The highest pain of the named exercises (0-10). */
  hurtPain?: number;
  /** The next morning's check, when asked on this workout's message. */
  feel?: 'better' | 'same' | 'worse';
  pain?: number;
}

/**
 * One engine v2 decision (`Decision`) as stored with its feedback. `before` is the track as it was
 * before the session, so a next-morning flare can decide again from it (the climb is undone).
 */
export type StoredDecision = Decision & { clinicianReview: boolean; before?: TrackState };

export type DeliveryPart = 'morning' | 'workout' | 'weekly' | 'reassess';
