import { EQUIPMENT_LABELS, GOAL_LABELS, PATTERN_PLAIN, type GoalId } from '../content/ids.js';
import type { Library } from '../content/library.js';
import type { Plan, PlanItem } from '../coaching/plan.js';
import type { Comparison } from '../coaching/reassessment.js';
import { educationFor } from '../coaching/education.js';
import type { TroubleshootingTopic } from '../content/schema.js';
import { comparisonText, findingsText, referralView } from './plan-view.js';
import type { View, ViewInput } from './view.js';

/**
 * The plan as people scan it on a phone (issue 13): exercises first, grouped by why they are there
 * (each reason ten words or fewer, said once per group), the findings behind a button, pages when
 * long. `planView` is the whole list (the DM after the assessment, the console, the CLI);
 * `planPageView` is `/plan` with its buttons; `planFindingsView` is behind [Why this plan].
 */

/**
 * How a goal shapes the plan, as a short clause (spec v2). Only running and field sport change the
 * exercises today (the impact chain); for the others the tests choose the exercises and the goal
 * is what the loading stage builds toward, so the clause says no more than that.
 */
const GOAL_SHAPES: Record<GoalId, string> = {
  daily_life: 'the loading stage builds toward walking, stairs and getting up from the floor',
  walking_hiking: 'the loading stage builds toward longer walks and hills',
  running: 'hop and running drills join once you reach the loading stage and hop steadily without pain',
  field_court_sport: 'hop, landing and turning drills join once you reach the loading stage and hop steadily without pain',
  lifting: 'the loading stage builds toward squats and hinges under load',
  flexibility_sport: 'the loading stage builds toward control at the end of your range',
};

export function goalShapeClause(goal: GoalId): string {
  return GOAL_SHAPES[goal];
}

/** A goal's name as it reads inside a sentence ("running", "walking and hiking"). */
export function goalWords(goal: GoalId): string {
  return GOAL_LABELS[goal].split(':')[0]!.split(' (')[0]!.toLowerCase();
}

/** Why an exercise is in the plan, by the rule that put it there: ten words or fewer each. */
const SHORT_WHY: Readonly<Record<string, string>> = {
  'painful-start-comfortable': 'Painful when tested, so a comfortable version first',
  'mild-pain-active-mobility': 'Some discomfort when tested, so easy active range first',
  'limited-range-active-mobility': 'Range was limited, so you own more of it',
  'partial-range-active-mobility': 'Range was partial, so you work at its edge',
  'unable-build-from-mobility': 'The hold was not possible yet, so movement first',
  'weak-strength-it-can-do': 'The hold was weak, so strength you can do well',
  'no-control-repattern': 'Control was hard, so you relearn it with support',
  'wobbly-control-strength': 'Control was shaky, so strength in that position',
  'whole-body-loading-kept': 'Whole-body strength stays in every plan',
  'foundation-no-finding': 'This tested well, so it stays as a foundation',
  'trunk-always-trained': 'Your trunk steadies your pelvis in every hip movement',
  'not-tested-start-gently': 'Not tested yet, so it starts gently',
  'moved-to-foundation-for-time': 'Rotated in as your minutes allow',
  'goal-opens-impact': 'Builds toward your goal, one small step at a time',
};
const DEFAULT_WHY = 'Chosen from what your assessment found';

export function shortWhy(item: Pick<PlanItem, 'reasons'>): string {
  const first = item.reasons[0];
  return (first && SHORT_WHY[first.ruleId]) ?? DEFAULT_WHY;
}

/** One exercise on one line: name, side, dosage. */
function itemLine(item: PlanItem, n: number): string {
  const side = item.side === 'both' ? '' : `, ${item.side} side`;
  return `${n}. **${item.name}** (${PATTERN_PLAIN[item.pattern]}${side}): ${item.dosage.text}`;
}

interface Group {
  heading: string;
  items: PlanItem[];
}

/** Focus, foundation and goal drills, in that order; inside each, items that share a reason sit together. */
function groups(plan: Plan, goalItems: readonly PlanItem[]): Group[] {
  return [
    { heading: 'Focus: each comes round at least 3 times a week', items: plan.items.filter((i) => i.tier === 'focus') },
    { heading: 'Foundation: rotated in as time allows', items: plan.items.filter((i) => i.tier === 'foundation') },
    { heading: `For your goal: ${goalWords(plan.goal)}`, items: [...goalItems] },
  ].filter((g) => g.items.length > 0);
}

