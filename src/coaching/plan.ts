import {
  GOAL_PATTERNS,
  PATTERN_IDS,
  SIDES,
  STAGES,
  TEST_IDS,
  WHOLE_BODY_PATTERNS,
  type EquipmentId,
  type PatternId,
  type Side,
  type Stage,
  type TestId,
} from '../content/ids.js';
import type { Chain, Library } from '../content/library.js';
import type { Dosage, Exercise } from '../content/schema.js';
import { normaliseEquipment, type Answers, type Baseline } from './assessment-answers.js';
import { scoreAssessment, SEVERITIES, type Asymmetry, type Finding, type Severity } from './assessment.js';
import { KEEP_RULES, SESSION_RULES, START_RULES } from './rules.js';
import { screenRedFlags, type Referral } from './safety.js';

export interface Reason {
  /** null when the reason is a rule about the pattern itself (e.g. trunk is always trained). */
  testId: TestId | null;
  side: Side;
  /** `<dimension>_<severity>` (e.g. `pain_moderate`), or `no_finding`, `not_tested`, `time`. */
  finding: string;
  ruleId: string;
}

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
}

export function formatDosage(d: Dosage): string {
  const each = d.perSide ? ' each side' : '';
  const work = d.reps !== undefined ? `${d.sets} x ${d.reps}${each}` : `${d.sets} x ${d.holdSeconds} s hold${each}`;
  return d.restSeconds > 0 ? `${work}, rest ${d.restSeconds} s` : work;
}

const dosageViews = new WeakMap<Dosage, DosageView>();

