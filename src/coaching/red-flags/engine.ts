import { RED_FLAG_IDS, type RedFlagId } from '../../content/ids.js';
import { describeMatches, normaliseText } from './phrases.js';
import type { Subject } from '../safety.js';
import { CONCEPTS, LEXICON, SPELLINGS, type Concept } from './lexicon.js';
import { CONCEPT_RULES, DEFAULT_WINDOW, PHRASE_VETOES, STATUS_FLAGS, type ConceptRule } from './rules.js';
import { personMarkers, subjectOf, type Marker } from './subject.js';

/**
 * The free-text red-flag reader: normalise -> lexicon concepts (with negation) -> concept rules
 * within a word window, plus the fixed phrase table -> flags, each with who it is about.
 * Pure, deterministic, linear in the text.
 */

export interface FlagMatch {
  id: RedFlagId;
  subject: Subject;
  /** The rule's note, or the phrase the phrase table matched. */
  why: string;
  emergency: boolean;
}

export interface RedFlagReading {
  /** Flags about the person writing (or possibly about them), in spec order. */
  flags: RedFlagId[];
  /** 'me' if any flag is theirs; 'unclear' if any might be; else 'someone_else' (or 'me' with no flags). */
  subject: Subject;
  /** Flags about somebody else, in spec order (information for them; never the asker's plan). */
  otherFlags: RedFlagId[];
  /** A match that needs care now whatever its flag's level (testicle, pulsing lump). */
  emergency: boolean;
  matches: FlagMatch[];
}

interface Hit {
  concept: Concept;
  word: number;
  negated: boolean;
}

/** Words that negate a concept up to NEGATION_REACH words after them, within the clause. */
const NEGATORS = new Set(['no', 'not', 'never', 'without', 'nor', 'neither', 'none', 'zero', 'denies', 'deny', 'nothing', 'free']);
/** "not sure", "not only": negators that do not negate. */
const NOT_A_NEGATION = new Set(['sure', 'certain', 'know', 'idea', 'only', 'just', 'quite', 'yet', 'able', 'until', 'til', 'till', 'much', 'long', 'since', 'the']);
const CLAUSE_BREAKS = new Set(['but', 'however', 'although', 'though', 'yet', 'except', 'whereas', 'now', 'then', 'and', 'also', 'plus', 'still', 'apart']);
const NEGATION_REACH = 5;

