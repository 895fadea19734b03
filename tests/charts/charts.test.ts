import { loadImage, createCanvas } from '@napi-rs/canvas';
import type { Rating } from '../../src/content/ids.js';
import { describe, expect, it } from 'vitest';
import { communityChart, COMMUNITY_SIZE, outcomesChart, OUTCOMES_SIZE, testGridChart } from '../../src/charts/charts.js';
import { communityData, MIN_GROUP, outcomesData, weekOf } from '../../src/charts/data.js';
import { getLibrary } from '../../src/content/load.js';

const library = getLibrary();

async function pixels(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const data = ctx.getImageData(0, 0, image.width, image.height).data;
  /** Share of non-white pixels in a region, and how many distinct colours the image has. */
  const inked = (x0: number, y0: number, x1: number, y1: number) => {
    let ink = 0;
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) {
        const i = (y * image.width + x) * 4;
        if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) ink++;
      }
    return ink / ((x1 - x0) * (y1 - y0));
  };
  const colours = new Set<number>();
  for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
  return { width: image.width, height: image.height, inked, colours: colours.size };
}

const outcomes = outcomesData(
  '2026-10-01',
  '2026-11-25',
  ['2026-10-01', '2026-10-02', '2026-10-04', '2026-10-09', '2026-10-10', '2026-11-20'],
  [
    { date: '2026-10-01', painAverage: 5, painWorst: 8, psfsMean: 4 },
    { date: '2026-10-29', painAverage: 3, painWorst: 6, psfsMean: 6.5 },
  ],
);

describe('charts', () => {
  it('draws pain, PSFS and sessions as a PNG of the right size, with text and colour', async () => {
    const png = outcomesChart(outcomes);
    const img = await pixels(png);
    expect([img.width, img.height]).toEqual([OUTCOMES_SIZE.width, OUTCOMES_SIZE.height]);
    expect(img.inked(0, 0, img.width, img.height)).toBeGreaterThan(0.03);
    // The title band has ink: the shipped font is drawing text.
    expect(img.inked(250, 5, 650, 35)).toBeGreaterThan(0.02);
    expect(img.colours).toBeGreaterThan(5);
  });

  it('renders the same data to the same bytes, and different data differently', () => {
    expect(outcomesChart(outcomes).equals(outcomesChart(structuredClone(outcomes)))).toBe(true);
    const changed = { ...outcomes, sessionsPerWeek: outcomes.sessionsPerWeek.map((n, i) => (i === 0 ? n + 1 : n)) };
    expect(outcomesChart(changed).equals(outcomesChart(outcomes))).toBe(false);
  });

  it('draws the test grid with one row per test and side and one column per assessment', async () => {
    const columns = ['2026-10-01', '2026-10-29'].map((label, c) => ({
      label,
      results: new Map([
        ['active_hip_flexion:left', { rating: c === 0 ? ('limited' as const) : ('partial' as const), pain: 5 - c * 3 }],
        ['hip_hinge:both', { rating: 'loses_one' as const, pain: 0 }],
      ]),
    }));
    const png = testGridChart(columns, library);
    const img = await pixels(png);
    // One row per test and side: the 14 one-sided tests asked of everyone x 2 + 2 whole-body tests;
    // the hop (running and field sport only) gets its two rows once a column has it.
    expect(img.height).toBe(70 + 22 * 30 + 64);
    const withHop = columns.map((c) => ({ ...c, results: new Map<string, { rating: Rating; pain: number }>([...c.results, ['single_leg_hop:left', { rating: 'steady', pain: 0 }]]) }));
    expect((await pixels(testGridChart(withHop, library))).height).toBe(70 + 22 * 32 + 64);
    expect(img.width).toBeGreaterThanOrEqual(700);
    expect(img.inked(0, 0, img.width, img.height)).toBeGreaterThan(0.05);
    expect(testGridChart(columns, library).equals(png)).toBe(true);
  });

  it('draws the community report', async () => {
    const img = await pixels(communityChart({ weekLabels: ['10-05', '10-12'], activePeople: [3, 5], sessions: [9, 14], reassessed: { people: 4, painChange: -1.2, psfsChange: 2.5 } }));
    expect([img.width, img.height]).toEqual([COMMUNITY_SIZE.width, COMMUNITY_SIZE.height]);
    expect(img.inked(0, 0, img.width, img.height)).toBeGreaterThan(0.03);
  });
});

describe('chart data', () => {
  it('counts sessions per week from the plan start and places each measure in its week', () => {
    expect(weekOf('2026-10-01', '2026-10-07')).toBe(1);
    expect(weekOf('2026-10-01', '2026-10-08')).toBe(2);
    expect(outcomes.sessionsPerWeek).toEqual([3, 2, 0, 0, 0, 0, 0, 1]);
    expect(outcomes.measures.map((m) => m.week)).toEqual([1, 5]);
  });

  it('shows community averages only for groups big enough not to point at anyone', () => {
    const done = [
      { personId: 'a', localDate: '2026-11-24' },
      { personId: 'a', localDate: '2026-11-25' },
      { personId: 'b', localDate: '2026-11-25' },
    ];
    const few = communityData('2026-11-26', done, [{ painChange: -2, psfsChange: 3 }]);
    expect(few.reassessed).toBeNull();
    expect(few.activePeople.at(-1)).toBe(2);
    expect(few.sessions.at(-1)).toBe(3);
    expect(few.weekLabels).toHaveLength(8);
    const enough = communityData('2026-11-26', done, Array.from({ length: MIN_GROUP }, (_, i) => ({ painChange: -i, psfsChange: i })));
    expect(enough.reassessed).toEqual({ people: 3, painChange: -1, psfsChange: 1 });
  });
});
