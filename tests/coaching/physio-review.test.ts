import { describe, expect, it } from 'vitest';
import { getLibrary } from '../../src/content/load.js';
import { dosageAt, ladderOf } from '../../src/coaching/dosage.js';
import { buildPlan, formatDosage } from '../../src/coaching/plan.js';
import { decideSession, initialTrack, type EngineState } from '../../src/coaching/progression.js';
import { buildSession, isLoadingDay, trackKey } from '../../src/coaching/session.js';
import { addDays, dayNumber } from '../../src/coaching/calendar.js';
import { allClearTests, makeAnswers } from '../support/answers.js';

/** The physio review's engine recommendations E1-E8 (docs/reviews/physio-review-2026-12.md), one behaviour each. */
const library = getLibrary();
const exercise = (id: string) => library.exerciseById.get(id)!;
const USER = '123456789012345678';
const START = '2026-03-02';

/** The first date from START that is (or is not) a loading day for USER. */
function firstDay(loading: boolean): string {
  for (let i = 0; ; i++) if (isLoadingDay(USER, dayNumber(addDays(START, i))) === loading) return addDays(START, i);
}

describe('E3: activity blocks read as walks and runs', () => {
  it('words run-walk, a continuous run, strides and a walk from their rung', () => {
    const runWalk = exercise('impact_run_walk_intervals');
    expect(formatDosage(dosageAt(runWalk, 3), runWalk.bout)).toBe('5 runs of 4 min, 2 min walk between');
    const run = exercise('impact_continuous_run_build');
    expect(formatDosage(dosageAt(run, 3), run.bout)).toBe('run 30 min');
    const strides = exercise('impact_strides');
    expect(formatDosage(strides.dosage, strides.bout)).toBe('4 strides, 90 s walk back between');
    const walk = exercise('walking_dose');
    expect(formatDosage(walk.dosage, walk.bout)).toBe('walk 15 min');
    expect(formatDosage(runWalk.dosage)).toBe('5 x 60 s hold, rest 120 s');
  });
});

describe('E7: a one-sided item says so, in the plan and in the session alike', () => {
  const tests = { ...allClearTests(), active_hip_flexion: { left: { rating: 'full', pain: 0 }, right: { rating: 'partial', pain: 5, painPlace: 'front' } } };
  const plan = buildPlan(makeAnswers({ tests, prefs: { minutes: 60 } }), library);
  const right = plan.items.find((i) => i.pattern === 'hip_flexion' && i.side === 'right')!;

  it('prints "right side only" in the plan, never "each side"', () => {
    expect(right.dosage.text).toMatch(/, right side only$/);
    expect(right.dosage.text).not.toContain('each side');
  });

  it('gives the session the same words for the same dosage', () => {
    const session = buildSession({ plan, userId: USER, localDate: START }, library);
    const item = session.items.find((i) => i.pattern === 'hip_flexion' && i.side === 'right')!;
    expect(item.rung).toBe(0);
    expect(item.dosage.text).toBe(right.dosage.text);
  });
});

describe('E6: ladders derived from a dosage stop at 3 sets', () => {
  it('adds repetitions, not a fourth set, to a 3-set exercise', () => {
    const ladder = ladderOf(exercise('bodyweight_good_morning'));
    expect(Math.max(...ladder.map((r) => r.sets))).toBe(3);
    expect(ladder.at(-1)!.reps).toBeGreaterThan(ladder[0]!.reps!);
    expect(ladderOf(exercise('bodyweight_good_morning'), { without: ['auto-ladder-three-sets'] }).some((r) => r.sets > 3)).toBe(true);
  });
});

describe('E1: off days give a loading pattern its level-below exercise', () => {
  const plan = buildPlan(makeAnswers({ tests: allClearTests(), prefs: { minutes: 60 } }), library);
  const hinge = trackKey('hip_hinge', 'both');
  const levels = { [hinge]: { level: 5, rung: 2 } };

  it('keeps the loading exercise for loading days and marks the stand-in on the others', () => {
    const on = buildSession({ plan, userId: USER, localDate: firstDay(true), levels }, library).items.find((i) => i.pattern === 'hip_hinge')!;
    expect(on).toMatchObject({ level: 5, stage: 'loading' });
    expect(on.offDay).toBeUndefined();
    const off = buildSession({ plan, userId: USER, localDate: firstDay(false), levels }, library).items.find((i) => i.pattern === 'hip_hinge')!;
    expect(off).toMatchObject({ level: 4, stage: 'strength', offDay: true });
    expect(buildSession({ plan, userId: USER, localDate: firstDay(false), levels, options: { without: ['off-day-substitute'] } }, library).items.some((i) => i.pattern === 'hip_hinge')).toBe(false);
  });

  it('never moves the level or the rung on a good stand-in day; a painful one eases the track where it stands', () => {
    const date = firstDay(false);
    const session = buildSession({ plan, userId: USER, localDate: date, levels }, library);
    const standIn = session.items.find((i) => i.offDay)!;
    const key = trackKey(standIn.pattern, standIn.side);
    const state: EngineState = { tracks: { [key]: { ...initialTrack(5, '2026-02-01'), rung: 2, goodExposures: 4 } }, settledMornings: 5 };
    const good = decideSession({ plan, session, feedback: { done: true, pain: 1, effort: 'right', form: 'good', morning: 'settled' }, state, library });
    expect(good.state.tracks[key]).toEqual(state.tracks[key]);
    expect(good.decisions.filter((d) => d.pattern === standIn.pattern)).toEqual([]);
    const sore = decideSession({ plan, session, feedback: { done: true, pain: 1, painByExercise: { [standIn.exerciseId]: 7 }, effort: 'right', form: 'good', morning: 'settled' }, state, library });
    expect(sore.state.tracks[key]).toMatchObject({ level: 5, rung: 1 });
  });
});

