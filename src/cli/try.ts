import { dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { z } from 'zod';
import { EQUIPMENT_IDS, EQUIPMENT_LABELS, type EquipmentId } from '../content/ids.js';
import type { FeedbackDraft } from '../db/schema.js';
import { getLibrary } from '../content/load.js';
import { DEFAULT_MINUTES } from '../coaching/assessment-answers.js';
import { parseEquipmentPick, parseSettingsPatch } from '../app/settings-input.js';
import { Coach } from '../app/coach.js';
import { systemTimeZone, type Clock } from '../app/time.js';
import { openDatabase } from '../db/connection.js';
import { parseAssessmentInput, parsePsfsForm } from '../flows/assessment-input.js';
import { testOfStep, type AssessmentAction } from '../flows/assessment-state.js';
import { howToView } from '../views/test-screen.js';
import { welcomeView, DECLINED_TEXT } from '../views/onboarding.js';
import { clearanceView, CLEARANCE_QUESTION, NOT_CLEARED } from '../views/clearance-view.js';
import { completionView } from '../views/completion-view.js';
import { decisionsView, planView, referralView, sessionView } from '../views/plan-view.js';
import type { View, ViewInput } from '../views/view.js';
import { applyFeedbackInput, feedbackSchema, feedbackView, morningSchema, morningView } from '../views/workout-view.js';
import { askSelects } from './ask-view.js';
import { askRequired, askUntil, ConsoleIO, InputEnded } from './console-io.js';
import { figureFile } from '../figures/index.js';
import { viewToText } from './render-text.js';

export interface TryOptions {
  dbPath: string;
  personId: string;
  input: Readable;
  output: Writable;
  clock: Clock;
  color: boolean;
}

const PAUSED_TEXT = 'Paused and saved. Run `npm run try` again to carry on from this exact step.';

/**
 * The console coach: the same flows and the same database code as the bot, rendered as text.
 * Every answer is saved as it is given, so stopping at any point (or input ending) loses nothing.
 */
export async function runTry(opts: TryOptions): Promise<void> {
  const handle = openDatabase(opts.dbPath);
  const io = new ConsoleIO(opts.input, opts.output, opts.color);
  const coach = new Coach({ db: handle.db, library: getLibrary(), clock: opts.clock });
  try {
    await converse(coach, io, opts);
  } catch (error) {
    if (!(error instanceof InputEnded)) throw error;
    io.print('');
    io.print(PAUSED_TEXT);
  } finally {
    handle.close();
  }
}

async function converse(coach: Coach, io: ConsoleIO, opts: TryOptions): Promise<void> {
  // Figures go next to the database (data/figures/ by default), so a person can open the PNG.
  const figuresDir = join(dirname(opts.dbPath), 'figures');
  const show = (view: View) => {
    io.print(viewToText(view, io.color));
    const figure = view.figureId ? figureFile(view.figureId, figuresDir) : undefined;
    if (figure) io.print(`Picture: ${figure}`);
    io.print('');
  };
  let person = coach.ensurePerson(opts.personId);
  if (!person.consentAt) {
    show(welcomeView('console'));
    const yes = await askYesNo(io, 'Type yes to agree, or no to stop:');
    if (!yes) {
      io.print(DECLINED_TEXT);
      return;
    }
    coach.consent(person.id);
    await askSettings(coach, io, person.id);
    person = coach.person(person.id);
  } else {
    io.print(`Welcome back. (${person.minutes} minutes a day; timezone ${person.timezone}.)`);
    io.print('');
  }

  const referral = coach.referral(person.id);
  if (referral) {
    show(referralView(referral, coach.library));
    const cleared = await askYesNo(io, `${CLEARANCE_QUESTION} (yes/no):`);
    if (!cleared) {
      io.print(NOT_CLEARED);
      return;
    }
    show(clearanceView(coach.clearedByClinician(person.id), coach.library));
  }

  if (!coach.activePlan(person.id)) {
    const finished = await runAssessment(coach, io, person.id, show);
    if (!finished) return;
  }

  const pending = coach.morningCheckDue(person.id, coach.localDate(coach.person(person.id)));
  if (pending) {
    io.print(`Good morning. Last time (${pending.localDate}) you trained; a quick check before today.`);
    const { feel, pain } = await askWorkoutQuestions(io, (d) => morningView(pending.localDate, d), morningSchema, show);
    const result = coach.recordMorningCheck(person.id, feel, pain);
    if (result) show(decisionsView(result, coach.library, 'Morning check saved'));
  }

  const today = coach.todaysWorkout(person.id);
  if ('kind' in today) {
    if (today.kind === 'referral') show(referralView(today.referral, coach.library));
    return;
  }
  show(sessionView(today.session, coach.library));
  if (today.workout.status !== 'planned') {
    io.print(`You already logged today's workout (${today.workout.status}). See you tomorrow.`);
    return;
  }
  const choice = await askChoice(io, 'Did you do it? 1 done, 2 skip today, 3 later:', ['done', 'skip', 'later'] as const);
  if (choice === 'later') {
    io.print('It will be here when you are ready. Run `npm run try` again.');
    return;
  }
  if (choice === 'skip') {
    coach.skipWorkout(person.id, today.workout.id);
    io.print('Skipped for today. Rest is part of training too; see you tomorrow.');
    return;
  }
  const feedback = await askWorkoutQuestions(io, (d) => feedbackView(d), feedbackSchema, show);
  const outcome = coach.recordFeedback(person.id, today.workout.id, feedback);
  if (outcome.kind === 'recorded') show(decisionsView(outcome.result, coach.library));
  io.print('Well done. See you tomorrow.');
}

async function askSettings(coach: Coach, io: ConsoleIO, personId: string): Promise<void> {
  const minutes = await askUntil(io, `How many minutes a day can you give it? (10-60, Enter for ${DEFAULT_MINUTES}):`, (line) => {
    if (line === '') return DEFAULT_MINUTES;
    const parsed = parseSettingsPatch({ minutes: Number(line) });
    return parsed.ok && parsed.patch.minutes !== undefined && /^\d+$/.test(line) ? parsed.patch.minutes : { error: 'Please give a whole number of minutes from 10 to 60.' };
  });
  const options = EQUIPMENT_IDS.filter((e) => e !== 'none');
  io.print(`Equipment you have: ${options.map((e, i) => `${i + 1} ${EQUIPMENT_LABELS[e].toLowerCase()}`).join(', ')}.`);
  const equipment = await askUntil(io, 'Type the numbers you have (e.g. 1,3), or Enter for none:', (line): EquipmentId[] | { error: string } => {
    if (line === '' || line.toLowerCase() === 'none') return ['none'];
    const picked = parseEquipmentPick(line.split(/[\s,]+/).filter(Boolean).map((n) => options[Number(n) - 1]));
    return picked ?? { error: `Please use numbers from 1 to ${options.length}, separated by commas.` };
  });
  coach.updateSettings(personId, { minutes, equipment, timezone: systemTimeZone() });
  io.print('');
}

/** Drives the assessment step by step. Returns true once a plan exists. */
async function runAssessment(coach: Coach, io: ConsoleIO, personId: string, show: (v: View) => void): Promise<boolean> {
  const opened = coach.openAssessment(personId);
  if (opened.kind !== 'open') {
    if (opened.kind === 'referral') show(referralView(opened.referral, coach.library));
    return false;
  }
  if (opened.resumed) io.print('Picking up your assessment where you left it.\n');
  else {
    io.print(viewToText({ title: 'Your assessment', body: coach.library.battery.intro + '\n\n' + coach.library.battery.painScale, inputs: [], privacy: 'private', tone: 'info' }, io.color));
    io.print('\nAt any question: b = back, s = skip this test, p = pause and save.\n');
  }
  let view = opened.view;
  let step = opened.assessment.step;
  let shownHow: string | null = null;
  for (;;) {
    // The console has no buttons: a test's details and figure (Discord's How to do it) come first.
    const testId = testOfStep(step);
    if (testId && shownHow !== testId) show(howToView(coach.library, testId));
    shownHow = testId;
    show(view);
    const action = await nextAction(io, view, step, (name, values) => {
      // Select answers are applied one at a time so dependent questions (pain place) appear.
      const parsed = parseAssessmentInput(name, values);
      if (!parsed.ok) return { error: parsed.error };
      const r = coach.act(personId, parsed.action);
      if (r.kind !== 'continue') return { error: 'That answer could not be saved; please try again.' };
      if (r.view.notice) return { error: r.view.notice };
      view = r.view;
      return { view: r.view };
    });
    const result = coach.act(personId, action);
    switch (result.kind) {
      case 'no_assessment':
        return false;
      case 'paused':
        io.print(PAUSED_TEXT);
        return false;
      case 'referral':
        show(referralView(result.referral, coach.library));
        return false;
      case 'complete':
        show(completionView(result.plan, result.comparison, coach.library));
        show(planView(result.plan, coach.library));
        return true;
      case 'continue':
        view = result.view;
        step = result.assessment.step;
    }
  }
}

type Apply = (name: string, values: string[]) => { error: string } | { view: View };

/** Asks every question on the current view, then returns the action that moves on. */
async function nextAction(io: ConsoleIO, initial: View, step: string, apply: Apply): Promise<AssessmentAction | { type: 'pause' }> {
  const command = (line: string): AssessmentAction | { type: 'pause' } | null => {
    const c = line.toLowerCase();
    if (c === 'p' || c === 'pause') return { type: 'pause' };
    if (c === 'b' || c === 'back') return { type: 'back' };
    if ((c === 's' || c === 'skip') && (testOfStep(step as never) !== null || step === 'baseline:psfs')) return { type: 'skip' };
    return null;
  };
  if (step.startsWith('screen:')) {
    const select = initial.inputs.find((i): i is Extract<ViewInput, { kind: 'select' }> => i.kind === 'select')!;
    for (;;) {
      const line = await askRequired(io, `Type the numbers that apply (e.g. 2 or 1,3), or "none" (p = pause):`);
      const c = line.toLowerCase();
      if (c === 'p' || c === 'pause') return { type: 'pause' };
      if (c === 'none' || c === 'n' || c === '0') return { type: 'screen', flags: [] };
      const nums = line.split(/[\s,]+/).filter(Boolean).map(Number);
      const picked = nums.map((n) => select.options[n - 1]?.value);
      if (nums.length > 0 && picked.every((v): v is string => v !== undefined)) {
        const parsed = parseAssessmentInput('flags', picked);
        if (parsed.ok) return parsed.action;
      }
      io.print(`  Please type numbers from 1 to ${select.options.length}, or "none".`);
    }
  }
  if (step === 'review') {
    const line = await askRequired(io, 'Press Enter to build your plan (b = back):');
    return command(line) ?? { type: 'finish' };
  }
  if (step === 'baseline:psfs') {
    const lines: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const line = await askRequired(io, `Activity ${i} and its score, e.g. "climbing stairs: 5"${i > 1 ? ' (Enter to finish)' : ' (s = skip)'}:`);
      const c = command(line);
      if (c) return c;
      if (line === '') break;
      const check = parsePsfsForm([line]);
      if (!check.ok) {
        io.print(`  ${check.error}`);
        i--;
        continue;
      }
      lines.push(line);
    }
    const parsed = parsePsfsForm(lines);
    return parsed.ok && parsed.action.type === 'psfs' ? parsed.action : { type: 'skip' };
  }
  // Test and baseline steps: every select in order, re-reading the view after each answer.
  return (await askSelects(io, initial, (name, value) => apply(name, [value]), command)) ?? { type: 'next' };
}

