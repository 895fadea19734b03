import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_IDS, TEST_SPEC } from '../../src/content/ids.js';
import { CORE_TESTS, testsForGoal } from '../../src/flows/assessment-state.js';

// A first plan asks the core tests; the console walks them in spec order.
const EVERYONE_TEST_IDS = CORE_TESTS;
import { hipcoach } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hipcoach-try-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

/** Answers for a range of tests: rating 1 (best) and pain 0 on every side. */
function testLines(tests: readonly string[]): string[] {
  return tests.flatMap((t) => (TEST_SPEC[t as (typeof TEST_IDS)[number]].sides === 'both' ? ['1', '0'] : ['1', '0', '1', '0']));
}
// After the safety pages, Enter keeps the default goal (everyday life: no hop test).
// Setup: Enter keeps the computer's zone, a 7pm message, 20 minutes, equipment 1 (a band).
// Two safety pages since issue 13 (the PAR-Q questions joined page 2).
const onboarding = ['yes', '', '7pm', '20', '1', 'none', 'none', '', '4', '6', 'climbing stairs: 5', ''];

function run(db: string, lines: string[], now = '2026-11-28T08:00:00Z') {
  return hipcoach(['try', '--db', db], { input: lines.join('\n') + '\n', env: { HIPCOACH_NOW: now } });
}

