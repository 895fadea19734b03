import { describe, expect, it } from 'vitest';
import { AT_MOST_OK_WEEKLY_PAIN, weeklyPain, weeklySummary, type WeekFeedback } from '../../src/coaching/progress.js';

const done = (localDate: string) => ({ localDate, status: 'done' as const });
const fb = (localDate: string, painDuring: number): WeekFeedback => ({ localDate, painDuring, decisions: [] });

describe('weekly average pain', () => {
  it('counts "none went above 3/10" as the middle of 0-3 and real scores as given', () => {
    expect(AT_MOST_OK_WEEKLY_PAIN).toBe(1.5);
    for (const quiet of [0, 1, 2, 3]) expect(weeklyPain(quiet)).toBe(1.5);
    for (const scored of [4, 6, 10]) expect(weeklyPain(scored)).toBe(scored);
  });

  it('a week of quiet sessions reads 1.5/10, and a sore session moves it by its real score', () => {
    // 2026-12-02 is a Wednesday; the week starts on Monday 2026-11-30.
    const days = ['2026-11-30', '2026-12-01', '2026-12-02'].map(done);
    const quietWeek = weeklySummary(days, [fb('2026-11-30', 3), fb('2026-12-01', 3), fb('2026-12-02', 3)], '2026-12-02');
    expect(quietWeek.painThisWeek).toBe(1.5);
    const oneSore = weeklySummary(days, [fb('2026-11-30', 3), fb('2026-12-01', 7), fb('2026-12-02', 3)], '2026-12-02');
    // (1.5 + 7 + 1.5) / 3 = 3.33...
    expect(oneSore.painThisWeek).toBe(3.3);
    const withLastWeek = weeklySummary(days, [fb('2026-11-24', 5), fb('2026-11-26', 3), fb('2026-12-01', 3)], '2026-12-02');
    expect(withLastWeek).toMatchObject({ painThisWeek: 1.5, painLastWeek: 3.3 });
    expect(weeklySummary(days, [], '2026-12-02').painThisWeek).toBeNull();
  });
});
