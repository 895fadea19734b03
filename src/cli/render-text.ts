import type { View } from '../views/view.js';

/** Plain-text rendering of a view for terminals: markdown-lite becomes bold or plain text. */
export function markdownToTerminal(text: string, color: boolean): string {
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s);
  return text
    .replace(/\*\*(.+?)\*\*/g, (_, s: string) => bold(s))
    .replace(/(^|[\s(])\*(\S(?:.*?\S)?)\*(?=[\s).,:;!?]|$)/gm, (_, pre: string, s: string) => `${pre}${s}`)
    .replace(/`([^`]+)`/g, '$1');
}

export function viewToText(view: View, color = false): string {
  const lines: string[] = [];
  if (view.notice) lines.push(`! ${view.notice}`, '');
  const title = color ? `\x1b[1m${view.title}\x1b[22m` : view.title;
  lines.push(`== ${title} ==`, '', markdownToTerminal(view.body, color));
  for (const f of view.fields ?? []) lines.push('', `${f.name}: ${markdownToTerminal(f.value, color)}`);
  if (view.footer) lines.push('', `(${view.footer})`);
  return lines.join('\n');
}
