import { dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { GOAL_IDS } from '../content/ids.js';
import { getLibrary } from '../content/load.js';
import { Coach } from '../app/coach.js';
import { systemTimeZone, type Clock } from '../app/time.js';
import { openDatabase } from '../db/connection.js';
import { parseAssessmentInput, parsePsfsForm } from '../flows/assessment-input.js';
import { testOfStep, type AssessmentAction } from '../flows/assessment-state.js';
import { howToView } from '../views/test-screen.js';
import { welcomeView, DECLINED_TEXT } from '../views/onboarding.js';
import { clearanceView, CLEARANCE_QUESTION, NOT_CLEARED } from '../views/clearance-view.js';
import { completionView } from '../views/completion-view.js';
import { goalWords, planView } from '../views/plan-screen.js';
import { referralView, sessionView } from '../views/plan-view.js';
import type { View, ViewInput } from '../views/view.js';
import { decisionsView, exerciseNames } from '../views/workout-view.js';
import { checksDoneView, withChecksOffer } from '../views/daily-view.js';
import type { OpenAssessment } from '../app/coach.js';
import { askFeedback, askMorning } from './workout-questions.js';
import { askSelects } from './ask-view.js';
import { askSetup } from './setup-prompts.js';
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
  /** Open the settings menu (minutes, equipment, goal) before carrying on. */
  settings?: boolean;
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
    // The computer's own zone is the likely answer, so the time-zone screen opens on it.
    if (coach.person(person.id).timezone === 'UTC') coach.updateSettings(person.id, { timezone: systemTimeZone() });
    await askSetup(coach, io, person.id, opts.clock, show);
    person = coach.person(person.id);
  } else {
    io.print(`Welcome back. (${person.minutes} minutes a day; timezone ${person.timezone}; goal: ${goalWords(coach.goalOf(person.id))}.)`);
    io.print('');
    if (opts.settings) await settingsMenu(coach, io, person.id, opts.clock, show);
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
    const { feel, pain } = await askMorning(io, pending.localDate, show);
    const result = coach.recordMorningCheck(person.id, feel, pain);
    if (result) show(decisionsView(result, 'Morning check saved'));
  }

  const today = coach.todaysWorkout(person.id);
  if ('kind' in today) {
    if (today.kind === 'referral') show(referralView(today.referral, coach.library));
    return;
  }
  if (today.workout.status !== 'planned') {
    show(sessionView(today.session, coach.library));
    io.print(`You already logged today's workout (${today.workout.status}). See you tomorrow.`);
    return;
  }
  // While deferred checks remain, the day offers the next ones (the daily DM's [Do 2 checks]).
  const offer = coach.daily.checksOffer(person.id);
  show(withChecksOffer(sessionView(today.session, coach.library), offer));
  if (offer && (await askYesNo(io, `Do the ${offer.tests.length === 1 ? 'check' : `${offer.tests.length} checks`} now, before the workout? (yes/no):`))) {
    const opened = coach.startChecks(person.id);
    if (opened.kind === 'open') await walkAssessment(coach, io, person.id, show, opened);
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
  const feedback = await askFeedback(io, today.session, exerciseNames(today.session, coach.library), show);
  const outcome = coach.recordFeedback(person.id, today.workout.id, feedback);
  if (outcome.kind === 'recorded') show(decisionsView(outcome.result, 'Feedback saved'));
  io.print('Well done. See you tomorrow.');
}

/** `npm run try -- --settings`: change time zone, message time, minutes and equipment, or the goal (the goal rebuilds the plan, keeping levels). */
async function settingsMenu(coach: Coach, io: ConsoleIO, personId: string, clock: Clock, show: (v: View) => void): Promise<void> {
  for (;;) {
    const choice = await askChoice(io, 'Settings: 1 time, minutes and equipment, 2 goal, 3 carry on:', ['setup', 'goal', 'on'] as const);
    if (choice === 'on') return;
    if (choice === 'setup') {
      await askSetup(coach, io, personId, clock, show);
      continue;
    }
    io.print(`Goals: ${GOAL_IDS.map((g, i) => `${i + 1} ${goalWords(g)}`).join(', ')}.`);
    const goal = await askChoice(io, `Your goal (now ${goalWords(coach.goalOf(personId))}):`, GOAL_IDS);
    const result = coach.setGoal(personId, goal);
    io.print(result.ok ? result.message : result.error);
    io.print('');
  }
}

/** Drives the assessment step by step. Returns true once a plan exists. */
async function runAssessment(coach: Coach, io: ConsoleIO, personId: string, show: (v: View) => void): Promise<boolean> {
  const opened = coach.openAssessment(personId);
  if (opened.kind !== 'open') {
    if (opened.kind === 'referral') show(referralView(opened.referral, coach.library));
    return false;
  }
  return walkAssessment(coach, io, personId, show, opened);
}

/** Walks an opened assessment (a full one or a checks sitting) to its end. Returns true once a plan exists. */
async function walkAssessment(coach: Coach, io: ConsoleIO, personId: string, show: (v: View) => void, opened: Extract<OpenAssessment, { kind: 'open' }>): Promise<boolean> {
  if (opened.resumed) io.print('Picking up your assessment where you left it.\n');
  else if (opened.assessment.draft.checksOnly) io.print('\nAt any question: b = back, s = skip this test, p = pause and save.\n');
  else {
    io.print(viewToText({ title: 'Your assessment', body: coach.library.battery.intro + '\n\n' + coach.library.battery.painScale, inputs: [], privacy: 'private', tone: 'info' }, io.color));
    io.print('\nAt any question: b = back, s = skip this test, p = pause and save.\n');
  }
  let view = opened.view;
  let step = opened.assessment.step;
  // The answer to the red-flag check ("That's right" / "by mistake"), acted on without asking again.
  let checked: AssessmentAction | null = null;
  let shownHow: string | null = null;
  for (;;) {
    // The console has no buttons: a test's details and figure (Discord's How to do it) come first.
    const testId = testOfStep(step);
    if (!checked && testId && shownHow !== testId) show(howToView(coach.library, testId));
    shownHow = testId;
    if (!checked) show(view);
    const action = checked ?? await nextAction(io, view, step, (name, values) => {
      // Select answers are applied one at a time so dependent questions (pain place) appear.
      const parsed = parseAssessmentInput(name, values);
      if (!parsed.ok) return { error: parsed.error };
      const r = coach.act(personId, parsed.action);
      if (r.kind !== 'continue') return { error: 'That answer could not be saved; please try again.' };
      if (r.view.notice) return { error: r.view.notice };
      view = r.view;
      return { view: r.view };
    });
    checked = null;
    const result = coach.act(personId, action);
    switch (result.kind) {
      case 'confirm_flags': {
        show(result.view);
        const right = await askChoice(io, "1 that's right, 2 I ticked this by mistake:", ['right', 'mistake'] as const);
        checked = right === 'right' ? { type: 'screen', flags: result.flags, confirmed: true } : { type: 'untick' };
        break;
      }
      case 'no_assessment':
        return false;
      case 'paused':
        io.print(PAUSED_TEXT);
        return false;
      case 'referral':
        show(referralView(result.referral, coach.library));
        return false;
      case 'complete':
        if (result.checks) {
          show(checksDoneView(result.checks));
          return true;
        }
        // The same results screen as Discord; here the plan follows right below and today's workout after it.
        show(completionView(result.plan, result.comparison, coach.library, { next: "Your plan is just below, then today's workout." }));
        show(planView(result.plan, coach.library, [], result.comparison));
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
