import type { Session } from '../coaching/session.js';
import type { FeedbackDraft } from '../db/schema.js';
import type { View, ViewInput } from '../views/view.js';
import { applyFeedbackInput, completeFeedback, completeMorning, feedbackView, morningView, NONE, type CompleteFeedback } from '../views/workout-view.js';
import { askUntil, type ConsoleIO } from './console-io.js';

/**
 * The feedback and morning-check screens in the terminal: the same views and the same answer
 * parsing as Discord (`applyFeedbackInput`), asked one question at a time. The app call that
 * decides (`recordFeedback`, `recordMorningCheck`) is the caller's, as in the Discord handler.
 */

type Select = Extract<ViewInput, { kind: 'select' }>;

const selectOf = (view: View, name: string) => view.inputs.find((i): i is Select => i.kind === 'select' && i.name === name);

/** One answer through the shared parser; a problem is printed and asked again. */
async function ask(io: ConsoleIO, prompt: string, draft: FeedbackDraft, toInput: (line: string) => { name: string; values: string[] } | undefined, exercises: string[] = []): Promise<FeedbackDraft> {
  return askUntil(io, prompt, (line) => {
    const input = toInput(line.trim());
    if (!input) return { error: 'Please choose one of the numbers shown.' };
    return applyFeedbackInput(draft, input.name, input.values, exercises);
  });
}

/** A choice Discord shows as buttons (effort, form, how the hip feels), asked as a numbered list. */
async function askChoice(io: ConsoleIO, view: View, question: 'effort' | 'form' | 'feel', title: string, draft: FeedbackDraft): Promise<FeedbackDraft> {
  const options = selectOf(view, question)!.options;
  const menu = options.map((o, i) => `${i + 1} ${o.label}`).join(', ');
  return ask(io, `${title} ${menu}:`, draft, (line) => {
    const o = options[Number(line) - 1];
    return /^\d+$/.test(line) && o ? { name: question, values: [o.value] } : undefined;
  });
}

export async function askFeedback(io: ConsoleIO, session: Session, names: ReadonlyMap<string, string>, show: (v: View) => void): Promise<CompleteFeedback> {
  let draft: FeedbackDraft = {};
  const view = () => feedbackView(session, draft, names);
  show(view());
  draft = await askChoice(io, view(), 'effort', 'How hard was it?', draft);
  draft = await askChoice(io, view(), 'form', 'And your form?', draft);
  const hurt = selectOf(view(), 'hurt')!;
  const exercises = hurt.options.filter((o) => o.value !== NONE);
  const menu = exercises.map((o, i) => `    ${i + 1} ${o.label}`).join('\n');
  draft = await ask(
    io,
    `${hurt.placeholder} Type their numbers (e.g. 1,3), or Enter for none:\n${menu}\n `,
    draft,
    (line) => {
      if (line === '' || line.toLowerCase() === NONE) return { name: 'hurt', values: [NONE] };
      const picks = line.split(/[\s,]+/).map((n) => exercises[Number(n) - 1]?.value);
      return picks.every((p) => p !== undefined) ? { name: 'hurt', values: picks } : undefined;
    },
    exercises.map((o) => o.value),
  );
  if ((draft.hurt ?? []).length > 0) {
    draft = await ask(io, `${selectOf(view(), 'hurtpain')!.placeholder}:`, draft, (line) => ({ name: 'hurtpain', values: [line] }));
  }
  // Every question above was answered through the shared parser, so the draft is complete.
  return completeFeedback(draft)!;
}

export async function askMorning(io: ConsoleIO, date: string, show: (v: View) => void): Promise<{ feel: 'better' | 'same' | 'worse'; pain?: number }> {
  let draft: FeedbackDraft = {};
  show(morningView(date, draft));
  draft = await askChoice(io, morningView(date, draft), 'feel', 'Your hip this morning:', draft);
  if (draft.feel === 'worse') draft = await ask(io, 'Hip pain right now, 0-10:', draft, (line) => ({ name: 'mpain', values: [line] }));
  return completeMorning(draft)!;
}
