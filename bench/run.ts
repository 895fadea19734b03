/**
 * `npm run bench`: speed figures for the rules engine (later issues add the bot, the scheduler,
 * retrieval and charts). `npm run bench -- --json` prints one JSON object on stdout.
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { getLibrary } from '../src/content/load.js';
import { buildPlan, type Plan } from '../src/coaching/plan.js';
import { buildSession } from '../src/coaching/session.js';
import { answersArb } from '../tests/support/answers-arb.js';

const PEOPLE = 10_000;

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

const round = (n: number, digits = 4) => Number(n.toFixed(digits));

function benchEngine() {
  const library = getLibrary();
  const people = fc.sample(answersArb({ positiveRate: 0.01 }), { numRuns: PEOPLE, seed: 42 });
  // Warm the JIT so the figures describe steady state, as in a long-running bot.
  for (const a of people.slice(0, 500)) buildPlan(a, library);

  const planTimes: number[] = [];
  const plans: Plan[] = [];
  const totalStart = performance.now();
  for (const answers of people) {
    const t = performance.now();
    plans.push(buildPlan(answers, library));
    planTimes.push(performance.now() - t);
  }
  const total10k = performance.now() - totalStart;

  const sessionTimes: number[] = [];
  plans.forEach((plan, i) => {
    const t = performance.now();
    buildSession({ plan, userId: `person-${i}`, localDate: '2026-11-28' }, library);
    sessionTimes.push(performance.now() - t);
  });
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
  };
}

const results = { node: process.version, people: PEOPLE, ...benchEngine() };

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(results)}\n`);
} else {
  console.log(`HipCoach benchmark (Node ${results.node})`);
  console.log(`plan:    median ${results.plan.medianMs} ms, p99 ${results.plan.p99Ms} ms, ${PEOPLE} plans in ${results.plan.total10kMs} ms (targets: median < 0.5 ms, 10k < 3000 ms)`);
  console.log(`session: median ${results.session.medianMs} ms, p99 ${results.session.p99Ms} ms`);
}
