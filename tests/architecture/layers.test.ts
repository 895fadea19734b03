import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain-JS ESLint config module, typed by its // @ts-check header only
import { layers } from '../../eslint/layers.js';
import { ROOT } from '../support/cli.js';

/**
 * The layer rules that `npm test` lints with (eslint/layers.js), run on planted violations (each
 * must fail) and on the real tree (which must pass), plus a check that no two src/ folders import
 * each other, directly or round a loop.
 */

const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, linterOptions: { reportUnusedDisableDirectives: 'off' } }, ...(layers as Linter.Config[])],
});

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return result!.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const PLANTED: [file: string, code: string, why: RegExp][] = [
  ['src/coaching/planted.ts', "import { activePlan } from '../db/repos/plans.js';", /pure domain/],
  ['bench/planted.ts', "import { TOKEN } from '../tests/support/bot-harness.js';", /never tests/],
  ['testkit/planted.ts', "import { answersArb } from '../tests/support/answers-arb.js';", /never tests/],
  ['src/coaching/planted.ts', "import { Coach } from '../app/coach.js';", /pure domain/],
  ['src/content/planted.ts', "import { buildPlan } from '../coaching/plan.js';", /imports nothing of ours/],
  ['src/content/planted.ts', "import { loadBotConfig } from '../config.js';", /imports nothing of ours/],
  ['src/db/planted.ts', "import { STEPS } from '../flows/assessment-state.js';", /neither screens/],
  ['src/db/planted.ts', "import { renderView } from '../discord/render.js';", /neither screens/],
  ['src/scheduler/planted.ts', "import { RestDmSender } from '../discord/dm-sender.js';", /DmSender port/],
  ['src/scheduler/planted.ts', "import { claimDay } from '../db/repos/deliveries.js';", /only through src\/app/],
  ['src/discord/planted.ts', "import { getMeta } from '../db/repos/meta.js';", /only through src\/app/],
  ['src/discord/commands/planted.ts', "import { activePlan } from '../../db/repos/plans.js';", /only through src\/app/],
  ['src/qa/planted.ts', "import { logQuestion } from '../db/repos/qa.js';", /only through src\/app/],
  // The files that were exceptions until the ledger, lease and Q&A records moved behind src/app.
  ['src/scheduler/scheduler.ts', "import { acquireLease } from '../db/repos/lease.js';", /only through src\/app/],
  ['src/qa/answer.ts', "import { logQuestion } from '../db/repos/qa.js';", /only through src\/app/],
  ['src/qa/client.ts', "import { getMeta } from '../db/repos/meta.js';", /only through src\/app/],
  ['src/qa/phrase.ts', "import { cachePhrase } from '../db/repos/qa.js';", /only through src\/app/],
  ['bench/safety.ts', "import { score } from '../tests/safety/red-flag-score.js';", /never tests/],
  ['src/app/planted.ts', "import { Scheduler } from '../scheduler/scheduler.js';", /use-case layer/],
  ['src/flows/planted.ts', "import { activePlan } from '../db/repos/plans.js';", /database types only/],
  ['src/views/planted.ts', "import { Coach } from '../app/coach.js';", /never the app or an adapter/],
  ['src/db/planted.ts', "import { planView } from '../views/plan-view.js';", /neither screens/],
  ['src/figures/planted.ts', "import { Coach } from '../app/coach.js';", /src\/figures may import only/],
];

describe('layer rules', () => {
  it.each(PLANTED)('%s: %s fails', async (file, code, why) => {
    const found = await violations(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^@typescript-eslint\/no-restricted-imports: /);
    expect(found[0]).toMatch(why);
  });

  it('allows what the map allows: content into coaching, types from db into adapters, app into discord', async () => {
    expect(await violations('src/coaching/planted.ts', "import { PATTERN_IDS } from '../content/ids.js';")).toEqual([]);
    expect(await violations('src/discord/planted.ts', "import type { Person } from '../db/repos/people.js';")).toEqual([]);
    expect(await violations('src/discord/planted.ts', "import { Coach } from '../app/coach.js';")).toEqual([]);
    expect(await violations('src/figures/planted.ts', "import { outcomesChart } from '../charts/charts.js';")).toEqual([]);
  });

  it('passes on the real src/ tree', async () => {
    const results = await eslint.lintFiles(['src/**/*.ts']);
    const problems = results.flatMap((r) => r.messages.map((m) => `${relative(ROOT, r.filePath)}: ${m.message}`));
    expect(problems).toEqual([]);
    expect(results.length).toBeGreaterThan(50);
  });
});

/** src/ folder -> the src/ folders its files import (relative imports only). */
function folderGraph(): Map<string, Set<string>> {
  const src = join(ROOT, 'src');
  const graph = new Map<string, Set<string>>();
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  for (const file of walk(src)) {
    const from = relative(src, file).split('/')[0]!;
    if (from.endsWith('.ts')) continue; // root modules (main, config, logger) wire everything together
    const edges = graph.get(from) ?? new Set<string>();
    for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const target = relative(src, join(file, '..', m[1]!)).split('/')[0]!;
      if (target !== from && !target.startsWith('..') && !target.endsWith('.js')) edges.add(target);
    }
    graph.set(from, edges);
  }
  return graph;
}

function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('folder cycles', () => {
  it('finds a planted cycle', () => {
    expect(findCycle(new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])]]))).toEqual(['a', 'b', 'c', 'a']);
  });

  it('has none between src/ folders', () => {
    const graph = folderGraph();
    expect(graph.get('discord')?.has('app')).toBe(true); // the graph is really built
    expect(findCycle(graph)).toBeNull();
  });
});
