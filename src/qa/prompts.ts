import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Prompt templates live in prompts/ as plain files so they can be read and reviewed as text.
 * `{{name}}` placeholders are filled here; every placeholder must be given, and no other.
 */

export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

const PROMPT_FILES = {
  answerSystem: { file: 'answer.system.md', vars: ['maxChars', 'personContext', 'entries'] },
  answerUser: { file: 'answer.user.md', vars: ['history', 'question'] },
  introSystem: { file: 'intro.system.md', vars: ['maxChars'] },
  introUser: { file: 'intro.user.md', vars: ['occasion', 'facts'] },
} as const;
export type PromptName = keyof typeof PROMPT_FILES;

const templateSchema = z.string().min(10, 'the prompt file is empty');
const cache = new Map<PromptName, string>();

export function loadPrompt(name: PromptName, dir = PROMPTS_DIR): string {
  const cached = cache.get(name);
  if (cached !== undefined && dir === PROMPTS_DIR) return cached;
  const { file, vars } = PROMPT_FILES[name];
  const text = templateSchema.parse(readFileSync(`${dir}/${file}`, 'utf8'));
  const found = new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!));
  const missing = vars.filter((v) => !found.has(v));
  const unknown = [...found].filter((v) => !(vars as readonly string[]).includes(v));
  if (missing.length || unknown.length) {
    throw new Error(`prompts/${file}: ${missing.length ? `missing {{${missing.join('}}, {{')}}}` : ''}${unknown.length ? ` unknown {{${unknown.join('}}, {{')}}}` : ''}`);
  }
  if (dir === PROMPTS_DIR) cache.set(name, text);
  return text;
}

export function fillPrompt(name: PromptName, values: Record<string, string>): string {
  return loadPrompt(name).replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}
