import { ComponentType, MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { getLibrary } from '../../src/content/load.js';
import { buildPlan } from '../../src/coaching/plan.js';
import { emptyDraft, STEPS } from '../../src/flows/assessment-state.js';
import { assessmentView } from '../../src/views/assessment-view.js';
import { planView } from '../../src/views/plan-screen.js';
import { encodeCustomId } from '../../src/discord/custom-id.js';
import { renderView, withImage } from '../../src/discord/render.js';
import { checkV2, EDIT_HEADROOM, V2_LIMITS, v2Payloads } from '../../src/discord/render-v2.js';
import type { View } from '../../src/views/view.js';
import { controlsOf, footerOf, headingsOf, messageText, shownAttachments, textDisplays, walk } from '../../testkit/message-text.js';
import { allClearTests, makeAnswers } from '../support/answers.js';

const library = getLibrary();
const OWNER = '123456789012345678';
const idFor = (name: string) => encodeCustomId({ flow: 'assessment', owner: OWNER, ref: '1.1', name });

const twoMenus: View = {
  title: 'Sit-to-stand',
  body: 'Stand up from a chair five times.',
  footer: 'Test 2 of 7',
  inputs: [
    { kind: 'select', name: 'rating:left', placeholder: 'How did it go?', heading: 'Left side: how did it go?', options: [{ value: 'full', label: 'Full' }, { value: 'partial', label: 'Partial' }], selected: 'partial' },
    { kind: 'select', name: 'pain:left', placeholder: 'Pain during the test (0-10)', options: [{ value: '0', label: '0' }, { value: '1', label: '1' }] },
    { kind: 'button', name: 'back', label: 'Back', style: 'secondary' },
    { kind: 'button', name: 'next', label: 'Next', style: 'primary', disabled: true },
  ],
  privacy: 'private',
  tone: 'info',
};

describe('Components V2 rendering', () => {
  it('puts the words in a container with the title as a heading, and each question heading right above its controls', () => {
    const [message, ...more] = renderView(twoMenus, { idFor });
    expect(more).toEqual([]);
    expect(message!.flags).toBe(MessageFlags.IsComponentsV2);
    expect(message!.content).toBeUndefined();
    expect(message!.embeds).toBeUndefined();
    const [container, ...rest] = message!.components;
    expect(container!.type).toBe(ComponentType.Container);
    expect(textDisplays({ components: [container] })[0]!.content).toBe('### Sit-to-stand\nStand up from a chair five times.');
    expect(footerOf(message)).toBe('Test 2 of 7');
    // heading, its row, heading, its row, navigation last.
    expect(rest.map((c) => c.type)).toEqual([ComponentType.TextDisplay, ComponentType.ActionRow, ComponentType.TextDisplay, ComponentType.ActionRow, ComponentType.ActionRow]);
    expect(headingsOf(message)).toEqual(['Left side: how did it go?', 'Pain during the test (0-10)']);
    const lastRow = rest.at(-1) as { components: { custom_id: string }[] };
    expect(lastRow.components.map((b) => b.custom_id.split(':').pop())).toEqual(['back', 'next']);
    // The readers the e2e tests use see the words and every control.
    expect(messageText(message)).toContain('Sit-to-stand');
    expect(messageText(message)).not.toContain('Left side');
    expect(controlsOf(message).map((c) => c.custom_id?.split(':').slice(4).join(':'))).toEqual(['rating:left', 'pain:left', 'back', 'next']);
  });

  it('shows an attached figure through a media gallery that references it', () => {
    const [message] = renderView(twoMenus, { idFor });
    const withFigure = withImage(message!, 'figure.png', Buffer.from('png'), 'A person standing up');
    expect(shownAttachments(withFigure)).toEqual(['figure.png']);
    const gallery = walk(withFigure.components).find((c) => c.type === (ComponentType.MediaGallery as number));
    expect(gallery?.items?.[0]?.description).toBe('A person standing up');
    expect(withFigure.files?.map((f) => f.name)).toEqual(['figure.png']);
  });

  it('splits a long plan over V2 messages within the text limit and keeps every word', () => {
    const tests = allClearTests();
    for (const key of Object.keys(tests)) {
      const t = tests[key] as Record<string, { rating: string; pain: number }>;
      for (const side of Object.keys(t)) t[side] = { ...t[side]!, pain: 6 };
    }
    const view = { ...planView(buildPlan(makeAnswers({ tests, prefs: { minutes: 60 } }), library), library), body: Array.from({ length: 80 }, (_, i) => `Paragraph ${i} has a few words to read. `.repeat(3).trim()).join('\n\n') };
    const messages = renderView(view, { idFor });
    expect(messages.length).toBeGreaterThan(1);
    let words = '';
    for (const m of messages) {
      expect(m.flags).toBe(MessageFlags.IsComponentsV2);
      const chars = textDisplays(m).reduce((s, c) => s + (c.content?.length ?? 0), 0);
      // Room is left for what later edits add (a status line, the Later menu's heading).
      expect(chars).toBeLessThanOrEqual(V2_LIMITS.text - EDIT_HEADROOM);
      words += `${messageText(m)}\n\n`;
    }
    for (let i = 0; i < 80; i++) expect(words.split(`Paragraph ${i} has`).length - 1, `paragraph ${i}`).toBe(3);
  });

  it('throws a clear error when a screen would exceed the V2 limits', () => {
    const many: View = {
      ...twoMenus,
      inputs: Array.from({ length: 14 }, (_, i) => ({ kind: 'select' as const, name: `q${i}`, placeholder: `Question ${i}`, options: [{ value: 'a', label: 'A' }] })),
    };
    expect(() => renderView(many, { idFor })).toThrow(/needs \d+ components; Discord allows 40/);
    expect(() => {
      checkV2('Wordy', [{ type: ComponentType.TextDisplay, content: 'x'.repeat(4001) }]);
    }).toThrow(/4001 characters of text; Discord allows 4000/);
    const wideRow = { type: ComponentType.ActionRow, components: Array.from({ length: 6 }, (_, i) => ({ type: ComponentType.Button, style: 2, label: `${i}`, custom_id: `b${i}` })) };
    expect(() => {
      checkV2('Wide', [wideRow as never]);
    }).toThrow(/row of 6 components; Discord allows 5/);
    expect(() => v2Payloads({ title: 'Fine', body: 'Short.', color: 0 }, [])).not.toThrow();
  });

  it('renders every assessment step within the V2 limits', () => {
    for (const step of STEPS) {
      const draft = { ...emptyDraft(), tests: { active_hip_flexion: { left: { rating: 'partial' as const, pain: 4 }, right: { rating: 'partial' as const, pain: 4 } } } };
      const messages = renderView(assessmentView({ step, draft }, library, library.redFlags.flags), { idFor });
      for (const m of messages) expect(walk(m.components).length, step).toBeLessThanOrEqual(V2_LIMITS.components);
    }
  });
});
