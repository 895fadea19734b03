import { performance } from 'node:perf_hooks';
import { communityChart, outcomesChart, testGridChart } from '../src/charts/charts.js';
import { outcomesData } from '../src/charts/data.js';
import { getLibrary } from '../src/content/load.js';
import { TEST_IDS, TEST_SPEC, SCALES, type Rating } from '../src/content/ids.js';
import { percentile } from './stats.js';

/** Chart rendering time: each chart type drawn repeatedly with realistic, varying data. */
export function benchCharts(rounds = 40) {
  const library = getLibrary();
  const times: Record<string, number[]> = { outcomes: [], grid: [], community: [] };
  const done = Array.from({ length: 120 }, (_, i) => new Date(Date.UTC(2026, 5, 1) + i * 86_400_000 * 1.3).toISOString().slice(0, 10));
  for (let r = 0; r < rounds; r++) {
    const data = outcomesData('2026-06-01', '2026-11-28', done.slice(0, 60 + r), [
      { date: '2026-06-01', painAverage: 5, painWorst: 8, psfsMean: 4 },
      { date: '2026-06-29', painAverage: 4, painWorst: 7, psfsMean: 5 },
      { date: '2026-07-27', painAverage: 3, painWorst: 6, psfsMean: 6 + (r % 3) },
    ]);
    let t = performance.now();
    outcomesChart(data);
    times.outcomes!.push(performance.now() - t);
    const columns = ['2026-06-01', '2026-06-29', '2026-07-27', '2026-08-24'].map((label, c) => ({
      label,
      results: new Map(
        TEST_IDS.flatMap((id) => (TEST_SPEC[id].sides === 'both' ? ['both'] : ['left', 'right']).map((side) => [`${id}:${side}`, { rating: SCALES[TEST_SPEC[id].scale].ratings[(c + r) % 3] as Rating, pain: (c + r) % 6 }] as const)),
      ),
    }));
    t = performance.now();
    testGridChart(columns, library);
    times.grid!.push(performance.now() - t);
    t = performance.now();
    communityChart({ weekLabels: ['10-05', '10-12', '10-19', '10-26', '11-02', '11-09', '11-16', '11-23'], activePeople: [5, 8, 9, 12, 11, 14, 15, 17 + r], sessions: [20, 31, 35, 44, 40, 52, 55, 60 + r], reassessed: { people: 6, painChange: -1.3, psfsChange: 2.1 } });
    times.community!.push(performance.now() - t);
  }
  const all = Object.values(times).flat().sort((a, b) => a - b);
  const p95 = (xs: number[]) => Number(percentile([...xs].sort((a, b) => a - b), 95).toFixed(2));
  return { chart: { p95Ms: p95(all), p50Ms: Number(percentile(all, 50).toFixed(2)), outcomesP95Ms: p95(times.outcomes!), gridP95Ms: p95(times.grid!), communityP95Ms: p95(times.community!), renders: all.length } };
}
