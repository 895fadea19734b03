import type { Library } from '../content/library.js';
import { detectRedFlagsInText } from '../coaching/red-flags/phrases.js';
import { claimsClinicalRole, curePromise, DEFERS, diagnosis, domainsIn, KNOWN_DRILL_NAMES, medicationAdvice, painAdviceAgainstModel, sentences, surgeryAdvice } from './reply-checks.js';

/**
 * Deterministic checks around the LLM. Before: questions about surgery, medication or diagnosis
 * get a fixed, kind answer that points to clinicians. After: an LLM answer is posted only if it
 * passes every check below; otherwise the template answer is used. Nothing here can be talked
 * round by a question, because nothing here reads instructions.
 */

export type FixedTopic = 'surgery' | 'medication' | 'diagnosis';

const FIXED_PATTERNS: [FixedTopic, RegExp][] = [
  ['medication', /\b(medications?|medicines?|meds|pain ?killers?|ibuprofen|naproxen|paracetamol|acetaminophen|aspirin|nsaids?|diclofenac|codeine|tramadol|gabapentin|pregabalin|cortisone|steroid injections?|injections?|dosage|doses?|pills?|tablets?|supplements?|\d+ ?mg)\b/],
  ['surgery', /\b(surgery|surgeries|surgeon|surgical|operations?|operate|operated|arthroscop\w*|hip scope|scoped|osteoplasty|hip replacement|an op|the op)\b/],
  ['diagnosis', /\b(do i have|have i got|could (it|this) be|is (it|this|mine) (fai|a tear|a labral tear|arthritis|bursitis|dysplasia|cam|pincer)|diagnos\w*|what'?s wrong with (me|my hip)|what is wrong with (me|my hip)|(scan|mri|x-?ray|ultrasound|report|results?)\b[^.?!]{0,40}\b(says|say|shows|showed|show|said|mean|means|found)|(scan|mri|x-?ray) results?)\b/],
];

/** Which fixed answer a question needs, if any (medication first: it is the most specific). */
export function classifyFixed(question: string): FixedTopic | null {
  const q = question.toLowerCase().replace(/[’']/g, "'");
  for (const [topic, pattern] of FIXED_PATTERNS) if (pattern.test(q)) return topic;
  return null;
}

/** The FAQ entry each fixed topic quotes. */
export const FIXED_FAQ: Record<FixedTopic, string> = {
  surgery: 'do_i_need_surgery',
  medication: 'medication_questions',
  diagnosis: 'what_does_my_scan_mean',
};

/** Words that end an exercise's name; an LLM naming one must name a library exercise. */
// Movement words like stretch, walk or hold are left out: they are used too loosely to police.
const EXERCISE_NOUNS = 'stretch|pose|flow|squat|lunge|deadlift|bridge|plank|press|curl|raise|row|thrust|clamshell|clam|kick|hydrant|march|crunch|sit-?up|push-?up|pull-?up|step-?up|step-?down|swing|snatch|dead ?bug|bird ?dog|rock ?back|lift-?off|airplane|good ?morning|fly|dip|burpee';
const EXERCISE_MENTION = new RegExp(`\\b((?:[a-z0-9/-]+ ){0,2})(${EXERCISE_NOUNS})(?:e?s)?\\b`, 'g');
/** Words that may stand before a generic movement word without making it a named exercise. */
const PLAIN_WORDS = new Set(
  // Body parts describe a movement without naming a drill: "a gentle hip flexor stretch".
  'hip hips groin glute glutes buttock leg legs calf calves hamstring hamstrings quad quads thigh inner outer front back side lower upper flexor flexors adductor adductors muscle muscles '.concat(
  'a an the some your my this that these those any more few fewer deep deeper heavy heavier light lighter gentle gentler slow slower small smaller short shorter easy easier hard harder regular normal daily basic simple full partial comfortable of and or with to do doing try trying for from in on at by your each every one two three bodyweight weighted supported long longer brisk usual other first next last same its it as if not no',
  ).split(' '),
);

export interface AnswerCheckContext {
  library: Library;
  /** Entry keys the answer may cite (the retrieved ones). */
  allowedKeys: ReadonlySet<string>;
  allowedDomains: readonly string[];
  maxChars: number;
  /** Answers must rest on at least one cited entry; intros cite nothing. */
  requireCitation?: boolean;
  /** The retrieved entries' text: numbers in the answer must come from it (grounding). */
  sourceText?: string;
}

/** An honest "the library does not cover this": passes without a citation (prompt rule 1). */
const NOT_COVERED = /\b(?:(?:library|hipcoach|i) (?:does not|doesn't|do not|don't) (?:yet )?(?:cover|have anything|include|have (?:an? )?(?:entry|information|guidance))|not covered(?: yet)?|outside what (?:i|hipcoach) (?:can|cover)|nothing (?:in (?:my|the) library )?(?:on|about) that yet)\b/i;
/** A sentence sending the reader to a clinician first: the library's own advice, not a symptom report. */
const REFER = /\b(?:check with|see|ask|speak to|talk to|contact|call|get checked by) (?:a|your|the) (?:midwife|doctor|gp|clinician|physio\w*|pharmacist|surgeon|nurse)\b/i;
/** A sentence that sends the reader to care if a symptom appears: the library's own safety net. */
const SAFETY_NET = /\b(?:if|should|when|in case)\b[^.!?]*\b(?:see|call|contact|get|seek|go to|book|speak to|talk to|ring|stop)\b[^.!?]*\b(?:doctor|gp|emergency|999|911|112|urgent care|a&e|medical|clinician|physio\w*|checked|help)\b/i;

export type AnswerCheck = { ok: true; text: string; cited: string[] } | { ok: false; reason: string };

let lexiconFor: { library: Library; phrases: string[] } | undefined;

function lexicon(library: Library): string[] {
  if (lexiconFor?.library !== library) {
    const phrases = library.exercises
      .flatMap((e) => [e.name, ...e.keywords])
      .map((p) => ` ${singularPhrase(p.toLowerCase().replace(/[^a-z0-9 /-]/g, ' ').replace(/\s+/g, ' ').trim())} `);
    lexiconFor = { library, phrases };
  }
  return lexiconFor.phrases;
}

function singular(w: string): string {
  if (/(ch|sh|ss|x)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}
const singularPhrase = (p: string) => p.split(' ').map(singular).join(' ');

/** Exercise-like phrases that are not in the library (e.g. "pistol squats", "jefferson curls"). */
export function unknownExercises(text: string, library: Library): string[] {
  const phrases = lexicon(library);
  const lower = text.toLowerCase().replace(/[’']/g, "'");
  const unknown: string[] = [];
  for (const m of lower.matchAll(EXERCISE_MENTION)) {
    const before = (m[1] ?? '').trim().split(' ').filter(Boolean);
    const noun = m[2]!;
    const lastWord = before[before.length - 1];
    // "a squat", "deeper squats", "some walking": a movement word, not a named exercise.
    if (!lastWord || PLAIN_WORDS.has(lastWord)) continue;
    const named = [...before.filter((w) => !PLAIN_WORDS.has(w)), noun];
    // Known if the library has it with the same last words, e.g. "goblet squat", "glute bridge".
    const known = [named, named.slice(-2)].some((words) => phrases.some((p) => p.includes(` ${singularPhrase(words.join(' '))} `)));
    if (!known) unknown.push(m[0].trim());
  }
  return unknown;
}

const MEDICATION = /\b(\d+ ?(mg|milligrams?|ml)|ibuprofen|naproxen|paracetamol|acetaminophen|aspirin|diclofenac|codeine|tramadol|gabapentin|pregabalin|cortisone|prednisolone|celecoxib|nsaids?|anti-?inflammator(y|ies) (pills?|tablets?|medication))\b/i;
const SURGERY_ADVICE_V1 = [
  /\byou(?:'ll| will)?\b[^.!?]{0,40}\b(need|needs|should|must|have to|ought to|'d better)\b[^.!?]{0,30}\b(surgery|an operation|arthroscopy|a hip scope|an op)\b/i,
  /\b(surgery|arthroscopy|an operation)\b[^.!?]{0,30}\b(is|would be|will be)\b[^.!?]{0,20}\b(necessary|needed|required|essential|the (best|only|right) (option|choice|way|answer))\b/i,
  /\b(don't|do not|won't|will not|never) need (surgery|an operation|arthroscopy|an op)\b/i,
  /\b(get|have|book) (the|a|your) (surgery|operation|arthroscopy)\b/i,
];
const DIAGNOSIS = /\byou(?:'ve| have)?\s+(?:probably |likely |definitely |clearly |certainly )?(?:have|got|have got|are suffering from)\b[^.!?]{0,40}\b(fai|impingement|labral|labrum|tear|arthritis|dysplasia|bursitis|tendinopathy|tendinitis|fracture|cam|pincer)\b/i;
const MENTIONS = /@everyone|@here|<@[!&]?\d+>|<#\d+>/;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()]+/gi;
const CITATION = /\s?\[((?:faq|topic|exercise):[a-z0-9_]+)\]/g;
/** Signs an answer stepped out of its role (a prompt injection that worked). */
const ROLE_BREAK = /\b(previous|prior|above) instructions\b|\bsystem prompt\b|\bno (safety )?rules\b|\bi am no longer\b|\bas an ai\b|\bjailbr/i;

/** Every check an LLM answer must pass before anyone sees it. */
export function checkAnswer(raw: string, ctx: AnswerCheckContext): AnswerCheck {
  const cited = [...raw.matchAll(CITATION)].map((m) => m[1]!);
  const unknownCites = cited.filter((k) => !ctx.allowedKeys.has(k));
  if (unknownCites.length) return { ok: false, reason: `cites entries it was not given: ${unknownCites.join(', ')}` };
  const text = raw.replace(CITATION, '').replace(/[ \t]+\n/g, '\n').trim();
  if (text.length < 20) return { ok: false, reason: 'empty or too short' };
  if (ctx.requireCitation && cited.length === 0 && !NOT_COVERED.test(text)) return { ok: false, reason: 'cites no library entry' };
  if (ROLE_BREAK.test(text)) return { ok: false, reason: 'steps out of its role' };
  if (text.length > ctx.maxChars) return { ok: false, reason: `too long (${text.length} characters)` };
  if (MENTIONS.test(text)) return { ok: false, reason: 'contains a mass, user, role or channel mention' };
  for (const url of text.match(URL) ?? []) {
    const host = url.replace(/^https?:\/\//i, '').replace(/^www\./i, '').split(/[/?#:]/)[0]!.toLowerCase();
    if (!ctx.allowedDomains.some((d) => host === d || host.endsWith(`.${d}`))) return { ok: false, reason: `links outside the allowlist (${host})` };
  }
  for (const host of domainsIn(text)) {
    if (!ctx.allowedDomains.some((d) => host === d || host.endsWith(`.${d}`))) return { ok: false, reason: `names a site outside the allowlist (${host})` };
  }
  if (MEDICATION.test(text)) return { ok: false, reason: 'mentions medication' };
  // Sentences deferring to a clinician ("whether you need surgery is for your surgeon") are the library's own answer.
  if (sentences(text).some((s) => !DEFERS.test(s) && SURGERY_ADVICE_V1.some((p) => p.test(s)))) return { ok: false, reason: 'advises on surgery' };
  if (DIAGNOSIS.test(text)) return { ok: false, reason: 'makes a diagnosis' };
  const v2 = medicationAdvice(text) ?? surgeryAdvice(text) ?? diagnosis(text) ?? claimsClinicalRole(text) ?? painAdviceAgainstModel(text) ?? curePromise(text);
  if (v2) return { ok: false, reason: v2 };
  const unknown = [...unknownExercises(text, ctx.library), ...unknownDrillNames(text, ctx.library)];
  if (unknown.length) return { ok: false, reason: `names exercises outside the library: ${unknown.join(', ')}` };
  // Red-flag symptoms are fine inside the safety net ("if your leg turns cold, call 999").
  const outsideSafetyNet = sentences(text).filter((sentence) => !SAFETY_NET.test(sentence) && !REFER.test(sentence)).join(' ');
  if (detectRedFlagsInText(outsideSafetyNet).length) return { ok: false, reason: 'describes red-flag symptoms' };
  const ungrounded = ctx.sourceText === undefined ? [] : ungroundedNumbers(text, ctx.sourceText);
  if (ungrounded.length) return { ok: false, reason: `numbers not in the library entries: ${ungrounded.join(', ')}` };
  return { ok: true, text, cited: [...new Set(cited)] };
}

/** Well-known drill names ("couch stretch", "pallof press") that the library does not have. */
export function unknownDrillNames(text: string, library: Library): string[] {
  const phrases = lexicon(library);
  const lower = ` ${text.toLowerCase().replace(/[’]/g, "'").replace(/[^a-z0-9' /]/g, ' ').replace(/\s+/g, ' ')} `;
  return KNOWN_DRILL_NAMES.map((name) => name.replace(/-/g, ' ')).filter((name) => lower.includes(` ${name} `) || lower.includes(` ${name}s `)).filter((name) => {
    const key = ` ${singularPhrase(name.replace(/'/g, ' ').replace(/\s+/g, ' '))} `;
    return !phrases.some((p) => p.includes(key));
  });
}

/** Numbers in an answer that appear nowhere in its sources (pain ratings out of 10 excepted). */
export function ungroundedNumbers(text: string, sourceText: string): string[] {
  const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
  // "three sessions a week" in the library grounds "3 sessions a week" in the answer.
  const spelled = words.filter((w) => new RegExp(`\\b${w}\\b`, 'i').test(sourceText)).map((w) => String(words.indexOf(w)));
  const known = new Set([...(sourceText.match(/\d+(?:\.\d+)?/g) ?? []), ...spelled]);
  const stripped = text.replace(/\b\d+\s*(?:-|to)?\s*\d*\s*(?:\/|out of)\s*10\b/gi, ' ').replace(/\b(?:90\/90|figure[- ]4)\b/gi, ' ');
  return [...new Set(stripped.match(/\b\d+(?:\.\d+)?\b/g) ?? [])].filter((n) => !known.has(n));
}
