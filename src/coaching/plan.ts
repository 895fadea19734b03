import { PATTERN_IDS, STAGES, type EquipmentId, type GoalId, type PatternId, type Side, type Stage, type TestId } from '../content/ids.js';
import type { Chain, Library } from '../content/library.js';
import type { Dosage, Exercise } from '../content/schema.js';
import { normaliseEquipment, type Answers, type Baseline } from './assessment-answers.js';
import { scoreAssessment, type Asymmetry, type Finding } from './assessment.js';
import { chooseExercise, levelAt } from './choice.js';
import { ruleOn, type EngineOptions } from './engine-rules.js';
import { computeGates, limitsFor, openLevelAtOrBelow, type Gates } from './gates.js';
import { SESSION_RULES } from './rules.js';
import { reasonOrder, tracksFrom, type Reason, type Track } from './tracks.js';
import { screenRedFlags, type Referral } from './safety.js';

export type { Reason } from './tracks.js';

export interface DosageView extends Dosage {
  text: string;
}

export interface PlanItem {
  exerciseId: string;
  name: string;
  pattern: PatternId;
  level: number;
  stage: Stage;
  side: Side;
  dosage: DosageView;
  minutes: number;
  /** focus: trained at least 3 times a week; foundation: rotated in when time allows. */
  tier: 'focus' | 'foundation';
  reasons: Reason[];
}

export interface Plan {
  referral: Referral | null;
  contentVersion: string;
  minutes: number;
  equipment: EquipmentId[];
  items: PlanItem[];
  findings: Finding[];
  asymmetries: Asymmetry[];
  skippedTests: TestId[];
  baseline: Baseline | null;
  goal: GoalId;
  /** What the assessment unlocks per side; progression and sessions read the same gates. */
  gates: Gates;
}

/** What one bout of an activity block is, from the content (`bout`). */
export type Bout = NonNullable<Exercise['bout']>;

