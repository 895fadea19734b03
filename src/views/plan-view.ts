import { EQUIPMENT_LABELS, MUSCLE_LABELS, PAIN_PLACE_LABELS, PATTERN_LABELS, RATING_LABELS, type Side } from '../content/ids.js';
import type { Library } from '../content/library.js';
import type { Exercise, TroubleshootingTopic } from '../content/schema.js';
import type { Finding } from '../coaching/assessment.js';
import { formatDosage, type Plan, type PlanItem, type Reason } from '../coaching/plan.js';
import { PROGRESSION_V2_RULES } from '../coaching/progression.js';
import { KEEP_RULES, SESSION_RULES, START_RULES } from '../coaching/rules.js';
import type { Session, SessionItem } from '../coaching/session.js';
import type { Comparison } from '../coaching/reassessment.js';
import { dateInWords, minutesInWords, workoutControls, type WorkoutMessageState } from './daily-view.js';
import type { View } from './view.js';
import { referralView } from './referral-view.js';

export { referralView };

/** Person-facing wording for plans, sessions, exercises and decisions, shared by every renderer. */

const FINDING_WORDS: Record<string, string> = {
  pain_mild: 'mild discomfort',
  pain_moderate: 'painful',
  pain_severe: 'clearly painful',
  range_moderate: 'partial range',
  range_severe: 'limited range',
  strength_moderate: 'weak',
  strength_severe: 'not possible yet',
  control_moderate: 'shaky control',
  control_severe: 'hard to control',
  no_finding: 'no problem found',
  not_tested: 'not tested',
  warm_up: 'warm-up',
  time: 'time',
};

const RULE_EXPLANATIONS: ReadonlyMap<string, string> = new Map([
  ...START_RULES.map((r) => [r.id, r.explain] as const),
  ...Object.values(KEEP_RULES).map((r) => [r.id, r.explain] as const),
  ...Object.values(SESSION_RULES).map((r) => [r.id, r.explain] as const),
  ...Object.values(PROGRESSION_V2_RULES).map((r) => [r.id, r.reason] as const),
]);

export function ruleExplanation(ruleId: string): string {
  return RULE_EXPLANATIONS.get(ruleId) ?? ruleId;
}

export function sideWords(side: Side): string {
  return side === 'both' ? 'both sides' : `${side} side`;
}

export function reasonText(reason: Reason, library: Library): string {
  const explain = ruleExplanation(reason.ruleId);
  if (!reason.testId) return capitalise(explain);
  const test = library.testById.get(reason.testId)?.name ?? reason.testId;
  const side = reason.side === 'both' ? '' : ` (${reason.side})`;
  const finding = FINDING_WORDS[reason.finding] ?? reason.finding;
  return `${test}${side}: ${finding}. ${capitalise(explain)}.`;
}

function shortReason(reason: Reason, library: Library): string {
  const test = reason.testId ? (library.testById.get(reason.testId)?.name ?? reason.testId) : '';
  const side = reason.side === 'both' ? '' : ` (${reason.side})`;
  return `${test.toLowerCase()}${side} ${FINDING_WORDS[reason.finding] ?? reason.finding}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const DIMENSION_ORDER = ['pain', 'range', 'strength', 'control'];
const SEVERITY_ORDER = ['severe', 'moderate', 'mild'];

function findingLine(unsorted: Finding[], library: Library): string {
  const findings = [...unsorted].sort(
    (a, b) =>
      DIMENSION_ORDER.indexOf(a.dimension) - DIMENSION_ORDER.indexOf(b.dimension) ||
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
  );
  const f = findings[0]!;
  // One word per dimension: the worst one, since findings are sorted worst first.
  const words = [...new Map(findings.toReversed().map((x) => [x.dimension, FINDING_WORDS[`${x.dimension}_${x.severity}`] ?? x.dimension])).values()].reverse();
  const pains = findings.filter((x) => x.pain > 0);
  const maxPain = pains.length ? Math.max(...pains.map((x) => x.pain)) : 0;
  const place = pains.find((x) => x.painPlace)?.painPlace;
  const painText = maxPain > 0 ? `, pain up to ${maxPain}/10${place ? ` (${PAIN_PLACE_LABELS[place].toLowerCase()})` : ''}` : '';
  const tests = [...new Set(findings.map((x) => library.testById.get(x.testId)?.name ?? x.testId))];
  return `- **${PATTERN_LABELS[f.pattern]}**, ${sideWords(f.side)}: ${words.join(', ')}${painText} (${tests.join('; ')})`;
}

/** What the assessment showed, pattern by pattern (primary findings, then asymmetries). */
export function findingsText(plan: Plan, library: Library): string {
  const groups = new Map<string, Finding[]>();
  for (const f of plan.findings) {
    const key = `${f.pattern}:${f.side}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const lines = [...groups.values()].map((g) => findingLine(g, library));
  const asym = plan.asymmetries.map((a) => {
    const test = library.testById.get(a.testId)?.name ?? a.testId;
    return `- ${test}: the **${a.worseSide}** side was harder (left ${RATING_LABELS[a.rating.left].split(':')[0]!.toLowerCase()}, pain ${a.pain.left}/10; right ${RATING_LABELS[a.rating.right].split(':')[0]!.toLowerCase()}, pain ${a.pain.right}/10)`;
  });
  const parts = [lines.length ? lines.join('\n') : 'No painful, limited or weak patterns: a strong starting point.'];
  if (asym.length) parts.push(`**Differences between sides**\n${asym.join('\n')}`);
  if (plan.skippedTests.length) {
    parts.push(`**Skipped:** ${plan.skippedTests.map((t) => library.testById.get(t)?.name ?? t).join(', ')}. Those patterns start gently until you test them.`);
  }
  return parts.join('\n\n');
}

