import type { Hit } from './retrieval.js';

/**
 * Honest scope: questions about other body parts or unrelated topics, and questions the library
 * only weakly matches, get "not covered yet" with what HipCoach can help with, instead of a
 * confident quote of an unrelated hip entry.
 */

const OTHER_BODY_PARTS = /\b(?:shoulders?|rotator cuff|neck|elbows?|wrists?|hands?|fingers?|thumbs?|jaw|teeth|tooth|eyes?|ears?|headaches?|migraines?|chest|biceps?|triceps|upper back|shoulder blades?|toe ?nails?|bunions?|plantar fasciitis|heel spurs?|carpal tunnel|tennis elbow|golfer'?s elbow|skin|acne|pelvic floor|sinus\w*|throat|stomach ache)\b/i;
const OTHER_TOPICS = /\b(?:diet|dieting|calories|keto|intermittent fasting|protein powder|creatine|coffee|blood pressure|cholesterol|diabetes|anxiety|depression|mental health|sleep better|snoring|insomnia|mattress|a cold|the flu|covid|cover letter|wifi|laptop|podcast|capital of|recipe|my dog|my cat|six pack|bench press|marathon plan|learn to swim|belly fat|lose weight|weight loss plan|contact lenses|hysterectomy)\b/i;
/** Words that keep a question in scope even if it also names something above. */
const HIP_WORDS = /\b(?:hips?|groin|glutes?|bum|buttocks?|pelvis|thighs?|fai|impingement|labr\w*|hipcoach|my plan|the plan|my programme|the programme|sessions?|workouts?|levels?|flare\w*|knee to chest|clams?|clamshells?|bridges?|90 ?\/ ?90|hinge|knees?|legs?|squat\w*|lunge\w*|lying|lie|on my back|on my side|all fours|floor|balanc\w*|dumbbell|kettlebell|band|step\w*|stair\w*|walk\w*|carry\w*)\b/i;
/** Below this retrieval score, nothing in the library really answers the question. */
export const WEAK_MATCH_SCORE = 20;

export type ScopeVerdict = 'in_scope' | 'other_topic' | 'weak_match';

export function scopeOf(question: string, hits: readonly Hit[]): ScopeVerdict {
  if ((OTHER_BODY_PARTS.test(question) || OTHER_TOPICS.test(question)) && !HIP_WORDS.test(question)) return 'other_topic';
  if ((hits[0]?.score ?? 0) < WEAK_MATCH_SCORE) return 'weak_match';
  return 'in_scope';
}

export const NOT_COVERED_TEXT =
  "That is not covered in my library yet, so I won't guess. I can help with hip and groin pain, the exercises in your plan (describe one in your own words and I'll find it), pain during training, flare-ups, and getting back to walking, running, cycling or the gym. For this question, a GP, pharmacist or physiotherapist is the best person to ask.";
