import { describe, expect, it } from 'vitest';
import { loadingReached } from '../../src/coaching/goals.js';
import { simulate, type SimulatedDay } from '../../src/coaching/simulate.js';
import type { ProgressionLevels } from '../../src/coaching/session.js';
import { getLibrary } from '../../src/content/load.js';
import { allClearTests, makeAnswers } from '../support/answers.js';

const library = getLibrary();

/** The day's start levels as the engine reads them (`pattern:side` -> level). */
function levelsOf(levels: SimulatedDay['levels']): ProgressionLevels {
  return Object.fromEntries(Object.entries(levels).flatMap(([pattern, sides]) => Object.entries(sides as Record<string, number>).map(([side, level]) => [`${pattern}:${side}`, { level }])));
}

describe('a running goal opens the impact chain only once the loading stage is reached', () => {
  it('has no impact drill before loading, and impact drills once it is reached (simulate, 10 weeks of good days)', () => {
    const hop = { left: { rating: 'steady', pain: 0 }, right: { rating: 'steady', pain: 0 } };
    const answers = makeAnswers({ tests: { ...allClearTests(), single_leg_hop: hop }, goal: 'running' });
    const { days } = simulate({ answers, start: '2026-03-02', days: 70 }, library);
    const impact = days.map((d) => d.session.items.some((i) => i.pattern === 'impact'));
    const loading = days.map((d) => loadingReached(library, levelsOf(d.levels)));
    expect(loading[0]).toBe(false);
    expect(loading.some(Boolean)).toBe(true);
    days.forEach((_, i) => { if (!loading[i]) expect(impact[i], days[i]!.date).toBe(false); });
    // Once loading is reached the impact chain is trained: it appears in the sessions after.
    const firstLoading = loading.indexOf(true);
    expect(impact.slice(firstLoading).some(Boolean)).toBe(true);

    // The same person with an everyday-life goal never gets an impact drill.
    const daily = simulate({ answers: { ...answers, goal: 'daily_life' }, start: '2026-03-02', days: 70 }, library);
    expect(daily.days.some((d) => d.session.items.some((i) => i.pattern === 'impact'))).toBe(false);
  });
});
