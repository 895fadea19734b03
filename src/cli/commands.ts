import { z } from 'zod';
import { PATTERN_IDS, PATTERN_LABELS, EQUIPMENT_LABELS } from '../content/ids.js';
import { checkContentDir, formatProblem, getLibrary } from '../content/load.js';
import type { Library } from '../content/library.js';
import { answersSchema, minutesSchema } from '../coaching/assessment-answers.js';
import { isValidLocalDate } from '../coaching/calendar.js';
import { ladderOf } from '../coaching/dosage.js';
import { feedbackFileSchema } from '../coaching/feedback.js';
import { buildPlan } from '../coaching/plan.js';
import { buildSession, type Session } from '../coaching/session.js';
import { planFindingsView, planView } from '../views/plan-screen.js';
import { itemText, referralView } from '../views/plan-view.js';
import { readAnswersFile } from './answers-file.js';
import { CliError } from './errors.js';
import { viewToText } from './render-text.js';
import { checkFigures } from '../figures/validate.js';

/** Each command returns what to print on stdout; main.ts does the printing and exit codes. */

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

export function planCommand(opts: { input: string; json?: boolean }, library: Library = getLibrary()): string {
  const plan = buildPlan(readAnswersFile(opts.input), library);
  if (opts.json) return json(plan);
  // The plan as the person reads it, then the findings behind it (Discord's [Why this plan]).
  return plan.referral ? viewToText(planView(plan, library)) : `${viewToText(planView(plan, library))}\n\n${viewToText(planFindingsView(plan, library))}`;
}

const userIdSchema = z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');

export function parseSessionOptions(opts: { user: string; date: string; minutes?: string }): { user: string; date: string; minutes?: number } {
  const user = userIdSchema.safeParse(opts.user);
  if (!user.success) throw new CliError(`--user: ${user.error.issues[0]!.message}`);
  if (!isValidLocalDate(opts.date)) throw new CliError(`--date: "${opts.date}" is not a calendar date in the form YYYY-MM-DD`);
  if (opts.minutes === undefined) return { user: user.data, date: opts.date };
  const minutes = minutesSchema.safeParse(Number(opts.minutes));
  if (!minutes.success || !/^\d+$/.test(opts.minutes)) {
    throw new CliError(`--minutes: ${minutes.success ? 'must be a whole number' : minutes.error.issues[0]!.message}`);
  }
  return { user: user.data, date: opts.date, minutes: minutes.data };
}

export function sessionText(session: Session, library: Library): string {
  if (session.referral) return viewToText(referralView(session.referral, library));
  const warm = session.warmup.map((w, i) => itemText(w, library, i + 1, false)).join('\n');
  const main = session.items.map((w, i) => itemText(w, library, i + 1, true)).join('\n');
  return [`Session for ${session.userId} on ${session.localDate}: about ${session.estimatedMinutes} of ${session.minutes} minutes`, '', 'Warm-up', warm, '', 'Exercises', main].join('\n');
}

export function sessionCommand(
  opts: { input: string; user: string; date: string; minutes?: string; json?: boolean },
  library: Library = getLibrary(),
): string {
  const answers = readAnswersFile(opts.input);
  const { user, date, minutes } = parseSessionOptions(opts);
  const plan = buildPlan(answers, library);
  const session = buildSession({ plan, userId: user, localDate: date, ...(minutes !== undefined ? { minutes } : {}) }, library);
  return opts.json ? json(session) : sessionText(session, library);
}

export function libraryCommand(opts: { json?: boolean }, library: Library = getLibrary()): string {
  if (opts.json) {
    return json({
      contentVersion: library.version,
      exercises: library.exercises.map((e) => ({
        id: e.id,
        name: e.name,
        pattern: e.pattern,
        patterns: [e.pattern, ...e.secondaryPatterns],
        level: e.level,
        stage: e.stage,
        variantOf: e.variantOf ?? null,
        equipment: e.equipment,
        previous: e.previous,
        next: e.next,
        minutes: e.minutes,
        provocative: e.provocative,
        singleLeg: e.singleLeg,
        default: library.chains[e.pattern].levels[e.level - 1]?.default.id === e.id,
        equivalentTo: e.equivalentTo ?? null,
        ladder: ladderOf(e),
        // Only where set, so the common case stays short: the position gate's tests and an activity's bout.
        ...(e.gatedBy.length > 0 ? { gatedBy: e.gatedBy } : {}),
        ...(e.bout !== undefined ? { bout: e.bout } : {}),
      })),
    });
  }
  const lines = [`HipCoach exercise library ${library.version}: ${library.exercises.length} exercises`];
  for (const pattern of PATTERN_IDS) {
    lines.push('', `${PATTERN_LABELS[pattern]} (${pattern})`);
    for (const level of library.chains[pattern].levels) {
      for (const e of level.options) {
        const gear = e.equipment.map((x) => EQUIPMENT_LABELS[x].toLowerCase()).join(', ');
        lines.push(`  ${e === level.main ? `L${level.level}` : '  '} ${e.name} [${e.id}] - ${level.stage}, ${gear}`);
      }
    }
  }
  return lines.join('\n');
}

const SCHEMAS = { answers: answersSchema, feedback: feedbackFileSchema } as const;

export function schemaCommand(which: string): string {
  if (!(which in SCHEMAS)) throw new CliError(`schema: unknown schema "${which}" (available: ${Object.keys(SCHEMAS).join(', ')})`);
  return json(z.toJSONSchema(SCHEMAS[which as keyof typeof SCHEMAS], { io: 'input', unrepresentable: 'any' }));
}

/** `content check`: exit 0 and a summary when clean, exit 2 with one line per problem otherwise. */
export function contentCheckCommand(opts: { dir?: string }): string {
  const { problems, library } = opts.dir ? checkContentDir(opts.dir) : checkContentDir();
  if (!library) throw new CliError(`the content has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
  const figures = checkFigures(library, opts.dir);
  if (figures.problems.length > 0) throw new CliError(`the content has ${figures.problems.length} problem(s):\n${figures.problems.map(formatProblem).join('\n')}`);
  const noFigure = figures.missing.length > 0 ? `\nno figure yet for: ${figures.missing.join(', ')}` : '';
  return `content ok: ${library.exercises.length} exercises in ${PATTERN_IDS.length} patterns, ${library.battery.tests.length} tests, ${library.redFlags.flags.length} red flags, ${library.troubleshooting.length} troubleshooting topics, ${figures.poses.length} figures (version ${library.version})${noFigure}`;
}
