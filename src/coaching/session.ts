import { PATTERN_IDS, STAGES, type EquipmentId, type PatternId, type Side } from '../content/ids.js';
import type { Library } from '../content/library.js';
import type { Exercise } from '../content/schema.js';
import { dayNumber } from './calendar.js';
import { stableHash } from './hash.js';
import {
  clampLevel,
  dosageView,
  focusPerDay,
  pickExercise,
  warmupCount,
  warmupMinutes,
  type Plan,
  type PlanItem,
  type Reason,
} from './plan.js';
import type { Referral } from './safety.js';
import { SESSION_RULES } from './rules.js';

/** Where a person stands on one pattern's chain, keyed by `pattern:side`. */
export interface TrackLevel {
  level: number;
}
export type ProgressionLevels = Readonly<Record<string, TrackLevel | undefined>>;

export function trackKey(pattern: PatternId, side: Side): string {
  return `${pattern}:${side}`;
}

export interface SessionItem extends Omit<PlanItem, 'tier'> {
  tier: PlanItem['tier'] | 'warmup';
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

function atCurrentLevel(item: PlanItem, library: Library, equipment: readonly EquipmentId[], levels: ProgressionLevels): SessionItem {
  const chain = library.chains[item.pattern];
  const current = levels[trackKey(item.pattern, item.side)]?.level ?? item.level;
  const exercise = pickExercise(chain, clampLevel(chain, current), equipment);
  return {
    ...item,
    exerciseId: exercise.id,
    name: exercise.name,
    level: exercise.level,
    stage: exercise.stage,
    dosage: dosageView(exercise.dosage),
    minutes: exercise.minutes,
  };
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
    dosage: dosageView({ ...e.dosage, sets: 1, restSeconds: 0 }),
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

/**
 * Today's session: a warm-up, then the day's focus items (a rotation that brings each focus
 * pattern round at least 3 times in any 7 days), then foundation items while time allows.
 * Pure: the same request gives the same session.
 */
export function buildSession(req: SessionRequest, library: Library): Session {
  const { plan, userId, localDate } = req;
  const minutes = req.minutes ?? plan.minutes;
  const equipment = req.equipment ?? plan.equipment;
  const levels = req.levels ?? {};
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

  const warmup = chooseWarmups(plan, library, day + personOffset(userId, library.warmups.length), warmupCount(minutes));
  let left = minutes - warmup.reduce((sum, w) => sum + w.minutes, 0);

  const current = plan.items.map((i) => atCurrentLevel(i, library, equipment, levels));
  const focus = current.filter((i) => i.tier === 'focus');
  const foundation = current.filter((i) => i.tier === 'foundation');

  const perDay = focusPerDay(focus.length);
  const todayFocus = cyclicWindow(focus, day * perDay + personOffset(userId, focus.length), perDay);
  const chosen = new Set<SessionItem>();
  // Focus first (the plan sized the rotation so it fits), then foundation, then extra focus.
  const candidates = [
    ...todayFocus,
    ...cyclicWindow(foundation, day + personOffset(userId, foundation.length), foundation.length),
    ...focus.filter((i) => !todayFocus.includes(i)),
  ];
  for (const item of candidates) {
    if (item.minutes <= left) {
      chosen.add(item);
      left -= item.minutes;
    }
  }

  const items = current.filter((i) => chosen.has(i)).sort(sessionOrder);
  const total = [...warmup, ...items].reduce((sum, i) => sum + i.minutes, 0);
  return { ...empty, warmup, items, estimatedMinutes: Math.round(total * 2) / 2 };
}

/** Gentle before hard: comfort and mobility work first, loading last, then the pattern order. */
function sessionOrder(a: SessionItem, b: SessionItem): number {
  return (
    STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) ||
    PATTERN_IDS.indexOf(a.pattern) - PATTERN_IDS.indexOf(b.pattern) ||
    a.side.localeCompare(b.side)
  );
}
