import { PATTERN_IDS, STAGES, type EquipmentId } from '../content/ids.js';
import type { Library } from '../content/library.js';
import type { Exercise } from '../content/schema.js';
import { dayNumber } from './calendar.js';
import { chooseExercise, levelAt } from './choice.js';
import { dosageAt, HIGH_IRRITABILITY_DAYS, HIGH_IRRITABILITY_MAX_SETS, itemMinutes, topRung } from './dosage.js';
import { ruleOn, type EngineOptions } from './engine-rules.js';
import { GOAL_IMPACT_RULE_ID, gatesOf, openGoalPatterns, walkingDoseFor } from './goals.js';
import { limitsFor, openLevelAtOrBelow, type Gates } from './gates.js';
import { stableHash } from './hash.js';
import { clampLevel, focusPerDay, formatDosage, itemDosageText, warmupBudget, warmupCount, warmupMinutes, type Plan, type PlanItem, type Reason } from './plan.js';
import { MINUTES_MIN } from './assessment-answers.js';
import type { Referral } from './safety.js';
import { SESSION_RULES } from './rules.js';

export { trackKey, type ProgressionLevels, type TrackLevel } from './track-levels.js';
import { trackKey, type ProgressionLevels } from './track-levels.js';

export interface SessionItem extends Omit<PlanItem, 'tier'> {
  tier: PlanItem['tier'] | 'warmup';
  /** The ladder rung the dosage comes from. */
  rung?: number;
  /**
   * Physio review E1: the level-below stand-in for a loading item on a day the loading spacing
   * bars it. Progression never reads it as the pattern's level or rung.
   */
  offDay?: boolean;
  /** Physio review E4: the goal's walking dose, which has no track of its own. */
  weeklyWalk?: boolean;
}

export interface Session {
  userId: string;
  localDate: string;
  contentVersion: string;
  referral: Referral | null;
  minutes: number;
  warmup: SessionItem[];
  items: SessionItem[];
  estimatedMinutes: number;
}

export interface SessionRequest {
  plan: Plan;
  userId: string;
  localDate: string;
  /** Defaults to the plan's minutes. */
  minutes?: number;
  /** Defaults to the plan's equipment. */
  equipment?: readonly EquipmentId[];
  /** Current levels from progression; a track without one starts where the plan put it. */
  levels?: ProgressionLevels;
  /** The plan's first day: a highly irritable hip keeps to 2 sets for 2 weeks from it. */
  planStart?: string;
  /** Rules switched off (mutation tests, `simulate --without`). */
  options?: EngineOptions;
}

/** A stable start offset per person, so two people on the same plan don't move in lockstep. */
function personOffset(userId: string, length: number): number {
  return length === 0 ? 0 : stableHash(userId) % length;
}

/** `count` consecutive entries of a cyclic list, starting at `start`. */
function cyclicWindow<T>(list: readonly T[], start: number, count: number): T[] {
  const n = list.length;
  if (n === 0) return [];
  const begin = ((start % n) + n) % n;
  return Array.from({ length: Math.min(count, n) }, (_, i) => list[(begin + i) % n]!);
}

interface DayContext {
  library: Library;
  equipment: readonly EquipmentId[];
  levels: ProgressionLevels;
  gates: Gates;
  maxSets: number;
  options: EngineOptions | undefined;
}

function atCurrentLevel(item: PlanItem, ctx: DayContext): SessionItem {
  const chain = ctx.library.chains[item.pattern];
  const state = ctx.levels[trackKey(item.pattern, item.side)];
  const wanted = clampLevel(chain, state?.level ?? item.level);
  // The gates may have closed since (a new assessment): never go above what they allow.
  const level = openLevelAtOrBelow(chain, wanted, { pattern: item.pattern, side: item.side, equipment: ctx.equipment }, ctx.gates, ctx.options);
  const exercise = chooseExercise(levelAt(chain, level), ctx.equipment, limitsFor(ctx.gates, item.side), ctx.options);
  const rung = level === wanted ? Math.min(state?.rung ?? 0, topRung(exercise, ctx.options)) : 0;
  return exerciseItem(item, exercise, rung, ctx);
}