/** Dosage with its text; cached per content object because plans are built on a hot path. */
export function dosageView(d: Dosage): DosageView {
  let view = dosageViews.get(d);
  if (!view) {
    view = { ...d, text: formatDosage(d) };
    dosageViews.set(d, view);
  }
  return view;
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

/**
 * The exercise for a chain level and the person's equipment. Options that use equipment the
 * person has are preferred (they chose to own it); then the chain's main exercise. Content checks
 * guarantee every level has a no-equipment option, so this always finds one.
 */
export function pickExercise(chain: Chain, level: number, equipment: readonly EquipmentId[]): Exercise {
  const rung = chain.levels[clampLevel(chain, level) - 1]!;
  let fallback: Exercise | undefined;
  for (const option of rung.options) {
    if (!option.equipment.every((e) => e === 'none' || equipment.includes(e))) continue;
    if (option.equipment[0] !== 'none') return option;
    fallback ??= option;
  }
  if (!fallback) throw new Error(`no option fits level ${level} of ${chain.pattern}: content check missed it`);
  return fallback;
}

/** Reasons are ids only; person-facing wording is rendered from them (flows/plan-view.ts). */
function findingReason(f: Finding, ruleId: string): Reason {
  return { testId: f.testId, side: f.side, finding: `${f.dimension}_${f.severity}`, ruleId };
}

const START_RULE_BY_FINDING = new Map(START_RULES.map((r) => [`${r.dimension}_${r.severity}`, r]));
const RULE_STAGE = new Map<string, number>(START_RULES.map((r) => [r.id, STAGES.indexOf(r.stage)]));

/**
 * The deciding reason first: the rule with the gentlest start, then the more serious finding
 * (pain before range, strength and control; severe before mild), then spec order.
 */
function reasonOrder(a: Reason, b: Reason): number {
  const rank = (r: Reason) => {
    const [dimension, severity] = r.finding.split('_') as [string, Severity];
    return (DIMENSION_PRIORITY[dimension] ?? 0) * 10 + SEVERITIES.indexOf(severity);
  };
  return (
    (RULE_STAGE.get(a.ruleId) ?? STAGES.length) - (RULE_STAGE.get(b.ruleId) ?? STAGES.length) ||
    rank(b) - rank(a) ||
    TEST_IDS.indexOf(a.testId ?? TEST_IDS[0]) - TEST_IDS.indexOf(b.testId ?? TEST_IDS[0]) ||
    a.side.localeCompare(b.side)
  );
}

interface Track {
  pattern: PatternId;
  side: Side;
  stage: Stage;
  focus: boolean;
  /** Higher is more urgent; orders focus items and decides which to keep when time is short. */
  priority: number;
  reasons: Reason[];
}

const DIMENSION_PRIORITY: Record<string, number> = { pain: 3, range: 2, strength: 2, control: 2 };

function findingPriority(f: Finding): number {
  return DIMENSION_PRIORITY[f.dimension]! * 10 + SEVERITIES.indexOf(f.severity) * 3 + (f.weight === 'primary' ? 1 : 0);
}

const primaryTestsCache = new WeakMap<Library, Map<PatternId, TestId[]>>();

/** The tests that measure a pattern directly, in spec order (cached per library). */
function primaryTestsOf(library: Library, pattern: PatternId): TestId[] {
  let byPattern = primaryTestsCache.get(library);
  if (!byPattern) {
    byPattern = new Map(
      PATTERN_IDS.map((p) => [p, library.battery.tests.filter((t) => t.informs.some((i) => i.pattern === p && i.weight === 'primary')).map((t) => t.id)]),
    );
    primaryTestsCache.set(library, byPattern);
  }
  return byPattern.get(pattern) ?? [];
}

/** One track per pattern and side that needs work, each with the rule that set its start. */
function tracksFrom(answers: Answers, library: Library, score: ReturnType<typeof scoreAssessment>): Track[] {
  const tracks: Track[] = [];
  for (const pattern of PATTERN_IDS) {
    // Goal patterns (impact) are opened by goal rules, not by the assessment.
    if (GOAL_PATTERNS.includes(pattern)) continue;
    const sides: Side[] = score.sidedness[pattern] === 'each' ? [...SIDES] : ['both'];
    for (const side of sides) {
      const findings = score.findings.filter((f) => f.pattern === pattern && f.side === side);
      if (findings.length > 0) {
        const matched = findings.map((f) => {
          const rule = START_RULE_BY_FINDING.get(`${f.dimension}_${f.severity}`);
          if (!rule) throw new Error(`no start rule for ${f.dimension}/${f.severity}`);
          return { f, rule };
        });
        const stage = STAGES[Math.min(...matched.map((m) => STAGES.indexOf(m.rule.stage)))]!;
        tracks.push({
          pattern,
          side,
          stage,
          focus: true,
          priority: Math.max(...matched.map((m) => findingPriority(m.f))),
          reasons: matched.map((m) => findingReason(m.f, m.rule.id)).sort(reasonOrder),
        });
        continue;
      }
      const wasTested = score.tested[pattern][side] === true;
      const keep = WHOLE_BODY_PATTERNS.includes(pattern)
        ? KEEP_RULES.wholeBodyLoading
        : pattern === 'trunk'
          ? KEEP_RULES.trunk
          : null;
      const primaryTests = primaryTestsOf(library, pattern);
      if (!wasTested && primaryTests.length > 0) {
        const skipped = primaryTests.find((t) => score.skippedTests.includes(t));
        tracks.push({
          pattern,
          side,
          stage: KEEP_RULES.notTested.stage,
          focus: false,
          priority: 1,
          reasons: [
            {
              testId: skipped ?? null,
              side,
              finding: 'not_tested',
              ruleId: KEEP_RULES.notTested.id,
            },
          ],
        });
      } else if (keep) {
        tracks.push({
          pattern,
          side,
          stage: keep.stage,
          focus: false,
          priority: 0,
          reasons: [
            {
              testId: primaryTests[0] ?? null,
              side,
              finding: 'no_finding',
              ruleId: keep.id,
            },
          ],
        });
      }
    }
  }
  return tracks;
}

function toItem(track: Track, chain: Chain, level: number, equipment: readonly EquipmentId[], reasons: Reason[]): PlanItem {
  const exercise = pickExercise(chain, level, equipment);
  return {
    exerciseId: exercise.id,
    name: exercise.name,
    pattern: track.pattern,
    level: exercise.level,
    stage: exercise.stage,
    side: track.side,
    dosage: dosageView(exercise.dosage),
    minutes: exercise.minutes,
    tier: track.focus ? 'focus' : 'foundation',
    reasons,
  };
}

/**
 * Items for one pattern: one per side when the sides start at different levels, merged into one
 * "both" item when they agree or when the exercise trains both legs at once (then the gentler
 * level wins, because it must suit the more sensitive side).
 */
function itemsForPattern(tracks: Track[], chain: Chain, equipment: readonly EquipmentId[]): PlanItem[] {
  const levels = tracks.map((t) => entryLevel(chain, t.stage));
  const exercises = levels.map((l) => pickExercise(chain, l, equipment));
  const [first, second] = tracks;
  if (!first) return [];
  if (!second) {
    const bilateral = !exercises[0]!.dosage.perSide && first.side !== 'both';
    return [toItem(bilateral ? { ...first, side: 'both' } : first, chain, levels[0]!, equipment, first.reasons)];
  }
  const sameLevel = levels[0] === levels[1];
  const bilateral = exercises.some((e) => !e.dosage.perSide);
  if (sameLevel || bilateral) {
    const gentlest = Math.min(levels[0]!, levels[1]!);
    const merged: Track = {
      ...first,
      side: 'both',
      focus: first.focus || second.focus,
      priority: Math.max(first.priority, second.priority),
      stage: STAGES[Math.min(STAGES.indexOf(first.stage), STAGES.indexOf(second.stage))]!,
    };
    return [toItem(merged, chain, gentlest, equipment, [...first.reasons, ...second.reasons].sort(reasonOrder))];
  }
  return tracks.map((t, i) => toItem(t, chain, levels[i]!, equipment, t.reasons));
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
export function buildPlan(answers: Answers, library: Library): Plan {
  const equipment = normaliseEquipment(answers.prefs.equipment);
  const referral = screenRedFlags(answers.redFlags);
  const score = scoreAssessment(answers.tests, library);
  const base = {
    referral,
    contentVersion: library.version,
    minutes: answers.prefs.minutes,
    equipment,
    findings: score.findings,
    asymmetries: score.asymmetries,
    skippedTests: score.skippedTests,
    baseline: answers.baseline ?? null,
  };
  if (referral) return { ...base, items: [], findings: [], asymmetries: [] };

  const tracks = tracksFrom(answers, library, score);
  const items: PlanItem[] = [];
  const priorities = new Map<PlanItem, number>();
  for (const pattern of PATTERN_IDS) {
    const mine = tracks.filter((t) => t.pattern === pattern);
    if (mine.length === 0) continue;
    const patternItems = itemsForPattern(mine, library.chains[pattern], equipment);
    for (const item of patternItems) priorities.set(item, Math.max(...mine.map((t) => t.priority)));
    items.push(...patternItems);
  }
  fitFocusToMinutes(items, priorities, answers.prefs.minutes, library);
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
