import { describe, expect, it } from 'vitest';
import { weekPain, weeklySummary, type WeekFeedback } from '../../src/coaching/progress.js';
import { weeklyView } from '../../src/scheduler/messages.js';

const done = (localDate: string) => ({ localDate, status: 'done' as const });
const fb = (localDate: string, painDuring: number): WeekFeedback => ({ localDate, painDuring, decisions: [] });

describe('weekly session pain, in the person\'s own answers', () => {
  it('counts the sessions kept within 3/10 and names the highest score above it, never an invented average', () => {
    expect(weekPain([])).toBeNull();
    expect(weekPain([fb('2026-11-30', 3), fb('2026-12-01', 3)])).toEqual({ sessions: 2, withinOk: 2, highestAbove: null });
    expect(weekPain([fb('2026-11-30', 3), fb('2026-12-01', 7), fb('2026-12-02', 5)])).toEqual({ sessions: 3, withinOk: 1, highestAbove: 7 });
  });

  it('the weekly message says it in words, with last week beside it', () => {
    // 2026-12-02 is a Wednesday; the week starts on Monday 2026-11-30.
    const days = ['2026-11-30', '2026-12-01', '2026-12-02'].map(done);
    const quiet = weeklySummary(days, [fb('2026-11-30', 3), fb('2026-12-01', 3), fb('2026-12-02', 3)], '2026-12-02');
    expect(weeklyView(quiet).body).toContain('Sessions at 3/10 or less: 3 of 3.');
    expect(weeklyView(quiet).body).not.toMatch(/Highest|Average/);
    const sore = weeklySummary(days, [fb('2026-11-24', 5), fb('2026-11-26', 3), fb('2026-12-01', 3), fb('2026-12-02', 6)], '2026-12-02');
    expect(weeklyView(sore).body).toContain('Sessions at 3/10 or less: 1 of 2 (last week 1 of 2). Highest: 6/10.');
    expect(weeklyView(weeklySummary(days, [], '2026-12-02')).body).toContain('No feedback this week yet.');
  });
});
