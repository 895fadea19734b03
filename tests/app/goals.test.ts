import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Coach } from '../../src/app/coach.js';
import { getLibrary } from '../../src/content/load.js';
import { progressionStates, saveTrackState } from '../../src/db/repos/progression.js';
import { driveAssessment, driveChecks, finishOpenSitting } from '../support/drive.js';
import { fixedClock } from '../../testkit/clock.js';
import { createTempDb, type TempDb } from '../../testkit/temp-db.js';

const library = getLibrary();
const ME = '222222222222222222';

describe('Goal per person: stored, read with fallbacks, changed with the plan rebuilt', () => {
  let db: TempDb;
  let coach: Coach;

  beforeEach(() => {
    db = createTempDb();
    coach = new Coach({ db: db.handle.db, library, clock: fixedClock('2026-11-28T08:00:00Z').clock });
  });
  afterEach(() => { db.cleanup(); });

  const rows = () => progressionStates(db.handle.db, ME).map((s) => `${s.pattern}:${s.side}:${s.level}:${s.rung}:${s.goodExposures}`);

  it('reads everyday life for someone new and stores the goal step answer', () => {
    expect(coach.goalOf(ME)).toBe('daily_life');
    coach.consent(ME);
    expect(driveAssessment(coach, ME, { goal: 'lifting' })?.kind).toBe('complete');
    expect(coach.findPerson(ME)!.goal).toBe('lifting');
    expect(coach.goalOf(ME)).toBe('lifting');
  });

  it('rebuilds the plan around a new goal and keeps every level and streak', () => {
    coach.consent(ME);
    driveAssessment(coach, ME);
    const before = coach.activePlan(ME)!;
    const track = progressionStates(db.handle.db, ME)[0]!;
    // Progress made since the plan: one track two levels up with a streak going.
    saveTrackState(db.handle.db, ME, { ...track, level: track.level + 2, rung: 1, goodExposures: 1, levelSince: track.levelSince ?? "2026-11-28" }, new Date('2026-12-01T08:00:00Z'));
    const kept = rows();

    const result = coach.setGoal(ME, 'running');
    expect(result).toMatchObject({ ok: true, changed: true, rebuilt: true });
    if (!result.ok) return;
    expect(result.message).toMatch(/^Your goal is now running: your levels stay/);
    expect(result.message).toContain('The hop test comes as a quick check');
    expect(result.message.split('\n')).toHaveLength(1);
    const after = coach.activePlan(ME)!;
    expect(after.id).not.toBe(before.id);
    expect(after.plan.goal).toBe('running');
    expect(after.plan.gates.goal).toBe('running');
    expect(after.plan.items.map((i) => i.exerciseId)).toEqual(before.plan.items.map((i) => i.exerciseId));
    expect(rows()).toEqual(kept);
    // The person has this plan already: /assess does not offer it as an unseen plan.
    expect(coach.assessmentEntry(ME).kind).toBe('has_plan');
    expect(coach.findPerson(ME)!.goal).toBe('running');
  });

  it('makes the never-done hop a check on its own when the goal turns to running, and the plan takes its result', () => {
    coach.consent(ME);
    driveAssessment(coach, ME);
    expect(coach.pendingChecks(ME)).toEqual([]);
    coach.setGoal(ME, 'running');
    expect(coach.pendingChecks(ME)).toEqual(['single_leg_hop']);
    expect(coach.daily.checksOffer(ME)).toMatchObject({ tests: ['single_leg_hop'], minutes: 2, after: 0 });
    const opened = coach.startChecks(ME);
    if (opened.kind !== 'open') throw new Error(opened.kind);
    expect(opened.assessment.step).toBe('test:single_leg_hop');
    expect(opened.view.footer).toBe('Test 1 of 1');
    // The shared driver walks the open sitting from this step.
    const result = driveChecks(coach, ME, { single_leg_hop: { left: { rating: 'steady', pain: 0 }, right: { rating: 'steady', pain: 0 } } });
    expect(result).toMatchObject({ kind: 'complete', checks: { left: 0 } });
    expect(coach.pendingChecks(ME)).toEqual([]);
    expect(coach.activePlan(ME)!.plan.goal).toBe('running');
    const rows = db.handle.sqlite.prepare("select side from assessment_results where test_id = 'single_leg_hop'").all();
    expect(rows).toHaveLength(2);
  });

  it('takes the queued hop back out when the goal changes to one that does not ask it, and keeps a done hop done', () => {
    coach.consent(ME);
    driveAssessment(coach, ME, { checks: false });
    const pending = coach.pendingChecks(ME);
    coach.setGoal(ME, 'field_court_sport');
    expect(coach.pendingChecks(ME)).toEqual(['single_leg_hop', ...pending]);
    coach.setGoal(ME, 'lifting');
    expect(coach.pendingChecks(ME)).toEqual(pending);
    expect(coach.setGoal(ME, 'lifting')).toMatchObject({ changed: false });
    // With the hop done on a running goal, another hop goal does not ask it again.
    coach.setGoal(ME, 'running');
    driveChecks(coach, ME);
    coach.setGoal(ME, 'field_court_sport');
    expect(coach.pendingChecks(ME)).toEqual([]);
    const back = coach.setGoal(ME, 'daily_life');
    expect(back.ok && back.message).not.toContain('hop');
  });

  it('keeps a goal changed while a checks sitting is open: the rebuilt plan follows it and the hop joins the checks to come', () => {
    coach.consent(ME);
    driveAssessment(coach, ME, { checks: false });
    const pending = coach.pendingChecks(ME);
    expect(coach.startChecks(ME).kind).toBe('open');
    coach.setGoal(ME, 'running');
    const result = finishOpenSitting(coach, ME);
    expect(result.kind).toBe('complete');
    expect(coach.activePlan(ME)!.plan.goal).toBe('running');
    expect(coach.pendingChecks(ME)).toEqual(['single_leg_hop', ...pending.slice(2)]);
    expect(result.kind === 'complete' && result.checks?.left).toBe(pending.length - 2 + 1);
  });

  it('is idempotent: the same goal again changes nothing', () => {
    coach.consent(ME);
    driveAssessment(coach, ME);
    expect(coach.setGoal(ME, 'walking_hiking')).toMatchObject({ ok: true, changed: true });
    const planId = coach.activePlan(ME)!.id;
    const kept = rows();
    const again = coach.setGoal(ME, 'walking_hiking');
    expect(again).toMatchObject({ ok: true, changed: false, rebuilt: false, message: 'Your goal is already walking and hiking. Nothing changed.' });
    expect(coach.activePlan(ME)!.id).toBe(planId);
    expect(rows()).toEqual(kept);
  });

  it('answers an unknown goal with a friendly error and changes nothing', () => {
    coach.consent(ME);
    driveAssessment(coach, ME, { goal: 'lifting' });
    const planId = coach.activePlan(ME)!.id;
    const result = coach.setGoal(ME, 'marathon');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/^I do not know that goal\. Pick one of: everyday life; .*running/);
    expect(coach.findPerson(ME)!.goal).toBe('lifting');
    expect(coach.activePlan(ME)!.id).toBe(planId);
  });

  it('stores the goal of someone with no plan yet and promises to use it', () => {
    coach.consent(ME);
    const result = coach.setGoal(ME, 'field_court_sport');
    expect(result).toMatchObject({ ok: true, changed: true, rebuilt: false });
    if (result.ok) expect(result.message).toContain('once your check-in is done');
    expect(coach.goalOf(ME)).toBe('field_court_sport');
  });
});
