import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { getLibrary } from '../src/content/load.js';
import { ANSWER_MAX_TOKENS, answerPrompt } from '../src/qa/answer.js';
import { Retriever } from '../src/qa/retrieval.js';
import { percentile } from './stats.js';

/** A stated price to turn tokens into money: gpt-4o-mini list price, USD per million tokens. */
const PRICE = { model: 'gpt-4o-mini', inputPerMillion: 0.15, outputPerMillion: 0.6 };
const round = (n: number, d = 3) => Number(n.toFixed(d));

export function benchQa() {
  const library = getLibrary();
  const t0 = performance.now();
  const retriever = new Retriever(library);
  const indexMs = performance.now() - t0;
  const fixture = (parse(readFileSync(new URL('../tests/fixtures/retrieval-questions.yaml', import.meta.url), 'utf8')) as { questions: { q: string }[] }).questions.map((q) => q.q);
  const queries = [...fixture, ...library.faq.flatMap((f) => [f.question, ...f.alsoAsked])];
  for (const q of queries.slice(0, 50)) retriever.search(q, 4);
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of queries) {
      const t = performance.now();
      retriever.search(q, 4);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  // Prompt size per answer: the real prompt for each fixture question (chars / 4 as the estimate).
  const tokens = fixture.map((q) => answerPrompt(q, retriever.search(q, 4), '', []).reduce((n, m) => n + Math.ceil(m.content.length / 4), 0)).sort((a, b) => a - b);
  const meanPrompt = tokens.reduce((a, b) => a + b, 0) / tokens.length;
  const assumedOutput = 250;
  const costPerAnswer = (meanPrompt * PRICE.inputPerMillion + assumedOutput * PRICE.outputPerMillion) / 1_000_000;
  return {
    retrieval: { p50Ms: round(percentile(times, 50), 4), p99Ms: round(percentile(times, 99), 4), queries: times.length, indexMs: round(indexMs, 1), entries: library.exercises.length + library.troubleshooting.length + library.faq.length },
    qa: {
      promptTokens: Math.round(meanPrompt),
      promptTokensP95: percentile(tokens, 95),
      maxOutputTokens: ANSWER_MAX_TOKENS,
      assumedOutputTokens: assumedOutput,
      price: PRICE,
      costPerAnswerUsd: round(costPerAnswer, 6),
      costPer1000AnswersUsd: round(costPerAnswer * 1000, 3),
    },
  };
}