/**
 * Physio review E1: on a day the loading spacing bars a loading item, its pattern does the
 * highest open level below the loading stage instead, at that level's top rung (work the person
 * has already mastered), so no session is left empty or with one item.
 */
function offDaySubstitute(item: SessionItem, ctx: DayContext): SessionItem | null {
  const chain = ctx.library.chains[item.pattern];
  let below = item.level - 1;
  while (below >= 1 && levelAt(chain, below).stage === 'loading') below--;
  if (below < 1) return null;
  const level = openLevelAtOrBelow(chain, below, { pattern: item.pattern, side: item.side, equipment: ctx.equipment }, ctx.gates, ctx.options);
  const exercise = chooseExercise(levelAt(chain, level), ctx.equipment, limitsFor(ctx.gates, item.side), ctx.options);
  return { ...exerciseItem(item, exercise, topRung(exercise, ctx.options), ctx), offDay: true };
}

function exerciseItem(
  item: Omit<SessionItem, 'exerciseId' | 'name' | 'level' | 'stage' | 'dosage' | 'minutes'>,
  exercise: Exercise,
  rung: number,
  ctx: Pick<DayContext, 'maxSets' | 'options'>,
): SessionItem {
  const dosage = dosageAt(exercise, rung, ctx.maxSets, ctx.options);
  return {
    ...item,
    exerciseId: exercise.id,
    name: exercise.name,
    level: exercise.level,
    stage: exercise.stage,
    dosage: { ...dosage, text: itemDosageText(dosage, item.side, exercise.bout) },
    minutes: itemMinutes(exercise, dosage),
    rung,
  };
}

/** With fewer sets: the short-session cut, down to 1 set. */
function withSets(item: SessionItem, sets: number, library: Library): SessionItem {
  if (item.dosage.sets <= sets) return item;
  const exercise = library.exerciseById.get(item.exerciseId)!;
  const dosage = { ...item.dosage, sets };
  return { ...item, dosage: { ...dosage, text: itemDosageText(dosage, item.side, exercise.bout) }, minutes: itemMinutes(exercise, dosage) };
}

/** `withSets(item, sets).minutes` without building the dosage text. */
function minutesWithSets(item: SessionItem, sets: number, library: Library): number {
  if (item.dosage.sets <= sets) return item.minutes;
  return itemMinutes(library.exerciseById.get(item.exerciseId)!, { ...item.dosage, sets });
}

function warmupItem(e: Exercise): SessionItem {
  const reason: Reason = {
    testId: null,
    side: 'both',
    finding: 'warm_up',
    ruleId: SESSION_RULES.warmup.id,
  };
  // A warm-up is one easy set of the exercise.
  return {
    exerciseId: e.id,
    name: e.name,
    pattern: e.pattern,
    level: e.level,
    stage: e.stage,
    side: 'both',
    dosage: { ...e.dosage, sets: 1, restSeconds: 0, text: formatDosage({ ...e.dosage, sets: 1, restSeconds: 0 }, e.bout) },
    minutes: warmupMinutes(e),
    tier: 'warmup',
    reasons: [reason],
  };
}

/** Warm-ups avoid patterns that were painful, so the session never starts in a sore position. */
function chooseWarmups(plan: Plan, library: Library, day: number, count: number): SessionItem[] {
  const painful = new Set(
    plan.items.filter((i) => i.reasons.some((r) => /^pain_(moderate|severe)$/.test(r.finding))).map((i) => i.pattern),
  );
  const safe = library.warmups.filter((w) => !painful.has(w.pattern));
  const pool = safe.length >= count ? safe : library.warmups;
  return cyclicWindow(pool, day, count).map(warmupItem);
}

/** Days of a 7-day cycle on which loading-stage items may run: 3 in any 7 days, never two in a row. */
const LOADING_DAYS: readonly number[] = [0, 2, 4];

