import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument, type Document } from 'yaml';
import {
  checkContentDir,
  DEFAULT_CONTENT_DIR,
  formatProblem,
  type ContentProblem,
} from '../../src/content/load.js';

/**
 * Negative tests: copy the shipped content to a temp folder, break one thing, and prove the checker
 * reports exactly that thing, with the file, the field path and the line an editor would jump to.
 */

const tempDirs: string[] = [];

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hipcoach-content-'));
  tempDirs.push(dir);
  cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  return dir;
}

/** Edit one YAML file of the copy through the yaml Document API; returns the text written. */
function editYaml(dir: string, file: string, edit: (doc: Document) => void): string {
  const path = join(dir, file);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  edit(doc);
  const text = doc.toString({ lineWidth: 0 });
  writeFileSync(path, text);
  return text;
}

/** Edit one file of the copy as plain text; returns the text written. */
function editText(dir: string, file: string, edit: (text: string) => string): string {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  expect(after, 'the text edit changed nothing').not.toBe(before);
  writeFileSync(path, after);
  return after;
}

/** Replace exactly one occurrence of `from`, failing loudly if the data no longer has it. */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one "${from}"`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based line of the only line whose trimmed text equals `line`. */
function lineOfText(text: string, line: string): number {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => (l.trim() === line ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`expected one line "${line}", found ${hits.length}`);
  return hits[0]!;
}

/**
 * The line the checker should report for `key` of the list item `- id: <itemId>`: the key's own line
 * when its value sits on it (scalars, flow lists), else the next line (block lists start there).
 * `key` 'id' is the item's first line.
 */
function fieldLine(text: string, itemId: string, key: string): number {
  const lines = text.split('\n');
  const start = lineOfText(text, `- id: ${itemId}`) - 1;
  if (key === 'id') return start + 1;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l.startsWith('- id: ')) break;
    if (l === `${key}:`) return i + 2;
    if (l.startsWith(`${key}:`)) return i + 1;
  }
  throw new Error(`no "${key}" under "${itemId}"`);
}

function check(dir: string): ContentProblem[] {
  const { problems, library } = checkContentDir(dir);
  expect(library, 'a broken library must not load').toBeUndefined();
  expect(problems.length).toBeGreaterThan(0);
  return problems;
}

interface Want {
  file: string | RegExp;
  field: string;
  message: RegExp;
  /** A number to check the line; null when the problem has no line. */
  line?: number | null;
}

/** Finds the one problem matching file, field and message, and checks its line. */
function expectProblem(problems: readonly ContentProblem[], want: Want): ContentProblem {
  const matches = problems.filter(
    (p) =>
      (typeof want.file === 'string' ? p.file === want.file : want.file.test(p.file)) &&
      p.field === want.field &&
      want.message.test(p.message),
  );
  const listing = problems.map(formatProblem).join('\n');
  expect(matches, `expected one problem ${String(want.file)} ${want.field}: ${String(want.message)}; got:\n${listing}`).toHaveLength(1);
  const found = matches[0]!;
  if (want.line !== undefined) expect(found.line, `line of ${formatProblem(found)}`).toBe(want.line ?? undefined);
  return found;
}

const ABDUCTION = join('exercises', 'abduction.yaml');
const SQUAT = join('exercises', 'squat.yaml');
// Indexes in exercises/abduction.yaml. Variants follow their main exercise.
const ABD = {
  slideOut: 0, // level 1, start
  standing: 1, // level 2
  sideLying: 2, // level 3 main, equipment [none]
  wallSlide: 3, // level 3 variant of sideLying, equipment [wall]
  kneeSidePlank: 4, // level 4
  bandWalk: 5, // level 4 variant
  sidePlank: 6, // level 5 main, end of the chain
  weighted: 7, // level 5 variant
} as const;

describe('control: an untouched copy', () => {
  it('loads with zero problems and the same version as the shipped folder', () => {
    const dir = copyContent();
    const copy = checkContentDir(dir);
    expect(copy.problems).toEqual([]);
    expect(copy.library?.version).toBe(checkContentDir().library?.version);
  });

  it('keeps its version when only comments change, and gets a new one when the data changes', () => {
    const dir = copyContent();
    const original = checkContentDir(dir).library?.version;
    editText(dir, ABDUCTION, (t) => `# an editor's note\n${t.replace('pattern: abduction\n', 'pattern: abduction # still abduction\n')}`);
    expect(checkContentDir(dir).library?.version).toBe(original);
    editYaml(dir, ABDUCTION, (doc) => { doc.setIn(['exercises', ABD.slideOut, 'cues', 0], 'A reworded cue that means the same.'); });
    const changed = checkContentDir(dir);
    expect(changed.problems).toEqual([]);
    expect(changed.library?.version).toMatch(/^2026\.11\.0\+[0-9a-f]{8}$/);
    expect(changed.library?.version).not.toBe(original);
  });
});