/** "4 min", "90 s": activity lengths read in minutes when they are whole minutes. */
function duration(seconds: number): string {
  return seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

/** An activity block in words (physio review E3): "5 runs of 4 min, 2 min walk between", "run 30 min". */
function formatActivity(d: Dosage, bout: Bout): string {
  const gap = d.restSeconds > 0 ? `, ${duration(d.restSeconds)} ${bout === 'walk' ? 'rest' : bout === 'stride' ? 'walk back' : 'walk'} between` : '';
  if (d.reps !== undefined) return `${d.sets > 1 ? `${d.sets} x ` : ''}${d.reps} ${bout}s${gap}`;
  const length = duration(d.holdSeconds!);
  return d.sets === 1 ? `${bout} ${length}` : `${d.sets} ${bout}s of ${length}${gap}`;
}

export function formatDosage(d: Dosage, bout?: Bout): string {
  if (bout) return formatActivity(d, bout);
  const each = d.perSide ? ' each side' : '';
  const work = d.reps !== undefined ? `${d.sets} x ${d.reps}${each}` : `${d.sets} x ${d.holdSeconds} s hold${each}`;
  return d.restSeconds > 0 ? `${work}, rest ${d.restSeconds} s` : work;
}

/**
 * The one dosage text of plan and session items (physio review E7): an item for one side says so
 * ("right side only") instead of "each side".
 */
export function itemDosageText(d: Dosage, side: Side, bout?: Bout): string {
  return side === 'both' || !d.perSide ? formatDosage(d, bout) : `${formatDosage({ ...d, perSide: false }, bout)}, ${side} side only`;
}

const dosageViews = new WeakMap<Dosage, DosageView>();
const sidedViews = new WeakMap<Dosage, Partial<Record<Side, DosageView>>>();

/** Dosage with its text; cached per content object because plans are built on a hot path. */
export function dosageView(d: Dosage, bout?: Bout): DosageView {
  let view = dosageViews.get(d);
  if (!view) {
    view = { ...d, text: formatDosage(d, bout) };
    dosageViews.set(d, view);
  }
  return view;
}

/** An exercise's written dosage for one side of a plan item (cached per exercise and side). */
export function exerciseDosageView(e: Exercise, side: Side): DosageView {
  if (side === 'both' || !e.dosage.perSide) return dosageView(e.dosage, e.bout);
  let views = sidedViews.get(e.dosage);
  if (!views) sidedViews.set(e.dosage, (views = {}));
  return (views[side] ??= { ...e.dosage, text: itemDosageText(e.dosage, side, e.bout) });
}

/** The lowest level whose stage is at least the target: the gentlest fitting start. */
export function entryLevel(chain: Chain, stage: Stage): number {
  const rank = STAGES.indexOf(stage);
  const hit = chain.levels.find((l) => STAGES.indexOf(l.stage) >= rank);
  return (hit ?? chain.levels[chain.levels.length - 1]!).level;
}

export function clampLevel(chain: Chain, level: number): number {
  return Math.min(Math.max(1, Math.round(level)), chain.levels.length);
}

/** The level's exercise for someone with no limits (kept for callers that have no gates). */
export function pickExercise(chain: Chain, level: number, equipment: readonly EquipmentId[]): Exercise {
  return chooseExercise(levelAt(chain, level), equipment);
}

interface Placed {
  track: Track;
  level: number;
}

function exerciseFor(chain: Chain, level: number, side: Side, ctx: PlanContext): Exercise {
  return chooseExercise(levelAt(chain, level), ctx.equipment, limitsFor(ctx.gates, side), ctx.options);
}

/** `exercise`: already chosen for this level and side (saves choosing twice on the hot path). */
function toItem(track: Track, chain: Chain, level: number, ctx: PlanContext, reasons: Reason[], exercise = exerciseFor(chain, level, track.side, ctx)): PlanItem {
  return {
    exerciseId: exercise.id,
    name: exercise.name,
    pattern: track.pattern,
    level: exercise.level,
    stage: exercise.stage,
    side: track.side,
    dosage: exerciseDosageView(exercise, track.side),
    minutes: exercise.minutes,
    tier: track.focus ? 'focus' : 'foundation',
    reasons,
  };
}

interface PlanContext {
  equipment: readonly EquipmentId[];
  gates: Gates;
  options: EngineOptions | undefined;
}

/** A track's first level: its stage's entry, one lower for a painful pattern in an irritable hip, then the gates. */
function startLevel(track: Track, chain: Chain, ctx: PlanContext): number {
  let level = entryLevel(chain, track.stage);
  if (ctx.gates.irritability === 'high' && track.painful) level = Math.max(1, level - 1);
  return openLevelAtOrBelow(chain, level, { pattern: track.pattern, side: track.side, equipment: ctx.equipment }, ctx.gates, ctx.options);
}

/**
 * Items for one pattern: one per side when the sides start at different levels, merged into one
 * "both" item when they agree or when the exercise trains both legs at once (then the gentler
 * level wins, because it must suit the more sensitive side).
 */
function itemsForPattern(tracks: Track[], chain: Chain, ctx: PlanContext): PlanItem[] {
  const [firstTrack, secondTrack] = tracks;
  if (!firstTrack) return [];
  const first: Placed = { track: firstTrack, level: startLevel(firstTrack, chain, ctx) };
  const firstExercise = exerciseFor(chain, first.level, firstTrack.side, ctx);
  if (!secondTrack) {
    if (!firstExercise.dosage.perSide && firstTrack.side !== 'both') return [toItem({ ...firstTrack, side: 'both' }, chain, first.level, ctx, firstTrack.reasons)];
    return [toItem(firstTrack, chain, first.level, ctx, firstTrack.reasons, firstExercise)];
  }
  const second: Placed = { track: secondTrack, level: startLevel(secondTrack, chain, ctx) };
  // Chosen lazily, as before: only when the levels differ and the first is one-sided.
  let secondExercise: Exercise | undefined;
  if (first.level === second.level || !firstExercise.dosage.perSide || !(secondExercise = exerciseFor(chain, second.level, secondTrack.side, ctx)).dosage.perSide) {
    const a = first.track;
    const b = second.track;
    const merged: Track = {
      ...a,
      side: 'both',
      focus: a.focus || b.focus,
      painful: a.painful || b.painful,
      priority: Math.max(a.priority, b.priority),
      stage: STAGES[Math.min(STAGES.indexOf(a.stage), STAGES.indexOf(b.stage))]!,
    };
    const level = openLevelAtOrBelow(chain, Math.min(first.level, second.level), { pattern: a.pattern, side: 'both', equipment: ctx.equipment }, ctx.gates, ctx.options);
    return [toItem(merged, chain, level, ctx, [...a.reasons, ...b.reasons].sort(reasonOrder))];
  }
  return [toItem(first.track, chain, first.level, ctx, first.track.reasons, firstExercise), toItem(second.track, chain, second.level, ctx, second.track.reasons, secondExercise)];
}

/** Minutes of warm-up a session reserves before exercises. */
export function warmupCount(minutes: number): number {
  return minutes <= 10 ? 1 : 2;
}

/** How many focus items a day needs so each gets at least 3 exposures in any 7 days. */
export function focusPerDay(focusCount: number): number {
  return Math.min(focusCount, Math.ceil((3 * focusCount) / 7));
}

/** Build the plan. Pure: same answers and library -> the same plan, byte for byte. */
export function buildPlan(answers: Answers, library: Library, options?: EngineOptions): Plan {
  const equipment = normaliseEquipment(answers.prefs.equipment);
  const referral = screenRedFlags(answers.redFlags);
  const score = scoreAssessment(answers.tests, library, options);
  const gates = computeGates(answers, library, options);
  const base = {
    referral,
    contentVersion: library.version,
    minutes: answers.prefs.minutes,
    equipment,
    goal: answers.goal,
    gates,
    findings: score.findings,
    asymmetries: score.asymmetries,
    skippedTests: score.skippedTests,
    baseline: answers.baseline ?? null,
  };
  if (referral) return { ...base, items: [], findings: [], asymmetries: [] };

  const ctx: PlanContext = { equipment, gates, options };
  const tracks = tracksFrom(library, score, options);
  const items: PlanItem[] = [];
  const priorities = new Map<PlanItem, number>();
  const byPattern = new Map<PatternId, Track[]>();
  for (const t of tracks) {
    const mine = byPattern.get(t.pattern);
    if (mine) mine.push(t);
    else byPattern.set(t.pattern, [t]);
  }
  for (const pattern of PATTERN_IDS) {
    const mine = byPattern.get(pattern);
    if (!mine) continue;
    let priority = -Infinity;
    for (const t of mine) priority = Math.max(priority, t.priority);
    for (const item of itemsForPattern(mine, library.chains[pattern], ctx)) {
      priorities.set(item, priority);
      items.push(item);
    }
  }
  // Spec v2: short sessions cut sets (session.ts) instead of moving focus patterns out.
  if (!ruleOn(options, 'short-sessions-cut-sets')) fitFocusToMinutes(items, priorities, answers.prefs.minutes, library);
  return { ...base, items: sortItems(items, priorities) };
}

/**
 * Respect the person's minutes: a day must hold enough focus items for each to come round
 * 3 times a week. If it cannot, the least urgent focus items join the foundation rotation.
 */
function fitFocusToMinutes(
  items: PlanItem[],
  priorities: Map<PlanItem, number>,
  minutes: number,
  library: Library,
): void {
  const warmupMinutes = warmupBudget(library, minutes);
  const budget = minutes - warmupMinutes;
  const byUrgency = items
    .filter((i) => i.tier === 'focus')
    .sort((a, b) => priorities.get(b)! - priorities.get(a)! || PATTERN_IDS.indexOf(a.pattern) - PATTERN_IDS.indexOf(b.pattern));
  while (byUrgency.length > 1) {
    const perDay = focusPerDay(byUrgency.length);
    const worstCase = byUrgency
      .map((i) => i.minutes)
      .sort((a, b) => b - a)
      .slice(0, perDay)
      .reduce((a, b) => a + b, 0);
    if (worstCase <= budget) break;
    const demoted = byUrgency.pop()!;
    demoted.tier = 'foundation';
    demoted.reasons.push({
      testId: null,
      side: demoted.side,
      finding: 'time',
      ruleId: SESSION_RULES.demotedForTime.id,
    });
  }
}

const longestWarmup = new WeakMap<Library, number>();

/** Warm-up time reserved from a session: the longest warm-ups, at one set each. */
export function warmupBudget(library: Library, minutes: number): number {
  let perWarmup = longestWarmup.get(library);
  if (perWarmup === undefined) {
    perWarmup = Math.max(...library.warmups.map(warmupMinutes));
    longestWarmup.set(library, perWarmup);
  }
  return warmupCount(minutes) * perWarmup;
}

export function warmupMinutes(e: Exercise): number {
  return Math.max(0.5, Math.round((e.minutes / e.dosage.sets) * 2) / 2);
}

function sortItems(items: PlanItem[], priorities: Map<PlanItem, number>): PlanItem[] {
  const sideOrder: Side[] = ['both', 'left', 'right'];
  return [...items].sort(
    (a, b) =>
      (a.tier === b.tier ? 0 : a.tier === 'focus' ? -1 : 1) ||
      priorities.get(b)! - priorities.get(a)! ||
      PATTERN_IDS.indexOf(a.pattern) - PATTERN_IDS.indexOf(b.pattern) ||
      sideOrder.indexOf(a.side) - sideOrder.indexOf(b.side),
  );
}
