import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gridRows } from '../../src/charts/data.js';
import type { Coach } from '../../src/app/coach.js';
import type { Rating } from '../../src/content/ids.js';
import { getLibrary } from '../../src/content/load.js';
import { comparisonText } from '../../src/views/plan-view.js';
import { driveAssessment } from '../support/drive.js';
import { coachEnv, type CoachEnv } from '../../testkit/coach-env.js';

const library = getLibrary();
const ME = '333333333333333333';

/**
 * Issue 12's new tests (hip extension range, single-leg bridge, the hop for a running goal) and
 * the 90/90 which-hip answer, wherever the others appear: the export, the check-in comparison
 * and the chart data.
 */
describe('the v2 tests in exports, comparisons and charts', () => {
  let env: CoachEnv;
  let time: CoachEnv['time'];
  let coach: Coach;

  beforeEach(() => {
    ({ time, coach } = env = coachEnv());
    coach.consent(ME);
  });
  afterEach(() => { env.cleanup(); });

  /** A running-goal assessment: the 90/90 left side hurts at the given hip, the new tests rated, then the hop. */
  function assess(hip: 'front' | 'back', range: Rating, bridge: Rating, hop: Rating) {
    const r = driveAssessment(coach, ME, {
      goal: 'running',
      tests: {
        ninety_ninety_sit: { left: { rating: 'partial', pain: 3, painPlace: 'front', hip }, right: { rating: 'full', pain: 0 } },
        hip_extension_range: { left: { rating: range, pain: 0 }, right: { rating: 'full', pain: 0 } },
        single_leg_bridge: { left: { rating: bridge, pain: 0 }, right: { rating: 'strong', pain: 0 } },
        // The hop is asked of the running goal only (in the deferred checks of a first assessment).
        single_leg_hop: { left: { rating: hop, pain: 0 }, right: { rating: hop, pain: 0 } },
      },
    });
    if (!r) throw new Error('no result');
    return r;
  }

  it('exports every new result and the which-hip answer', () => {
    expect(assess('back', 'limited', 'weak', 'wobbly').kind).toBe('complete');
    const data = coach.exportData(ME);
    const results = data.assessment_results as { testId: string; side: string; rating: string }[];
    for (const testId of ['hip_extension_range', 'single_leg_bridge', 'single_leg_hop']) {
      expect(results.filter((r) => r.testId === testId).map((r) => r.side).sort()).toEqual(['left', 'right']);
    }
    expect(results.find((r) => r.testId === 'single_leg_hop' && r.side === 'left')!.rating).toBe('wobbly');
    // The last deferred-checks sitting holds the whole picture (the 90/90 sit is not a core test).
    const session = (data.assessment_sessions as { draft: { tests: { ninety_ninety_sit: { left: { hip: string } } } } }[]).at(-1);
    expect(session!.draft.tests.ninety_ninety_sit.left.hip).toBe('back');
    expect(data.person!.goal).toBe('running');
  });

  it('compares the new tests and the which-hip answer at a check-in, and charts them', () => {
    assess('back', 'limited', 'weak', 'wobbly');
    time.set('2026-12-28T08:00:00Z');
    const again = assess('front', 'full', 'strong', 'steady');
    expect(again.kind).toBe('complete');
    if (again.kind !== 'complete') return;
    const changes = again.comparison!.changes.filter((c) => c.side === 'left');
    const byTest = Object.fromEntries(changes.map((c) => [c.testId, c]));
    expect(byTest.hip_extension_range).toMatchObject({ before: { rating: 'limited' }, after: { rating: 'full' }, ratingChange: 1 });
    expect(byTest.single_leg_bridge).toMatchObject({ before: { rating: 'weak' }, after: { rating: 'strong' }, ratingChange: 1 });
    expect(byTest.single_leg_hop).toMatchObject({ before: { rating: 'wobbly' }, after: { rating: 'steady' }, ratingChange: 1 });
    expect(byTest.ninety_ninety_sit).toMatchObject({ before: { hip: 'back' }, after: { hip: 'front' }, ratingChange: 0, painChange: 0 });
    const text = comparisonText(again.comparison!, library);
    expect(text).toContain("90/90 sit (left): partial → partial, pain 3 → 3, back leg's hip → front leg's hip");
    expect(text).toContain('Single-leg hops on the spot (left): wobbly → steady');

    const columns = coach.chartData(ME)!.assessments;
    expect(columns).toHaveLength(2);
    expect(columns.map((c) => c.results.get('ninety_ninety_sit:left')?.hip)).toEqual(['back', 'front']);
    expect(columns[1]!.results.get('single_leg_bridge:left')).toMatchObject({ rating: 'strong' });
    const rows = gridRows(columns).map((r) => `${r.testId}:${r.side}`);
    expect(rows).toEqual(expect.arrayContaining(['hip_extension_range:left', 'single_leg_bridge:right', 'single_leg_hop:left']));
    // The hop row only for people who took it.
    expect(gridRows([{ label: 'x', results: new Map() }]).some((r) => r.testId === 'single_leg_hop')).toBe(false);
  });
});