/** The numbered lines of some items, with each reason once above the items it explains. */
function groupText(items: readonly { item: PlanItem; n: number }[]): string {
  const byWhy = new Map<string, { item: PlanItem; n: number }[]>();
  for (const entry of items) byWhy.set(shortWhy(entry.item), [...(byWhy.get(shortWhy(entry.item)) ?? []), entry]);
  return [...byWhy.entries()].map(([why, entries]) => `*${why}*\n${entries.map((e) => itemLine(e.item, e.n)).join('\n')}`).join('\n');
}

function headerLines(plan: Plan, library: Library): string {
  const gear = plan.equipment.map((e) => EQUIPMENT_LABELS[e].toLowerCase()).join(', ');
  const lines = [`**Goal:** ${goalWords(plan.goal)}: ${goalShapeClause(plan.goal)}.`, `About ${plan.minutes} minutes a day, with ${gear}.`];
  const reading = worthReading(plan, library);
  if (reading.length) lines.push(`**Worth reading for you:** ${reading.map((r) => r.topic.title).join('; ')} (under Why this plan).`);
  return lines.join('\n');
}

/** The education topics this plan's findings point to, with why each is shown. */
export function worthReading(plan: Plan, library: Library): { topic: TroubleshootingTopic; because: string }[] {
  return educationFor(plan.findings).flatMap((pick) => {
    const topic = library.troubleshooting.find((t) => t.id === pick.topic);
    return topic ? [{ topic, because: pick.because }] : [];
  });
}

const CLOSING = 'Each exercise moves up or down from your feedback. Up to 3/10 during an exercise is fine; 4-5 is OK if it has settled by the next morning. Stop at sharp pain. Clear change usually takes about 3 months of regular practice; many feel it easing sooner.';

/** Every exercise, numbered in one sequence across the groups. */
function numbered(plan: Plan, goalItems: readonly PlanItem[]): { heading: string; entries: { item: PlanItem; n: number }[] }[] {
  let n = 0;
  // Items that share a reason are listed together under it, so number them in that order (1, 2, 3
  // down the screen), not in plan order.
  return groups(plan, goalItems).map((g) => ({ heading: g.heading, entries: byReason(g.items).map((item) => ({ item, n: ++n })) }));
}

/** Items grouped by their short reason, reasons in order of first appearance, items in plan order. */
function byReason(items: readonly PlanItem[]): PlanItem[] {
  const groupsByWhy = new Map<string, PlanItem[]>();
  for (const item of items) groupsByWhy.set(shortWhy(item), [...(groupsByWhy.get(shortWhy(item)) ?? []), item]);
  return [...groupsByWhy.values()].flat();
}

/** The whole plan with no buttons: the DM after the assessment, the console and the CLI. */
export function planView(plan: Plan, library: Library, goalItems: readonly PlanItem[] = [], comparison: Comparison | null = null): View {
  if (plan.referral) return referralView(plan.referral, library);
  const sections = [headerLines(plan, library), ...numbered(plan, goalItems).map((g) => `**${g.heading}**\n${groupText(g.entries)}`), CLOSING];
  // A check-in's test-by-test changes follow the exercises (the results screen gives the gist).
  if (comparison) sections.push(`**What changed since last time**\n${comparisonText(comparison, library)}`);
  return { title: 'Your HipCoach plan', body: sections.join('\n\n'), inputs: [], privacy: 'private', tone: 'success' };
}

/** Exercises per page of `/plan`: a phone screen and one "Show me" menu. */
export const PLAN_PAGE_SIZE = 6;

export function planPageCount(plan: Plan, goalItems: readonly PlanItem[] = []): number {
  return Math.max(1, Math.ceil((plan.items.length + goalItems.length) / PLAN_PAGE_SIZE));
}

/** The page of `/plan` an exercise is listed on, or undefined when the plan does not have it. */
export function pageOfExercise(plan: Plan, goalItems: readonly PlanItem[], exerciseId: string): number | undefined {
  const entry = numbered(plan, goalItems)
    .flatMap((g) => g.entries)
    .find((e) => e.item.exerciseId === exerciseId);
  return entry ? Math.ceil(entry.n / PLAN_PAGE_SIZE) : undefined;
}