/** Text -> words (punctuation kept as its own word so sentences and clauses can be found). */
export function words(text: string): string[] {
  let t = normaliseText(text);
  for (const [re, to] of SPELLINGS) t = t.replace(re, to);
  return t
    .replace(/([.!?;,:()"])/g, ' $1 ')
    .replace(/(?<!\d)\.(?!\d)/g, ' . ')
    .split(/\s+/)
    .filter((w) => w !== '' && w !== "'");
}

const SENTENCE_END = new Set(['.', '!', '?', ';']);

function negatedAt(ws: readonly string[], at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - NEGATION_REACH); i--) {
    const w = ws[i]!;
    if (SENTENCE_END.has(w) || w === ',' || CLAUSE_BREAKS.has(w)) return false;
    if (NEGATORS.has(w) && !NOT_A_NEGATION.has(ws[i + 1] ?? '')) return true;
    if (w === 'out' && ws[i - 1] === 'ruled') return true;
  }
  // "fever: none", "ruled out": a negation right after.
  const next = `${ws[at + 1] ?? ''} ${ws[at + 2] ?? ''}`;
  return /^(?:ruled out|was ruled|is ruled|came back negative|was negative)/.test(next);
}

function conceptHits(ws: readonly string[]): Map<Concept, Hit[]> {
  const joined = ws.join(' ');
  // Character offset -> word index, for mapping regex matches back onto words.
  const wordAt: number[] = [];
  ws.forEach((w, i) => { for (let k = 0; k <= w.length; k++) wordAt.push(i); });
  const hits = new Map<Concept, Hit[]>();
  for (const concept of CONCEPTS) {
    const re = LEXICON[concept];
    re.lastIndex = 0;
    const found: Hit[] = [];
    for (const m of joined.matchAll(re)) {
      const word = wordAt[m.index] ?? 0;
      found.push({ concept, word, negated: negatedAt(ws, word) });
    }
    if (found.length) hits.set(concept, found);
  }
  return hits;
}

/** Smallest window holding one live hit of every concept in the rule; [first, last] or null. */
function ruleSpan(rule: ConceptRule, hits: Map<Concept, Hit[]>): [number, number] | null {
  const lists = rule.all.map((c) => (hits.get(c) ?? []).filter((h) => !h.negated));
  if (lists.some((l) => l.length === 0)) return null;
  const window = rule.window ?? DEFAULT_WINDOW;
  // Anchor on each hit of the first concept; rules have at most four concepts, texts are short.
  let best: [number, number] | null = null;
  for (const anchor of lists[0]!) {
    let lo = anchor.word;
    let hi = anchor.word;
    let ok = true;
    for (const list of lists.slice(1)) {
      const near = list.reduce<Hit | null>((b, h) => (b === null || Math.abs(h.word - anchor.word) < Math.abs(b.word - anchor.word) ? h : b), null);
      if (!near || Math.abs(near.word - anchor.word) > window) { ok = false; break; }
      lo = Math.min(lo, near.word);
      hi = Math.max(hi, near.word);
    }
    if (ok && hi - lo <= window && (best === null || hi - lo < best[1] - best[0])) best = [lo, hi];
  }
  if (!best) return null;
  const [lo, hi] = best;
  const vetoed = (rule.unless ?? []).some((c) => (hits.get(c) ?? []).some((h) => !h.negated && h.word >= lo - 6 && h.word <= hi + 6));
  return vetoed ? null : best;
}

function sentenceAround(ws: readonly string[], at: number): [number, number] {
  let s = at;
  while (s > 0 && !SENTENCE_END.has(ws[s - 1]!)) s--;
  let e = at;
  while (e < ws.length - 1 && !SENTENCE_END.has(ws[e + 1]!)) e++;
  return [s, e];
}

/** Reads a message for every red flag, and who each one is about. */
export function readRedFlags(text: string): RedFlagReading {
  const ws = words(text);
  const markers: Marker[] = personMarkers(ws);
  const hits = conceptHits(ws);
  const matches: FlagMatch[] = [];
  for (const rule of CONCEPT_RULES) {
    const span = ruleSpan(rule, hits);
    if (!span) continue;
    const [s, e] = sentenceAround(ws, span[0]);
    matches.push({ id: rule.flag, subject: subjectOf(markers, s, e, span[0]), why: rule.note, emergency: rule.emergency === true });
  }
  // The phrase table: fixed expressions the concept rules may not cover.
  const joined = ws.join(' ');
  for (const m of describeMatches(text)) {
    const at = joined.indexOf(m.phrase.split(' ')[0] ?? '');
    const word = at < 0 ? 0 : joined.slice(0, at).split(' ').length - 1;
    const vetoes = PHRASE_VETOES[m.id] ?? [];
    if (vetoes.some((c) => (hits.get(c) ?? []).some((h) => Math.abs(h.word - word) <= 10))) continue;
    const [s, e] = sentenceAround(ws, word);
    matches.push({ id: m.id, subject: subjectOf(markers, s, e, word), why: m.phrase, emergency: false });
  }
  const symptomatic = (hits.get('SYMPTOM') ?? []).length > 0;
  const kept = matches.filter((m) => m.subject !== 'someone_else' || symptomatic || !STATUS_FLAGS.includes(m.id));
  const own = kept.filter((m) => m.subject !== 'someone_else');
  const inOrder = (list: readonly FlagMatch[]) => RED_FLAG_IDS.filter((id) => list.some((m) => m.id === id));
  const flags = inOrder(own);
  const otherFlags = inOrder(kept.filter((m) => m.subject === 'someone_else' && !flags.includes(m.id)));
  const subject: Subject = own.some((m) => m.subject === 'me') ? 'me' : own.length ? 'unclear' : otherFlags.length ? 'someone_else' : 'me';
  return { flags, subject, otherFlags, emergency: kept.some((m) => m.emergency), matches: kept };
}
