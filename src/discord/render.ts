import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  TextInputStyle,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIMessageTopLevelComponent,
  type APIModalInteractionResponseCallbackData,
  type APIStringSelectComponent,
  type APITextInputComponent,
} from 'discord.js';
import type { Side } from '../content/ids.js';
import { splitText, type View, type ViewInput } from '../views/view.js';
import { v2Payloads, v2WithImage, type InputGroup } from './render-v2.js';

/**
 * The one switch for Components V2: every screen is a container of text displays with a heading
 * above each question's controls. Off, screens are the older embed plus action rows.
 */
export const COMPONENTS_V2: boolean = true;

/** Discord's limits, in one place, so renderers and tests agree. */
export const LIMITS = {
  embedDescription: 4096,
  embedTitle: 256,
  embedsPerMessage: 10,
  charsPerMessage: 6000,
  rows: 5,
  buttonsPerRow: 5,
  selectOptions: 25,
  optionLabel: 100,
  buttonLabel: 80,
  placeholder: 150,
  modalLabel: 45,
  content: 2000,
  attachmentDescription: 1024,
} as const;

const TONE_COLORS: Record<View['tone'], number> = {
  info: 0x3b82f6,
  success: 0x16a34a,
  warning: 0xf59e0b,
  danger: 0xdc2626,
};

const BUTTON_STYLES: Record<Extract<ViewInput, { kind: 'button' }>['style'], ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
};

export interface MessagePayload {
  content?: string;
  /** Legacy screens only; a V2 message carries its words in text displays. */
  embeds?: APIEmbed[];
  /** Action rows (legacy), or containers, text displays, galleries and rows (V2). */
  components: APIMessageTopLevelComponent[];
  /** Set on V2 messages (Discord then rejects `content` and `embeds`). */
  flags?: MessageFlags.IsComponentsV2;
  /** PNG charts and other attachments; an embed or a media gallery shows one with `attachment://<name>`. */
  files?: { name: string; data: Buffer; description?: string }[];
}

/**
 * Attach a PNG under a payload's words (the last embed, or a media gallery in the last V2 container:
 * a V2 message shows only attachments its components reference); `description` is its alt text.
 */
export function withImage(payload: MessagePayload, name: string, data: Buffer, description?: string): MessagePayload {
  const alt = description?.slice(0, LIMITS.attachmentDescription);
  const file = alt === undefined ? { name, data } : { name, data, description: alt };
  const files = [...(payload.files ?? []), file];
  if (payload.flags === MessageFlags.IsComponentsV2) return { ...payload, components: v2WithImage(payload.components, name, alt), files };
  const embeds = payload.embeds ?? [];
  const image = { url: `attachment://${name}` };
  // An embed shows one image: a second one gets an embed of its own, titled by its alt text.
  const last = embeds[embeds.length - 1];
  if (!last || last.image) return { ...payload, embeds: [...embeds, { ...(alt ? { title: clip(alt, LIMITS.embedTitle) } : {}), color: TONE_COLORS.info, image }], files };
  return { ...payload, embeds: [...embeds.slice(0, -1), { ...last, image }], files };
}

export interface RenderOptions {
  /** Builds the custom id for an input name (the codec knows the flow, owner and state ref). */
  idFor: (name: string) => string;
  /** For per-side steps that exceed Discord's 5 rows: which side's menus to show. */
  focusSide?: Side;
}

/** For views without components: input names need no custom ids. */
export const PLAIN: RenderOptions = { idFor: (name) => name };

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Embeds for a long text, grouped into as many messages as Discord's size limits require. */
export function embedsFor(view: Pick<View, 'title' | 'body' | 'tone' | 'footer' | 'fields' | 'notice'>): APIEmbed[][] {
  const body = view.notice ? `**${view.notice}**\n\n${view.body}` : view.body;
  const chunks = splitText(body, LIMITS.embedDescription - 96);
  const embeds: APIEmbed[] = chunks.map((description, i) => ({
    ...(i === 0 ? { title: clip(view.title, LIMITS.embedTitle) } : {}),
    description,
    color: TONE_COLORS[view.tone],
  }));
  const last = embeds[embeds.length - 1]!;
  if (view.fields?.length) last.fields = view.fields.slice(0, 25).map((f) => ({ name: clip(f.name, 256), value: clip(f.value, 1024) }));
  if (view.footer) last.footer = { text: clip(view.footer, 2048) };
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const length = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0);
    if (current.length > 0 && (size + length > LIMITS.charsPerMessage - 200 || current.length >= LIMITS.embedsPerMessage)) {
      messages.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += length;
  }
  messages.push(current);
  return messages;
}

function selectFor(input: Extract<ViewInput, { kind: 'select' }>, customId: string): APIStringSelectComponent {
  const options = input.options.slice(0, LIMITS.selectOptions).map((o) => ({
    label: clip(o.label, LIMITS.optionLabel),
    value: o.value,
    ...(o.description ? { description: clip(o.description, LIMITS.optionLabel) } : {}),
    ...(input.selected === o.value || input.selectedValues?.includes(o.value) ? { default: true } : {}),
  }));
  return {
    type: ComponentType.StringSelect,
    custom_id: customId,
    placeholder: clip(input.placeholder, LIMITS.placeholder),
    options,
    min_values: Math.min(input.min ?? 1, options.length),
    max_values: Math.min(input.max ?? 1, options.length),
  };
}

function buttonFor(input: Extract<ViewInput, { kind: 'button' }>, customId: string): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: BUTTON_STYLES[input.style],
    label: clip(input.label, LIMITS.buttonLabel),
    custom_id: customId,
    ...(input.disabled ? { disabled: true } : {}),
  };
}

