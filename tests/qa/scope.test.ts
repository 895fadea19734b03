import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { Coach } from '../../src/app/coach.js';
import { llmEnvShape } from '../../src/config.js';
import { getLibrary } from '../../src/content/load.js';
import { Answerer } from '../../src/qa/answer.js';
import { NO_LLM } from '../../src/qa/client.js';
import { Retriever } from '../../src/qa/retrieval.js';
import { NOT_COVERED_TEXT, scopeOf } from '../../src/qa/scope.js';
import { fixedClock } from '../../testkit/clock.js';
import { createTempDb, type TempDb } from '../../testkit/temp-db.js';

const library = getLibrary();
const retriever = new Retriever(library);
const fixture = <T>(name: string, schema: z.ZodType<T>) => schema.parse(parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')));
const outOfScope = fixture('out-of-scope-questions.yaml', z.object({ questions: z.array(z.string().min(5)) })).questions;
const inScope = fixture('retrieval-questions.yaml', z.object({ questions: z.array(z.object({ q: z.string(), expect: z.array(z.string()) })) })).questions;
const described = fixture('described-exercises.yaml', z.object({ questions: z.array(z.object({ q: z.string(), expect: z.array(z.string()) })) })).questions;

/** recall@3 where a question judged out of scope counts as a miss. */
function recallAt3(questions: readonly { q: string; expect: string[] }[]): { recall: number; misses: string[] } {
  const misses = questions.filter(({ q, expect: wanted }) => {
    const hits = retriever.search(q, 3);
    return scopeOf(q, hits) !== 'in_scope' || !hits.some((h) => wanted.includes(h.entry.id));
  });
  return { recall: 1 - misses.length / questions.length, misses: misses.map((m) => m.q) };
}

describe('honest scope', () => {
  let db: TempDb;
  beforeEach(() => { db = createTempDb(); });
  afterEach(() => { db.cleanup(); });

  it('answers >= 90% of >= 40 out-of-scope questions with "not covered yet" and what I can help with', async () => {
    expect(outOfScope.length).toBeGreaterThanOrEqual(40);
    const time = fixedClock('2026-11-28T09:00:00Z');
    const coach = new Coach({ db: db.handle.db, library, clock: time.clock });
    const config = z.object(llmEnvShape).parse({ QA_QUESTIONS_PER_HOUR: '100' });
    const answerer = new Answerer({ library, retriever, llm: NO_LLM, coach, db: db.handle.db, clock: time.clock, logger: pino({ level: 'silent' }), config });
    const clumsy: string[] = [];
    for (const question of outOfScope) {
      const a = await answerer.answer({ question, personId: '123456789012345678', where: 'dm' });
      if (a.text !== NOT_COVERED_TEXT || a.sources.length > 0) clumsy.push(`${question} -> ${a.outcome}: ${a.text.slice(0, 60)}`);
    }
    expect(1 - clumsy.length / outOfScope.length, clumsy.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps in-scope recall@3 >= 0.95 with the scope check in front', () => {
    const { recall, misses } = recallAt3(inScope);
    expect(recall, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});

describe('exercises described instead of named', () => {
  it('finds >= 95% of >= 60 lay descriptions in the top 3', () => {
    expect(described.length).toBeGreaterThanOrEqual(60);
    const { recall, misses } = recallAt3(described);
    expect(recall, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('every expected id exists', () => {
    const ids = new Set(library.exercises.map((e) => e.id));
    for (const { expect: wanted } of described) for (const id of wanted) expect(ids.has(id), id).toBe(true);
  });
});
