import { AT_A_TIME } from './checks-words.js';
import { GOAL_IDS, GOAL_LABELS, type Side } from '../content/ids.js';
import type { Library } from '../content/library.js';
import type { RedFlag } from '../content/schema.js';
import {
  deferredAfter,
  flagsOnPage,
  goalOf,
  missingOnStep,
  stepsForGoal,
  testOfStep,
  testsInSitting,
  type AssessmentState,
  type ScreenPage,
} from '../flows/assessment-state.js';
import { safetyPageView } from './safety-view.js';
import { testScreen } from './test-screen.js';
import { PAIN_OPTIONS, selected, type View, type ViewInput } from './view.js';

const BUTTON = {
  back: { kind: 'button', name: 'back', label: 'Previous', style: 'secondary' },
  skip: { kind: 'button', name: 'skip', label: 'Skip', style: 'secondary' },
  pause: { kind: 'button', name: 'pause', label: 'Pause', style: 'secondary' },
  next: { kind: 'button', name: 'next', label: 'Next', style: 'primary' },
} as const satisfies Record<string, ViewInput>;

/** The view for whatever step the assessment is on. */
export function assessmentView(
  state: AssessmentState,
  library: Library,
  askedFlags: readonly RedFlag[],
  notice?: string,
  focus?: Side,
): View {
  const view = stepView(state, library, askedFlags, focus);
  return notice ? { ...view, notice } : view;
}

function stepView(state: AssessmentState, library: Library, askedFlags: readonly RedFlag[], focus?: Side): View {
  const { step, draft } = state;
  if (step.startsWith('screen:')) {
    const page = step.slice(7) as ScreenPage;
    const flags = flagsOnPage(page, askedFlags).map((id) => library.redFlagById.get(id)!);
    // The page's title already says "Safety check 1 of 2": no footer repeating it.
    return safetyPageView(page, flags);
  }
  if (step === 'goal') {
    return {
      title: 'What would you like your hip to let you do?',
      body: [
        'Pick the one that matters most to you. It does not change what the tests find; it shapes the later, stronger part of your plan, and for running or field and court sport it adds one more test (a hop).',
        'You can change it later in `/settings`.',
      ].join('\n\n'),
      inputs: [
        { kind: 'select', name: 'goal', placeholder: 'Your main goal', options: GOAL_IDS.map((g) => ({ value: g, label: GOAL_LABELS[g] })), ...selected(goalOf(draft)) },
        BUTTON.pause,
        BUTTON.next,
      ],
      privacy: 'private',
      tone: 'info',
      footer: partFooter(state),
    };
  }
  if (step === 'baseline:pain') {
    const b = draft.baseline;
    const missing = missingOnStep(state);
    return {
      title: 'Your hip pain this week',
      body: [library.baseline.painAverageQuestion, library.baseline.painWorstQuestion, ...(missing.length > 0 ? [`Still needed: ${missing.join(', ')}.`] : [])].join('\n\n'),
      inputs: [
        { kind: 'select', name: 'painAverage', placeholder: 'Average pain, 0-10', options: PAIN_OPTIONS.map((o) => ({ ...o, label: `Average: ${o.label}` })), ...selected(b.painAverage) },
        { kind: 'select', name: 'painWorst', placeholder: 'Worst pain, 0-10', options: PAIN_OPTIONS.map((o) => ({ ...o, label: `Worst: ${o.label}` })), ...selected(b.painWorst) },
        BUTTON.pause,
        { ...BUTTON.next, ...(missing.length > 0 ? { disabled: true } : {}) },
      ],
      privacy: 'private',
      tone: 'info',
      footer: partFooter(state),
    };
  }
  if (step === 'baseline:psfs') {
    const current = draft.baseline.psfs ?? [];
    return {
      title: 'Activities that matter to you',
      body: [
        library.baseline.psfsIntro,
        `For example: ${library.baseline.psfsExamples.slice(0, 5).join(', ').toLowerCase()}.`,
        'Write each as the activity, then its score, e.g. `putting on socks: 4`.',
      ].join('\n\n'),
      inputs: [
        ...[0, 1, 2].map(
          (i): ViewInput => ({
            kind: 'text',
            name: `psfs${i + 1}`,
            label: `Activity ${i + 1} and score (0-10)`,
            placeholder: i === 0 ? 'getting into the car: 4' : 'optional',
            required: i === 0,
            maxLength: 110,
            ...(current[i] ? { value: `${current[i].activity}: ${current[i].score}` } : {}),
          }),
        ),
        BUTTON.back,
        BUTTON.skip,
        BUTTON.pause,
      ],
      privacy: 'private',
      tone: 'info',
      footer: partFooter(state),
    };
  }
  const testId = testOfStep(step);
  if (testId) return testScreen(state, library, testId, focus);
  // Review: a short summary before building the plan.
  const asked = testsInSitting(draft);
  const done = asked.filter((t) => draft.tests[t] && !draft.skipped.includes(t)).length;
  const skipped = draft.skipped.map((t) => library.testById.get(t)?.name ?? t);
  const later = deferredAfter(draft).length;
  return {
    title: draft.checksOnly ? 'Checks done: ready to update your plan' : 'All done: ready to build your plan',
    body: [
      `You completed **${done} of ${asked.length}** tests${skipped.length > 0 ? `; skipped: ${skipped.join(', ')} (those patterns start gently until you test them)` : ''}.`,
      later > 0 ? `The other ${later} come ${AT_A_TIME} with your next workouts; I update your plan as they arrive.` : '',
      'Press **Previous** to change an answer, or:',
    ]
      .filter(Boolean)
      .join('\n\n'),
    inputs: [BUTTON.back, { kind: 'button', name: 'finish', label: draft.checksOnly ? 'Update my plan' : 'Build my plan', style: 'success' }],
    privacy: 'private',
    tone: 'success',
  };
}

/**
 * Where the person is, in the part they are in ("About you · 2 of 3"; safety pages say it in their title):
 * one running count over every step read like a long road ("Step 1 of 22"), and tests have their own.
 */
export function partFooter(state: AssessmentState): string {
  const about = stepsForGoal(goalOf(state.draft)).filter((s) => s === 'goal' || s.startsWith('baseline:'));
  return `About you · ${about.indexOf(state.step) + 1} of ${about.length}`;
}
