import { ButtonStyle, ComponentType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { getLibrary } from '../../src/content/load.js';
import { emptyDraft, STEPS } from '../../src/flows/assessment-state.js';
import { assessmentView } from '../../src/views/assessment-view.js';
import { planView } from '../../src/views/plan-screen.js';
import { buildPlan } from '../../src/coaching/plan.js';
import { commandPayload } from '../../src/discord/commands/index.js';
import { commandDataSchema } from '../../src/discord/commands/types.js';
import { decodeCustomId, encodeCustomId } from '../../src/discord/custom-id.js';
import { componentsFor, embedsFor, LIMITS, renderView } from '../../src/discord/render.js';
import { allClearTests, makeAnswers } from '../support/answers.js';

const library = getLibrary();
const OWNER = '123456789012345678';

describe('custom-id codec', () => {
  it('round-trips and stays within 100 characters', () => {
    const id = { flow: 'assessment', owner: OWNER, ref: '42.17', name: 'rating:left' } as const;
    const encoded = encodeCustomId(id);
    expect(encoded).toBe(`v1:as:${OWNER}:42.17:rating:left`);
    expect(encoded.length).toBeLessThanOrEqual(100);
    expect(decodeCustomId(encoded)).toEqual(id);
  });

  it.each([
    ['an unknown version', `v2:as:${OWNER}:1.1:next`],
    ['an unknown flow', `v1:zz:${OWNER}:1.1:next`],
    ['a non-numeric owner', 'v1:as:alice:1.1:next'],
    ['a missing name', `v1:as:${OWNER}:1.1`],
    ['junk', 'hello world'],
    ['an over-long id', `v1:as:${OWNER}:1.1:${'x'.repeat(120)}`],
    ['an injected ref', `v1:as:${OWNER}:1;drop table:next`],
  ])('rejects %s', (_name, raw) => {
    expect(decodeCustomId(raw)).toBeNull();
  });
});

describe('rendering views for Discord', () => {
  const idFor = (name: string) => encodeCustomId({ flow: 'assessment', owner: OWNER, ref: '1.1', name });

  it('fits every assessment step into 5 rows with valid custom ids, one side per screen, ratings and places as buttons', () => {
    for (const step of STEPS) {
      const painBoth = { left: { rating: 'partial' as const, pain: 4 }, right: { rating: 'partial' as const, pain: 4 } };
      const draft = { ...emptyDraft(), tests: { active_hip_flexion: painBoth } };
      const view = assessmentView({ step, draft }, library, library.redFlags.flags);
      const rows = componentsFor(view, { idFor });
      expect(rows.length, step).toBeLessThanOrEqual(LIMITS.rows);
      for (const row of rows) {
        for (const c of row.components) {
          expect('custom_id' in c && c.custom_id.length).toBeLessThanOrEqual(100);
        }
      }
    }
    const both = assessmentView(
      { step: 'test:active_hip_flexion', draft: { ...emptyDraft(), tests: { active_hip_flexion: { left: { rating: 'partial', pain: 4 }, right: { rating: 'full', pain: 2 } } } } },
      library,
      library.redFlags.flags,
    );
    // Both sides still need the pain's place: the left side comes first, whatever was answered last.
    const left = componentsFor(both, { idFor });
    const names = left.flatMap((r) => r.components.map((c) => ('custom_id' in c ? c.custom_id.split(':').slice(4).join(':') : '')));
    expect(names).toEqual(['rating:left:full', 'rating:left:partial', 'rating:left:limited', 'pain:left', 'place:left:front', 'place:left:side', 'place:left:back', 'how', 'back', 'skip', 'pause', 'next']);
    const chosen = left[0]!.components.find((c) => 'custom_id' in c && c.custom_id.endsWith('rating:left:partial'));
    expect(chosen && 'style' in chosen ? chosen.style : undefined).toBe(ButtonStyle.Primary);
    const next = left.at(-1)!.components.find((c) => 'custom_id' in c && c.custom_id.endsWith(':next'));
    expect(next && 'disabled' in next ? next.disabled : undefined).toBe(true);
  });

  it('splits a long plan into embeds within Discord limits and keeps every word', () => {
    const tests = allClearTests();
    for (const key of Object.keys(tests)) {
      const t = tests[key] as Record<string, { rating: string; pain: number }>;
      for (const side of Object.keys(t)) t[side] = { ...t[side]!, pain: 6 };
    }
    const view = planView(buildPlan(makeAnswers({ tests, prefs: { minutes: 60 } }), library), library);
    const messages = embedsFor(view);
    let text = '';
    for (const embeds of messages) {
      expect(embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
      const size = embeds.reduce((s, e) => s + (e.title?.length ?? 0) + (e.description?.length ?? 0), 0);
      expect(size).toBeLessThanOrEqual(LIMITS.charsPerMessage);
      for (const e of embeds) {
        expect(e.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
        text += `${e.description!}\n\n`;
      }
    }
    expect(text.replace(/\s+/g, ' ').trim()).toBe(view.body.replace(/\s+/g, ' ').trim());
    // No inputs: no action rows (V2 messages carry their words in a container).
    expect(renderView(view, { idFor })[0]!.components.filter((c) => c.type === ComponentType.ActionRow)).toEqual([]);
  });

  it('marks the chosen values of a select as defaults', () => {
    const view = assessmentView({ step: 'baseline:pain', draft: { ...emptyDraft(), baseline: { painAverage: 3 } } }, library, library.redFlags.flags);
    const [first] = componentsFor(view, { idFor });
    const select = first!.components[0]!;
    expect('options' in select && select.options.filter((o) => o.default).map((o) => o.value)).toEqual(['3']);
  });
});

describe('slash command definitions', () => {
  it('are valid for Discord and unique', () => {
    const payload = commandPayload();
    expect(payload.map((c) => c.name)).toEqual(['start', 'assess', 'plan', 'workout', 'exercise', 'ask', 'progress', 'settings', 'privacy', 'coach-admin', 'help']);
    for (const c of payload) expect(commandDataSchema.safeParse(c).success, c.name).toBe(true);
    const admin = payload.find((c) => c.name === 'coach-admin')!;
    expect(admin.default_member_permissions).toBe('32');
    expect(admin.contexts).toEqual([0]);
  });

  it('the limits schema rejects what Discord would reject', () => {
    expect(commandDataSchema.safeParse({ name: 'Bad Name', description: 'x' }).success).toBe(false);
    expect(commandDataSchema.safeParse({ name: 'ok', description: 'x'.repeat(101) }).success).toBe(false);
    expect(commandDataSchema.safeParse({ name: 'ok', description: 'fine', options: Array.from({ length: 26 }, (_, i) => ({ type: 3, name: `o${i}`, description: 'd' })) }).success).toBe(false);
  });
});
