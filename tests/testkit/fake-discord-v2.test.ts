import { DiscordAPIError, MessageFlags, REST, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord, type FakeUser } from '../../testkit/fake-discord/index.js';

/** Components V2 on the fake Discord, over discord.js's REST client as the bot sends it. */

const TOKEN = 'fake.bot.token';
const V2 = MessageFlags.IsComponentsV2;
let fake: FakeDiscord;
let rest: REST;
let ada: FakeUser;
let channel: string;

beforeAll(async () => {
  fake = await startFakeDiscord({ token: TOKEN });
  ada = fake.user('Ada');
  channel = fake.dmChannelId(ada);
  rest = new REST({ api: fake.apiBase, retries: 0 }).setToken(TOKEN);
});
afterAll(async () => {
  await fake.close();
});

const words = (content: string) => ({ type: 17, components: [{ type: 10, content }] });
const row = { type: 1, components: [{ type: 2, style: 1, label: 'Done', custom_id: 'done' }] };
const gallery = (name: string) => ({ type: 12, items: [{ media: { url: `attachment://${name}` } }] });
const png = { name: 'chart.png', data: Buffer.from('PNG bytes') };

async function post(body: object, files: { name: string; data: Buffer }[] = []): Promise<{ id: string }> {
  return (await rest.post(Routes.channelMessages(channel), { body, files })) as { id: string };
}
async function patch(id: string, body: object): Promise<void> {
  await rest.patch(Routes.channelMessage(channel, id), { body });
}
/** The form error codes of a rejected request. */
async function rejected(request: Promise<unknown>): Promise<string> {
  try {
    await request;
  } catch (error) {
    if (error instanceof DiscordAPIError) return JSON.stringify(error.rawError);
    throw error;
  }
  throw new Error('expected Discord to reject the request');
}

describe('fake Discord: Components V2 messages', () => {
  it('accepts a container, text displays, rows and a gallery that shows the attachment', async () => {
    const sent = await post({ flags: V2, components: [words('### Hello'), gallery('chart.png'), row], attachments: [{ id: 0, filename: 'chart.png' }] }, [png]);
    const stored = fake.dmMessages(ada).find((m) => m.id === sent.id)!;
    expect(stored.flags & V2).toBe(V2);
    expect(stored.attachments.map((a) => a.filename)).toEqual(['chart.png']);
  });

  it('rejects an attachment no component shows, a reference to a missing one, and unknown component types', async () => {
    expect(await rejected(post({ flags: V2, components: [words('A chart')], attachments: [{ id: 0, filename: 'chart.png' }] }, [png]))).toContain('COMPONENTS_V2_ATTACHMENT_NOT_REFERENCED');
    expect(await rejected(post({ flags: V2, components: [words('A chart'), gallery('other.png')] }))).toContain('COMPONENTS_V2_UNKNOWN_ATTACHMENT');
    expect(await rejected(post({ flags: V2, components: [{ type: 99, content: 'what is this' }] }))).toContain('UNION_TYPE_CHOICES');
    // V2 layout types need the flag; content and embeds are refused with it.
    expect(await rejected(post({ components: [words('no flag')] }))).toContain('IS_COMPONENTS_V2');
    expect(await rejected(post({ flags: V2, content: 'hi', components: [words('x')] }))).toContain('MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2');
  });

  it('counts every nested component (40) and all text (4,000 characters)', async () => {
    const many = { type: 17, components: Array.from({ length: 40 }, (_, i) => ({ type: 10, content: `line ${i}` })) };
    expect(await rejected(post({ flags: V2, components: [many] }))).toContain('Must be 40 or fewer components');
    expect(await rejected(post({ flags: V2, components: [words('x'.repeat(2500)), words('y'.repeat(1501))] }))).toContain('4000 or fewer characters');
    await post({ flags: V2, components: [words('x'.repeat(2500)), words('y'.repeat(1500))] });
  });

  it('keeps a V2 message V2 on edits: components-only patches work, the flag cannot be removed', async () => {
    const sent = await post({ flags: V2, components: [words('Workout'), row] });
    // A patch without flags (how the pause relabel edits) is validated as V2, so text displays pass.
    await patch(sent.id, { components: [words('Workout'), { type: 1, components: [{ type: 2, style: 2, label: 'Paused', custom_id: 'done', disabled: true }] }] });
    const stored = fake.dmMessages(ada).find((m) => m.id === sent.id)!;
    expect(stored.flags & V2).toBe(V2);
    expect(JSON.stringify(stored.components)).toContain('Paused');
    expect(await rejected(patch(sent.id, { flags: 0, components: [row] }))).toContain('MESSAGE_CANNOT_REMOVE_COMPONENTS_V2_FLAG');
    expect(await rejected(patch(sent.id, { content: 'plain words' }))).toContain('MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2');
  });

  it('turns an older message into V2 only when its content and embeds are cleared in the same edit', async () => {
    const old = await post({ content: 'old words', embeds: [{ title: 'Old' }], components: [row] });
    expect(await rejected(patch(old.id, { flags: V2, components: [words('new'), row] }))).toContain('MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2');
    await patch(old.id, { flags: V2, content: null, embeds: [], components: [words('new'), row] });
    const stored = fake.dmMessages(ada).find((m) => m.id === old.id)!;
    expect(stored.flags & V2).toBe(V2);
    expect([stored.content, stored.embeds]).toEqual(['', []]);
  });
});
