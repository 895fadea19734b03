/**
 * Readers for what a person sees in a bot message, legacy (content + embeds + action rows) or
 * Components V2 (text displays inside containers and sections, rows anywhere). They take a stored
 * fake message or an interaction callback's data alike.
 */

/** The text display ids the renderer reserves (src/discord/render-v2.ts V2_IDS, the workout controls' heading). */
const FOOTER_ID = 9000;
const CONTROL_HEADING_ID = 9050;
const HEADING_FIRST = 9100;
const HEADING_LAST = 9199;
const FIELD_FIRST = 9200;
const FIELD_LAST = 9299;

export interface RawComponent {
  type: number;
  id?: number;
  custom_id?: string;
  label?: string;
  style?: number;
  disabled?: boolean;
  content?: string;
  placeholder?: string;
  components?: RawComponent[];
  accessory?: RawComponent;
  options?: { value: string; label?: string; default?: boolean }[];
  items?: { media?: { url?: string }; description?: string }[];
  file?: { url?: string };
}

export interface MessageLike {
  content?: string | null;
  embeds?: unknown[];
  components?: unknown[];
}

interface Embed {
  title?: string;
  description?: string;
  footer?: { text?: string };
  fields?: { name: string; value: string }[];
}

const COMPONENT_TYPE = { row: 1, section: 9, textDisplay: 10 } as const;

/** Every component of a tree, depth first: containers, sections (and their accessory), rows. */
export function walk(components: readonly unknown[] | undefined): RawComponent[] {
  const out: RawComponent[] = [];
  for (const c of (components ?? []) as RawComponent[]) {
    out.push(c);
    out.push(...walk(c.components));
    if (c.accessory) out.push(...walk([c.accessory]));
  }
  return out;
}

/** Every text display, in reading order. */
export function textDisplays(message: MessageLike | null | undefined): RawComponent[] {
  return walk(message?.components).filter((c) => c.type === COMPONENT_TYPE.textDisplay);
}

const isHeading = (c: RawComponent) => c.id === CONTROL_HEADING_ID || (c.id !== undefined && c.id >= HEADING_FIRST && c.id <= HEADING_LAST);

/** A field's text display (`**name**\nvalue`), read back as `name: value` like an embed field. */
const isField = (c: RawComponent) => c.id !== undefined && c.id >= FIELD_FIRST && c.id <= FIELD_LAST;

/** The pressable and pickable components (what sits in action rows, and section accessories), flattened. */
export function controlsOf(message: MessageLike | null | undefined): RawComponent[] {
  const out: RawComponent[] = [];
  for (const c of walk(message?.components)) {
    if (c.type === COMPONENT_TYPE.row) out.push(...(c.components ?? []));
    if (c.type === COMPONENT_TYPE.section && c.accessory && c.accessory.type === 2) out.push(c.accessory);
  }
  return out;
}

/**
 * The words of a message: content, embed titles, descriptions and fields, and V2 text displays.
 * Footers and question headings are left out, as they were with embeds (footer, placeholder):
 * read them with footerOf and headingsOf.
 */
export function messageText(message: MessageLike | null | undefined): string {
  if (!message) return '';
  const embeds = (message.embeds ?? []) as Embed[];
  // The title is a `### ` heading in V2; read without the marker, like an embed's title.
  const v2 = textDisplays(message)
    .filter((c) => c.id !== FOOTER_ID && !isHeading(c))
    .map((c) => (isField(c) ? (c.content ?? '').replace(/^\*\*(.*?)\*\*\n/, '$1: ') : (c.content ?? '').replace(/^### /gm, '')));
  return [message.content ?? '', ...embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).map((f) => `${f.name}: ${f.value}`)]), ...v2].join('\n');
}

/** The small print under a screen ("Test 2 of 7"): embed footers or the V2 footer text display. */
export function footerOf(message: MessageLike | null | undefined): string {
  const embeds = (message?.embeds ?? []) as Embed[];
  const v2 = textDisplays(message).filter((c) => c.id === FOOTER_ID).map((c) => (c.content ?? '').replace(/^-# /, ''));
  return [...embeds.map((e) => e.footer?.text ?? ''), ...v2].filter(Boolean).join(' ');
}

/** The question headings shown above a V2 message's controls, in order. */
export function headingsOf(message: MessageLike | null | undefined): string[] {
  return textDisplays(message).filter(isHeading).map((c) => (c.content ?? '').replace(/^\*\*(.*)\*\*$/s, '$1'));
}

/** Everything a person reads on the message, footers and headings included (for word budgets). */
export function allText(message: MessageLike | null | undefined): string {
  if (!message) return '';
  const embeds = (message.embeds ?? []) as Embed[];
  return [
    message.content ?? '',
    ...embeds.flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]),
    ...textDisplays(message).map((c) => c.content ?? ''),
  ].join(' ');
}

/** The attachment names a message's media galleries and files show (`attachment://<name>`). */
export function shownAttachments(message: MessageLike | null | undefined): string[] {
  const urls = walk(message?.components).flatMap((c) => [...(c.items ?? []).map((i) => i.media?.url ?? ''), c.file?.url ?? '']);
  return urls.filter((u) => u.startsWith('attachment://')).map((u) => u.slice('attachment://'.length));
}
