import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Coach } from '../../src/app/coach.js';
import { getLibrary } from '../../src/content/load.js';
import { addDays, dayNumber } from '../../src/coaching/calendar.js';
import { MIN_DAYS_AT_LEVEL, MIN_GOOD_EXPOSURES } from '../../src/coaching/progression.js';
import { trackKey, type SessionItem } from '../../src/coaching/session.js';
import { engineState, saveTrackState } from '../../src/db/repos/progression.js';
import { feedbackFor } from '../../src/db/repos/workouts.js';
import { driveAssessment } from '../support/drive.js';
import { coachEnv, type CoachEnv } from '../../testkit/coach-env.js';
import type { TempDb } from '../../testkit/temp-db.js';

/** Engine v2 in the running app (issue 11): real SQLite, the Coach facade, a fixed clock. */

const library = getLibrary();
const ME = '111111111111111111';
const GOOD = { painByExercise: {}, effort: 'right', form: 'good' } as const;
const keyOf = (i: Pick<SessionItem, 'pattern' | 'side'>) => trackKey(i.pattern, i.side);

describe('engine v2 wiring', () => {
  let env: CoachEnv;
  let db: TempDb;
  let time: CoachEnv['time'];
  let coach: Coach;

  beforeEach(() => {
    ({ db, time, coach } = env = coachEnv());
    coach.consent(ME);
    coach.updateSettings(ME, { minutes: 60 });
    // Baseline average pain 2: a morning at 4+ is a flare.
    driveAssessment(coach, ME, { pain: { average: 2, worst: 5 } });
  });
  afterEach(() => {
    env.cleanup();
  });

  const today = () => {
    const w = coach.todaysWorkout(ME);
    if ('kind' in w) throw new Error('expected a workout');
    return w;
  };
  const state = () => engineState(db.handle.db, ME, coach.localDate(coach.findPerson(ME)!));

  it('pain named on one exercise steps down only that pattern and side; the rest climb', () => {
    const w = today();
    const hurt = w.session.items[0]!;
    const before = state();
    const out = coach.recordFeedback(ME, w.workout.id, { ...GOOD, painByExercise: { [hurt.exerciseId]: 6 } });
    if (out.kind !== 'recorded') throw new Error(out.kind);
    const after = state();
    const hurtKey = keyOf(hurt);
    const down = out.result.decisions.filter((d) => d.change === 'step_down' || d.change === 'level_down');
    expect(down.map((d) => trackKey(d.pattern, d.side))).toEqual([hurtKey]);
    expect(down[0]).toMatchObject({ ruleId: 'step-down-pain-above-5' });
    const b = before.tracks[hurtKey]!;
    const a = after.tracks[hurtKey]!;
    expect(a.level * 100 + a.rung).toBeLessThan(b.level * 100 + b.rung + (b.rung === 0 && b.level === 1 ? 1 : 0));
    for (const item of w.session.items.filter((i) => keyOf(i) !== hurtKey)) {
      const x = after.tracks[keyOf(item)]!;
      const y = before.tracks[keyOf(item)]!;
      expect(x.level * 100 + x.rung).toBeGreaterThanOrEqual(y.level * 100 + y.rung);
    }
    expect(out.result.lines.some((l) => l.includes('a little less next time') || l.includes('back to level'))).toBe(true);
    expect(feedbackFor(db.handle.db, w.workout.id)?.painByExercise).toEqual({ [hurt.exerciseId]: 6 });
  });

  it('feedback naming an exercise that is not in today’s workout is refused and changes nothing', () => {
    const w = today();
    const before = state();
    expect(coach.recordFeedback(ME, w.workout.id, { ...GOOD, painByExercise: { 'not-today': 7 } }).kind).toBe('invalid');
    expect(state()).toEqual(before);
    expect(feedbackFor(db.handle.db, w.workout.id)).toBeUndefined();
  });

  it('a good session climbs a rung and the next session’s dosage shows it', () => {
    const first = today();
    const out = coach.recordFeedback(ME, first.workout.id, GOOD);
    if (out.kind !== 'recorded') throw new Error(out.kind);
    const climbed = out.result.decisions.filter((d) => d.change === 'rung_up');
    expect(climbed.length).toBeGreaterThan(0);
    time.advanceDays(1);
    expect(coach.recordMorningCheck(ME, 'same')?.verdict).toBe('settled');
    const next = today();
    // An off-day stand-in (physio E1: loading spaced out) is dosed at its own level's top rung, and the
    // weekly walk (E4) is no track's exercise: neither shows the track's rung.
    const shown = next.session.items.filter((i) => !i.offDay && !i.weeklyWalk && climbed.some((d) => trackKey(d.pattern, d.side) === keyOf(i)));
    expect(shown.length).toBeGreaterThan(0);
    for (const item of shown) {
      const was = first.session.items.find((i) => keyOf(i) === keyOf(item))!;
      expect(item.rung).toBe((was.rung ?? 0) + 1);
    }
    // A ladder rung is a bigger dose: at least one climbed item's dosage text changed.
    expect(shown.some((item) => JSON.stringify(item.dosage) !== JSON.stringify(first.session.items.find((i) => keyOf(i) === keyOf(item))!.dosage))).toBe(true);
    expect(state().settledMornings).toBe(1);
  });

  it('a level changes only after 3+ good exposures and 7+ days at that level', () => {
    const since = new Map<string, { date: string; exposures: number }>();
    const start = coach.localDate(coach.findPerson(ME)!);
    let levelUps = 0;
    for (let day = 0; day < 24; day++) {
      const date = addDays(start, day);
      if (day > 0) coach.recordMorningCheck(ME, 'better');
      const w = today();
      const out = coach.recordFeedback(ME, w.workout.id, GOOD);
      if (out.kind !== 'recorded') throw new Error(out.kind);
      for (const item of w.session.items) {
        const k = keyOf(item);
        const s = since.get(k) ?? { date: start, exposures: 0 };
        since.set(k, { ...s, exposures: s.exposures + 1 });
      }
      for (const d of out.result.decisions.filter((x) => x.change === 'level_up')) {
        const s = since.get(trackKey(d.pattern, d.side))!;
        expect(dayNumber(date) - dayNumber(s.date)).toBeGreaterThanOrEqual(MIN_DAYS_AT_LEVEL);
        expect(s.exposures).toBeGreaterThanOrEqual(MIN_GOOD_EXPOSURES);
        since.set(trackKey(d.pattern, d.side), { date, exposures: 0 });
        levelUps++;
      }
      time.advanceDays(1);
    }
    expect(levelUps).toBeGreaterThan(0);
  });

  it('two morning flares in a row reach two step-downs and the clinician nudge', () => {
    const first = today();
    coach.recordFeedback(ME, first.workout.id, GOOD);
    time.advanceDays(1);
    const m1 = coach.recordMorningCheck(ME, 'worse', 5)!;
    expect(m1.verdict).toBe('flare');
    expect(m1.decisions.length).toBeGreaterThan(0);
    expect(m1.decisions.every((d) => d.ruleId === 'step-down-morning-flare')).toBe(true);
    expect(m1.clinicianReview).toBe(false);
    expect(m1.signals).toContain('morning_flare');

    const second = today();
    const out = coach.recordFeedback(ME, second.workout.id, GOOD);
    // The good session climbs again...
    expect(out.kind === 'recorded' && out.result.decisions.some((d) => d.change === 'rung_up' || d.change === 'hold')).toBe(true);
    time.advanceDays(1);
    // ...but the second flare undoes that climb and is the second step-down in a row.
    const m2 = coach.recordMorningCheck(ME, 'worse', 5)!;
    const both = new Set(first.session.items.map(keyOf).filter((k) => second.session.items.some((i) => keyOf(i) === k)));
    expect(both.size).toBeGreaterThan(0);
    for (const k of both) {
      expect(m2.decisions.find((d) => trackKey(d.pattern, d.side) === k)).toMatchObject({ ruleId: 'step-down-morning-flare', clinicianReview: true });
      expect(state().tracks[k]!.stepDowns).toBe(2);
    }
    expect(m2.nudges.length).toBeGreaterThan(0);
    expect(m2.clinicianReview).toBe(true);
    expect(m2.signals).toContain('regressed_twice');
    expect(state().settledMornings).toBe(0);
  });

  it('a flare rebuilds today’s planned workout at the lower dose', () => {
    const first = today();
    coach.recordFeedback(ME, first.workout.id, GOOD);
    time.advanceDays(1);
    // The daily DM builds the day's workout before the morning check is answered.
    const early = today();
    coach.recordMorningCheck(ME, 'worse', 6);
    const after = today();
    expect(after.workout.id).toBe(early.workout.id);
    const levels = state();
    for (const item of after.session.items) {
      const t = levels.tracks[keyOf(item)];
      if (t) expect({ level: item.level, rung: item.rung ?? 0 }).toEqual({ level: t.level, rung: t.rung });
    }
    expect(JSON.stringify(after.session.items)).not.toBe(JSON.stringify(early.session.items));
  });

  it('a reassessment keeps progress instead of resetting every level', () => {
    const plan = coach.activePlan(ME)!.plan;
    const item = plan.items.find((i) => library.chains[i.pattern].levels.length >= i.level + 2)!;
    saveTrackState(db.handle.db, ME, { pattern: item.pattern, side: item.side, level: item.level + 2, rung: 1, goodExposures: 2, levelSince: '2026-11-20', stepDowns: 0 }, time.clock());
    time.advanceDays(28);
    driveAssessment(coach, ME, { pain: { average: 2, worst: 5 } });
    const t = state().tracks[keyOf(item)]!;
    // Same findings: the new start is item.level, and progress keeps the current level minus at most one.
    expect(t.level).toBeGreaterThanOrEqual(item.level + 1);
    expect(t.rung).toBe(0);
  });

  it('the next day’s opening never repeats yesterday’s decision news; the weekly summary counts level changes', () => {
    const w = today();
    const out = coach.recordFeedback(ME, w.workout.id, { ...GOOD, painByExercise: { [w.session.items[0]!.exerciseId]: 8 } });
    expect(out.kind === 'recorded' && out.result.decisions.length).toBeGreaterThan(0);
    time.advanceDays(1);
    const facts = coach.dailyFacts(coach.findPerson(ME)!, coach.localDate(coach.findPerson(ME)!));
    expect(facts.join(' ')).not.toMatch(/level|eased|moved/);
    const down = out.kind === 'recorded' ? out.result.decisions.filter((d) => d.change === 'level_down') : [];
    expect(coach.weekly(ME, coach.localDate(coach.findPerson(ME)!)).moved).toEqual(down.map((d) => ({ pattern: d.pattern, side: d.side, change: 'level_down', toLevel: d.to })));
  });

  it('"none went above 3/10" is stored as the 0-3 answer and counts as a session within 3/10 in the week, not a score', () => {
    // 2026-11-30 is a Monday: a fresh week.
    time.advanceDays(2);
    const quiet = today();
    const out = coach.recordFeedback(ME, quiet.workout.id, GOOD);
    expect(out.kind).toBe('recorded');
    expect(feedbackFor(db.handle.db, quiet.workout.id)).toMatchObject({ painDuring: 3, painByExercise: {} });
    const date = () => coach.localDate(coach.findPerson(ME)!);
    expect(coach.weekly(ME, date()).painThisWeek).toEqual({ sessions: 1, withinOk: 1, highestAbove: null });
    time.advanceDays(1);
    const sore = today();
    coach.recordFeedback(ME, sore.workout.id, { ...GOOD, painByExercise: { [sore.session.items[0]!.exerciseId]: 6 } });
    expect(coach.weekly(ME, date()).painThisWeek).toEqual({ sessions: 2, withinOk: 1, highestAbove: 6 });
  });
});