describe('chains and links', () => {
  it('reports a `next` link to an exercise that does not exist', () => {
    const dir = copyContent();
    const text = editYaml(dir, ABDUCTION, (doc) => { doc.setIn(['exercises', ABD.slideOut, 'next'], 'abd_no_such_exercise'); });
    const problems = check(dir);
    expectProblem(problems, {
      file: ABDUCTION,
      field: `exercises[${ABD.slideOut}].next`,
      message: /"abd_no_such_exercise" does not exist/,
      line: fieldLine(text, 'abd_supine_leg_slide_out', 'next'),
    });
    // The rest of the chain is now cut off from level 1, and that is said too.
    expectProblem(problems, {
      file: ABDUCTION,
      field: `exercises[${ABD.standing}].previous`,
      message: /"abd_supine_leg_slide_out" does not link back to "abd_standing_hip_abduction"/,
      line: fieldLine(text, 'abd_standing_hip_abduction', 'previous'),
    });
    expectProblem(problems, {
      file: ABDUCTION,
      field: `exercises[${ABD.standing}].previous`,
      message: /"abd_standing_hip_abduction" cannot be reached from level 1 of "abduction"/,
    });
  });

  it('reports a `next` link into another pattern', () => {
    const dir = copyContent();
    const text = editYaml(dir, ABDUCTION, (doc) => { doc.setIn(['exercises', ABD.slideOut, 'next'], 'heels_down_bodyweight_squat'); });
    expectProblem(check(dir), {
      file: ABDUCTION,
      field: `exercises[${ABD.slideOut}].next`,
      message: /"heels_down_bodyweight_squat" belongs to another pattern/,
      line: fieldLine(text, 'abd_supine_leg_slide_out', 'next'),
    });
  });

  it('reports a link to a variant instead of its main exercise', () => {
    const dir = copyContent();
    const text = editYaml(dir, ABDUCTION, (doc) => { doc.setIn(['exercises', ABD.standing, 'next'], 'abd_side_lying_wall_slide'); });
    expectProblem(check(dir), {
      file: ABDUCTION,
      field: `exercises[${ABD.standing}].next`,
      message: /"abd_side_lying_wall_slide" is a variant; link the main exercise "abd_side_lying_leg_lift"/,
      line: fieldLine(text, 'abd_standing_hip_abduction', 'next'),
    });
  });

  it('reports a cycle in a chain', () => {
    const dir = copyContent();
    const text = editYaml(dir, ABDUCTION, (doc) => { doc.setIn(['exercises', ABD.sidePlank, 'next'], 'abd_supine_leg_slide_out'); });
    const problems = check(dir);
    // The walk from level 1 comes back to level 1: the loop is reported at the link that closes it.
    expectProblem(problems, {
      file: ABDUCTION,
      field: `exercises[${ABD.sidePlank}].next`,
      message: /the chain for "abduction" loops back to "abd_supine_leg_slide_out"/,
      line: fieldLine(text, 'abd_side_plank_leg_lift', 'next'),
    });
    // And the link that closes the loop is pointed at on its own line.
    expectProblem(problems, {
      file: ABDUCTION,
      field: `exercises[${ABD.sidePlank}].next`,
      message: /"abd_supine_leg_slide_out" is level 1, expected 6/,
      line: fieldLine(text, 'abd_side_plank_leg_lift', 'next'),
    });
  });

  it('reports an exercise that cannot be reached from level 1', () => {
    const dir = copyContent();
    // Without variantOf, the wall slide becomes a second level-3 main that nothing links to.
    const text = editYaml(dir, ABDUCTION, (doc) => doc.deleteIn(['exercises', ABD.wallSlide, 'variantOf']));
    const problems = check(dir);
    expectProblem(problems, {
      file: ABDUCTION,
      field: `exercises[${ABD.wallSlide}].previous`,
      message: /"abd_side_lying_wall_slide" cannot be reached from level 1 of "abduction"/,
      line: fieldLine(text, 'abd_side_lying_wall_slide', 'previous'),
    });
    expect(problems.every((p) => p.file === ABDUCTION)).toBe(true);
  });

  it('reports a chain with two starts', () => {
    const dir = copyContent();
    const text = editYaml(dir, ABDUCTION, (doc) => { doc.setIn(['exercises', ABD.standing, 'previous'], null); });
    expectProblem(check(dir), {
      file: ABDUCTION,
      field: `exercises[${ABD.slideOut}].previous`,
      message: /pattern "abduction" needs exactly one chain start \(previous: null\), found 2/,
      line: fieldLine(text, 'abd_supine_leg_slide_out', 'previous'),
    });
  });

  it('reports a pattern with no exercises: it cannot be reached', () => {
    const dir = copyContent();
    unlinkSync(join(dir, 'exercises', 'trunk.yaml'));
    const problems = check(dir);
    const p = expectProblem(problems, {
      file: /^exercises[/\\]/,
      field: '',
      message: /pattern "trunk" has no exercises, so it cannot be reached/,
      line: null,
    });
    expect(formatProblem(p)).toMatch(/\(file\): pattern "trunk"/);
  });

  it('reports a chain shorter than 3 levels', () => {
    const dir = copyContent();
    const text = editYaml(dir, ABDUCTION, (doc) => {
      for (let i: number = ABD.weighted; i > ABD.standing; i--) doc.deleteIn(['exercises', i]);
      doc.setIn(['exercises', ABD.standing, 'next'], null);
    });
    expectProblem(check(dir), {
      file: ABDUCTION,
      field: `exercises[${ABD.slideOut}].next`,
      message: /the chain for "abduction" has 2 level\(s\); at least 3 are needed/,
      line: fieldLine(text, 'abd_supine_leg_slide_out', 'next'),
    });
  });

  it('reports a level 1 that is not a comfort-stage exercise', () => {
    const dir = copyContent();
    const text = editYaml(dir, ABDUCTION, (doc) => { doc.setIn(['exercises', ABD.slideOut, 'stage'], 'mobility'); });
    expectProblem(check(dir), {
      file: ABDUCTION,
      field: `exercises[${ABD.slideOut}].stage`,
      message: /level 1 must be a comfort-stage exercise/,
      line: fieldLine(text, 'abd_supine_leg_slide_out', 'stage'),
    });
  });

  it('reports a variant whose level differs from its main exercise', () => {
    const dir = copyContent();
    const text = editYaml(dir, ABDUCTION, (doc) => { doc.setIn(['exercises', ABD.wallSlide, 'level'], 4); });
    const problems = check(dir);
    expectProblem(problems, {
      file: ABDUCTION,
      field: `exercises[${ABD.wallSlide}].level`,
      message: /must equal the level of "abd_side_lying_leg_lift" \(3\)/,
      line: fieldLine(text, 'abd_side_lying_wall_slide', 'level'),
    });
    expect(problems).toHaveLength(1);
  });

  it('reports a variant whose neighbours differ from its main exercise', () => {
    const dir = copyContent();
    const text = editYaml(dir, ABDUCTION, (doc) => { doc.setIn(['exercises', ABD.bandWalk, 'next'], null); });
    expectProblem(check(dir), {
      file: ABDUCTION,
      field: `exercises[${ABD.bandWalk}].next`,
      message: /must equal that of "abd_knee_side_plank_leg_lift" \(abd_side_plank_leg_lift\)/,
      line: fieldLine(text, 'abd_band_lateral_walk', 'next'),
    });
  });

  it('reports a level with no [none] version', () => {
    const dir = copyContent();
    const text = editYaml(dir, ABDUCTION, (doc) => { doc.setIn(['exercises', ABD.sideLying, 'equipment'], ['band']); });
    const problems = check(dir);
    expectProblem(problems, {
      file: ABDUCTION,
      field: `exercises[${ABD.sideLying}].equipment`,
      message: /level 3 of "abduction" needs a version with equipment \[none\]/,
      line: fieldLine(text, 'abd_side_lying_leg_lift', 'equipment'),
    });
    expect(problems).toHaveLength(1);
  });
});

