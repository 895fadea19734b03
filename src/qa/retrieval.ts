import MiniSearch from 'minisearch';
import { MUSCLE_LABELS, PATTERN_LABELS } from '../content/ids.js';
import type { Library } from '../content/library.js';

/**
 * Search over everything HipCoach knows: exercises, troubleshooting topics and the FAQ. Every
 * answer, with or without an LLM, rests on what this returns, and cites it.
 */

export type EntryKind = 'exercise' | 'topic' | 'faq';

export interface Entry {
  /** `<kind>:<content id>`, unique across kinds. */
  key: string;
  kind: EntryKind;
  id: string;
  title: string;
  alsoAsked: string;
  keywords: string;
  text: string;
  /** How it is done (exercises only): steps, position and equipment, with everyday words for them. */
  howTo: string;
  /** What the template answer quotes when this entry is the best match. */
  quote: string;
}

export interface Hit {
  entry: Entry;
  score: number;
}

/** Lay words people use, mapped to the words the library uses. Applied to queries only. */
const SYNONYMS: Record<string, string> = {
  clams: 'clamshell',
  clam: 'clamshell',
  rdl: 'romanian deadlift',
  rdls: 'romanian deadlift',
  psoas: 'hip flexor iliopsoas',
  iliopsoas: 'hip flexor',
  flexors: 'flexor',
  tight: 'tight stiff',
  tightness: 'tight stiff',
  sore: 'soreness sore',
  aching: 'soreness ache',
  achy: 'soreness ache',
  doms: 'soreness',
  op: 'surgery operation',
  operation: 'surgery',
  arthroscopy: 'surgery',
  scope: 'surgery',
  surgeon: 'surgery',
  meds: 'medication',
  painkillers: 'medication',
  painkiller: 'medication',
  ibuprofen: 'medication',
  naproxen: 'medication',
  paracetamol: 'medication',
  pills: 'medication',
  fai: 'fai impingement',
  impingement: 'fai impingement',
  cam: 'cam fai',
  pincer: 'pincer fai',
  labrum: 'labral labrum',
  torn: 'tear labral',
  sleep: 'sleeping night',
  bed: 'sleeping night',
  bike: 'cycling',
  biking: 'cycling',
  cyclist: 'cycling',
  spin: 'cycling',
  jog: 'running',
  jogging: 'running',
  run: 'running',
  runner: 'running',
  pinches: 'pinch',
  pinching: 'pinch',
  pinchy: 'pinch',
  bulgarian: 'rear foot elevated split squat',
  crab: 'band lateral walk',
  monster: 'band lateral walk',
  copenhagen: 'copenhagen plank',
  copenhagens: 'copenhagen plank',
  desk: 'sitting work',
  office: 'sitting work',
  mri: 'scan',
  xray: 'scan',
  'x-ray': 'scan',
  click: 'clicking popping',
  clicks: 'clicking popping',
  popping: 'clicking popping',
  flare: 'flare',
  flared: 'flare',
  worse: 'worse flare',
  scared: 'fear',
  afraid: 'fear',
  nervous: 'fear',
  hurts: 'pain',
  hurt: 'pain',
  cramp: 'cramp',
  cramps: 'cramp',
  cramping: 'cramp',
  wobbly: 'balance wobbly',
  wobble: 'balance wobbly',
  skip: 'missed sessions',
  missed: 'missed sessions',
  lazy: 'motivation',
  unmotivated: 'motivation',
  socks: 'socks shoes',
  car: 'car',
  stairs: 'stairs',
  son: 'under 18 young teenager',
  daughter: 'under 18 young teenager',
  kid: 'under 18 young teenager',
  kids: 'under 18 young teenager',
  teen: 'under 18 young teenager',
  teenager: 'under 18 young teenager',
  child: 'under 18 young teenager',
  // Exercises described rather than named.
  bum: 'glute bridge',
  butt: 'glute bridge',
  tapping: 'dead bug heel tap',
  tap: 'dead bug heel tap',
  tipping: 'hinge romanian deadlift',
  apart: 'swing out',
  knocking: 'setback regress',
  knocked: 'setback regress',
  setback: 'setback regress',
  demoted: 'setback regress',
};

/** Everyday words for each starting position, indexed with the exercise's steps. */
const POSITION_WORDS: Partial<Record<string, string>> = {
  lying_on_back: 'lying on your back flat face up floor bed',
  lying_face_down: 'lying face down on your front tummy stomach belly prone',
  lying_on_side: 'lying on your side sideways side lying',
  hands_and_knees: 'hands and knees all fours crawling',
  sitting_on_chair: 'sitting seated on a chair seat',
  sitting_on_floor: 'sitting sat on the floor ground',
  standing: 'standing stood upright on your feet',
  split_stance: 'split stance one foot forward one foot back staggered',
  half_kneeling: 'half kneeling on one knee',
  kneeling: 'kneeling on your knees',
};
/** Everyday words for what each movement pattern does. */
const PATTERN_WORDS: Partial<Record<string, string>> = {
  hip_flexion: 'knee up lift the leg bring the knee towards the chest',
  hip_extension: 'bum butt glutes buttocks hips up lift bridge push the hips up',
  internal_rotation: 'knee falls in inwards turn in foot swings out',
  external_rotation: 'knee opens out like a book turn out foot swings in',
  abduction: 'leg out to the side sideways outer hip',
  adduction: 'inner thigh squeeze together legs in',
  flexion_rotation: 'knee across the body rock back sit back',
  hip_hinge: 'bend forward bow tip forward from the hips',
  squat: 'squat sit down bend the knees',
  split_stance: 'lunge one foot forward one back step',
  single_leg_balance: 'balance standing on one leg',
  trunk: 'core tummy abs trunk',
};
/** Everyday words for the equipment. */
const EQUIPMENT_WORDS: Partial<Record<string, string>> = {
  band: 'band loop band resistance band elastic theraband',
  chair: 'chair seat stool sofa couch',
  wall: 'wall',
  dowel: 'dowel broomstick broom stick pole',
  weight: 'weight dumbbell kettlebell heavy bag',
};