export function itemText(item: PlanItem | SessionItem, library: Library, index: number, withReasons: boolean): string {
  const exercise = library.exerciseById.get(item.exerciseId);
  const side = item.side === 'both' ? '' : `, ${item.side} side`;
  const head = `**${index}. ${item.name}** (${PATTERN_LABELS[item.pattern].toLowerCase()}${side}, level ${item.level}): ${item.dosage.text}`;
  const cue = exercise ? `\n   Key cue: ${exercise.cues[0]}` : '';
  if (!withReasons) return head + cue;
  const [first, ...rest] = item.reasons;
  if (!first) return head;
  const also = rest.filter((r) => r.testId !== null).map((r) => shortReason(r, library));
  const extra = rest.filter((r) => r.testId === null).map((r) => capitalise(ruleExplanation(r.ruleId)));
  const alsoText = also.length ? ` Also noted: ${[...new Set(also)].join('; ')}.` : '';
  const extraText = extra.length ? ` ${extra.join('. ')}.` : '';
  return `${head}\n   Why: ${reasonText(first, library)}${alsoText}${extraText}`;
}

/** One exercise of the day, in two short lines for a phone: name and dose, then its key cue. */
function sessionLine(item: SessionItem, library: Library, index: number): string {
  const side = item.side === 'both' ? '' : ` (${item.side})`;
  const cue = library.exerciseById.get(item.exerciseId)?.cues[0];
  return `**${index}. ${item.name}**${side}: ${item.dosage.text}${cue ? `\n*${cue}*` : ''}`;
}

/**
 * The day's workout, exercises first (the daily DM and /workout). `state` sets the controls:
 * [Done] [Later] while it is open, the Later menu, or a disabled button saying what happened.
 */
/** The weekly walk sits outside the session's minutes (it can be done any time): say so beside them. */
function walkClause(session: Session): string {
  const walk = session.items.find((i) => i.weeklyWalk);
  return walk ? `, plus a ${Math.round(walk.minutes)}-minute walk any time today` : '';
}

export function sessionView(session: Session, library: Library, state: WorkoutMessageState = 'ready'): View {
  if (session.referral) return referralView(session.referral, library);
  if (session.items.length === 0) {
    return { title: 'No workout yet', body: 'Finish your assessment to get a plan, then your daily workouts start.', inputs: [], privacy: 'private', tone: 'info' };
  }
  const warm = session.warmup.map((w, i) => sessionLine(w, library, i + 1)).join('\n');
  const main = session.items.map((w, i) => sessionLine(w, library, i + 1)).join('\n');
  return {
    title: `Today's workout · ${dateInWords(session.localDate)}`,
    body: [
      `${capitalise(minutesInWords(session.estimatedMinutes))}${walkClause(session)}. Keep pain at 3/10 or less.`,
      ...(warm ? [`**Warm-up**\n${warm}`] : []),
      `**Exercises**\n${main}`,
      'Tap **Done** when you finish and I will ask how it went.',
    ].join('\n\n'),
    inputs: [
      {
        kind: 'select',
        name: 'open',
        placeholder: 'How to do an exercise: pick one',
        options: [...session.warmup, ...session.items]
          .filter((item, i, all) => all.findIndex((x) => x.exerciseId === item.exerciseId) === i)
          .map((item) => ({ value: item.exerciseId, label: item.name, description: item.dosage.text })),
      },
      ...workoutControls(state),
    ],
    privacy: 'private',
    tone: 'info',
  };
}

export function exerciseView(e: Exercise, library: Library): View {
  return { title: e.name, body: exerciseText(e, library), inputs: [], privacy: 'public', tone: 'info', figureId: e.id };
}

