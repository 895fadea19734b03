import { GOAL_PATTERNS, PATTERN_IDS, SIDES, STAGES, TEST_IDS, WHOLE_BODY_PATTERNS, type PatternId, type Side, type Stage } from '../content/ids.js';
import type { Library } from '../content/library.js';
import { SEVERITIES, type Finding, type Severity, type scoreAssessment } from './assessment.js';
import { ruleOn, type EngineOptions } from './engine-rules.js';
import { primaryTests } from './gates.js';
import { KEEP_RULES, START_RULES } from './rules.js';

/** Reasons are ids only; person-facing wording is rendered from them (flows/plan-view.ts). */
export interface Reason {
  /** null when the reason is a rule about the pattern itself (e.g. trunk is always trained). */
  testId: (typeof TEST_IDS)[number] | null;
  side: Side;
  /** `<dimension>_<severity>` (e.g. `pain_moderate`), or `no_finding`, `not_tested`, `time`. */
  finding: string;
  ruleId: string;
}

/** One pattern and side: where it starts, whether it is a focus, and why (spec v2). */
export interface Track {
  pattern: PatternId;
  side: Side;
  stage: Stage;
  focus: boolean;
  /** Higher is more urgent; orders focus items. */
  priority: number;
  /** A pain finding of 4+ (or an early pinch) on a primary test: used by irritability grading. */
  painful: boolean;
  reasons: Reason[];
}

const RULE_STAGE = new Map<string, number>(START_RULES.map((r) => [r.id, STAGES.indexOf(r.stage)]));
const DIMENSION_PRIORITY: Record<string, number> = { pain: 3, range: 2, strength: 2, control: 2 };

function findingPriority(f: Finding): number {
  return DIMENSION_PRIORITY[f.dimension]! * 10 + SEVERITIES.indexOf(f.severity) * 3 + (f.weight === 'primary' ? 1 : 0);
}

/** `<dimension>_<severity>` strings built once: a fresh string would be hashed again at every sort lookup. */
const FINDING_NAMES = new Map<string, Map<string, string>>();
function findingName(dimension: string, severity: string): string {
  let bySeverity = FINDING_NAMES.get(dimension);
  if (!bySeverity) FINDING_NAMES.set(dimension, (bySeverity = new Map<string, string>()));
  let name = bySeverity.get(severity);
  if (name === undefined) bySeverity.set(severity, (name = `${dimension}_${severity}`));
  return name;
}

function findingReason(f: Finding, ruleId: string): Reason {
  return { testId: f.testId, side: f.side, finding: findingName(f.dimension, f.severity), ruleId };
}

/** `<dimension>_<severity>` -> its seriousness rank; memoised because sorting reasons is on the plan's hot path. */
const FINDING_RANK = new Map<string, number>();
function findingRank(finding: string): number {
  let rank = FINDING_RANK.get(finding);
  if (rank === undefined) {
    const [dimension, severity] = finding.split('_') as [string, Severity];
    rank = (DIMENSION_PRIORITY[dimension] ?? 0) * 10 + SEVERITIES.indexOf(severity);
    FINDING_RANK.set(finding, rank);
  }
  return rank;
}

const TEST_INDEX = new Map<string, number>(TEST_IDS.map((t, i) => [t, i]));

/** The deciding reason first: the gentlest start, then the more serious finding, then spec order. */
export function reasonOrder(a: Reason, b: Reason): number {
  return (
    (RULE_STAGE.get(a.ruleId) ?? STAGES.length) - (RULE_STAGE.get(b.ruleId) ?? STAGES.length) ||
    findingRank(b.finding) - findingRank(a.finding) ||
    TEST_INDEX.get(a.testId ?? TEST_IDS[0])! - TEST_INDEX.get(b.testId ?? TEST_IDS[0])! ||
    a.side.localeCompare(b.side)
  );
}

/** The start rule of a finding, looked up by dimension then severity (no string building on the hot path). */
const START_RULE_BY_DIMENSION = new Map<string, Map<string, (typeof START_RULES)[number]>>();
for (const r of START_RULES) {
  let bySeverity = START_RULE_BY_DIMENSION.get(r.dimension);
  if (!bySeverity) START_RULE_BY_DIMENSION.set(r.dimension, (bySeverity = new Map<string, (typeof START_RULES)[number]>()));
  bySeverity.set(r.severity, r);
}

function startRuleOf(f: Finding): (typeof START_RULES)[number] | undefined {
  return START_RULE_BY_DIMENSION.get(f.dimension)?.get(f.severity);
}

