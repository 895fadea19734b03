import type { Library } from '../content/library.js';
import type { RedFlag } from '../content/schema.js';
import type { ScreenPage } from '../flows/assessment-state.js';
import type { View, ViewInput } from './view.js';

/**
 * The safety check on short screens (at most 180 words, issue 13): each question as the label a
 * person recognises at a glance, ticked in one menu. The full question behind each label (the
 * details that decide a "yes", such as "inhalers do not count") is one press away under
 * [What do these mean?], answered privately so the page stays as it is. Every flag is still asked;
 * only where its longer wording sits has changed.
 */

/** Two pages: signs that need help now, then things a doctor should check first (PAR-Q included). */
const TITLES: Record<ScreenPage, string> = {
  emergency: 'Safety check 1 of 2: signs that need help now',
  urgent: 'Safety check 2 of 2: things a doctor should check first',
  // Kept only for an assessment stored on the old third page; its questions now sit on page 2.
  parq: 'Safety check: exercise readiness',
};

const OPENING: Record<ScreenPage, string> = {
  emergency: 'Before the tests, a few health questions. Most hip pain is safe to work on with exercise. If a sign here applies, it needs help straight away; a tick does not mean something is surely wrong.',
  // "Tick all that apply" below asks it; page 2 is the longest screen before the plan.
  urgent: '',
  parq: '',
};

export const MEANING_BUTTON = 'meaning';

export function safetyPageView(page: ScreenPage, flags: readonly RedFlag[]): View {
  const inputs: ViewInput[] = [
    ...(flags.length > 0
      ? [
          {
            kind: 'select',
            name: 'flags',
            placeholder: 'Tick any that apply',
            options: flags.map((f) => ({ value: f.id, label: f.label })),
            min: 1,
            max: flags.length,
          } as const,
        ]
      : []),
    { kind: 'button', name: 'none', label: 'None of these', style: 'success' },
    { kind: 'button', name: MEANING_BUTTON, label: 'What do these mean?', style: 'secondary' },
    { kind: 'button', name: 'pause', label: 'Pause', style: 'secondary' },
  ];
  return {
    title: TITLES[page],
    body: [OPENING[page], flags.map((f) => `- ${f.label}`).join('\n'), 'Tick all that apply, or press **None of these**.'].filter(Boolean).join('\n\n'),
    inputs,
    privacy: 'private',
    tone: 'warning',
  };
}

/** [What do these mean?]: the full question behind each label on the page, under the same label. */
export function safetyMeaningView(flagIds: readonly string[], library: Library): View {
  const questions = flagIds.map((id) => {
    const flag = library.redFlagById.get(id as RedFlag['id']);
    return flag ? `**${flag.label}**\n${flag.question}` : id;
  });
  return {
    title: 'What these questions mean',
    body: [...questions, 'If you are not sure whether one applies, tick it: I will check with you before anything is saved.'].join('\n\n'),
    inputs: [],
    privacy: 'private',
    tone: 'info',
  };
}