describe('npm run try: the console coach', () => {
  const db = join(dir, 'coach.db');

  it('stops when input ends and saves everything so far', () => {
    const r = run(db, [...onboarding, ...testLines(EVERYONE_TEST_IDS.slice(0, 3))]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Welcome to HipCoach');
    expect(r.stdout).toContain('Test 4 of 7');
    // Each test screen writes its figure next to the database and prints where it is.
    for (const testId of EVERYONE_TEST_IDS.slice(0, 4)) {
      const path = join(dir, 'figures', `${testId}.png`);
      expect(r.stdout).toContain(`Picture: ${path}`);
      expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
    }
    expect(r.stdout).toContain('Paused and saved');
    const sqlite = new Database(db, { readonly: true });
    const row = sqlite.prepare("select step, draft from assessment_sessions where status = 'in_progress'").get() as { step: string; draft: string };
    sqlite.close();
    expect(row.step).toBe('test:flexion_adduction_comfort');
    const draft = JSON.parse(row.draft) as { tests: Record<string, unknown>; baseline: { psfs: unknown[] } };
    expect(Object.keys(draft.tests)).toEqual(['active_hip_flexion', 'seated_internal_rotation', 'side_lying_abduction']);
    expect(draft.baseline.psfs).toEqual([{ activity: 'climbing stairs', score: 5 }]);
  });

  it('resumes at the same step on the next run, then builds the plan and logs today\'s workout', () => {
    const rest = testLines(EVERYONE_TEST_IDS.slice(3));
    // Not the checks today; then Done, effort about right, form good, no exercise above 3/10 (the v2 feedback questions).
    const r = run(db, [...rest, '', 'no', '1', '2', '1', '']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Picking up your assessment where you left it');
    expect(r.stdout).not.toContain('Welcome to HipCoach');
    expect(r.stdout.indexOf('Test 4 of 7')).toBeGreaterThan(-1);
    expect(r.stdout).not.toContain('Test 3 of 7');
    expect(r.stdout).toContain('Your HipCoach plan');
    expect(r.stdout).toContain("Today's workout · Saturday 28 November");
    expect(r.stdout).toContain('Feedback saved');
  });

  it('asks the morning check on the next day before the new workout', () => {
    // Same as usual (no pain question then), not the checks today, then later.
    const r = run(db, ['2', 'no', '3'], '2026-11-29T07:30:00Z');
    expect(r.stdout).toContain('Last time (2026-11-28) you trained');
    expect(r.stdout).toContain('Morning check saved');
    expect(r.stdout).toContain("Today's workout · Sunday 29 November");
    expect(r.stdout).toContain('It will be here when you are ready');
  });

  it('changes the goal from the settings menu: the plan is rebuilt, levels kept, and the goal shown', () => {
    const r = hipcoach(['try', '--db', db, '--settings'], { input: ['2', '3', '3'].join('\n') + '\n', env: { HIPCOACH_NOW: '2026-11-29T09:00:00Z' } });
    expect(r.stdout).toContain('goal: everyday life.');
    expect(r.stdout).toContain('Your goal is now running: your levels stay, and hop and running drills join');
    const sqlite = new Database(db, { readonly: true });
    const row = sqlite.prepare("select goal from people where id = 'console:local'").get() as { goal: string };
    const plan = sqlite.prepare('select plan from plans where active = 1').get() as { plan: string };
    sqlite.close();
    expect(row.goal).toBe('running');
    expect((JSON.parse(plan.plan) as { goal: string }).goal).toBe('running');
  });

  it('offers the next two checks with the day\'s workout; doing them updates the plan and the day goes on', () => {
    const other = join(dir, 'checks.db');
    const pending = testsForGoal('daily_life').filter((t) => !CORE_TESTS.includes(t));
    const first = run(other, [...onboarding, ...testLines(CORE_TESTS), '', 'yes', ...testLines(pending.slice(0, 2)), '', '3']);
    expect(first.stdout).toContain('Two quick checks today (about 3 min)');
    expect(first.stdout).toContain('Test 1 of 2');
    expect(first.stdout).toContain('Thank you: checks done');
    expect(first.stdout).toContain(`${pending.length - 2} more to come`);
    expect(first.stdout).toContain('It will be here when you are ready');
    const sqlite = new Database(other, { readonly: true });
    const latest = sqlite.prepare("select draft from assessment_sessions where status = 'completed' order by id desc limit 1").get() as { draft: string };
    expect((sqlite.prepare('select count(*) n from plans').get() as { n: number }).n).toBe(2);
    sqlite.close();
    expect((JSON.parse(latest.draft) as { later: string[] }).later).toEqual(pending.slice(2));
    // A later run offers the next two, by name.
    const next = run(other, ['no', '3'], '2026-11-28T12:00:00Z');
    expect(next.stdout).toMatch(/Two quick checks today \(about 3 min\): /);
    expect(next.stdout).toContain('It will be here when you are ready');
  });

  it('pauses on "p" in the middle of a test and keeps the answers given', () => {
    const other = join(dir, 'pause.db');
    const r = run(other, [...onboarding, '2', '3', '1', 'p']);
    expect(r.stdout).toContain('Paused and saved');
    const again = run(other, ['p']);
    expect(again.stdout).toContain('Picking up your assessment');
    expect(again.stdout).toContain('Test 1 of 7');
    // The left side is complete (rating, pain, place): the screen resumes at the right side.
    expect(again.stdout).toMatch(/Right side \(lifted knee\): how did it go\?/);
  });

  it('stops with the referral when a red flag is ticked and confirmed (a slip is undone), and asks about clearance next time', () => {
    const other = join(dir, 'flag.db');
    // A time it cannot read is asked again; then: tick 3, "by mistake", tick 3 again, "that's right".
    const r = run(other, ['yes', '', 'soon', '7:30 am', '', '', 'none', '3', '2', '3', '1']);
    expect(r.stdout).toContain('I could not read that time. Try something like 7pm');
    expect(r.stdout).toContain('You ticked:');
    expect(r.stdout).toContain('Nothing was saved');
    expect(r.stdout.match(/Safety check 2 of 2/g)).toHaveLength(2);
    expect(r.stdout).toContain('Please see a doctor first');
    expect(r.stdout).toContain('Get emergency care if:');
    const sqlite = new Database(other, { readonly: true });
    expect(sqlite.prepare('select reminder_time from people').get()).toEqual({ reminder_time: '07:30' });
    expect((sqlite.prepare('select count(*) n from red_flag_screens').get() as { n: number }).n).toBe(1);
    sqlite.close();
    expect(r.stdout).not.toContain('Your HipCoach plan');
    const again = run(other, ['no']);
    expect(again.stdout).toContain('Has a doctor or other clinician now cleared you');
    expect(again.stdout).toContain('Your workouts stay paused');
  });

  it('declining consent stores nothing about health', () => {
    const other = join(dir, 'decline.db');
    const r = run(other, ['no']);
    expect(r.stdout).toContain('Nothing about your health has been stored');
    const sqlite = new Database(other, { readonly: true });
    const counts = ['assessment_sessions', 'red_flag_screens', 'measures'].map((t) => (sqlite.prepare(`select count(*) n from ${t}`).get() as { n: number }).n);
    sqlite.close();
    expect(counts).toEqual([0, 0, 0]);
  });
});