describe('E4: everyday goals get a walking dose that builds', () => {
  it('offers the walk 3 days a week for daily life, longer in week 3, and never to a lifter', () => {
    const walker = buildPlan(makeAnswers({ tests: allClearTests(), prefs: { minutes: 40 } }), library);
    const week = (from: number) => Array.from({ length: 7 }, (_, i) => buildSession({ plan: walker, userId: USER, localDate: addDays(START, from + i), planStart: START }, library));
    const walks = week(0).flatMap((s) => s.items.filter((i) => i.weeklyWalk));
    expect(walks).toHaveLength(3);
    expect(walks[0]!.dosage.text).toBe('walk 15 min');
    expect(week(14).flatMap((s) => s.items.filter((i) => i.weeklyWalk))[0]!.dosage.text).toBe('walk 25 min');
    const lifter = buildPlan(makeAnswers({ tests: allClearTests(), goal: 'lifting', prefs: { minutes: 40 } }), library);
    const lifts = Array.from({ length: 7 }, (_, i) => buildSession({ plan: lifter, userId: USER, localDate: addDays(START, i), planStart: START }, library));
    expect(lifts.some((s) => s.items.some((i) => i.weeklyWalk))).toBe(false);
  });

  it('leaves the walk out of progression', () => {
    const plan = buildPlan(makeAnswers({ tests: allClearTests(), prefs: { minutes: 40 } }), library);
    const session = Array.from({ length: 7 }, (_, i) => buildSession({ plan, userId: USER, localDate: addDays(START, i), planStart: START }, library)).find((s) => s.items.some((i) => i.weeklyWalk))!;
    const { decisions } = decideSession({ plan, session, feedback: { done: true, pain: 1, effort: 'right', form: 'good', morning: 'settled' }, state: { tracks: {}, settledMornings: 0 }, library });
    const walk = session.items.find((i) => i.weeklyWalk)!;
    expect(decisions.some((d) => d.pattern === walk.pattern && d.fromRung === walk.rung && d.from === walk.level)).toBe(false);
  });
});

describe('E2 and E5: the positions an exercise loads, the drill a finding needs', () => {
  it('keeps deep-flexion versions away from a side whose hip flexion hurts, and opens them when it does not', () => {
    const painful = { ...allClearTests(), active_hip_flexion: { left: { rating: 'full', pain: 0 }, right: { rating: 'partial', pain: 5, painPlace: 'front' } } };
    const plan = buildPlan(makeAnswers({ tests: painful, prefs: { minutes: 60 } }), library);
    const squatAt5 = (p: typeof plan) => buildSession({ plan: p, userId: USER, localDate: firstDay(true), levels: { [trackKey('squat', 'both')]: { level: 5 } } }, library).items.find((i) => i.pattern === 'squat')!;
    expect(squatAt5(plan).level).toBe(4);
    const clear = buildPlan(makeAnswers({ tests: allClearTests(), prefs: { minutes: 60 } }), library);
    expect(squatAt5(clear).level).toBe(5);
  });

  it('gives a tight front of the hip a lengthener, but keeps the face-down lift when that lift hurts', () => {
    const tight = { ...allClearTests(), hip_extension_range: { left: { rating: 'limited', pain: 0 }, right: { rating: 'limited', pain: 0 } } };
    const pick = (tests: Record<string, unknown>) => buildPlan(makeAnswers({ tests, prefs: { minutes: 60 } }), library).items.find((i) => i.pattern === 'hip_extension')!.exerciseId;
    expect(pick(tight)).toBe('half_kneeling_hip_flexor_lengthen');
    const sore = { ...tight, prone_hip_extension: { left: { rating: 'strong', pain: 2, painPlace: 'back' }, right: { rating: 'strong', pain: 2, painPlace: 'back' } } };
    expect(pick(sore)).toBe('prone_straight_leg_lift');
  });
});
