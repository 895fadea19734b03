import { RATING_LABELS, SCALES, TEST_SPEC, type Rating } from '../content/ids.js';
import type { Library } from '../content/library.js';
import { gridRows } from './data.js';
import { drawing, FONT_FAMILY, renderChart } from './render.js';
import type { AssessmentColumn, CommunityData, OutcomePoint, OutcomesData } from './types.js';

export type { AssessmentColumn, CommunityData, OutcomePoint, OutcomesData } from './types.js';

/** The three charts HipCoach draws. Inputs are plain data; nothing here reads a database. */

export const OUTCOMES_SIZE = { width: 900, height: 500 };

/** NPRS (average and worst) and PSFS over the weeks, with sessions per week as bars. */
export function outcomesChart(data: OutcomesData): Buffer {
  const weeks = Math.max(data.sessionsPerWeek.length, ...data.measures.map((m) => m.week), 1);
  const labels = Array.from({ length: weeks }, (_, i) => `Wk ${i + 1}`);
  const at = (pick: (m: OutcomePoint) => number | null) =>
    labels.map((_, i) => {
      const m = data.measures.filter((x) => x.week === i + 1).at(-1);
      return m ? pick(m) : null;
    });
  return renderChart(
    {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { type: 'bar', label: 'Sessions that week', data: labels.map((_, i) => data.sessionsPerWeek[i] ?? 0), backgroundColor: 'rgba(59,130,246,0.35)', yAxisID: 'sessions', order: 3 },
          { type: 'line', label: 'Pain, average (0-10)', data: at((m) => m.painAverage), borderColor: '#dc2626', backgroundColor: '#dc2626', spanGaps: true, yAxisID: 'score', order: 1 },
          { type: 'line', label: 'Pain, worst (0-10)', data: at((m) => m.painWorst), borderColor: '#f59e0b', backgroundColor: '#f59e0b', borderDash: [6, 4], spanGaps: true, yAxisID: 'score', order: 1 },
          { type: 'line', label: 'Activities, PSFS (0-10)', data: at((m) => m.psfs), borderColor: '#16a34a', backgroundColor: '#16a34a', spanGaps: true, yAxisID: 'score', order: 0 },
        ],
      },
      options: {
        plugins: { title: { display: true, text: 'Pain and activities over the weeks', font: { size: 18, weight: 'bold' } }, legend: { position: 'bottom' } },
        scales: {
          score: { type: 'linear', position: 'left', min: 0, max: 10, title: { display: true, text: 'Score (0-10)' } },
          sessions: { type: 'linear', position: 'right', min: 0, max: 7, grid: { drawOnChartArea: false }, title: { display: true, text: 'Sessions' } },
        },
      },
    },
    OUTCOMES_SIZE,
  );
}

const CELL = { width: 130, height: 22, labelWidth: 290, top: 70 };
const RATING_COLOURS = ['#16a34a', '#f59e0b', '#dc2626'];

/** Every test's rating per side at each assessment: green is the best rating, red the worst. */
export function testGridChart(columns: readonly AssessmentColumn[], library: Library): Buffer {
  const shown = columns.slice(-6);
  const rows = gridRows(shown);
  const width = Math.max(700, CELL.labelWidth + CELL.width * Math.max(shown.length, 1) + 20);
  const height = CELL.top + CELL.height * rows.length + 64;
  const { ctx, png } = drawing({ width, height });
  ctx.fillStyle = '#1f2937';
  ctx.font = `bold 18px "${FONT_FAMILY}"`;
  ctx.fillText('Movement tests at each assessment', 12, 28);
  ctx.font = `12px "${FONT_FAMILY}"`;
  shown.forEach((col, c) => { ctx.fillText(col.label, CELL.labelWidth + c * CELL.width + 8, CELL.top - 10); });
  rows.forEach((row, r) => {
    const y = CELL.top + r * CELL.height;
    const test = library.testById.get(row.testId)?.name ?? row.testId;
    ctx.fillStyle = '#1f2937';
    const side = row.side === 'both' ? '' : row.side === 'left' ? ' (L)' : ' (R)';
    const room = 40 - side.length;
    ctx.fillText(`${test.length > room ? `${test.slice(0, room - 1)}…` : test}${side}`, 12, y + 15);
    shown.forEach((col, c) => {
      const x = CELL.labelWidth + c * CELL.width;
      const result = col.results.get(`${row.testId}:${row.side}`);
      const ratings = SCALES[TEST_SPEC[row.testId].scale].ratings as readonly Rating[];
      ctx.fillStyle = result ? RATING_COLOURS[ratings.indexOf(result.rating)] ?? '#9ca3af' : '#e5e7eb';
      ctx.fillRect(x + 2, y + 2, CELL.width - 4, CELL.height - 4);
      ctx.fillStyle = result ? '#ffffff' : '#6b7280';
      const hip = result?.hip ? ` ${result.hip === 'front' ? 'F' : 'B'}` : '';
      const text = result ? `${RATING_LABELS[result.rating].split(':')[0]!}${result.pain ? ` · ${result.pain}/10` : ''}${hip}` : 'skipped';
      ctx.fillText(text.length > 18 ? `${text.slice(0, 17)}…` : text, x + 7, y + 15);
    });
  });
  ctx.fillStyle = '#374151';
  ctx.fillText('Green: best rating · Amber: middle · Red: hardest', 12, height - 32);
  ctx.fillText('The number is the pain during the test (0-10). 90/90 sit: F front leg\'s hip, B back leg\'s hip.', 12, height - 14);
  return png();
}

export const COMMUNITY_SIZE = { width: 900, height: 460 };

/** Anonymous community figures for server admins: counts and averages, never a person. */
export function communityChart(data: CommunityData): Buffer {
  const sub = data.reassessed
    ? `Among ${data.reassessed.people} people reassessed: average pain ${signed(data.reassessed.painChange)} points${data.reassessed.psfsChange === null ? '' : `, activities (PSFS) ${signed(data.reassessed.psfsChange)}`}`
    : 'Pain and activity changes appear once at least 3 people have been reassessed.';
  return renderChart(
    {
      type: 'bar',
      data: {
        labels: data.weekLabels,
        datasets: [
          { type: 'bar', label: 'People active', data: data.activePeople, backgroundColor: 'rgba(59,130,246,0.6)', yAxisID: 'people' },
          { type: 'line', label: 'Sessions done', data: data.sessions, borderColor: '#16a34a', backgroundColor: '#16a34a', yAxisID: 'sessions' },
        ],
      },
      options: {
        plugins: {
          title: { display: true, text: 'HipCoach community, week by week', font: { size: 18, weight: 'bold' } },
          subtitle: { display: true, text: sub, padding: { bottom: 10 } },
          legend: { position: 'bottom' },
        },
        scales: {
          people: { type: 'linear', position: 'left', beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'People' } },
          sessions: { type: 'linear', position: 'right', beginAtZero: true, ticks: { precision: 0 }, grid: { drawOnChartArea: false }, title: { display: true, text: 'Sessions' } },
        },
      },
    },
    COMMUNITY_SIZE,
  );
}

function signed(n: number): string {
  const r = Math.round(n * 10) / 10;
  return `${r > 0 ? '+' : ''}${r}`;
}