/** Days of the same cycle for a goal's walking dose: 3 a week, never on a loading day. */
const WALKING_DAYS: readonly number[] = [1, 3, 5];

function cycleDay(userId: string, day: number): number {
  return (((day + personOffset(userId, 7)) % 7) + 7) % 7;
}

export function isLoadingDay(userId: string, day: number): boolean {
  return LOADING_DAYS.includes(cycleDay(userId, day));
}

/**
 * Today's session: a warm-up, then the day's focus items (a rotation that brings each focus
 * pattern round at least 3 times in any 7 days; loading-stage items only on loading days), then
 * foundation items while time allows. A short session cuts sets before it drops a focus item.
 * Pure: the same request gives the same session.
 */
export function buildSession(req: SessionRequest, library: Library): Session {
  const { plan, userId, localDate } = req;
  const minutes = req.minutes ?? plan.minutes;
  const options = req.options;
  const day = dayNumber(localDate);
  const empty: Session = {
    userId,
    localDate,
    contentVersion: plan.contentVersion,
    referral: plan.referral,
    minutes,
    warmup: [],
    items: [],
    estimatedMinutes: 0,
  };
  if (plan.referral || plan.items.length === 0) return empty;
  const gates = gatesOf(plan);
  const irritableDays = req.planStart !== undefined && day - dayNumber(req.planStart) < HIGH_IRRITABILITY_DAYS;
  const ctx: DayContext = {
    library,
    equipment: req.equipment ?? plan.equipment,
    levels: req.levels ?? {},
    gates,
    maxSets: gates.irritability === 'high' && irritableDays ? HIGH_IRRITABILITY_MAX_SETS : 6,
    options,
  };


  const spacing = ruleOn(options, 'loading-spacing');
  const loadingToday = !spacing || isLoadingDay(userId, day);
  const current = [...plan.items.map((i) => atCurrentLevel(i, ctx)), ...goalItems(plan, ctx)];
  const loading = current.filter((i) => i.stage === 'loading');
  const rotating = current.filter((i) => !(spacing && i.stage === 'loading'));
  const focus = rotating.filter((i) => i.tier === 'focus');
  const foundation = rotating.filter((i) => i.tier === 'foundation');

  const cutSets = ruleOn(options, 'short-sessions-cut-sets');
  const loadingFocus = spacing ? loading.filter((i) => i.tier === 'focus') : [];
  // Choose the rotation size and the set cut on the worst day (the longest items), so every day
  // of the week uses the same rotation and no focus item is skipped: 3 a week at full sets, then
  // fewer sets (down to 1), then the spec's minimum of twice a week.
  const thrice = focusPerDay(focus.length);
  const twice = Math.min(focus.length, Math.ceil((2 * focus.length) / 7));
  // Minutes only (no dosage text), each step once: `fits` asks the same steps up to three times.
  const worstCache = new Map<string, number>();
  const worst = (perDay: number, sets: number) => {
    const key = `${perDay}:${sets}`;
    let minutes = worstCache.get(key);
    if (minutes === undefined) {
      const longest = focus.map((i) => minutesWithSets(i, sets, library)).sort((x, y) => y - x).slice(0, perDay);
      minutes = loadingFocus.reduce((sum, i) => sum + minutesWithSets(i, sets, library), 0) + longest.reduce((x, y) => x + y, 0);
      worstCache.set(key, minutes);
    }
    return minutes;
  };
  const steps: [number, number][] = cutSets ? [[thrice, 6], [thrice, 2], [thrice, 1], [twice, 1]] : [[thrice, 6]];
  // Sized on the longest warm-up, so the rotation is the same every day; a second warm-up goes
  // before any focus item would.
  const oneWarmup = warmupBudget(library, MINUTES_MIN);
  const fits = (warmups: number) => steps.find(([n, k]) => worst(n, k) <= minutes - warmups * oneWarmup);
  const fullWarmups = warmupCount(minutes);
  // In a very short session with many focus patterns the warm-up goes last of all: the first
  // items are comfort and mobility work, which warm the hip up anyway.
  const warmups = !cutSets || fits(fullWarmups) ? fullWarmups : fits(1) ? 1 : 0;
  const [perDay, sets] = fits(warmups) ?? steps[steps.length - 1]!;
  const warmup = chooseWarmups(plan, library, day + personOffset(userId, library.warmups.length), warmups);
  const budget = minutes - warmup.reduce((sum, w) => sum + w.minutes, 0);
  // Without the rotation (a mutation test), focus items simply queue by urgency for the minutes.
  const todayFocus = ruleOn(options, 'focus-twice-weekly') ? cyclicWindow(focus, day * perDay + personOffset(userId, focus.length), perDay) : [];
  // Off days: each loading item's level-below stand-in takes its place (E1).
  const standIns = spacing && !loadingToday && ruleOn(options, 'off-day-substitute') ? loading.flatMap((i) => offDaySubstitute(i, ctx) ?? []) : [];
  const todayLoading = loadingToday ? loadingFocus : standIns.filter((i) => i.tier === 'focus');
  const must = [...todayFocus, ...todayLoading].map((i) => withSets(i, sets, library));
  const chosen: SessionItem[] = [];
  let left = budget;
  const take = (item: SessionItem) => {
    if (item.minutes <= left && !chosen.some((c) => c.pattern === item.pattern && c.side === item.side)) {
      chosen.push(item);
      left -= item.minutes;
    }
  };
  must.forEach(take);
  const extraLoading = spacing && loadingToday ? loading.filter((i) => i.tier === 'foundation') : standIns.filter((i) => i.tier === 'foundation');
  const walk = WALKING_DAYS.includes(cycleDay(userId, day)) ? walkingDoseFor(plan, library, req.planStart === undefined ? 0 : day - dayNumber(req.planStart), options) : null;
  [...extraLoading, ...cyclicWindow(foundation, day + personOffset(userId, foundation.length), foundation.length), ...focus].forEach(take);

  const items = [...chosen].sort(ruleOn(options, 'impact-after-warmup') ? impactFirst : sessionOrder);
  // The walk comes last and sits outside the session's minutes: it can be done any time of day.
  if (walk) items.push({ ...exerciseItem(walk.base, walk.exercise, walk.rung, ctx), weeklyWalk: true });
  return { ...empty, warmup, items, estimatedMinutes: Math.round(total([...warmup, ...chosen]) * 2) / 2 };
}