const STOP_WORDS = new Set(
  'a an and are as at be but by can could do does doing for from get got have how i if in into is it its me my of on or should so that the their them then there these they this to too up was we what when where which while who why will with would you your yeah ok okay just really still also ever any some much'.split(' '),
);

/** Lower case, no punctuation, light stemming: "pinches", "pinching" and "pinch" meet. */
export function normaliseTerm(term: string): string | null {
  const t = term.toLowerCase().replace(/[^a-z0-9-]/g, '');
  if (t.length < 2 || STOP_WORDS.has(t)) return null;
  return stem(t);
}

function stem(t: string): string {
  if (t.length > 5 && t.endsWith('ing')) return t.slice(0, -3);
  if (t.length > 4 && t.endsWith('ies')) return `${t.slice(0, -3)}y`;
  if (t.length > 4 && t.endsWith('es') && /(ch|sh|ss|x)es$/.test(t)) return t.slice(0, -2);
  if (t.length > 3 && t.endsWith('s') && !t.endsWith('ss')) return t.slice(0, -1);
  if (t.length > 5 && t.endsWith('ed')) return t.slice(0, -2);
  return t;
}

export function expandQuery(query: string): string {
  const words = query.toLowerCase().split(/[^a-z0-9-]+/).filter(Boolean);
  return [...words, ...words.map((w) => SYNONYMS[w] ?? '')].join(' ');
}

export function entriesOf(library: Library): Entry[] {
  const exercises = library.exercises.map((e): Entry => ({
    key: `exercise:${e.id}`,
    kind: 'exercise',
    id: e.id,
    title: e.name,
    alsoAsked: '',
    keywords: [...e.keywords, PATTERN_LABELS[e.pattern], ...e.muscles.map((m) => MUSCLE_LABELS[m])].join(' '),
    text: [e.summary, ...e.cues, e.ifItPinches].join(' '),
    howTo: [...e.steps, PATTERN_WORDS[e.pattern] ?? '', POSITION_WORDS[e.position] ?? '', ...e.equipment.map((q) => EQUIPMENT_WORDS[q] ?? '')].join(' '),
    quote: `${e.summary} For the steps, cues and easier or harder versions, use \`/exercise name:${e.name}\`.`,
  }));
  const topics = library.troubleshooting.map((t): Entry => ({
    key: `topic:${t.id}`,
    kind: 'topic',
    id: t.id,
    title: t.title,
    alsoAsked: '',
    keywords: t.keywords.join(' '),
    text: [t.summary, t.whyItHappens, ...t.whatToTry].join(' '),
    howTo: '',
    quote: [t.summary, ...t.whatToTry.slice(0, 4).map((w) => `- ${w}`), `*When to get help:* ${t.whenToGetHelp}`].join('\n'),
  }));
  const faq = library.faq.map((f): Entry => ({
    key: `faq:${f.id}`,
    kind: 'faq',
    id: f.id,
    title: f.question,
    alsoAsked: f.alsoAsked.join(' '),
    keywords: f.keywords.join(' '),
    text: f.answer,
    howTo: '',
    quote: f.answer,
  }));
  return [...faq, ...topics, ...exercises];
}

export class Retriever {
  private readonly index: MiniSearch<Entry>;
  private readonly byKey: Map<string, Entry>;

  constructor(library: Library) {
    const entries = entriesOf(library);
    this.byKey = new Map(entries.map((e) => [e.key, e]));
    this.index = new MiniSearch<Entry>({
      idField: 'key',
      fields: ['title', 'alsoAsked', 'keywords', 'text', 'howTo'],
      processTerm: normaliseTerm,
      searchOptions: {
        boost: { title: 3, alsoAsked: 2.5, keywords: 2, text: 0.6, howTo: 0.8 },
        fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
        prefix: (term) => term.length >= 4,
        combineWith: 'OR',
      },
    });
    this.index.addAll(entries);
  }

  entry(key: string): Entry | undefined {
    return this.byKey.get(key);
  }

  /** The best entries for a question, best first. */
  search(query: string, limit = 5): Hit[] {
    const results = this.index.search(expandQuery(query));
    return results.slice(0, limit).map((r) => ({ entry: this.byKey.get(r.id as string)!, score: r.score }));
  }
}

let shared: { library: Library; retriever: Retriever } | undefined;

/** One index per library, built on first use. */
export function retrieverFor(library: Library): Retriever {
  if (shared?.library !== library) shared = { library, retriever: new Retriever(library) };
  return shared.retriever;
}