/** Asks a workout screen's questions (the menus Discord shows) and returns the completed answers. */
async function askWorkoutQuestions<T>(io: ConsoleIO, viewOf: (draft: FeedbackDraft) => View, schema: z.ZodType<T>, show: (v: View) => void): Promise<T> {
  let draft: FeedbackDraft = {};
  show(viewOf(draft));
  await askSelects(io, viewOf(draft), (name, value) => {
    const next = applyFeedbackInput(draft, name, value);
    if ('error' in next) return next;
    draft = next;
    return { view: viewOf(draft) };
  });
  // Every menu has been answered and checked one by one, so the whole draft parses.
  return schema.parse(draft);
}

async function askYesNo(io: ConsoleIO, prompt: string): Promise<boolean> {
  return askUntil(io, prompt, (line) => {
    const c = line.toLowerCase();
    if (['y', 'yes'].includes(c)) return true;
    if (['n', 'no'].includes(c)) return false;
    return { error: 'Please type yes or no.' };
  });
}

async function askChoice<T extends string>(io: ConsoleIO, prompt: string, choices: readonly T[]): Promise<T> {
  return askUntil(io, prompt, (line) => {
    const byNumber = choices[Number(line) - 1];
    const byName = choices.find((c) => c === line.toLowerCase());
    const picked = /^\d+$/.test(line) ? byNumber : byName;
    return picked ?? { error: `Please choose 1-${choices.length}.` };
  });
}
