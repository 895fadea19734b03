import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../../testkit/fake-discord/index.js';
import { linesOf, ScreenReader, wordCount, WordsRead } from '../../testkit/screen-words.js';

describe('the screen word counter', () => {
  it('counts words with a letter or digit, not bare punctuation or markdown', () => {
    expect(wordCount('**Next:** a short - safety check, 7 tests')).toBe(7);
    expect(wordCount('  ')).toBe(0);
  });

  it('reads content, every embed part and Components V2 text displays at any depth, but not button labels', () => {
    const lines = linesOf({
      content: 'Hello there',
      embeds: [{ title: 'Title words', description: 'One\n\nTwo three', fields: [{ name: 'Now set', value: '20 minutes' }], footer: { text: 'Step 1 of 2' } }],
      components: [
        { type: 17, components: [{ type: 10, content: 'Inside a container' }, { type: 9, components: [{ type: 10, content: 'In a section' }], accessory: { type: 2, label: 'Tap me' } }] },
        { type: 10, content: 'Top level display' },
        { type: 1, components: [{ type: 2, label: 'Not read' }] },
      ],
    });
    expect(lines).toEqual(['Hello there', 'Title words', 'One', 'Two three', 'Now set', '20 minutes', 'Step 1 of 2', 'Inside a container', 'In a section', 'Top level display']);
  });

  it('reads an interaction callback by its data, and leaves text alone when a payload only changes buttons', () => {
    expect(linesOf({ type: 4, data: { content: 'Hi you' } })).toEqual(['Hi you']);
    expect(linesOf({ components: [{ type: 1, components: [{ type: 2, label: 'Done' }] }] })).toBeNull();
  });

  it('counts a new message in full and a re-render of it by the lines that are new', () => {
    const words = new WordsRead();
    expect(words.show('m1', { content: 'Line one here\nLine two here' })).toEqual([6, 6]);
    // The same screen with one line changed: only that line is new reading.
    expect(words.show('m1', { content: 'Line one here\nSaved: New York' })).toEqual([6, 3]);
    // A different message with the same text counts again: the person reads a new message.
    expect(words.show('m2', { content: 'Line one here' })).toEqual([3, 3]);
    // A buttons-only edit keeps the screen and adds nothing.
    expect(words.show('m1', { components: [] })).toEqual([6, 0]);
    expect(words.total).toBe(12);
  });
});

describe('reading the fake Discord', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord({ token: 'screen-words-token' });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('keys a DM post to its message, so a later edit of it counts only its new lines', async () => {
    const user = fake.user('pat');
    const channel = fake.dmChannelId(user);
    const reader = new ScreenReader(fake);
    const post = await fetch(`${fake.apiBase}/v10/channels/${channel}/messages`, {
      method: 'POST',
      headers: { authorization: 'Bot screen-words-token', 'content-type': 'application/json' },
      body: JSON.stringify({ embeds: [{ title: "Today's workout", description: 'Three exercises\nAbout 20 minutes' }] }),
    });
    const { id } = (await post.json()) as { id: string };
    await fetch(`${fake.apiBase}/v10/channels/${channel}/messages/${id}`, {
      method: 'PATCH',
      headers: { authorization: 'Bot screen-words-token', 'content-type': 'application/json' },
      body: JSON.stringify({ embeds: [{ title: "Today's workout", description: 'Three exercises\nDone: well done' }] }),
    });
    const renders = reader.after();
    expect(renders.map((r) => [r.key, r.kind, r.dm, r.newWords])).toEqual([
      [id, 'new', true, 7],
      [id, 'edit', true, 3],
    ]);
    expect(reader.words.total).toBe(10);
  });
});