describe('exercise ids, names and fields', () => {
  it('reports a duplicate exercise id, across files', () => {
    const dir = copyContent();
    const text = editYaml(dir, SQUAT, (doc) => { doc.setIn(['exercises', 0, 'id'], 'abd_supine_leg_slide_out'); });
    expectProblem(check(dir), {
      file: SQUAT,
      field: 'exercises[0].id',
      message: /"abd_supine_leg_slide_out" is used twice/,
      line: fieldLine(text, 'abd_supine_leg_slide_out', 'id'),
    });
  });

  it('reports a duplicate exercise name, ignoring case', () => {
    const dir = copyContent();
    const text = editYaml(dir, SQUAT, (doc) => { doc.setIn(['exercises', 2, 'name'], 'lying HEEL slide'); });
    const problems = check(dir);
    expectProblem(problems, {
      file: SQUAT,
      field: 'exercises[2].name',
      message: /"lying HEEL slide" is also the name of "supine_heel_slide"/,
      line: fieldLine(text, 'heels_down_bodyweight_squat', 'name'),
    });
    expect(problems).toHaveLength(1);
  });

  it.each([
    ['cues', /expected array, received undefined/],
    ['ifItPinches', /expected string, received undefined/],
  ])('reports an exercise without %s', (key, message) => {
    const dir = copyContent();
    const text = editYaml(dir, ABDUCTION, (doc) => doc.deleteIn(['exercises', ABD.slideOut, key]));
    const problems = check(dir);
    // A missing field has no line of its own: the exercise's first line is the place to add it.
    expectProblem(problems, {
      file: ABDUCTION,
      field: `exercises[${ABD.slideOut}].${key}`,
      message,
      line: fieldLine(text, 'abd_supine_leg_slide_out', 'id'),
    });
  });

  it('reports a cue list with 2 items', () => {
    const dir = copyContent();
    const text = editYaml(dir, ABDUCTION, (doc) => doc.deleteIn(['exercises', ABD.slideOut, 'cues', 2]));
    expectProblem(check(dir), {
      file: ABDUCTION,
      field: `exercises[${ABD.slideOut}].cues`,
      message: /too small.*>=3 items/i,
      line: fieldLine(text, 'abd_supine_leg_slide_out', 'cues'),
    });
  });

  it('reports a cue list with 6 items', () => {
    const dir = copyContent();
    const text = editYaml(dir, ABDUCTION, (doc) => {
      for (let i = 0; i < 3; i++) doc.addIn(['exercises', ABD.slideOut, 'cues'], `Extra cue number ${i + 1}.`);
    });
    expectProblem(check(dir), {
      file: ABDUCTION,
      field: `exercises[${ABD.slideOut}].cues`,
      message: /too big.*<=5 items/i,
      line: fieldLine(text, 'abd_supine_leg_slide_out', 'cues'),
    });
  });

  it('reports an exercise filed under the wrong pattern', () => {
    const dir = copyContent();
    const text = editYaml(dir, ABDUCTION, (doc) => { doc.setIn(['exercises', ABD.weighted, 'pattern'], 'adduction'); });
    expectProblem(check(dir), {
      file: ABDUCTION,
      field: `exercises[${ABD.weighted}].pattern`,
      message: /is "adduction" but this file holds "abduction"/,
      line: fieldLine(text, 'abd_weighted_side_lying_lift', 'pattern'),
    });
  });
});