function stageOf(findings: readonly Finding[]): number {
  let stage = Infinity;
  for (const f of findings) {
    const rule = startRuleOf(f);
    if (!rule) throw new Error(`no start rule for ${f.dimension}/${f.severity}`);
    stage = Math.min(stage, STAGES.indexOf(rule.stage));
  }
  return stage;
}

function ruleIdOf(f: Finding): string {
  return startRuleOf(f)!.id;
}

const STRENGTH = STAGES.indexOf('strength');
const BOTH_ONLY: readonly Side[] = ['both'];

function maxPriority(findings: readonly Finding[]): number {
  let max = -Infinity;
  for (const f of findings) max = Math.max(max, findingPriority(f));
  return max;
}

/** A track from findings: primary evidence decides; secondary may only lower it one stage. */
function findingTrack(pattern: PatternId, side: Side, findings: Finding[], options?: EngineOptions): Track | null {
  const limited = ruleOn(options, 'secondary-evidence-limited');
  const primary = findings.filter((f) => f.weight === 'primary');
  const secondary = findings.filter((f) => f.weight === 'secondary');
  if (limited && primary.length === 0) return null;
  const primaryStage = stageOf(primary);
  let stage = limited ? primaryStage : stageOf(findings);
  if (limited && secondary.length > 0) stage = Math.max(stage - 1, Math.min(stage, stageOf(secondary)));
  const used = limited ? (stage < primaryStage ? [...primary, ...secondary] : primary) : findings;
  return {
    pattern,
    side,
    stage: STAGES[stage]!,
    focus: true,
    priority: maxPriority(used),
    painful: primary.some((f) => f.dimension === 'pain' && f.severity !== 'mild'),
    reasons: used.map((f) => findingReason(f, ruleIdOf(f))).sort(reasonOrder),
  };
}

/** One track per pattern and side (spec v2: every pattern, always; goal patterns excepted). */
export function tracksFrom(library: Library, score: ReturnType<typeof scoreAssessment>, options?: EngineOptions): Track[] {
  const tracks: Track[] = [];
  const everyPattern = ruleOn(options, 'every-pattern-in-plan');
  // Findings grouped once by pattern and side (in their order), not filtered per track.
  const grouped = new Map<PatternId, Partial<Record<Side, Finding[]>>>();
  for (const f of score.findings) {
    let bySide = grouped.get(f.pattern);
    if (!bySide) grouped.set(f.pattern, (bySide = {}));
    (bySide[f.side] ??= []).push(f);
  }
  for (const pattern of PATTERN_IDS) {
    // Goal patterns (impact) are opened by the goal rules, not by the assessment.
    if (GOAL_PATTERNS.includes(pattern)) continue;
    const sides: readonly Side[] = score.sidedness[pattern] === 'each' ? SIDES : BOTH_ONLY;
    const patternFindings = grouped.get(pattern);
    for (const side of sides) {
      const findings = patternFindings?.[side];
      const fromFindings = findings ? findingTrack(pattern, side, findings, options) : null;
      if (fromFindings) {
        tracks.push(fromFindings);
        continue;
      }
      const tests = primaryTests(library, pattern);
      if (score.tested[pattern][side] !== true && tests.length > 0) {
        const skipped = tests.find((t) => score.skippedTests.includes(t)) ?? null;
        const reasons: Reason[] = [{ testId: skipped, side, finding: 'not_tested', ruleId: KEEP_RULES.notTested.id }];
        tracks.push({ pattern, side, focus: false, painful: false, stage: KEEP_RULES.notTested.stage, priority: 1, reasons });
        continue;
      }
      const keep = WHOLE_BODY_PATTERNS.includes(pattern)
        ? KEEP_RULES.wholeBodyLoading
        : pattern === 'trunk'
          ? KEEP_RULES.trunk
          : everyPattern
            ? KEEP_RULES.foundation
            : null;
      if (!keep) continue;
      // Spec v2: no finding starts at the strength stage; loading is earned, never given.
      const stage = keep === KEEP_RULES.wholeBodyLoading && !ruleOn(options, 'loading-earned') ? 'loading' : keep.stage;
      const reasons: Reason[] = [{ testId: tests[0] ?? null, side, finding: 'no_finding', ruleId: keep.id }];
      tracks.push({ pattern, side, focus: false, painful: false, stage, priority: 0, reasons });
    }
  }
  if (ruleOn(options, 'loading-earned')) {
    for (const t of tracks) if (STAGES.indexOf(t.stage) > STRENGTH) t.stage = 'strength';
  }
  return tracks;
}
