import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  EMERGENCY_FLAG_IDS,
  EQUIPMENT_IDS,
  FEEDBACK_SIGNALS,
  GOAL_PATTERNS,
  PATTERN_IDS,
  RED_FLAG_IDS,
  SCALES,
  STAGES,
  TEST_IDS,
  TEST_SPEC,
} from '../../src/content/ids.js';
import { REQUIRED_MUSCLES, type Library } from '../../src/content/library.js';
import { checkContentDir, DEFAULT_CONTENT_DIR, getLibrary, loadContentDir } from '../../src/content/load.js';

/** Tests of the shipped content: the data files in src/content/data, loaded through the real checker. */

let lib: Library;

beforeAll(() => {
  lib = loadContentDir();
});

/** Exercise ids straight from the YAML files, without going through the library's chain building. */
function rawExerciseIds(): string[] {
  const dir = join(DEFAULT_CONTENT_DIR, 'exercises');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => {
      const data = parse(readFileSync(join(dir, f), 'utf8')) as { exercises: { id: string }[] };
      return data.exercises.map((e) => e.id);
    });
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

describe('shipped content', () => {
  it('loads with zero problems', () => {
    const { problems, library } = checkContentDir();
    expect(problems).toEqual([]);
    expect(library).toBeDefined();
  });

  it('has at least 80 exercises, and every exercise in the files sits on a chain', () => {
    expect(lib.exercises.length).toBeGreaterThanOrEqual(80);
    const raw = rawExerciseIds();
    expect(raw.length).toBe(lib.exercises.length);
    expect(new Set(lib.exercises.map((e) => e.id))).toEqual(new Set(raw));
    expect(lib.exerciseById.size).toBe(lib.exercises.length);
  });

  it('has exactly the 17 battery tests of the spec, with their scales, sides and rating hints', () => {
    expect(lib.battery.tests).toHaveLength(17);
    expect(lib.battery.tests.map((t) => t.id)).toEqual([...TEST_IDS]);
    for (const test of lib.battery.tests) {
      expect(test.scale, test.id).toBe(TEST_SPEC[test.id].scale);
      expect(test.sides, test.id).toBe(TEST_SPEC[test.id].sides);
      expect(Object.keys(test.ratingHints).sort(), test.id).toEqual([...SCALES[test.scale].ratings].sort());
      expect(lib.testById.get(test.id)).toBe(test);
    }
  });

  it('has the 19 red flags of the spec (v2) with the right referral levels', () => {
    expect(lib.redFlags.flags).toHaveLength(19);
    expect(lib.redFlags.flags.map((f) => f.id)).toEqual([...RED_FLAG_IDS]);
    for (const flag of lib.redFlags.flags) {
      expect(flag.level, flag.id).toBe(EMERGENCY_FLAG_IDS.includes(flag.id) ? 'emergency' : 'urgent');
    }
    expect(lib.redFlags.flags.filter((f) => f.level === 'emergency').map((f) => f.id)).toEqual([...EMERGENCY_FLAG_IDS]);
  });

  it('has at least 12 troubleshooting topics whose related exercises exist', () => {
    expect(lib.troubleshooting.length).toBeGreaterThanOrEqual(12);
    for (const topic of lib.troubleshooting) {
      for (const id of topic.relatedExercises) expect(lib.exerciseById.has(id), `${topic.id} -> ${id}`).toBe(true);
    }
  });

  it('has a chain of at least 3 levels for every pattern, level 1 the easiest', () => {
    expect(Object.keys(lib.chains).sort()).toEqual([...PATTERN_IDS].sort());
    for (const pattern of PATTERN_IDS) {
      const { levels } = lib.chains[pattern];
      // A goal pattern's chain may still be empty while its content is written; never 1 or 2 levels.
      if (GOAL_PATTERNS.includes(pattern) && levels.length === 0) continue;
      expect(levels.length, pattern).toBeGreaterThanOrEqual(3);
      expect(levels.map((l) => l.level), pattern).toEqual(levels.map((_, i) => i + 1));
      expect(levels[0]?.stage, pattern).toBe('comfort');
      expect(levels[0]?.main.previous, pattern).toBeNull();
      expect(levels.at(-1)?.main.next, pattern).toBeNull();
      levels.forEach((level, i) => {
        const prev = levels[i - 1];
        if (prev) {
          expect(STAGES.indexOf(level.stage), `${pattern} level ${level.level}`).toBeGreaterThanOrEqual(STAGES.indexOf(prev.stage));
          expect(prev.main.next).toBe(level.main.id);
          expect(level.main.previous).toBe(prev.main.id);
        }
        expect(level.options[0]).toBe(level.main);
        for (const option of level.options) {
          expect(option.pattern).toBe(pattern);
          expect(option.level).toBe(level.level);
          expect(option.stage).toBe(level.stage);
        }
      });
    }
  });

  it('has a version with equipment [none] at every level of every chain', () => {
    for (const pattern of PATTERN_IDS) {
      for (const level of lib.chains[pattern].levels) {
        const free = level.options.filter((o) => o.equipment.length === 1 && o.equipment[0] === 'none');
        expect(free.length, `${pattern} level ${level.level}`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('uses every kind of equipment in some exercise', () => {
    const used = new Set(lib.exercises.flatMap((e) => e.equipment));
    for (const e of EQUIPMENT_IDS) expect(used.has(e), e).toBe(true);
    expect([...EQUIPMENT_IDS].sort()).toEqual(['band', 'chair', 'dowel', 'none', 'wall', 'weight']);
  });

  it('has unique ids and names', () => {
    expect(duplicates(lib.exercises.map((e) => e.id))).toEqual([]);
    expect(duplicates(lib.exercises.map((e) => e.name.toLowerCase()))).toEqual([]);
    expect(duplicates(lib.battery.tests.map((t) => t.id))).toEqual([]);
    expect(duplicates(lib.battery.tests.map((t) => t.name.toLowerCase()))).toEqual([]);
    expect(duplicates(lib.redFlags.flags.map((f) => f.id))).toEqual([]);
    expect(duplicates(lib.redFlags.flags.map((f) => f.label.toLowerCase()))).toEqual([]);
    expect(duplicates(lib.troubleshooting.map((t) => t.id))).toEqual([]);
    expect(duplicates(lib.troubleshooting.map((t) => t.title.toLowerCase()))).toEqual([]);
  });

  it('has every test inform at least one pattern (one as primary), and every pattern informed by a test', () => {
    for (const test of lib.battery.tests) {
      expect(test.informs.length, test.id).toBeGreaterThanOrEqual(1);
      expect(test.informs.some((x) => x.weight === 'primary'), test.id).toBe(true);
    }
    const informed = new Set(lib.battery.tests.flatMap((t) => t.informs.map((x) => x.pattern)));
    for (const pattern of PATTERN_IDS) expect(informed.has(pattern), pattern).toBe(true);
  });

  it('uses every feedback signal in some topic showWhen', () => {
    const used = new Set(lib.troubleshooting.flatMap((t) => t.showWhen));
    for (const signal of FEEDBACK_SIGNALS) expect(used.has(signal), signal).toBe(true);
  });

  it('gives every exercise 3 to 5 cues', () => {
    for (const e of lib.exercises) {
      expect(e.cues.length, e.id).toBeGreaterThanOrEqual(3);
      expect(e.cues.length, e.id).toBeLessThanOrEqual(5);
    }
  });

  it('trains every required muscle', () => {
    const used = new Set(lib.exercises.flatMap((e) => e.muscles));
    expect(REQUIRED_MUSCLES.length).toBeGreaterThan(0);
    for (const m of REQUIRED_MUSCLES) expect(used.has(m), m).toBe(true);
  });

  it('has at least 4 warm-ups, all easy and equipment-free', () => {
    expect(lib.warmups.length).toBeGreaterThanOrEqual(4);
    for (const w of lib.warmups) {
      expect(w.level, w.id).toBeLessThanOrEqual(2);
      expect(w.equipment, w.id).toEqual(['none']);
    }
  });

  it('has a content version like 2026.11.0+<8 hex>, stable across loads', () => {
    expect(lib.version).toMatch(/^2026\.11\.0\+[0-9a-f]{8}$/);
    const again = checkContentDir(DEFAULT_CONTENT_DIR).library;
    expect(again?.version).toBe(lib.version);
    expect(loadContentDir().version).toBe(lib.version);
    expect(getLibrary().version).toBe(lib.version);
  });

  it('shows the flare-up topic, not the soreness one, for a next-morning flare (spec v2 order)', () => {
    const first = lib.troubleshooting.find((t) => t.showWhen.includes('morning_flare'));
    expect(first?.id).toBe('flare_up');
  });
});
