import { createHash } from 'node:crypto';
import type { Clock } from '../app/time.js';
import type { Library } from '../content/library.js';
import type { Db } from '../db/connection.js';
import { QaRecords } from '../app/qa-records.js';
import type { Llm } from './client.js';
import { checkAnswer } from './guardrails.js';
import { fillPrompt } from './prompts.js';

/**
 * Warm opening lines, phrased by the LLM from deterministic facts and cached by those facts.
 * The facts come from code; the LLM only chooses the words. Exercises, dosage and reasons are
 * always rendered by code, below the intro. Any failed check or error gives the template.
 */

export type IntroOccasion = 'daily' | 'assessment';

export interface IntroFacts {
  occasion: IntroOccasion;
  /** Short factual lines, e.g. "streak: 4 days", "the squat moved up a level". */
  facts: string[];
}

export const INTRO_MAX_CHARS = 280;

export function templateIntro(f: IntroFacts): string {
  if (f.occasion === 'assessment') return 'Thank you for doing the tests. Here is the gist; your full plan is in your DMs.';
  return f.facts.length ? `${f.facts.map((x) => x.charAt(0).toUpperCase() + x.slice(1)).join('. ')}.` : 'Here is today\'s session.';
}

export class Phraser {
  private readonly records: QaRecords;

  constructor(private readonly deps: { llm: Llm; db: Db; clock: Clock; library: Library; model: string }) {
    this.records = new QaRecords(deps);
  }

  async intro(f: IntroFacts): Promise<string> {
    if (!this.deps.llm.enabled) return templateIntro(f);
    const key = createHash('sha256').update(JSON.stringify([this.deps.model, f.occasion, f.facts])).digest('hex');
    const cached = this.records.cachedPhrase(key);
    if (cached) return cached;
    const result = await this.deps.llm.complete(
      [
        { role: 'system', content: fillPrompt('introSystem', { maxChars: String(INTRO_MAX_CHARS) }) },
        { role: 'user', content: fillPrompt('introUser', { occasion: f.occasion, facts: f.facts.map((x) => `- ${x}`).join('\n') || '- (none)' }) },
      ],
      { maxTokens: 120, budgetMs: 8_000 },
    );
    if ('failure' in result) return templateIntro(f);
    const check = checkAnswer(result.text, { library: this.deps.library, allowedKeys: new Set(), allowedDomains: [], maxChars: INTRO_MAX_CHARS });
    // An intro names no exercise at all: the exercises below are the code's, not the LLM's.
    const namesExercise = check.ok && this.deps.library.exercises.some((e) => check.text.toLowerCase().includes(e.name.toLowerCase()));
    if (!check.ok || namesExercise) return templateIntro(f);
    this.records.cachePhrase(key, check.text);
    return check.text;
  }
}