describe('battery', () => {
  it('reports a test whose informs list is empty', () => {
    const dir = copyContent();
    const text = editYaml(dir, 'battery.yaml', (doc) => { doc.setIn(['tests', 0, 'informs'], []); });
    const problems = check(dir);
    expectProblem(problems, {
      file: 'battery.yaml',
      field: 'tests[0].informs',
      message: /too small.*>=1 items/i,
      line: fieldLine(text, 'active_hip_flexion', 'informs'),
    });
    expect(problems).toHaveLength(1);
  });

  it('reports a test that informs no pattern as primary', () => {
    const dir = copyContent();
    const text = editYaml(dir, 'battery.yaml', (doc) => { doc.setIn(['tests', 0, 'informs', 0, 'weight'], 'secondary'); });
    expectProblem(check(dir), {
      file: 'battery.yaml',
      field: 'tests[0].informs',
      message: /must inform exactly one pattern as primary/,
      line: fieldLine(text, 'active_hip_flexion', 'informs'),
    });
  });

  it('reports a spec test id that is missing (another test took its place)', () => {
    const dir = copyContent();
    // split_squat and figure_four share scale and sides, so only the id problems remain.
    const text = editYaml(dir, 'battery.yaml', (doc) => { doc.setIn(['tests', 13, 'id'], 'figure_four'); });
    const problems = check(dir);
    const lines = text.split('\n');
    const secondFigureFour = lines.lastIndexOf('  - id: figure_four') + 1;
    expect(problems).toEqual([
      { file: 'battery.yaml', field: 'tests[13].id', line: secondFigureFour, message: '"figure_four" is used twice' },
      {
        file: 'battery.yaml',
        field: 'tests',
        line: fieldLine(text, 'active_hip_flexion', 'id'),
        message: 'test "split_squat" is missing',
      },
    ]);
  });

  it('reports a battery with a test removed', () => {
    const dir = copyContent();
    const text = editYaml(dir, 'battery.yaml', (doc) => doc.deleteIn(['tests', 13]));
    expectProblem(check(dir), {
      file: 'battery.yaml',
      field: 'tests',
      message: /exactly 17 items/,
      line: fieldLine(text, 'active_hip_flexion', 'id'),
    });
  });

  it('reports a test with the wrong scale for the spec', () => {
    const dir = copyContent();
    const text = editYaml(dir, 'battery.yaml', (doc) => { doc.setIn(['tests', 1, 'scale'], 'range'); });
    expectProblem(check(dir), {
      file: 'battery.yaml',
      field: 'tests[1].scale',
      message: /must be "strength" \(coaching spec\)/,
      line: fieldLine(text, 'seated_knee_lift', 'scale'),
    });
  });
});

