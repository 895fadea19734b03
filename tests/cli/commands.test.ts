import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EQUIPMENT_IDS, PATTERN_IDS, TEST_IDS } from '../../src/content/ids.js';
import { getLibrary } from '../../src/content/load.js';
import { hipcoach } from '../support/cli.js';
import { allClearTests, NO_FLAGS } from '../support/answers.js';

const dir = mkdtempSync(join(tmpdir(), 'hipcoach-cli-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

function answersFile(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const valid = {
  redFlags: NO_FLAGS,
  baseline: { painAverage: 4, painWorst: 7, psfs: [{ activity: 'getting into the car', score: 4 }] },
  tests: {
    ...allClearTests(),
    active_hip_flexion: { left: { rating: 'full', pain: 0 }, right: { rating: 'partial', pain: 5, painPlace: 'front' } },
    hip_hinge: { both: { rating: 'loses_one', pain: 0 } },
  },
  prefs: { minutes: 20, equipment: ['none', 'band'] },
};

describe('hipcoach plan / session / library / schema', () => {
  it('prints the plan as JSON with the contract fields', () => {
    const r = hipcoach(['plan', '--input', answersFile('ok.json', valid), '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const plan = JSON.parse(r.stdout) as { referral: unknown; contentVersion: string; items: Record<string, unknown>[] };
    expect(plan.referral).toBeNull();
    expect(plan.contentVersion).toBe(getLibrary().version);
    const flexion = plan.items.find((i) => i.pattern === 'hip_flexion')!;
    expect(flexion).toMatchObject({ side: 'right', stage: 'comfort' });
    for (const item of plan.items) {
      expect(Object.keys(item)).toEqual(expect.arrayContaining(['exerciseId', 'name', 'pattern', 'level', 'side', 'dosage', 'reasons']));
      expect(PATTERN_IDS).toContain(item.pattern);
      for (const reason of item.reasons as Record<string, unknown>[]) {
        expect(Object.keys(reason)).toEqual(expect.arrayContaining(['testId', 'side', 'finding', 'ruleId']));
      }
    }
  });

  it('prints a readable plan with reasons by default', () => {
    const r = hipcoach(['plan', '--input', answersFile('ok2.json', valid)]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Your HipCoach plan');
    // Exercises first, each reason once above the exercises it explains, then the findings.
    expect(r.stdout).toContain('Painful when tested, so a comfortable version first');
    expect(r.stdout.indexOf('== Why this plan ==')).toBeGreaterThan(r.stdout.indexOf('1. '));
    expect(r.stdout).toMatch(/Hip flexion, right side: painful.*Lying knee-to-chest lift, no hands/);
  });

  it('prints a referral and no items when a red flag is set', () => {
    const r = hipcoach(['plan', '--input', answersFile('flag.json', { ...valid, redFlags: { ...NO_FLAGS, cold_pale_leg: true } }), '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ referral: { level: 'emergency', flags: ['cold_pale_leg'] }, items: [] });
  });

  it('prints a session for a user and date, with estimated minutes within the limit', () => {
    const file = answersFile('s.json', valid);
    const r = hipcoach(['session', '--input', file, '--user', '123456789012345678', '--date', '2026-11-28', '--minutes', '15', '--json']);
    expect(r.status).toBe(0);
    const session = JSON.parse(r.stdout) as { items: { exerciseId: string }[]; estimatedMinutes: number; localDate: string };
    expect(session.localDate).toBe('2026-11-28');
    expect(session.items.length).toBeGreaterThan(0);
    expect(session.estimatedMinutes).toBeLessThanOrEqual(15);
    const again = hipcoach(['session', '--input', file, '--user', '123456789012345678', '--date', '2026-11-28', '--minutes', '15', '--json']);
    expect(again.stdout).toBe(r.stdout);
  });

  it('lists the library as JSON with chain links', () => {
    const r = hipcoach(['library', '--json']);
    expect(r.status).toBe(0);
    const lib = JSON.parse(r.stdout) as { exercises: { id: string; pattern: string; patterns: string[]; level: number; equipment: string[]; previous: string | null; next: string | null }[] };
    expect(lib.exercises.length).toBeGreaterThanOrEqual(80);
    const ids = new Set(lib.exercises.map((e) => e.id));
    for (const e of lib.exercises) {
      expect(e.patterns[0]).toBe(e.pattern);
      for (const eq of e.equipment) expect(EQUIPMENT_IDS).toContain(eq);
      if (e.previous) expect(ids.has(e.previous)).toBe(true);
      if (e.next) expect(ids.has(e.next)).toBe(true);
    }
  });

  it('lists the engine fields of every exercise, and gatedBy and bout where the content sets them', () => {
    const r = hipcoach(['library', '--json']);
    expect(r.status).toBe(0);
    type Listed = { id: string; level: number; pattern: string; provocative: boolean; singleLeg: boolean; default: boolean; ladder: unknown[]; gatedBy?: string[]; bout?: string };
    const listed = new Map((JSON.parse(r.stdout) as { exercises: Listed[] }).exercises.map((e) => [e.id, e]));
    const library = getLibrary();
    expect(listed.size).toBe(library.exercises.length);
    for (const e of library.exercises) {
      const l = listed.get(e.id)!;
      expect(l, e.id).toMatchObject({ provocative: e.provocative, singleLeg: e.singleLeg, default: library.chains[e.pattern].levels[e.level - 1]!.default.id === e.id });
      expect(l.ladder.length, e.id).toBeGreaterThanOrEqual(1);
      if (e.gatedBy.length > 0) expect(l.gatedBy, e.id).toEqual(e.gatedBy);
      else expect(l, e.id).not.toHaveProperty('gatedBy');
      if (e.bout !== undefined) expect(l.bout, e.id).toBe(e.bout);
      else expect(l, e.id).not.toHaveProperty('bout');
    }
    // The content sets both somewhere: the goblet squat waits for the deep-flexion tests, runs say "run".
    expect(listed.get('goblet_squat')!.gatedBy).toEqual(['active_hip_flexion', 'flexion_adduction_comfort']);
    expect([...listed.values()].filter((e) => e.bout === 'walk').length).toBeGreaterThan(0);
    expect([...listed.values()].filter((e) => e.bout === 'run').length).toBeGreaterThan(0);
  });

  it('prints the JSON Schema of the answers file', () => {
    const r = hipcoach(['schema', 'answers']);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout) as { properties: { tests: { properties: Record<string, unknown> } }; required: string[] };
    expect(Object.keys(schema.properties.tests.properties)).toEqual([...TEST_IDS]);
    expect(schema.required).toContain('redFlags');
  });
});

describe('bad input: exit code 2, one message naming the field, no stack trace', () => {
  const cases: [string, string[] | (() => string[]), RegExp][] = [
    ['a missing file', ['plan', '--input', join(dir, 'nope.json')], /nope\.json: file not found/],
    ['bad JSON', () => ['plan', '--input', answersFile('bad.json', '{ "redFlags": ')], /bad\.json: not valid JSON/],
    ['an unknown test id', () => ['plan', '--input', answersFile('t.json', { ...valid, tests: { hip_wiggle: { both: { rating: 'full', pain: 0 } } } })], /tests\.hip_wiggle: is not a known field \(unknown test id "hip_wiggle"\)/],
    ['an unknown red-flag id', () => ['plan', '--input', answersFile('f.json', { ...valid, redFlags: { ...NO_FLAGS, bad_knee: false } })], /redFlags\.bad_knee: is not a known field \(unknown red-flag id "bad_knee"\)/],
    ['a missing red flag', () => ['plan', '--input', answersFile('m.json', { ...valid, redFlags: { ...NO_FLAGS, under_18: undefined } })], /redFlags\.under_18: is required/],
    ['pain out of range', () => ['plan', '--input', answersFile('p.json', { ...valid, tests: { figure_four: { left: { rating: 'full', pain: 11 } } } })], /tests\.figure_four\.left\.pain: must be a whole number from 0 to 10/],
    ['a rating from another scale', () => ['plan', '--input', answersFile('r.json', { ...valid, tests: { figure_four: { left: { rating: 'strong', pain: 1 } } } })], /tests\.figure_four\.left\.rating: must be one of full, partial, limited/],
    ['minutes out of range', () => ['plan', '--input', answersFile('min.json', { ...valid, prefs: { minutes: 500, equipment: [] } })], /prefs\.minutes: must be at most 60 minutes/],
    ['an impossible date', () => ['session', '--input', answersFile('d.json', valid), '--user', 'u', '--date', '2026-02-30'], /--date: "2026-02-30" is not a calendar date/],
    ['bad session minutes', () => ['session', '--input', answersFile('d2.json', valid), '--user', 'u', '--date', '2026-02-03', '--minutes', 'lots'], /--minutes: /],
    ['an unknown schema', ['schema', 'plans'], /unknown schema "plans"/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const r = hipcoach(typeof args === 'function' ? args() : args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
