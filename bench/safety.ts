import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { parse } from 'yaml';
import { z } from 'zod';
import { Coach } from '../src/app/coach.js';
import { readRedFlags } from '../src/coaching/red-flags/engine.js';
import { llmEnvShape } from '../src/config.js';
import { getLibrary } from '../src/content/load.js';
import { Answerer } from '../src/qa/answer.js';
import { NO_LLM, OpenAiLlm } from '../src/qa/client.js';
import { Retriever } from '../src/qa/retrieval.js';
import { NOT_COVERED_TEXT, scopeOf } from '../src/qa/scope.js';
import { startOpenAiStub, type StubResponse } from '../testkit/openai-stub/index.js';
import { loadBenign, loadPositives, score } from '../testkit/safety/red-flag-score.js';
import { scoreReplies } from '../testkit/safety/reply-score.js';
import { fixedClock } from '../testkit/clock.js';
import { createTempDb } from '../testkit/temp-db.js';
import { percentile } from './stats.js';

/**
 * Safety figures on the labelled corpora in tests/safety/corpus and the fixtures in tests/fixtures:
 * red-flag sensitivity and specificity (with the per-flag table), guardrail results, graceful
 * "not covered" answers, recall of described exercises, and the slowest answer over provider faults
 * at the real 14 s budget (against the loopback OpenAI stub).
 */
const round = (n: number, d = 3) => Number(n.toFixed(d));
const ME = '123456789012345678';
const logger = pino({ level: 'silent' });

export async function benchSafety() {
  const library = getLibrary();
  const retriever = new Retriever(library);
  const main = score(loadPositives(), loadBenign());
  const held = score(loadPositives('held-out-red-flags.yaml'), loadBenign('held-out-benign.yaml'));
  const texts = [...loadPositives().map((p) => p.text), ...loadBenign()];
  for (const t of texts.slice(0, 50)) readRedFlags(t);
  const times = texts.map((t) => { const s = performance.now(); readRedFlags(t); return performance.now() - s; }).sort((a, b) => a - b);
  const replies = scoreReplies(library, retriever);

  const fixture = (name: string) => parse(readFileSync(new URL(`../tests/fixtures/${name}`, import.meta.url), 'utf8')) as { questions: unknown[] };
  const described = fixture('described-exercises.yaml').questions as { q: string; expect: string[] }[];
  const describedHits = described.filter(({ q, expect: wanted }) => {
    const hits = retriever.search(q, 3);
    return scopeOf(q, hits) === 'in_scope' && hits.some((h) => wanted.includes(h.entry.id));
  }).length;

  const db = createTempDb();
  let graceful = 0;
  const outOfScope = fixture('out-of-scope-questions.yaml').questions as string[];
  try {
    const time = fixedClock('2026-11-28T09:00:00Z');
    const coach = new Coach({ db: db.handle.db, library, clock: time.clock });
    const config = z.object(llmEnvShape).parse({ QA_QUESTIONS_PER_HOUR: '100' });
    const answerer = new Answerer({ library, retriever, llm: NO_LLM, coach, db: db.handle.db, clock: time.clock, logger, config });
    for (const question of outOfScope) {
      const a = await answerer.answer({ question, personId: ME, where: 'dm' });
      if (a.text === NOT_COVERED_TEXT && a.sources.length === 0) graceful++;
    }
  } finally {
    db.cleanup();
  }

  return {
    safety: {
      redFlagSensitivity: round(main.sensitivity),
      redFlagSpecificity: round(main.specificity),
      subjectAccuracy: round(main.subjectAccuracy),
      heldOutSensitivity: round(held.sensitivity),
      heldOutSpecificity: round(held.specificity),
      corpus: { redFlags: main.perFlag.reduce((n, r) => n + r.n, 0), benign: loadBenign().length },
      perFlag: Object.fromEntries(main.perFlag.map((r) => [r.flag, { n: r.n, sensitivity: round(r.sensitivity) }])),
      readP99Ms: round(percentile(times, 99), 4),
      badRepliesPosted: replies.posted.length,
      goodRepliesBlocked: replies.blocked.length,
      replies: { bad: replies.badCount, good: replies.goodCount },
    },
    qaSafety: {
      notCoveredGraceful: round(graceful / outOfScope.length),
      recallAt3Described: round(describedHits / described.length),
      worstAnswerMs: await worstAnswerMs(),
    },
  };
}

/** The slowest of the provider-fault cases, each answered through the real SDK at the real budget. */
async function worstAnswerMs(): Promise<number> {
  const good = 'Up to 3 out of 10 during exercise is fine [faq:exercising_with_pain].';
  const faults: StubResponse[][] = [
    [{ kind: 'status', status: 429, retryAfterSeconds: 3600 }],
    [{ kind: 'status', status: 429, retryAfterSeconds: 50 }],
    [{ kind: 'slow', content: good, delayMs: 30_000 }],
    [{ kind: 'slow', content: good, delayMs: 30_000, stallBody: true }],
    [{ kind: 'status', status: 503 }, { kind: 'slow', content: good, delayMs: 30_000 }],
    [{ kind: 'status', status: 500 }, { kind: 'status', status: 500 }],
    [{ kind: 'malformed', body: '{"choices": [' }],
  ];
  const library = getLibrary();
  const retriever = new Retriever(library);
  const runs = await Promise.all(
    faults.map(async (responses) => {
      const stub = await startOpenAiStub();
      const db = createTempDb();
      try {
        stub.enqueue(...responses);
        const time = fixedClock('2026-11-28T09:00:00Z');
        const config = z.object(llmEnvShape).parse({ OPENAI_API_KEY: 'k', OPENAI_BASE_URL: stub.baseURL });
        const llm = await OpenAiLlm.create({ ...config, OPENAI_API_KEY: 'k' }, { db: db.handle.db, clock: time.clock, logger });
        const coach = new Coach({ db: db.handle.db, library, clock: time.clock });
        const answerer = new Answerer({ library, retriever, llm, coach, db: db.handle.db, clock: time.clock, logger, config });
        const start = performance.now();
        await answerer.answer({ question: 'is it ok to feel pain during exercise?', personId: ME, where: 'guild' });
        return performance.now() - start;
      } finally {
        db.cleanup();
        await stub.close();
      }
    }),
  );
  return Math.round(Math.max(...runs));
}
