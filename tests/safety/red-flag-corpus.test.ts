import { describe, expect, it } from 'vitest';
import { RED_FLAG_IDS } from '../../src/content/ids.js';
import { getLibrary } from '../../src/content/load.js';
import { readRedFlags } from '../../src/coaching/red-flags/engine.js';
import { loadBenign, loadPositives, score } from '../../testkit/safety/red-flag-score.js';

/**
 * The gates of issue 9 on the labelled corpora in ./corpus (written fresh; see the YAML headers).
 * A failure prints what was missed or raised falsely, so a rule change can be judged.
 */
const positives = loadPositives();
const benign = loadBenign();
const main = score(positives, benign);

describe('red-flag corpus', () => {
  it('is big enough: >= 200 red-flag messages, >= 10 for each of the 19 flags, >= 200 benign near-misses', () => {
    expect(positives.length).toBeGreaterThanOrEqual(200);
    expect(benign.length).toBeGreaterThanOrEqual(200);
    for (const id of RED_FLAG_IDS) expect(positives.filter((p) => p.flag === id).length, id).toBeGreaterThanOrEqual(10);
    expect(positives.filter((p) => p.subject === 'someone_else').length).toBeGreaterThanOrEqual(19);
  });

  it('finds >= 97% of red flags (sensitivity)', () => {
    expect(main.sensitivity, main.missed.map((m) => `${m.flag}: ${m.text}`).join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  it('leaves >= 95% of benign near-misses alone (specificity)', () => {
    expect(main.specificity, main.falseAlarms.map((f) => `${f.flags.join(',')}: ${f.text}`).join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('says who a message is about for >= 95% of the flags it finds', () => {
    expect(main.subjectAccuracy, main.wrongSubject.map((w) => `${w.subject} -> ${w.got}: ${w.text}`).join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps every flag at >= 0.9 on its own', () => {
    for (const row of main.perFlag) expect(row.sensitivity, row.flag).toBeGreaterThanOrEqual(0.9);
  });

  it('holds on the held-out set too (first run before any fix: sensitivity 0.947, specificity 0.980)', () => {
    const held = score(loadPositives('held-out-red-flags.yaml'), loadBenign('held-out-benign.yaml'));
    expect(held.sensitivity, held.missed.map((m) => m.text).join('\n')).toBeGreaterThanOrEqual(0.93);
    expect(held.specificity, held.falseAlarms.map((m) => m.text).join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('reads none of the library\'s own exercise steps, cues and summaries as a red flag', () => {
    const texts = getLibrary().exercises.flatMap((e) => [e.summary, ...e.steps, ...e.cues]);
    const fired = texts.filter((t) => { const r = readRedFlags(t); return r.flags.length + r.otherFlags.length > 0; });
    expect(fired).toEqual([]);
  });
});