/** Items for the patterns a goal has opened (impact for running and field sport). */
function goalItems(plan: Plan, ctx: DayContext): SessionItem[] {
  return openGoalPatterns(plan, ctx.library, ctx.levels, ctx.options).map(({ pattern, level }) => {
    const chain = ctx.library.chains[pattern];
    const exercise = chooseExercise(levelAt(chain, level), ctx.equipment, limitsFor(ctx.gates, 'both'), ctx.options);
    const rung = Math.min(ctx.levels[trackKey(pattern, 'both')]?.rung ?? 0, topRung(exercise, ctx.options));
    const base = { pattern, side: 'both' as const, tier: 'focus' as const, reasons: [{ testId: null, side: 'both' as const, finding: 'goal', ruleId: GOAL_IMPACT_RULE_ID }] };
    return exerciseItem(base, exercise, rung, ctx);
  });
}

function total(items: readonly SessionItem[]): number {
  return items.reduce((sum, i) => sum + i.minutes, 0);
}

/** Gentle before hard: comfort and mobility work first, loading last, then the pattern order. */
function sessionOrder(a: SessionItem, b: SessionItem): number {
  return (
    STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) ||
    PATTERN_IDS.indexOf(a.pattern) - PATTERN_IDS.indexOf(b.pattern) ||
    a.side.localeCompare(b.side)
  );
}

/** Physio review E8: impact work (hops, landings, runs) straight after the warm-up, legs fresh; the rest gentle before hard. */
function impactFirst(a: SessionItem, b: SessionItem): number {
  return Number(b.pattern === 'impact') - Number(a.pattern === 'impact') || sessionOrder(a, b);
}
