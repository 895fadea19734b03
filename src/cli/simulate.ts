import { PATTERN_IDS, PATTERN_LABELS } from '../content/ids.js';
import { getLibrary } from '../content/load.js';
import type { Library } from '../content/library.js';
import { minutesSchema } from '../coaching/assessment-answers.js';
import { addDays, isValidLocalDate } from '../coaching/calendar.js';
import { ENGINE_RULE_IDS, isEngineRuleId, type EngineRuleId } from '../coaching/engine-rules.js';
import { feedbackFileSchema } from '../coaching/feedback.js';
import { simulate, type SimulatedDay } from '../coaching/simulate.js';
import { readAnswersFile, readJsonFile } from './answers-file.js';
import { CliError } from './errors.js';

export interface SimulateOptions {
  input: string;
  start: string;
  days?: string;
  minutes?: string;
  feedback?: string;
  json?: boolean;
  /** Rule ids to switch off (comma-separated), for reviewing what each rule does. */
  without?: string;
}

const MAX_DAYS = 366;

function parseWhole(flag: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new CliError(`${flag}: must be a whole number from ${min} to ${max}`);
  return Number(value);
}

/** `hipcoach simulate`: the CLI wrapper of the pure simulation (src/coaching/simulate.ts). */
export function simulateCommand(opts: SimulateOptions, library: Library = getLibrary()): string {
  if (!isValidLocalDate(opts.start)) throw new CliError(`--start: "${opts.start}" is not a calendar date in the form YYYY-MM-DD`);
  const days = opts.days === undefined ? 28 : parseWhole('--days', opts.days, 1, MAX_DAYS);
  let minutes: number | undefined;
  if (opts.minutes !== undefined) {
    const parsed = minutesSchema.safeParse(Number(opts.minutes));
    if (!parsed.success || !/^\d+$/.test(opts.minutes)) throw new CliError(`--minutes: ${parsed.success ? 'must be a whole number' : parsed.error.issues[0]!.message}`);
    minutes = parsed.data;
  }
  const without: EngineRuleId[] = [];
  for (const id of (opts.without ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
    if (!isEngineRuleId(id)) throw new CliError(`--without: unknown rule "${id}" (rules: ${ENGINE_RULE_IDS.join(', ')})`);
    without.push(id);
  }
  const answers = readAnswersFile(opts.input);
  const feedback = opts.feedback === undefined ? undefined : readJsonFile(opts.feedback, feedbackFileSchema);
  const result = simulate(
    { answers, start: opts.start, days, ...(minutes !== undefined ? { minutes } : {}), ...(feedback ? { feedback } : {}), ...(without.length ? { options: { without } } : {}) },
    library,
  );
  return opts.json ? JSON.stringify(result, null, 2) : simulateTable(result.days);
}

/** A readable table: one row per day, the level of every pattern and side, and what changed. */
export function simulateTable(days: readonly SimulatedDay[]): string {
  const columns = PATTERN_IDS.flatMap((p) => {
    const sides = new Set(days.flatMap((d) => Object.keys(d.levels[p] ?? {})));
    return [...sides].sort().map((side) => ({ p, side, head: `${PATTERN_LABELS[p].slice(0, 10)}${side === 'both' ? '' : side === 'left' ? ' L' : ' R'}` }));
  });
  const lines = [`Simulated ${days.length} days from ${days[0]?.date ?? '-'} (level.rung per pattern; * = changed that day)`, ''];
  lines.push(['date      ', 'items', ...columns.map((c) => c.head.padEnd(12))].join(' '));
  for (const d of days) {
    const cells = columns.map((c) => {
      const level = (d.levels[c.p] as Record<string, number> | undefined)?.[c.side];
      const rung = (d.rungs[c.p] as Record<string, number> | undefined)?.[c.side];
      const moved = d.decisions.some((x) => x.pattern === c.p && x.side === c.side && (x.from !== x.to || x.fromRung !== x.toRung));
      return (level === undefined ? '-' : `${level}.${rung ?? 0}${moved ? '*' : ''}`).padEnd(12);
    });
    lines.push([d.date, String(d.session.items.length).padEnd(5), ...cells].join(' '));
    for (const n of d.nudges) lines.push(`           nudge: ${n.kind} for ${PATTERN_LABELS[n.pattern]} (${n.side})`);
  }
  const last = days.at(-1);
  if (last) lines.push('', `Next day: ${addDays(last.date, 1)}`);
  return lines.join('\n');
}
