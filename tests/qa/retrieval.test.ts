import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getLibrary } from '../../src/content/load.js';
import { expandQuery, normaliseTerm, Retriever } from '../../src/qa/retrieval.js';

const library = getLibrary();
const retriever = new Retriever(library);
const fixture = z
  .object({ questions: z.array(z.object({ q: z.string().min(3), expect: z.array(z.string()).min(1) })).min(40) })
  .parse(parse(readFileSync(new URL('../fixtures/retrieval-questions.yaml', import.meta.url), 'utf8')));

describe('retrieval over the library, the troubleshooting guide and the FAQ', () => {
  it('indexes every exercise, topic and FAQ entry', () => {
    expect(library.faq.length).toBeGreaterThanOrEqual(30);
    const keys = new Set([...library.exercises.map((e) => `exercise:${e.id}`), ...library.troubleshooting.map((t) => `topic:${t.id}`), ...library.faq.map((f) => `faq:${f.id}`)]);
    for (const key of keys) expect(retriever.entry(key), key).toBeDefined();
  });

  it(`finds a right entry in the top 3 for at least 90% of ${fixture.questions.length} lay questions`, () => {
    const misses: string[] = [];
    for (const { q, expect: wanted } of fixture.questions) {
      const top = retriever.search(q, 3).map((h) => h.entry.id);
      if (!wanted.some((w) => top.includes(w))) misses.push(`${q} -> ${top.join(', ')} (wanted ${wanted.join(' or ')})`);
    }
    const recall = 1 - misses.length / fixture.questions.length;
    expect(recall, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('every expected id in the fixture exists, so the test measures retrieval, not typos', () => {
    const ids = new Set([...library.exercises.map((e) => e.id), ...library.troubleshooting.map((t) => t.id), ...library.faq.map((f) => f.id)]);
    for (const { expect: wanted } of fixture.questions) for (const id of wanted) expect(ids.has(id), id).toBe(true);
  });

  it('understands lay words and plurals', () => {
    expect(normaliseTerm('Pinches')).toBe('pinch');
    expect(normaliseTerm('the')).toBeNull();
    expect(expandQuery('clams and RDLs')).toContain('clamshell');
    expect(retriever.search('clams', 1)[0]!.entry.kind).toBe('exercise');
    expect(retriever.search('tight hips hip flexor', 3).length).toBe(3);
  });
});
