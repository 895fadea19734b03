import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Library } from '../../src/content/library.js';
import { checkAnswer } from '../../src/qa/guardrails.js';
import type { Retriever } from '../../src/qa/retrieval.js';

/** Scores the answer guardrails on the adversarial reply corpus (gate tests and `npm run bench`). */
const file = z.object({
  bad: z.record(z.string(), z.array(z.string().min(10))),
  good: z.array(z.object({ text: z.string().min(10) })),
});

export function loadReplies() {
  return file.parse(parse(readFileSync(join(import.meta.dirname, '..', '..', 'tests', 'safety', 'corpus', 'replies.yaml'), 'utf8')));
}

export function scoreReplies(library: Library, retriever: Retriever) {
  const { bad, good } = loadReplies();
  const keys = new Set<string>();
  for (const f of library.faq) keys.add(`faq:${f.id}`);
  for (const t of library.troubleshooting) keys.add(`topic:${t.id}`);
  const check = (text: string) => {
    const cited = [...text.matchAll(/\[((?:faq|topic|exercise):[a-z0-9_]+)\]/g)].map((m) => m[1]!);
    const sourceText = cited.map((k) => retriever.entry(k)?.text ?? '').join('\n');
    return checkAnswer(text, { library, allowedKeys: keys, allowedDomains: ['nhs.uk'], maxChars: 1500, requireCitation: true, sourceText });
  };
  const badList = Object.entries(bad).flatMap(([kind, texts]) => texts.map((text) => ({ kind, text: /\[(?:faq|topic|exercise):/.test(text) ? text : `${text} [faq:exercising_with_pain]` })));
  const posted = badList.filter((b) => check(b.text).ok);
  const blocked = good.map((g) => ({ text: g.text, result: check(g.text) })).filter((g) => !g.result.ok);
  return { badCount: badList.length, goodCount: good.length, posted, blocked: blocked.map((b) => ({ text: b.text, reason: b.result.ok ? '' : b.result.reason })) };
}