describe('red flags', () => {
  it.each([
    [0, 'trauma_cannot_bear_weight', 'urgent', 'emergency'],
    [7, 'night_or_constant_pain', 'emergency', 'urgent'],
  ] as const)('reports flags[%i] (%s) with the wrong level', (index, id, wrong, right) => {
    const dir = copyContent();
    const text = editYaml(dir, 'red-flags.yaml', (doc) => {
      expect(doc.getIn(['flags', index, 'id'])).toBe(id);
      doc.setIn(['flags', index, 'level'], wrong);
    });
    const problems = check(dir);
    expect(problems).toEqual([
      { file: 'red-flags.yaml', field: `flags[${index}].level`, line: fieldLine(text, id, 'level'), message: `must be "${right}" (coaching spec)` },
    ]);
  });
});

describe('troubleshooting', () => {
  it('reports a topic pointing at an unknown exercise', () => {
    const dir = copyContent();
    const text = editYaml(dir, 'troubleshooting.yaml', (doc) => { doc.setIn(['topics', 0, 'relatedExercises', 1], 'no_such_exercise'); });
    const problems = check(dir);
    expectProblem(problems, {
      file: 'troubleshooting.yaml',
      field: 'topics[0].relatedExercises[1]',
      message: /exercise "no_such_exercise" does not exist/,
      line: fieldLine(text, 'pain_during_exercise', 'relatedExercises'),
    });
    expect(problems).toHaveLength(1);
  });

  it('reports a topic with an unknown feedback signal', () => {
    const dir = copyContent();
    const text = editYaml(dir, 'troubleshooting.yaml', (doc) => { doc.setIn(['topics', 0, 'showWhen', 0], 'pain_unbearable'); });
    expectProblem(check(dir), {
      file: 'troubleshooting.yaml',
      field: 'topics[0].showWhen[0]',
      message: /invalid option/i,
      line: fieldLine(text, 'pain_during_exercise', 'showWhen'),
    });
  });
});