type Select = Extract<ViewInput, { kind: 'select' }>;

/** A short single choice as buttons, the chosen one highlighted: one press answers it. */
function choiceButtons(input: Select): Extract<ViewInput, { kind: 'button' }>[] {
  // The pick is marked with a tick as well as the colour, which is hard to see on some themes.
  return input.options.map((o) => ({ kind: 'button', name: `${input.name}:${o.value}`, label: input.selected === o.value ? `✓ ${o.label}` : o.label, style: input.selected === o.value ? 'primary' : 'secondary' }));
}

const sideOf = (name: string): string | undefined => name.split(':')[1];

/**
 * A view's controls as groups: one per question (a select, or its choice buttons, under its
 * heading), then the navigation buttons packed 5 a row. Text inputs become one button that opens a
 * modal. A per-side step that would need more than 4 menus shows one side at a time, with a button
 * to switch.
 */
export function inputGroups(view: View, opts: RenderOptions): InputGroup[] {
  let selects = view.inputs.filter((i): i is Select => i.kind === 'select');
  const buttons = view.inputs.filter((i): i is Extract<ViewInput, { kind: 'button' }> => i.kind === 'button');
  const extraButtons: Extract<ViewInput, { kind: 'button' }>[] = [];
  if (view.inputs.some((i) => i.kind === 'text')) {
    extraButtons.push({ kind: 'button', name: 'form', label: 'Fill in', style: 'primary' });
  }
  const sides = [...new Set(selects.map((s) => sideOf(s.name)).filter((s): s is string => s !== undefined))];
  if (selects.length > LIMITS.rows - 1 && sides.length > 1) {
    const focus = opts.focusSide && sides.includes(opts.focusSide) ? opts.focusSide : sides[0]!;
    selects = selects.filter((s) => sideOf(s.name) === undefined || sideOf(s.name) === focus);
    for (const other of sides.filter((s) => s !== focus)) {
      extraButtons.push({ kind: 'button', name: `show:${other}`, label: `${other.charAt(0).toUpperCase()}${other.slice(1)} side`, style: 'secondary' });
    }
  }
  const allButtons = [...extraButtons, ...buttons];
  // In the view's order, so each question's row stays where the view puts it.
  const groups: InputGroup[] = selects.map((s) => {
    const question = s.heading ?? s.placeholder;
    // A heading starts with a capital even when the placeholder does not ("how did it go?").
    const heading = clip(`${question.charAt(0).toUpperCase()}${question.slice(1)}`, LIMITS.placeholder);
    if (s.display !== 'buttons') return { heading, rows: [{ type: ComponentType.ActionRow, components: [selectFor(s, opts.idFor(s.name))] }] };
    const choices = choiceButtons(s);
    const rows: InputGroup['rows'] = [];
    for (let i = 0; i < choices.length; i += LIMITS.buttonsPerRow) {
      rows.push({ type: ComponentType.ActionRow, components: choices.slice(i, i + LIMITS.buttonsPerRow).map((b) => buttonFor(b, opts.idFor(b.name))) });
    }
    return { heading, rows };
  });
  const nav: InputGroup['rows'] = [];
  for (let i = 0; i < allButtons.length; i += LIMITS.buttonsPerRow) {
    nav.push({ type: ComponentType.ActionRow, components: allButtons.slice(i, i + LIMITS.buttonsPerRow).map((b) => buttonFor(b, opts.idFor(b.name))) });
  }
  if (nav.length) groups.push({ rows: nav });
  return groups;
}

/** A view's controls as Discord's (legacy) 5 action rows, for messages without V2. */
export function componentsFor(view: View, opts: RenderOptions): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const rows = inputGroups(view, opts).flatMap((g) => g.rows);
  if (rows.length > LIMITS.rows) throw new Error(`view "${view.title}" needs ${rows.length} rows; Discord allows ${LIMITS.rows}`);
  return rows;
}

/** The whole view as one or more messages; components go on the first. */
export function renderView(view: View, opts: RenderOptions): MessagePayload[] {
  if (COMPONENTS_V2) {
    const body = view.notice ? `**${view.notice}**\n\n${view.body}` : view.body;
    const text = { title: clip(view.title, LIMITS.embedTitle), body, color: TONE_COLORS[view.tone], ...(view.fields ? { fields: view.fields } : {}), ...(view.footer ? { footer: view.footer } : {}) };
    return v2Payloads(text, inputGroups(view, opts));
  }
  const groups = embedsFor(view);
  return groups.map((embeds, i) => ({ embeds, components: i === 0 ? componentsFor(view, opts) : [] }));
}

/** A modal for a view's text inputs (Discord allows 5, labels of 45 characters). */
export function modalFor(view: View, customId: string): APIModalInteractionResponseCallbackData {
  const inputs = view.inputs.filter((i): i is Extract<ViewInput, { kind: 'text' }> => i.kind === 'text').slice(0, 5);
  return {
    custom_id: customId,
    title: clip(view.title, 45),
    components: inputs.map((t) => ({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.TextInput,
          custom_id: t.name,
          label: clip(t.label, LIMITS.modalLabel),
          style: TextInputStyle.Short,
          required: t.required,
          max_length: t.maxLength,
          ...(t.placeholder ? { placeholder: clip(t.placeholder, 100) } : {}),
          ...(t.value ? { value: t.value } : {}),
        } satisfies APITextInputComponent,
      ],
    })),
  };
}
