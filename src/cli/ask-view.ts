import type { View, ViewInput } from '../views/view.js';
import { askRequired, type ConsoleIO } from './console-io.js';

/** What answering one menu did: a problem to show (nothing changed), or the view as it is now. */
export type Applied = { error: string } | { view: View };

type Select = Extract<ViewInput, { kind: 'select' }>;

/**
 * The console's stand-in for a view's select menus, so the console asks exactly the questions
 * Discord shows: every menu in order, a 0-10 pain scale by number, any other menu by position.
 * The view is re-read after each answer, because an answer can bring a new question (pain place).
 * `escape` turns a typed command (back, skip, pause) into a result that ends the asking early;
 * null means every menu was answered.
 */
export async function askSelects<E>(io: ConsoleIO, initial: View, apply: (name: string, value: string) => Applied, escape: (line: string) => E | null = () => null): Promise<E | null> {
  let view = initial;
  const asked = new Set<string>();
  for (;;) {
    const select = view.inputs.find((i): i is Select => i.kind === 'select' && !asked.has(i.name));
    if (!select) return null;
    asked.add(select.name);
    const isPain = select.options.length === 11;
    const menu = isPain ? '0-10' : select.options.map((o, i) => `${i + 1} ${o.label}${o.description ? ` (${o.description})` : ''}`).join('\n    ');
    const current = select.selected !== undefined ? ` [Enter keeps ${select.selected}]` : '';
    const prompt = isPain ? `${capital(select.placeholder)}${current}:` : `${capital(select.placeholder)}\n    ${menu}\n  Choose 1-${select.options.length}${current}:`;
    for (;;) {
      const line = await askRequired(io, prompt);
      const escaped = escape(line);
      if (escaped !== null) return escaped;
      if (line === '' && select.selected !== undefined) break;
      const value = isPain ? line : select.options[Number(line) - 1]?.value;
      const result = value === undefined || value === '' ? { error: 'Please choose one of the numbers shown.' } : apply(select.name, value);
      if ('view' in result) {
        view = result.view;
        break;
      }
      io.print(`  ${result.error}`);
    }
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