/**
 * One page of `/plan`: the goal line, up to six exercises with their reasons, a "Show me" menu
 * that attaches the chosen exercise's figure, [Why this plan], and Prev / Next when there are pages.
 */
export function planPageView(plan: Plan, library: Library, opts: { page: number; goalItems?: readonly PlanItem[]; showExerciseId?: string }): View {
  if (plan.referral) return referralView(plan.referral, library);
  const goalItems = opts.goalItems ?? [];
  const pages = planPageCount(plan, goalItems);
  const page = Math.min(Math.max(1, Math.trunc(opts.page) || 1), pages);
  const first = (page - 1) * PLAN_PAGE_SIZE + 1;
  const onPage = numbered(plan, goalItems)
    .map((g) => ({ heading: g.heading, entries: g.entries.filter((e) => e.n >= first && e.n < first + PLAN_PAGE_SIZE) }))
    .filter((g) => g.entries.length > 0);
  const sections = [...(page === 1 ? [headerLines(plan, library)] : []), ...onPage.map((g) => `**${g.heading}**\n${groupText(g.entries)}`)];
  const shown = opts.showExerciseId ? library.exerciseById.get(opts.showExerciseId) : undefined;
  if (shown) sections.push(`**${shown.name}**: ${shown.summary}`);
  const items = onPage.flatMap((g) => g.entries.map((e) => e.item));
  const inputs: ViewInput[] = [
    {
      kind: 'select',
      name: 'show',
      placeholder: 'Show me how an exercise looks',
      options: items
        .filter((item, i, all) => all.findIndex((x) => x.exerciseId === item.exerciseId) === i)
        .map((item) => ({ value: item.exerciseId, label: item.name, description: item.dosage.text })),
      ...(shown ? { selected: shown.id } : {}),
    },
    ...(page > 1 ? [{ kind: 'button' as const, name: `page:${page - 1}`, label: 'Prev', style: 'secondary' as const }] : []),
    ...(page < pages ? [{ kind: 'button' as const, name: `page:${page + 1}`, label: 'Next', style: 'secondary' as const }] : []),
    { kind: 'button', name: 'why', label: 'Why this plan', style: 'primary' },
  ];
  return {
    title: 'Your HipCoach plan',
    body: sections.join('\n\n'),
    inputs,
    privacy: 'private',
    tone: 'success',
    ...(pages > 1 ? { footer: `Page ${page} of ${pages}` } : {}),
    ...(shown ? { figureId: shown.id } : {}),
  };
}

/** Behind [Why this plan]: what the tests showed, and how the goal shaped the plan. */
export function planFindingsView(plan: Plan, library: Library): View {
  const reading = worthReading(plan, library);
  const sections = [`**What the tests showed**\n${findingsText(plan, library)}`, `**Your goal:** ${goalWords(plan.goal)}. A goal never changes what the tests found; ${goalShapeClause(plan.goal)}.`];
  if (reading.length) sections.push(`**Worth reading for you**\n${reading.map((r) => `- **${r.topic.title}**: ${r.topic.summary} *Shown because ${r.because}.*`).join('\n')}`);
  const read: ViewInput[] = reading.length
    ? [{ kind: 'select', name: 'read', placeholder: 'Read one in full', options: reading.map((r) => ({ value: r.topic.id, label: r.topic.title.slice(0, 100) })) }]
    : [];
  return {
    title: 'Why this plan',
    body: sections.join('\n\n'),
    inputs: [...read, { kind: 'button', name: 'page:1', label: 'Back to my plan', style: 'secondary' }],
    privacy: 'private',
    tone: 'info',
  };
}

/** One education topic in full, from [Why this plan]'s "Read one in full". */
export function planTopicView(topic: TroubleshootingTopic): View {
  return {
    title: topic.title,
    body: [topic.summary, `**What to try**\n${topic.whatToTry.map((w) => `- ${w}`).join('\n')}`, `**When to get help:** ${topic.whenToGetHelp}`, 'I cannot tell what is behind your pain; a physiotherapist or doctor can.'].join('\n\n'),
    inputs: [{ kind: 'button', name: 'why', label: 'Back to Why this plan', style: 'secondary' }],
    privacy: 'private',
    tone: 'info',
  };
}
