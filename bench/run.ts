/**
 * `npm run bench`: speed and memory figures: rules engine, retrieval, charts, the bot, the scheduler's
 * fan-out and start-up. `npm run bench -- --json` prints one JSON object on stdout.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { getLibrary } from '../src/content/load.js';
import { buildPlan, type Plan } from '../src/coaching/plan.js';
import { buildSession } from '../src/coaching/session.js';
import { simulate } from '../src/coaching/simulate.js';
import { answersArb } from '../testkit/answers-arb.js';
import { benchInteractions, benchMemory } from './bot.js';
import { percentile } from './stats.js';
import { fanout } from './fanout.js';
import { benchQa } from './qa.js';
import { benchCharts } from './charts.js';
import { benchFigures } from './figures.js';
import { benchSafety } from './safety.js';
import { benchStartup } from './startup.js';

// The bot and the fan-out child run the compiled JavaScript, as production does.
if (spawnSync(process.execPath, ['scripts/build.js', '--if-stale'], { stdio: 'inherit' }).status !== 0) throw new Error('build failed');

const PEOPLE = 10_000;

const round = (n: number, digits = 4) => Number(n.toFixed(digits));

function benchEngine() {
  const library = getLibrary();
  const people = fc.sample(answersArb({ positiveRate: 0.01 }), { numRuns: PEOPLE, seed: 42 });
  // Warm the JIT so the figures describe steady state, as in a long-running bot.
  for (const a of people.slice(0, 500)) buildPlan(a, library);

  // Plans are built one at a time and stored, as in the bot: nothing is kept in memory here.
  const planTimes: number[] = [];
  let items = 0;
  const totalStart = performance.now();
  for (const answers of people) {
    const t = performance.now();
    items += buildPlan(answers, library).items.length;
    planTimes.push(performance.now() - t);
  }
  const total10k = performance.now() - totalStart;

  const sessionTimes: number[] = [];
  people.forEach((answers, i) => {
    const plan: Plan = buildPlan(answers, library);
    const t = performance.now();
    buildSession({ plan, userId: `person-${i}`, localDate: '2026-11-28' }, library);
    sessionTimes.push(performance.now() - t);
  });
  if (items === 0) throw new Error('no plan had items: the generator is broken');
  // 28 simulated days for one person (plan, sessions, decisions), over 200 different people.
  const simTimes: number[] = [];
  for (const answers of people.slice(0, 200)) {
    const t = performance.now();
    simulate({ answers, start: '2026-03-02', days: 28 }, library);
    simTimes.push(performance.now() - t);
  }
  simTimes.sort((a, b) => a - b);
  planTimes.sort((a, b) => a - b);
  sessionTimes.sort((a, b) => a - b);
  return {
    plan: {
      medianMs: round(percentile(planTimes, 50)),
      p99Ms: round(percentile(planTimes, 99)),
      total10kMs: round(total10k, 1),
    },
    session: {
      medianMs: round(percentile(sessionTimes, 50)),
      p99Ms: round(percentile(sessionTimes, 99)),
    },
    simulate: {
      days28Ms: round(percentile(simTimes, 50), 2),
      p99Ms: round(percentile(simTimes, 99), 2),
    },
  };
}

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const wants = (part: string) => !only || only.includes(part);

const results: Record<string, unknown> = { node: process.version, people: PEOPLE };
if (wants('engine')) Object.assign(results, benchEngine());
if (wants('qa')) Object.assign(results, benchQa());
if (wants('chart')) Object.assign(results, benchCharts());
if (wants('figure')) Object.assign(results, benchFigures());
if (wants('safety')) {
  const { safety, qaSafety } = await benchSafety();
  results.safety = safety;
  results.qa = { ...(results.qa as Record<string, unknown> | undefined), ...qaSafety };
}
if (wants('interaction')) results.interaction = await benchInteractions(1000);
if (wants('memory')) results.memory = await benchMemory(10_000);
if (wants('fanout')) {
  // Discord's real global limit (50/s) on a population that keeps the run under a minute, then
  // all 10,000 people due in the same minute at a fast setting.
  const real = await fanout(1_000, 50, true);
  const fast = await fanout(10_000, 1_000);
  results.fanout = {
    ratio: real.ratio,
    ratioFast: fast.ratio,
    duplicates: real.duplicates + fast.duplicates,
    received429: real.received429 + fast.received429,
    plan10kMs: fast.planMs,
    tick10kCpuMs: fast.tickCpuMs,
    peakRssMb: fast.peakRssMb,
    requestsPerDmDay2: real.requestsPerDmDay2,
    // Discord allows 50 requests/s in all: the floor for 10,000 one-message daily DMs (weekdays).
    implied10kDmSeconds: Math.round((10_000 * (real.requestsPerDmDay2 ?? 0)) / 50),
    real,
    fast,
  };
}

if (wants('startup')) results.startup = await benchStartup();

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(results)}\n`);
} else {
  console.log(`HipCoach benchmark (Node ${process.version})`);
  for (const [key, value] of Object.entries(results)) {
    if (typeof value === 'object' && value !== null) console.log(`${key.padEnd(12)} ${JSON.stringify(value)}`);
  }
  console.log('targets: plan.medianMs < 0.1, plan.total10kMs < 1000, simulate.days28Ms < 20, interaction.p99Ms < 30, memory.rss10kPeopleMb <= 120, memory.peakRssMb <= 150, fanout.peakRssMb <= 150, fanout.plan10kMs < 3000, fanout.ratio >= 0.9, fanout.duplicates = 0, retrieval.p99Ms < 5, chart.p95Ms < 150, figure.p95Ms < 40, safety.redFlagSensitivity >= 0.97, safety.redFlagSpecificity >= 0.95, safety.badRepliesPosted = 0, safety.goodRepliesBlocked <= 1, qa.notCoveredGraceful >= 0.9, qa.recallAt3Described >= 0.95, qa.worstAnswerMs < 15000');
}
