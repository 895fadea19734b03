import type { FakeDiscord, InteractionHandle, RecordedRequest } from './fake-discord/index.js';

/**
 * Words a person reads, counted honestly from what the bot sent to (fake) Discord.
 *
 * How it counts: every message payload is turned into its lines of text (content; embeds' title,
 * description, field names and values, footer; Components V2 text displays at any depth inside
 * containers and sections). A new message counts in full. An edit of a message the person already
 * has (a button press that re-renders the same screen) counts only the lines that were not in that
 * message's previous render: the person reads what changed, not the whole screen again. Button and
 * menu labels are not counted as reading (they are what a person taps); the transcript lists them.
 */

type Json = Record<string, unknown>;

const asObject = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asString = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Components V2 types that carry text a person reads. */
const TEXT_DISPLAY = 10;

/** Words in a piece of text: runs separated by white space that hold a letter or a digit. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => wordCount(l) > 0);
}

/** The text displays inside Components V2 components, depth first, in reading order. */
function componentText(components: unknown): string[] {
  return asArray(components).flatMap((c) => {
    const o = asObject(c);
    if (!o) return [];
    const own = o.type === TEXT_DISPLAY ? [asString(o.content)] : [];
    return [...own, ...componentText(o.components)];
  });
}

/** A message payload as the lines a person reads, or null when the payload leaves the text as it was. */
export function linesOf(payload: unknown): string[] | null {
  const outer = asObject(payload);
  const m = asObject(outer?.data) ?? outer;
  if (!m) return null;
  const touchesText = 'content' in m || 'embeds' in m || componentText(m.components).length > 0;
  if (!touchesText) return null;
  const embeds = asArray(m.embeds).flatMap((e) => {
    const o = asObject(e) ?? {};
    const fields = asArray(o.fields).flatMap((f) => [asString(asObject(f)?.name), asString(asObject(f)?.value)]);
    return [asString(o.title), asString(o.description), ...fields, asString(asObject(o.footer)?.text)];
  });
  return [asString(m.content), ...embeds, ...componentText(m.components)].flatMap(splitLines);
}

/** One render of a message as the person sees it. */
export interface Render {
  /** The message this render shows or replaces (a Discord message id when known). */
  key: string;
  payload: Json;
  /** A new message (counted in full) or an edit of one the person has (counted by its new lines). */
  kind: 'new' | 'edit';
  ephemeral: boolean;
  dm: boolean;
  /** Words on the whole screen after this render. */
  screenWords: number;
  /** Words the person had not read on this message before. */
  newWords: number;
}

/** The counter itself, independent of Discord: feed it renders keyed by message. */
export class WordsRead {
  private readonly last = new Map<string, Set<string>>();
  total = 0;

  /** Counts one render of `key`; returns [words on the screen, words new to the person]. */
  show(key: string, payload: unknown): [number, number] {
    const lines = linesOf(payload);
    const previous = this.last.get(key);
    if (lines === null) {
      const kept = [...(previous ?? [])];
      return [wordCount(kept.join(' ')), 0];
    }
    const fresh = lines.filter((l) => !previous?.has(l));
    const newWords = wordCount(fresh.join(' '));
    this.last.set(key, new Set(lines));
    this.total += newWords;
    return [wordCount(lines.join(' ')), newWords];
  }
}

const EPHEMERAL = 64;

/**
 * Reads the requests the bot made to the fake Discord, interaction by interaction, and keys each
 * message payload to the message it shows, so edits count only what changed.
 */
export class ScreenReader {
  private seen = 0;
  private followUpsSeen = new Map<string, number>();
  readonly words = new WordsRead();
  readonly renders: Render[] = [];

  constructor(private readonly fake: FakeDiscord) {
    this.seen = fake.requests().length;
  }

  /** Everything the bot sent since the last call, keyed with the help of the interaction that caused it (if any). */
  after(handle?: InteractionHandle): Render[] {
    const all = this.fake.requests();
    const batch = all.slice(this.seen).filter((r) => r.status >= 200 && r.status < 300);
    this.seen = all.length;
    const out: Render[] = [];
    for (const r of batch) {
      const render = this.renderOf(r, handle);
      if (render) out.push(render);
    }
    this.renders.push(...out);
    return out;
  }

  private renderOf(r: RecordedRequest, handle: InteractionHandle | undefined): Render | null {
    const json = asObject(r.json);
    if (!json) return null;
    const located = this.locate(r, json, handle);
    if (!located) return null;
    const payload = asObject(json.data) ?? json;
    const [screenWords, newWords] = this.words.show(located.key, payload);
    if (screenWords === 0 && newWords === 0) return null;
    const flags = typeof payload.flags === 'number' ? payload.flags : 0;
    return { ...located, payload, screenWords, newWords, ephemeral: (flags & EPHEMERAL) !== 0 || located.ephemeral };
  }

  private locate(r: RecordedRequest, json: Json, handle: InteractionHandle | undefined): { key: string; kind: 'new' | 'edit'; dm: boolean; ephemeral: boolean } | null {
    const original = handle?.original() ?? null;
    const inDm = (channelId: string | undefined) => channelId !== undefined && this.fake.channel(channelId)?.type === 1;
    const ephemeralOf = (id: string | undefined) => (id ? ((this.fake.message(id)?.flags ?? 0) & EPHEMERAL) !== 0 : false);
    if (r.method === 'POST' && /^\/interactions\/[^/]+\/[^/]+\/callback$/.test(r.path)) {
      const type = json.type;
      if (type !== 4 && type !== 7) return null;
      const key = original?.id ?? `callback:${r.path}`;
      return { key, kind: type === 4 ? 'new' : 'edit', dm: inDm(original?.channel_id), ephemeral: ephemeralOf(original?.id) };
    }
    const webhook = /^\/webhooks\/[^/]+\/([^/]+)(?:\/messages\/(.+))?$/.exec(r.path);
    if (webhook) {
      const [, token, ref] = webhook;
      if (r.method === 'PATCH' && ref) {
        const key = ref === '@original' ? (original?.id ?? `original:${token}`) : ref;
        return { key, kind: 'edit', dm: inDm(this.fake.message(key)?.channel_id), ephemeral: ephemeralOf(key) };
      }
      if (r.method === 'POST' && !ref) {
        const n = this.followUpsSeen.get(token!) ?? 0;
        this.followUpsSeen.set(token!, n + 1);
        const message = handle && handle.token === token ? handle.followUps()[n] : undefined;
        return { key: message?.id ?? `followup:${token}:${n}`, kind: 'new', dm: inDm(message?.channel_id), ephemeral: ephemeralOf(message?.id) };
      }
      return null;
    }
    const channel = /^\/channels\/(\d+)\/messages(?:\/(\d+))?$/.exec(r.path);
    if (channel) {
      const [, channelId, messageId] = channel;
      if (r.method === 'PATCH' && messageId) return { key: messageId, kind: 'edit', dm: inDm(channelId), ephemeral: false };
      if (r.method === 'POST' && !messageId) {
        // Posts since the last clearRequests are the channel's newest messages, in order (the bot deletes none of them).
        const posts = this.fake.requests().filter((q) => q.method === 'POST' && q.path === r.path && q.status >= 200 && q.status < 300);
        const n = posts.indexOf(r);
        const messages = this.fake.channelMessages(channelId!);
        const message = n >= 0 ? messages[messages.length - posts.length + n] : undefined;
        return { key: message?.id ?? `post:${r.at}:${n}`, kind: 'new', dm: inDm(channelId), ephemeral: false };
      }
    }
    return null;
  }
}
