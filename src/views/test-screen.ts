import {
  NINETY_NINETY_HIPS,
  NINETY_NINETY_HIP_LABELS,
  PAIN_PLACES,
  PAIN_PLACE_LABELS,
  RATING_LABELS,
  SCALES,
  TEST_SPEC,
  type Rating,
  type Side,
  type TestId,
} from '../content/ids.js';
import type { Library } from '../content/library.js';
import { needsHip, neededOnSide, sidesOf, stillNeeded, testsInSitting, type AssessmentState } from '../flows/assessment-state.js';
import { selected, type View, type ViewInput, type ViewOption } from './view.js';

/**
 * A movement test as a phone screen: 3-4 lines (what to do, where to stop), one side at a time in a
 * fixed order (left, then right), the rating and the pain's place as buttons, and Next disabled
 * until the screen is complete. The steps, what to notice and the figure are behind How to do it.
 */

export const TEST_BUTTONS = {
  how: { kind: 'button', name: 'how', label: 'How to do it', style: 'secondary' },
  back: { kind: 'button', name: 'back', label: 'Previous', style: 'secondary' },
  skip: { kind: 'button', name: 'skip', label: 'Skip', style: 'secondary' },
  pause: { kind: 'button', name: 'pause', label: 'Pause', style: 'secondary' },
} as const satisfies Record<string, ViewInput>;

/** Pain options that keep their meaning once chosen ("Pain 3 of 10", never a bare "3"). */
const TEST_PAIN_OPTIONS: ViewOption[] = Array.from({ length: 11 }, (_, n) => ({
  value: String(n),
  label: n === 0 ? 'Pain 0 of 10: none' : n === 10 ? 'Pain 10 of 10: worst imaginable' : `Pain ${n} of 10`,
}));

const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * The side on screen: the one asked for, else the first side in fixed order that still needs an
 * answer, else the first side (a finished test seen again after Back).
 */
export function sideOnScreen(state: AssessmentState, testId: TestId, asked?: Side): Side {
  const sides = sidesOf(testId);
  if (asked && sides.includes(asked)) return asked;
  const results = state.draft.tests[testId] ?? {};
  return sides.find((s) => neededOnSide(testId, results[s]).length > 0) ?? sides[0]!;
}

/** What the best rating means, in one line, so the buttons have an anchor on the screen itself. */
function bestKey(hints: Partial<Record<Rating, string>>, ratings: readonly Rating[]): string {
  const best = ratings[0]!;
  return `**${RATING_LABELS[best].split(':')[0]}** = ${(hints[best] ?? '').replace(/^./, (c) => c.toLowerCase())}.`;
}

export function testScreen(state: AssessmentState, library: Library, testId: TestId, focus?: Side): View {
  const test = library.testById.get(testId)!;
  const side = sideOnScreen(state, testId, focus);
  const r = state.draft.tests[testId]?.[side] ?? {};
  const ratings = SCALES[TEST_SPEC[testId].scale].ratings as readonly Rating[];
  const sideName = side === 'both' ? '' : `${capital(side)} side${test.sideNote ? ` (${test.sideNote})` : ''}`;
  const inputs: ViewInput[] = [
    {
      kind: 'select',
      name: `rating:${side}`,
      placeholder: `${sideName ? `${sideName}: ` : ''}how did it go?`,
      options: ratings.map((rating) => ({ value: rating, label: RATING_LABELS[rating].split(':')[0]!, description: test.ratingHints[rating] })),
      display: 'buttons',
      ...selected(r.rating),
    },
    { kind: 'select', name: `pain:${side}`, placeholder: `${sideName ? `${sideName}: ` : ''}pain during the test, 0-10`, options: TEST_PAIN_OPTIONS, ...selected(r.pain) },
  ];
  if (test.askPainPlace && (r.pain ?? 0) > 0) {
    inputs.push({ kind: 'select', name: `place:${side}`, placeholder: 'Where was the pain?', options: PAIN_PLACES.map((p) => ({ value: p, label: PAIN_PLACE_LABELS[p] })), display: 'buttons', ...selected(r.painPlace) });
  }
  if (needsHip(testId, r)) {
    inputs.push({ kind: 'select', name: `hip:${side}`, placeholder: 'Which hip did the pain or stop come from?', options: NINETY_NINETY_HIPS.map((h) => ({ value: h, label: NINETY_NINETY_HIP_LABELS[h] })), display: 'buttons', ...selected(r.hip) });
  }
  const missing = stillNeeded(state);
  const here = neededOnSide(testId, r);
  // A finished two-sided test seen again: the other side is one press away (never swapped by itself).
  const other = sidesOf(testId).find((s) => s !== side);
  const switchSide: ViewInput[] = missing.length === 0 && other && inputs.length <= 3 ? [{ kind: 'button', name: `show:${other}`, label: `${capital(other)} side`, style: 'secondary' }] : [];
  inputs.push(...switchSide, TEST_BUTTONS.how, TEST_BUTTONS.back, TEST_BUTTONS.skip, TEST_BUTTONS.pause, { kind: 'button', name: 'next', label: 'Next', style: 'primary', ...(missing.length > 0 ? { disabled: true } : {}) });
  const asked = testsInSitting(state.draft);
  // Moving on to the second side by itself: say the first was saved, so a glance shows it moved on.
  const first = sidesOf(testId)[0]!;
  const results = state.draft.tests[testId] ?? {};
  const switched = side !== first && side !== 'both' && neededOnSide(testId, results[first]).length === 0 && Object.keys(r).length === 0;
  return {
    title: sideName ? `${test.name}: ${sideName.toLowerCase()}` : test.name,
    body: [...(switched ? [`✓ ${capital(first)} side saved. Now your **${side}** side.`] : []), test.short, bestKey(test.ratingHints, ratings), here.length > 0 ? `Still needed: ${here.join(', ')}.` : missing.length > 0 ? `Still needed: ${missing.join(', ')}.` : 'All answered: Next moves on.'].join('\n\n'),
    inputs,
    privacy: 'private',
    tone: 'info',
    footer: `Test ${asked.indexOf(testId) + 1} of ${asked.length}`,
  };
}

/** The details behind How to do it: purpose, steps, what to notice, when to stop, and the figure. */
export function howToView(library: Library, testId: TestId): View {
  const test = library.testById.get(testId)!;
  return {
    title: `How to do it: ${test.name}`,
    body: [
      `*${test.purpose}*`,
      test.steps.map((s, i) => `${i + 1}. ${s}`).join('\n'),
      `**Notice:** ${test.notice.join(' ')}`,
      `**Stop when:** ${test.stopWhen}`,
      SCALES[TEST_SPEC[testId].scale].ratings.map((rating) => `**${RATING_LABELS[rating].split(':')[0]}:** ${test.ratingHints[rating]}`).join('\n'),
    ].join('\n\n'),
    inputs: [],
    privacy: 'private',
    tone: 'info',
    figureId: testId,
  };
}
