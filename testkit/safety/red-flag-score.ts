import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { RED_FLAG_IDS, type RedFlagId } from '../../src/content/ids.js';
import { readRedFlags } from '../../src/coaching/red-flags/engine.js';
import type { Subject } from '../../src/coaching/safety.js';

/** Scores the red-flag reader on a labelled corpus (used by the gate tests and by `npm run bench`). */

/** The labelled corpora live beside the safety tests that gate on them. */
const CORPUS_DIR = join(import.meta.dirname, '..', '..', 'tests', 'safety', 'corpus');

export interface Labelled {
  text: string;
  flag: RedFlagId;
  subject: Subject;
}

const positivesFile = z.object({ flags: z.partialRecord(z.enum(RED_FLAG_IDS), z.array(z.string().min(3))) });
const benignFile = z.object({ messages: z.array(z.string().min(3)) });

export function loadPositives(file = 'red-flags.yaml'): Labelled[] {
  const data = positivesFile.parse(parse(readFileSync(join(CORPUS_DIR, file), 'utf8')));
  return RED_FLAG_IDS.flatMap((flag) =>
    (data.flags[flag] ?? []).map((raw) => {
      const m = /^\[(other|unclear)\]\s*/.exec(raw);
      const subject: Subject = m?.[1] === 'other' ? 'someone_else' : m?.[1] === 'unclear' ? 'unclear' : 'me';
      return { text: m ? raw.slice(m[0].length) : raw, flag, subject };
    }),
  );
}

export function loadBenign(file = 'benign.yaml'): string[] {
  return benignFile.parse(parse(readFileSync(join(CORPUS_DIR, file), 'utf8'))).messages;
}

export interface Score {
  sensitivity: number;
  specificity: number;
  subjectAccuracy: number;
  perFlag: { flag: RedFlagId; n: number; found: number; sensitivity: number }[];
  missed: Labelled[];
  falseAlarms: { text: string; flags: RedFlagId[] }[];
  wrongSubject: (Labelled & { got: Subject })[];
}

/** A message counts as caught when its flag is found at all (for the writer or for someone else). */
export function score(positives: readonly Labelled[], benign: readonly string[]): Score {
  const missed: Labelled[] = [];
  const wrongSubject: (Labelled & { got: Subject })[] = [];
  for (const p of positives) {
    const r = readRedFlags(p.text);
    if (!r.flags.includes(p.flag) && !r.otherFlags.includes(p.flag)) {
      missed.push(p);
      continue;
    }
    const got: Subject = r.flags.includes(p.flag) ? (r.subject === 'someone_else' ? 'me' : r.subject) : 'someone_else';
    // "Unclear" is a safe answer for either label: the person is asked before anything pauses.
    if (got !== p.subject && got !== 'unclear') wrongSubject.push({ ...p, got });
  }
  const falseAlarms = benign.map((text) => ({ text, r: readRedFlags(text) })).filter(({ r }) => r.flags.length + r.otherFlags.length > 0).map(({ text, r }) => ({ text, flags: [...r.flags, ...r.otherFlags] }));
  const perFlag = RED_FLAG_IDS.map((flag) => {
    const n = positives.filter((p) => p.flag === flag).length;
    const found = n - missed.filter((m) => m.flag === flag).length;
    return { flag, n, found, sensitivity: n ? found / n : 1 };
  });
  const caught = positives.length - missed.length;
  return {
    sensitivity: caught / positives.length,
    specificity: 1 - falseAlarms.length / benign.length,
    subjectAccuracy: caught ? 1 - wrongSubject.length / caught : 1,
    perFlag,
    missed,
    falseAlarms,
    wrongSubject,
  };
}
