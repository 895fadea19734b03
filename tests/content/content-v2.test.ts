import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, parseDocument, type Document } from 'yaml';
import { checkContentDir, DEFAULT_CONTENT_DIR, formatProblem, getLibrary } from '../../src/content/load.js';

/**
 * Content v2: the impact chain, activity blocks (walks, run-walk, runs) and the education topics.
 * Negative tests plant one mistake in a copy of the shipped content and prove the checker names it.
 */

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hipcoach-content-v2-'));
  tempDirs.push(dir);
  cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  return dir;
}

/** Index of the exercise `id` in one exercise file of the copy. */
function indexOf(dir: string, file: string, id: string): number {
  const data = parse(readFileSync(join(dir, file), 'utf8')) as { exercises: { id: string }[] };
  const i = data.exercises.findIndex((e) => e.id === id);
  if (i < 0) throw new Error(`no exercise "${id}" in ${file}`);
  return i;
}

function editExercise(dir: string, file: string, id: string, edit: (doc: Document, at: number) => void): number {
  const at = indexOf(dir, file, id);
  const path = join(dir, file);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  edit(doc, at);
  writeFileSync(path, doc.toString({ lineWidth: 0 }));
  return at;
}

/** The problems of a broken copy, as `file field: message` lines. */
function problemsOf(dir: string): string[] {
  const { problems, library } = checkContentDir(dir);
  expect(library, 'a broken library must not load').toBeUndefined();
  return problems.map(formatProblem);
}

const IMPACT = join('exercises', 'impact.yaml');
const SQUAT = join('exercises', 'squat.yaml');
const HIP_EXTENSION = join('exercises', 'hip_extension.yaml');

describe('planted mistakes in the v2 fields', () => {
  it('an ordinary exercise keeps the 6-minute limit; only activity blocks may run longer', () => {
    const dir = copyContent();
    const at = editExercise(dir, SQUAT, 'standard_chair_sit_to_stand', (doc, i) => { doc.setIn(['exercises', i, 'minutes'], 20); });
    const lines = problemsOf(dir);
    expect(lines.some((l) => l.includes(`exercises[${at}].minutes`) && /activity/.test(l)), lines.join('\n')).toBe(true);
  });

  it('an ordinary exercise keeps the 120-second hold limit, in its dosage and its ladder', () => {
    const dir = copyContent();
    const at = editExercise(dir, HIP_EXTENSION, 'half_kneeling_hip_flexor_lengthen', (doc, i) => {
      doc.setIn(['exercises', i, 'ladder', 3, 'holdSeconds'], 600);
    });
    const lines = problemsOf(dir);
    expect(lines.some((l) => l.includes(`exercises[${at}].ladder`) && /120/.test(l)), lines.join('\n')).toBe(true);
  });

  it('an activity block cannot claim fewer minutes than its own bouts take', () => {
    const dir = copyContent();
    const at = editExercise(dir, HIP_EXTENSION, 'walking_dose', (doc, i) => { doc.setIn(['exercises', i, 'minutes'], 5); });
    const lines = problemsOf(dir);
    expect(lines.some((l) => l.includes(`exercises[${at}].minutes`) && /bouts/.test(l)), lines.join('\n')).toBe(true);
  });

  it('an activity block must say what its bout is, and only an activity block has one', () => {
    const dir = copyContent();
    const walk = editExercise(dir, HIP_EXTENSION, 'walking_dose', (doc, i) => doc.deleteIn(['exercises', i, 'bout']));
    const lift = editExercise(dir, HIP_EXTENSION, 'prone_straight_leg_lift', (doc, i) => { doc.setIn(['exercises', i, 'bout'], 'run'); });
    const lines = problemsOf(dir);
    expect(lines.some((l) => l.includes(`exercises[${walk}].bout`) && /walk, run or stride/.test(l)), lines.join('\n')).toBe(true);
    expect(lines.some((l) => l.includes(`exercises[${lift}].bout`) && /only an activity/.test(l)), lines.join('\n')).toBe(true);
  });

  it('the position gate (gatedBy) names real tests, never on level 1, never a test only some goals take', () => {
    const dir = copyContent();
    const first = editExercise(dir, SQUAT, 'high_chair_sit_to_stand', (doc, i) => { doc.setIn(['exercises', i, 'gatedBy'], ['active_hip_flexion']); });
    const hop = editExercise(dir, SQUAT, 'goblet_squat', (doc, i) => { doc.setIn(['exercises', i, 'gatedBy'], ['single_leg_hop']); });
    const typo = editExercise(dir, SQUAT, 'one_and_a_half_rep_squat', (doc, i) => { doc.setIn(['exercises', i, 'gatedBy'], ['active_hip_flexon']); });
    const lines = problemsOf(dir);
    expect(lines.some((l) => l.includes(`exercises[${first}].gatedBy`) && /level 1/.test(l)), lines.join('\n')).toBe(true);
    expect(lines.some((l) => l.includes(`exercises[${hop}].gatedBy`) && /some goals/.test(l)), lines.join('\n')).toBe(true);
    expect(lines.some((l) => l.includes(`exercises[${typo}].gatedBy`)), lines.join('\n')).toBe(true);
  });

  it('every impact level must state its entry criteria', () => {
    const dir = copyContent();
    const at = editExercise(dir, IMPACT, 'impact_run_walk_intervals', (doc, i) => doc.deleteIn(['exercises', i, 'entryCriteria']));
    const lines = problemsOf(dir);
    expect(lines.some((l) => l.includes(`exercises[${at}].entryCriteria`)), lines.join('\n')).toBe(true);
  });
});

describe('the shipped v2 content', () => {
  const library = getLibrary();

  it('has the impact chain the running goals need: 6+ levels, gentlest first, cutting behind the gate', () => {
    const chain = library.chains.impact;
    expect(chain.levels.length).toBeGreaterThanOrEqual(6);
    expect(chain.levels[0]!.main.singleLeg).toBe(false);
    const cutting = library.exerciseById.get('impact_change_of_direction');
    expect(cutting?.provocative).toBe(true);
    expect(cutting?.level).toBe(chain.levels.length);
    for (const level of chain.levels) for (const e of level.options) expect(e.entryCriteria, e.id).toBeTruthy();
  });

  it('offers the everyday goals a walking dose, stairs, sit-to-stand and a way down to the floor and up', () => {
    for (const id of ['walking_dose', 'stair_climb_practice', 'standard_chair_sit_to_stand', 'floor_transfer_supported']) {
      expect(library.exerciseById.has(id), id).toBe(true);
    }
    expect(library.exerciseById.get('walking_dose')?.activity).toBe(true);
  });

  it('keeps every ladder starting at the dosage it prescribes', () => {
    for (const e of library.exercises) {
      if (!e.ladder) continue;
      const first = e.ladder[0]!;
      expect({ sets: first.sets, reps: first.reps, holdSeconds: first.holdSeconds }, e.id).toEqual({
        sets: e.dosage.sets,
        reps: e.dosage.reps,
        holdSeconds: e.dosage.holdSeconds,
      });
    }
  });

  it('grows the library past 120 exercises with the education topics Q&A can find', () => {
    expect(library.exercises.length).toBeGreaterThanOrEqual(120);
    const topics = new Set(library.troubleshooting.map((t) => t.id));
    for (const id of ['hip_osteoarthritis', 'side_of_hip_pain', 'after_childbirth', 'hypermobility_and_dysplasia', 'pain_from_the_back']) {
      expect(topics.has(id), id).toBe(true);
    }
  });
});
