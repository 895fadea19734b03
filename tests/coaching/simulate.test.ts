import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getLibrary } from '../../src/content/load.js';
import { libraryCommand, schemaCommand } from '../../src/cli/commands.js';
import { CliError } from '../../src/cli/errors.js';
import { simulateCommand } from '../../src/cli/simulate.js';
import { simulate } from '../../src/coaching/simulate.js';
import { feedbackFileSchema } from '../../src/coaching/feedback.js';
import { summariseDecisions } from '../../src/coaching/summary.js';
import { allClearTests, makeAnswers } from '../support/answers.js';

const library = getLibrary();
const dir = mkdtempSync(join(tmpdir(), 'hipcoach-simulate-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

const answers = makeAnswers({
  tests: { ...allClearTests(), active_hip_flexion: { left: { rating: 'full', pain: 0 }, right: { rating: 'partial', pain: 5, painPlace: 'front' } } },
});

describe('hipcoach simulate', () => {
  it('prints the contract JSON, byte-identical on a second run', () => {
    const input = file('answers.json', answers);
    const a = simulateCommand({ input, start: '2026-03-02', days: '28', json: true }, library);
    const b = simulateCommand({ input, start: '2026-03-02', days: '28', json: true }, library);
    expect(a).toBe(b);
    const out = JSON.parse(a) as { days: { date: string; session: { localDate: string; items: unknown[] }; levels: Record<string, Record<string, number>>; rungs: unknown; decisions: { pattern: string; side: string; from: number; to: number; ruleId: string; reason: string }[]; nudges: unknown[] }[] };
    expect(out.days).toHaveLength(28);
    expect(out.days[0]!.date).toBe('2026-03-02');
    expect(out.days[27]!.date).toBe('2026-03-29');
    for (const d of out.days) expect(d.session.localDate).toBe(d.date);
    expect(out.days[0]!.levels.hip_flexion!.right).toBe(1);
    expect(typeof out.days[0]!.levels.hip_flexion!.left).toBe('number');
    const first = out.days.flatMap((d) => d.decisions)[0]!;
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['pattern', 'side', 'from', 'to', 'ruleId', 'reason']));
    expect([typeof first.from, typeof first.to, typeof first.reason]).toEqual(['number', 'number', 'string']);
    // The painful right hip flexion climbs over four weeks of good feedback.
    expect(out.days[27]!.levels.hip_flexion!.right).toBeGreaterThan(1);
  });

  it('applies a feedback file: a missed day changes nothing, a painful exercise steps its pattern down', () => {
    const input = file('answers2.json', answers);
    const plain = simulate({ answers, start: '2026-03-02', days: 3 }, library);
    const hurt = plain.days[1]!.session.items[0]!;
    const feedback = file('feedback.json', {
      days: { '2026-03-02': { done: false }, '2026-03-03': { done: true, pain: 1, painByExercise: { [hurt.exerciseId]: 7 }, effort: 'right', form: 'good', morning: 'settled' } },
    });
    const out = JSON.parse(simulateCommand({ input, start: '2026-03-02', days: '3', feedback, json: true }, library)) as { days: { decisions: { pattern: string; side: string; ruleId: string }[] }[] };
    expect(out.days[0]!.decisions).toEqual([]);
    const downs = out.days[1]!.decisions.filter((d) => d.ruleId === 'step-down-pain-above-5');
    expect(downs.map((d) => `${d.pattern}:${d.side}`)).toEqual([`${hurt.pattern}:${hurt.side}`]);
  });

  it('says what is wrong with bad options or files, and prints a readable table without --json', () => {
    const input = file('answers3.json', answers);
    expect(() => simulateCommand({ input, start: '2026-02-30' }, library)).toThrow(/--start: "2026-02-30" is not a calendar date/);
    expect(() => simulateCommand({ input, start: '2026-03-02', days: '0' }, library)).toThrow(CliError);
    expect(() => simulateCommand({ input, start: '2026-03-02', without: 'no-such-rule' }, library)).toThrow(/--without: unknown rule "no-such-rule"/);
    const bad = file('bad-feedback.json', { days: { '2026-03-02': { done: true, effort: 'extreme' } } });
    expect(() => simulateCommand({ input, start: '2026-03-02', feedback: bad }, library)).toThrow(/days\.2026-03-02\.effort: must be one of easy, right, hard/);
    const table = simulateCommand({ input, start: '2026-03-02', days: '7' }, library);
    expect(table).toContain('Simulated 7 days from 2026-03-02');
    expect(table.split('\n').filter((l) => /^2026-03-0\d /.test(l))).toHaveLength(7);
  });

  it('prints the feedback JSON Schema and the v2 library fields', () => {
    const schema = JSON.parse(schemaCommand('feedback')) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties).sort()).toEqual(['days', 'default', 'reassess']);
    const lib = JSON.parse(libraryCommand({ json: true }, library)) as { exercises: { id: string; provocative: boolean; singleLeg: boolean; default: boolean; ladder: unknown[] }[] };
    const byId = new Map(lib.exercises.map((e) => [e.id, e]));
    expect(byId.get('ninety_ninety_ir_lift_off')).toMatchObject({ provocative: true, default: true });
    expect(byId.get('skater_squat')).toMatchObject({ singleLeg: true, default: false });
    expect(byId.get('forward_lunge')!.default).toBe(true);
    expect(byId.get('add_copenhagen_short_lever_chair')!.ladder).toEqual([{ sets: 3, holdSeconds: 20 }, { sets: 3, holdSeconds: 25 }, { sets: 3, holdSeconds: 30 }]);
  });

  it('summarises decisions in one line per change and one grouped "no change" line', () => {
    const lines = summariseDecisions([
      { pattern: 'hip_flexion', side: 'right', from: 2, to: 3, fromRung: 3, toRung: 0, change: 'level_up', ruleId: 'level-up', reason: 'top rung' },
      { pattern: 'squat', side: 'both', from: 3, to: 3, fromRung: 1, toRung: 1, change: 'hold', ruleId: 'hold-effort-hard', reason: 'hard' },
      { pattern: 'trunk', side: 'both', from: 3, to: 3, fromRung: 2, toRung: 2, change: 'hold', ruleId: 'hold-top-rung', reason: 'wait' },
      { pattern: 'hip_hinge', side: 'both', from: 2, to: 2, fromRung: 0, toRung: 1, change: 'rung_up', ruleId: 'rung-up', reason: 'good' },
      { pattern: 'abduction', side: 'left', from: 2, to: 2, fromRung: 1, toRung: 2, change: 'rung_up', ruleId: 'rung-up', reason: 'good' },
    ]);
    expect(lines).toEqual(['Hip flexion (right): up to level 3, because top rung.', 'A little more next time: Hip hinge, Abduction (left).', 'No change: Squat, Trunk.']);
    expect(summariseDecisions([])).toEqual([]);
  });

  it('says a step-down with nothing easier left keeps the easiest version, instead of "no change"', () => {
    const floor = (ruleId: string, reason: string) =>
      ({ pattern: 'hip_flexion', side: 'right', from: 1, to: 1, fromRung: 0, toRung: 0, change: 'hold', ruleId, reason }) as const;
    const lines = summariseDecisions([
      floor('step-down-pain-above-5', 'this exercise went above 5/10'),
      { pattern: 'trunk', side: 'both', from: 3, to: 3, fromRung: 2, toRung: 2, change: 'hold', ruleId: 'hold-top-rung', reason: 'wait' },
    ]);
    expect(lines).toEqual([
      'Hip flexion (right) stays at its easiest version, because this exercise went above 5/10. Next time do fewer repetitions in a smaller, comfortable range; if it goes above 5/10 or flares again, ask a physiotherapist first.',
      'No change: Trunk.',
    ]);
    // Only at the floor: a step-down rule that left level 2 where it was is not "the easiest version".
    expect(summariseDecisions([{ ...floor('step-down-form', 'why'), from: 2, to: 2 }])).toEqual(['No change: Hip flexion (right).']);
    for (const ruleId of ['step-down-morning-flare', 'step-down-form']) expect(summariseDecisions([floor(ruleId, 'why')])[0]).toMatch(/^Hip flexion \(right\) stays at its easiest version, because why\. /);
  });

  it('a painful day at level 1, rung 1 in a simulation is told as the easiest version, not filed under "no change"', () => {
    // Painful hip flexion starts at the comfort level (level 1), rung 1.
    const answers = makeAnswers({ tests: { ...allClearTests(), active_hip_flexion: { left: { rating: 'full', pain: 0 }, right: { rating: 'full', pain: 6 } } } });
    const first = simulate({ answers, start: '2026-03-02', days: 1 }, library).days[0]!;
    const item = first.session.items.find((i) => i.pattern === 'hip_flexion' && i.level === 1 && !i.offDay);
    expect(item, 'a level-1 hip flexion item on day 1').toBeDefined();
    const settled = { done: true, pain: 1, effort: 'right', form: 'good', morning: 'settled' } as const;
    const feedback = feedbackFileSchema.parse({ default: settled, days: { '2026-03-02': { ...settled, painByExercise: { [item!.exerciseId]: 7 } } } });
    const day = simulate({ answers, start: '2026-03-02', days: 1, feedback }, library).days[0]!;
    const decision = day.decisions.find((d) => d.pattern === 'hip_flexion' && d.side === item!.side);
    expect(decision).toMatchObject({ from: 1, to: 1, fromRung: 0, toRung: 0, change: 'hold', ruleId: 'step-down-pain-above-5' });
    const lines = summariseDecisions(day.decisions);
    expect(lines.find((l) => l.startsWith('Hip flexion'))).toMatch(/stays at its easiest version, because this exercise went above 5\/10/);
    expect(lines.filter((l) => /^No change:.*Hip flexion/.test(l))).toEqual([]);
  });
});
