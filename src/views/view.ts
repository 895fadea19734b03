/**
 * A transport-neutral screen: what to say and what the person can do next. The Discord adapter
 * renders it as Components V2 (a container of text, each question's heading above its controls);
 * the console coach renders it as text and prompts.
 */

export interface ViewOption {
  value: string;
  label: string;
  description?: string;
}

export type ViewInput =
  | {
      kind: 'select';
      /** Stable name the flow parses back, e.g. `rating:left`. */
      name: string;
      placeholder: string;
      /**
       * The question shown above the control (Discord V2), so it stays in view after an option is
       * chosen; the placeholder stands in when there is none. Keep it short: "Left side: how did it go?".
       */
      heading?: string;
      options: ViewOption[];
      selected?: string;
      /** For multi-selects: every value currently chosen. */
      selectedValues?: string[];
      /** For multi-selects: how many may be picked. */
      min?: number;
      max?: number;
      /**
       * buttons: a short single choice (a rating, a pain place) shown as one button per option, so a
       * press answers it; the console still asks it as a menu. Each button's input name is
       * `<name>:<value>`.
       */
      display?: 'buttons';
    }
  | {
      kind: 'button';
      name: string;
      label: string;
      style: 'primary' | 'secondary' | 'success' | 'danger';
      /** Shown but not pressable: Next until the screen is complete, or what already happened (e.g. "Paused"). */
      disabled?: boolean;
    }
  | {
      /** Free text, collected in a Discord modal or a console prompt. */
      kind: 'text';
      name: string;
      label: string;
      placeholder?: string;
      required: boolean;
      maxLength: number;
      value?: string;
    };

export interface ViewField {
  name: string;
  value: string;
}

export interface View {
  title: string;
  /** Markdown-lite: `**bold**`, `- ` bullets and blank-line paragraphs, which both renderers handle. */
  body: string;
  fields?: ViewField[];
  inputs: ViewInput[];
  /** private: only the person may see it (ephemeral or DM). public: safe for a channel. */
  privacy: 'private' | 'public';
  tone: 'info' | 'success' | 'warning' | 'danger';
  /** e.g. "Test 3 of 14". */
  footer?: string;
  /** A problem with the last input, shown above the view; nothing changed. */
  notice?: string;
  /** An exercise or test id whose illustration goes with this screen; adapters attach it if one exists. */
  figureId?: string;
}

/** A simple screen: a title and a few words, no inputs, private unless said otherwise. */
export function note(title: string, body: string, tone: View['tone'] = 'info', privacy: View['privacy'] = 'private'): View {
  return { title, body, inputs: [], privacy, tone };
}

/** The 0-10 pain scale as menu options, shared by every screen that asks about pain. */
export const PAIN_OPTIONS: ViewOption[] = Array.from({ length: 11 }, (_, n) => ({
  value: String(n),
  label: n === 0 ? '0 - no pain' : n === 10 ? '10 - worst imaginable' : String(n),
}));

/** A select's current value, when there is one. */
export function selected(value: string | number | undefined): { selected?: string } {
  return value === undefined ? {} : { selected: String(value) };
}

/** The first argument is the chunk width; long texts are split on paragraph boundaries. */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const para of text.split('\n\n')) {
    const candidate = current ? `${current}\n\n${para}` : para;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current) parts.push(current);
    if (para.length <= max) {
      current = para;
      continue;
    }
    // A single paragraph longer than the limit: split on lines, then hard-wrap.
    current = '';
    for (const line of para.split('\n')) {
      const next = current ? `${current}\n${line}` : line;
      if (next.length <= max) current = next;
      else {
        if (current) parts.push(current);
        let rest = line;
        while (rest.length > max) {
          parts.push(rest.slice(0, max));
          rest = rest.slice(max);
        }
        current = rest;
      }
    }
  }
  if (current) parts.push(current);
  return parts;
}