export function exerciseText(e: Exercise, library: Library): string {
  const chain = library.chains[e.pattern];
  const prev = e.previous ? library.exerciseById.get(e.previous) : undefined;
  const next = e.next ? library.exerciseById.get(e.next) : undefined;
  const siblings = chain.levels[e.level - 1]?.options.filter((o) => o.id !== e.id) ?? [];
  return [
    `*${e.summary}*`,
    `**Level ${e.level} of ${chain.levels.length}** in ${PATTERN_LABELS[e.pattern].toLowerCase()} · ${formatDosage(e.dosage, e.bout)} · about ${e.minutes} min · ${e.equipment.map((x) => EQUIPMENT_LABELS[x].toLowerCase()).join(', ')}`,
    `**How to do it**\n${e.steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}`,
    `**Cues**\n${e.cues.map((c) => `- ${c}`).join('\n')}`,
    `**Common mistakes**\n${e.mistakes.map((m) => `- ${m.mistake} *Fix:* ${m.fix}`).join('\n')}`,
    `**If it pinches**\n${e.ifItPinches}`,
    `**Muscles:** ${e.muscles.map((m) => MUSCLE_LABELS[m]).join(', ')}`,
    `**Easier:** ${prev ? prev.name : 'this is the easiest level'} · **Harder:** ${next ? next.name : 'this is the top of the chain'}${siblings.length ? ` · **Same level:** ${siblings.map((s) => s.name).join(', ')}` : ''}`,
  ].join('\n\n');
}

export function topicText(t: TroubleshootingTopic): string {
  return [`**${t.title}**`, t.summary, t.whatToTry.map((w) => `- ${w}`).join('\n'), `*When to get help:* ${t.whenToGetHelp}`].join('\n');
}

/** Reassessment: what changed, test by test, and in the activities that matter (PSFS). */
export function comparisonText(c: Comparison, library: Library): string {
  const label = (r: keyof typeof RATING_LABELS) => RATING_LABELS[r].split(':')[0]!.toLowerCase();
  const lines = c.changes
    .filter((x) => x.ratingChange !== 0 || x.painChange !== 0 || x.before.hip !== x.after.hip)
    .map((x) => {
      const test = library.testById.get(x.testId)?.name ?? x.testId;
      const side = x.side === 'both' ? '' : ` (${x.side})`;
      const mark = x.ratingChange > 0 || (x.ratingChange === 0 && x.painChange < 0) ? 'better' : x.ratingChange < 0 || x.painChange > 0 ? 'harder' : 'same';
      // The 90/90 sit: which hip it came from (front leg's or back leg's), when either time said.
      const hip = x.before.hip && x.after.hip ? `, ${x.before.hip} leg's hip → ${x.after.hip} leg's hip` : x.after.hip ? `, ${x.after.hip} leg's hip` : '';
      return `- ${test}${side}: ${label(x.before.rating)} → ${label(x.after.rating)}, pain ${x.before.pain} → ${x.after.pain}${hip} (${mark})`;
    });
  const same = c.changes.length - lines.length;
  const parts = [lines.length ? lines.join('\n') : 'Every test came out the same as last time.'];
  if (lines.length && same > 0) parts.push(`${same} other result${same === 1 ? '' : 's'} unchanged.`);
  if (c.psfs.change !== null) {
    const sign = c.psfs.change >= 0 ? '+' : '';
    parts.push(`**Activities (PSFS):** ${c.psfs.before} → ${c.psfs.after} (${sign}${c.psfs.change}${c.psfs.meaningful ? ', a meaningful change' : '; 2 points is a meaningful change'})`);
  }
  if (c.clinicianNudge) {
    parts.push('Your activities have not changed meaningfully in 6 weeks or more. That is not a red flag, but it is a good moment to ask a physiotherapist or doctor to look at your plan with you.');
    const topic = library.troubleshooting.find((t) => t.showWhen.includes('no_progress'));
    if (topic) parts.push(topicText(topic));
  }
  return parts.join('\n\n');
}

/** Plain facts about a finished assessment, for the LLM to phrase an opening line from. */
export function assessmentFacts(plan: Plan): string[] {
  const focus = new Set(plan.items.filter((i) => i.tier === 'focus').map((i) => i.pattern)).size;
  const painful = new Set(plan.findings.filter((f) => f.dimension === 'pain' && f.severity !== 'mild').map((f) => f.pattern)).size;
  const facts = [`${focus} movement pattern${focus === 1 ? '' : 's'} to focus on`];
  if (painful) facts.push(`${painful} painful position${painful === 1 ? '' : 's'} to build back toward, starting where it is comfortable`);
  if (plan.asymmetries.length) facts.push(`${plan.asymmetries.length} clear difference${plan.asymmetries.length === 1 ? '' : 's'} between sides`);
  if (plan.skippedTests.length) facts.push(`${plan.skippedTests.length} test${plan.skippedTests.length === 1 ? '' : 's'} skipped`);
  return facts;
}