describe('files', () => {
  it('reports invalid YAML with its line', () => {
    const dir = copyContent();
    // A second `level:` key in one flag: the parser rejects duplicate keys.
    const text = editText(dir, 'red-flags.yaml', (t) =>
      replaceOnce(t, '  - id: cold_pale_leg\n    level: emergency\n', '  - id: cold_pale_leg\n    level: emergency\n    level: urgent\n'),
    );
    const problems = check(dir);
    const p = expectProblem(problems, {
      file: 'red-flags.yaml',
      field: '',
      message: /^is not valid YAML: /,
      line: fieldLine(text, 'cold_pale_leg', 'level') + 1,
    });
    expect(p.message).not.toContain('\n');
  });

  it('reports invalid YAML in an exercise file, and still checks the other files', () => {
    const dir = copyContent();
    const text = editText(dir, ABDUCTION, (t) => replaceOnce(t, '    next: abd_standing_hip_abduction\n', '    next: [abd_standing_hip_abduction\n'));
    const problems = check(dir);
    const p = expectProblem(problems, { file: ABDUCTION, field: '', message: /^is not valid YAML: / });
    const opened = fieldLine(text, 'abd_supine_leg_slide_out', 'next');
    expect(p.line).toBeGreaterThanOrEqual(opened);
    expect(p.line).toBeLessThanOrEqual(opened + 2);
    expectProblem(problems, { file: /^exercises[/\\]/, field: '', message: /pattern "abduction" has no exercises/ });
  });

  it('reports a malformed manifest version', () => {
    const dir = copyContent();
    editText(dir, 'manifest.yaml', (t) => replaceOnce(t, 'version: 2026.11.0', 'version: "2026.11"'));
    expectProblem(check(dir), {
      file: 'manifest.yaml',
      field: 'version',
      message: /must look like 2026\.11\.0/,
      line: 2,
    });
  });

  it('reports a missing exercises folder', () => {
    const dir = copyContent();
    rmSync(join(dir, 'exercises'), { recursive: true });
    expectProblem(check(dir), { file: 'exercises/', field: '', message: /folder is missing/, line: null });
  });

  describe('v2 exercise fields (engine)', () => {
    /** Index of an exercise in its file, so the Document API can set one of its fields. */
    const indexOf = (doc: Document, id: string) => (doc.toJS() as { exercises: { id: string }[] }).exercises.findIndex((e) => e.id === id);
    const setField = (file: string, id: string, key: string, value: unknown) => {
      const dir = copyContent();
      editYaml(dir, join('exercises', file), (doc) => { doc.setIn(['exercises', indexOf(doc, id), key], value); });
      return dir;
    };

    it('reports a second default on one level', () => {
      const dir = setField('adduction.yaml', 'add_lateral_lunge', 'default', true);
      expectProblem(check(dir), { file: join('exercises', 'adduction.yaml'), field: 'exercises[5].default', message: /already has "add_lateral_lunge" as its default/ });
    });

    it('reports an equivalent that points at another level', () => {
      const dir = setField('abduction.yaml', 'abd_side_lying_wall_slide', 'equivalentTo', 'abd_supine_leg_slide_out');
      const [p] = check(dir).filter((x) => x.field.endsWith('equivalentTo'));
      expect(p?.message).toMatch(/is not a version of level 3 of "abduction"/);
    });

    it('reports an equivalent that is not the level default', () => {
      const dir = setField('split_stance.yaml', 'rear_foot_elevated_split_squat', 'equivalentTo', 'rear_foot_elevated_split_squat');
      const [p] = check(dir).filter((x) => x.field.endsWith('equivalentTo'));
      expect(p?.message).toMatch(/cannot point at itself/);
    });

    it('reports a ladder whose first rung is not the dosage, and one that counts the wrong thing', () => {
      const first = setField('adduction.yaml', 'add_copenhagen_short_lever_chair', 'ladder', [{ sets: 3, holdSeconds: 25 }, { sets: 3, holdSeconds: 30 }]);
      expect(check(first).map((x) => x.message)).toContainEqual(expect.stringMatching(/the first rung must equal the dosage/));
      const kind = setField('adduction.yaml', 'add_copenhagen_short_lever_chair', 'ladder', [{ sets: 3, reps: 20 }, { sets: 3, reps: 25 }]);
      expect(check(kind).map((x) => x.message)).toContainEqual(expect.stringMatching(/counts reps but the dosage counts holdSeconds/));
      const down = setField('adduction.yaml', 'add_copenhagen_short_lever_chair', 'ladder', [{ sets: 3, holdSeconds: 20 }, { sets: 2, holdSeconds: 30 }]);
      expect(check(down).map((x) => x.message)).toContainEqual(expect.stringMatching(/each rung must ask more/));
    });

    it('reports a provocative level with an unmarked version, and a provocative level 1', () => {
      const half = setField('flexion_rotation.yaml', 'frot_weighted_ninety_ninety_lean', 'provocative', false);
      expect(check(half).map((x) => x.message)).toContainEqual(expect.stringMatching(/is provocative .*mark every version/));
      const first = setField('hip_flexion.yaml', 'supine_heel_slide', 'provocative', true);
      expect(check(first).map((x) => x.message)).toContainEqual(expect.stringMatching(/level 1 cannot be provocative/));
    });

    it('accepts an empty impact chain, and reports an impact exercise without entry criteria', () => {
      const dir = copyContent();
      rmSync(join(dir, 'exercises', 'impact.yaml'), { force: true });
      // The FAQ points at impact exercises; without the chain those links go too.
      const faqPath = join(dir, 'faq.yaml');
      writeFileSync(faqPath, readFileSync(faqPath, 'utf8').replace(/\bimpact_[a-z_]+, |, impact_[a-z_]+(?=\])/g, ''));
      const { library } = checkContentDir(dir);
      expect(library?.chains.impact.levels).toEqual([]);
      const squat = readFileSync(join(dir, 'exercises', 'squat.yaml'), 'utf8');
      // A copy of the squat chain filed as impact: complete except for its entry criteria.
      const impact = squat.replace(/^pattern: squat$/m, 'pattern: impact').replace(/pattern: squat\n/g, 'pattern: impact\n').replace(/- id: /g, '- id: imp_').replace(/(previous|next|variantOf|equivalentTo): (?!null)/g, '$1: imp_').replace(/^( {4}name: )(.*)$/gm, '$1Impact $2');
      writeFileSync(join(dir, 'exercises', 'impact.yaml'), impact);
      expect(check(dir).map((x) => x.message)).toContainEqual(expect.stringMatching(/every impact exercise says what must be true before starting it/));
    });

    it('reports a 90/90 sit that does not ask which hip, and a hop test asked of everyone', () => {
      const dir = copyContent();
      editYaml(dir, 'battery.yaml', (doc) => {
        const tests = (doc.toJS() as { tests: { id: string }[] }).tests;
        doc.setIn(['tests', tests.findIndex((t) => t.id === 'ninety_ninety_sit'), 'askWhichHip'], false);
        doc.deleteIn(['tests', tests.findIndex((t) => t.id === 'single_leg_hop'), 'onlyForGoals']);
      });
      const messages = check(dir).map((x) => x.message);
      expect(messages).toContainEqual(expect.stringMatching(/the 90\/90 sit must ask which hip/));
      expect(messages).toContainEqual(expect.stringMatching(/must be \[running, field_court_sport\]/));
    });
  });
});
