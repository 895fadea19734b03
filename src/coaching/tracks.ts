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

const START_RULE_BY_FINDING = new Map(START_RULES.map((r) => [`${r.dimension}_${r.severity}`, r]));
const RULE_STAGE = new Map<string, number>(START_RULES.map((r) => [r.id, STAGES.indexOf(r.stage)]));
const DIMENSION_PRIORITY: Record<string, number> = { pain: 3, range: 2, strength: 2, control: 2 };

function findingPriority(f: Finding): number {
  return DIMENSION_PRIORITY[f.dimension]! * 10 + SEVERITIES.indexOf(f.severity) * 3 + (f.weight === 'primary' ? 1 : 0);
}

function findingReason(f: Finding, ruleId: string): Reason {
  return { testId: f.testId, side: f.side, finding: `${f.dimension}_${f.severity}`, ruleId };
}

/** The deciding reason first: the gentlest start, then the more serious finding, then spec order. */
export function reasonOrder(a: Reason, b: Reason): number {
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

function stageOf(findings: readonly Finding[]): number {
  return Math.min(
    ...findings.map((f) => {
      const rule = START_RULE_BY_FINDING.get(`${f.dimension}_${f.severity}`);
      if (!rule) throw new Error(`no start rule for ${f.dimension}/${f.severity}`);
      return STAGES.indexOf(rule.stage);
    }),
  );
}

function ruleIdOf(f: Finding): string {
  return START_RULE_BY_FINDING.get(`${f.dimension}_${f.severity}`)!.id;
}

const STRENGTH = STAGES.indexOf('strength');

/** A track from findings: primary evidence decides; secondary may only lower it one stage. */
function findingTrack(pattern: PatternId, side: Side, findings: Finding[], options?: EngineOptions): Track | null {
  const limited = ruleOn(options, 'secondary-evidence-limited');
  const primary = findings.filter((f) => f.weight === 'primary');
  const secondary = findings.filter((f) => f.weight === 'secondary');
  if (limited && primary.length === 0) return null;
  let stage = stageOf(limited ? primary : findings);
  if (limited && secondary.length > 0) stage = Math.max(stage - 1, Math.min(stage, stageOf(secondary)));
  const used = limited ? [...primary, ...secondary.filter(() => stage < stageOf(primary))] : findings;
  return {
    pattern,
    side,
    stage: STAGES[stage]!,
    focus: true,
    priority: Math.max(...used.map(findingPriority)),
    painful: primary.some((f) => f.dimension === 'pain' && f.severity !== 'mild'),
    reasons: used.map((f) => findingReason(f, ruleIdOf(f))).sort(reasonOrder),
  };
}

/** One track per pattern and side (spec v2: every pattern, always; goal patterns excepted). */
export function tracksFrom(library: Library, score: ReturnType<typeof scoreAssessment>, options?: EngineOptions): Track[] {
  const tracks: Track[] = [];
  const everyPattern = ruleOn(options, 'every-pattern-in-plan');
  for (const pattern of PATTERN_IDS) {
    // Goal patterns (impact) are opened by the goal rules, not by the assessment.
    if (GOAL_PATTERNS.includes(pattern)) continue;
    const sides: Side[] = score.sidedness[pattern] === 'each' ? [...SIDES] : ['both'];
    for (const side of sides) {
      const findings = score.findings.filter((f) => f.pattern === pattern && f.side === side);
      const fromFindings = findings.length > 0 ? findingTrack(pattern, side, findings, options) : null;
      if (fromFindings) {
        tracks.push(fromFindings);
        continue;
      }
      const tests = primaryTests(library, pattern);
      const base = { pattern, side, focus: false, painful: false };
      if (score.tested[pattern][side] !== true && tests.length > 0) {
        const skipped = tests.find((t) => score.skippedTests.includes(t)) ?? null;
        tracks.push({ ...base, stage: KEEP_RULES.notTested.stage, priority: 1, reasons: [{ testId: skipped, side, finding: 'not_tested', ruleId: KEEP_RULES.notTested.id }] });
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
      tracks.push({ ...base, stage, priority: 0, reasons: [{ testId: tests[0] ?? null, side, finding: 'no_finding', ruleId: keep.id }] });
    }
  }
  if (ruleOn(options, 'loading-earned')) {
    for (const t of tracks) if (STAGES.indexOf(t.stage) > STRENGTH) t.stage = 'strength';
  }
  return tracks;
}
