import {
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIComponentInContainer,
  type APIComponentInMessageActionRow,
  type APIContainerComponent,
  type APIMediaGalleryComponent,
  type APIMessageTopLevelComponent,
  type APITextDisplayComponent,
} from 'discord.js';
import { splitText } from '../views/view.js';

/**
 * Components V2 layout: a view's words in a Container of Text Displays, and each question's heading
 * as its own Text Display right above its controls, so the question stays visible after an option is
 * chosen (a chosen option replaces a select's placeholder). No content or embeds with this flag.
 */

export type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** One question's controls and the heading shown above them; navigation has no heading. */
export interface InputGroup {
  heading?: string;
  rows: Row[];
}

/** Discord's limits for a V2 message (nested components count; text is summed over every text display). */
export const V2_LIMITS = { components: 40, text: 4000, buttonsPerRow: 5, selectOptions: 25, mediaItems: 10 } as const;

/**
 * Ids of text displays that readers and edits must find again (ids are unique per message; Discord
 * numbers the others itself without reusing these).
 */
export const V2_IDS = {
  /** The small print under a screen ("Test 2 of 7", "Page 1 of 3", sources). */
  footer: 9000,
  /** The one-line status above a workout message ("I will nudge you at ..."): the old `content`. */
  line: 9001,
  /** Question headings: 9100 + the group's index. */
  headingBase: 9100,
  /** A view's fields (name in bold, value below): 9200 + the field's index. */
  fieldBase: 9200,
} as const;

/**
 * Text kept free in each message for what later edits add: a workout message's status line ("I
 * will nudge you at ...") and its Later menu's heading. Edits swap controls without re-splitting.
 */
export const EDIT_HEADROOM = 300;

export interface V2Text {
  title: string;
  /** Notice and body, already joined. */
  body: string;
  fields?: { name: string; value: string }[];
  footer?: string;
  color: number;
}

export interface V2Payload {
  flags: MessageFlags.IsComponentsV2;
  components: APIMessageTopLevelComponent[];
}

/** Component types as plain numbers, for reading JSON whose `type` is any number. */
const T = { row: ComponentType.ActionRow as number, select: ComponentType.StringSelect as number, textDisplay: ComponentType.TextDisplay as number };

const text = (content: string, id?: number): APITextDisplayComponent => ({ type: ComponentType.TextDisplay, content, ...(id === undefined ? {} : { id }) });

/** Every component in a tree, containers and sections included, for the limits check. */
function countComponents(list: readonly unknown[]): number {
  let total = 0;
  for (const c of list as { components?: unknown[]; accessory?: unknown }[]) {
    total += 1 + countComponents(c.components ?? []) + (c.accessory ? 1 : 0);
  }
  return total;
}

function textLength(list: readonly unknown[]): number {
  let total = 0;
  for (const c of list as { type: number; content?: string; components?: unknown[] }[]) {
    if (c.type === T.textDisplay) total += c.content?.length ?? 0;
    total += textLength(c.components ?? []);
  }
  return total;
}

/** Throws when a V2 message would exceed Discord's limits (a 400 in production; a clear failure in tests). */
export function checkV2(title: string, components: readonly APIMessageTopLevelComponent[]): void {
  const count = countComponents(components);
  if (count > V2_LIMITS.components) throw new Error(`view "${title}" needs ${count} components; Discord allows ${V2_LIMITS.components} in a V2 message`);
  const chars = textLength(components);
  if (chars > V2_LIMITS.text) throw new Error(`view "${title}" has ${chars} characters of text; Discord allows ${V2_LIMITS.text} in a V2 message`);
  const walk = (list: readonly unknown[]): void => {
    for (const c of list as { type: number; components?: unknown[]; options?: unknown[] }[]) {
      if (c.type === T.row && (c.components?.length ?? 0) > V2_LIMITS.buttonsPerRow) throw new Error(`view "${title}" has a row of ${c.components?.length} components; Discord allows ${V2_LIMITS.buttonsPerRow}`);
      if (c.type === T.select && (c.options?.length ?? 0) > V2_LIMITS.selectOptions) throw new Error(`view "${title}" has a select of ${c.options?.length} options; Discord allows ${V2_LIMITS.selectOptions}`);
      walk(c.components ?? []);
    }
  };
  walk(components);
}

/** A heading text display for a question, kept short so it reads as a label. */
export function headingFor(heading: string, index: number): APITextDisplayComponent {
  return text(`**${heading}**`, V2_IDS.headingBase + index);
}

/**
 * The view as V2 messages. The words go in one container per message (long bodies split on
 * paragraphs); fields and footer close the last one; the controls follow the first message's
 * container, each group under its heading, navigation last.
 */
export function v2Payloads(view: V2Text, groups: InputGroup[]): V2Payload[] {
  const controls: APIMessageTopLevelComponent[] = groups.flatMap((g, i) => [...(g.heading ? [headingFor(g.heading, i)] : []), ...g.rows]);
  const reserve = textLength(controls) + view.title.length + 16 + EDIT_HEADROOM;
  const chunks = splitText(view.body, V2_LIMITS.text - reserve);
  const tail: APITextDisplayComponent[] = [
    ...(view.fields ?? []).slice(0, 25).map((f, i) => text(`**${f.name}**\n${f.value}`, V2_IDS.fieldBase + i)),
    ...(view.footer ? [text(`-# ${view.footer}`, V2_IDS.footer)] : []),
  ];
  const container = (inner: APIComponentInContainer[]): APIContainerComponent => ({ type: ComponentType.Container, accent_color: view.color, components: inner });
  const containers: APIComponentInContainer[][] = (chunks.length ? chunks : ['']).map((chunk, i) => {
    const words = i === 0 ? `### ${view.title}${chunk ? `\n${chunk}` : ''}` : chunk;
    return [text(words)];
  });
  // Fields and footer join the last container when they fit, or take a message of their own.
  const last = containers[containers.length - 1]!;
  const lastSize = textLength(last) + textLength(tail) + (containers.length === 1 ? textLength(controls) : 0);
  if (tail.length && lastSize <= V2_LIMITS.text) last.push(...tail);
  else if (tail.length) containers.push(tail);
  return containers.map((inner, i) => {
    const components: APIMessageTopLevelComponent[] = [container(inner), ...(i === 0 ? controls : [])];
    checkV2(view.title, components);
    return { flags: MessageFlags.IsComponentsV2, components };
  });
}

/** Show an attachment under a V2 message's words: a Media Gallery inside its (last) container. */
export function v2WithImage(components: readonly APIMessageTopLevelComponent[], name: string, description?: string): APIMessageTopLevelComponent[] {
  const gallery: APIMediaGalleryComponent = {
    type: ComponentType.MediaGallery,
    items: [{ media: { url: `attachment://${name}` }, ...(description ? { description: description.slice(0, 1024) } : {}) }],
  };
  const index = components.map((c) => c.type).lastIndexOf(ComponentType.Container);
  if (index < 0) return [...components, gallery];
  return components.map((c, i) => (i === index && c.type === ComponentType.Container ? { ...c, components: [...c.components, gallery] } : c));
}

/** The status line of a workout message, replacing any previous one (V2 has no `content`). */
export function withLine(components: readonly { type: number; id?: number }[], line: string): unknown[] {
  return [text(line, V2_IDS.line), ...components.filter((c) => c.id !== V2_IDS.line)];
}
