import type { RecordedRequest } from './fake-discord/index.js';
import { walk, type RawComponent } from './message-text.js';

/**
 * Every screen the bot sent in a walk, checked as Components V2: the flag, no content or embeds,
 * Discord's limits (40 components, 4,000 characters of text, 5 per row, 25 options), and a heading
 * text display directly above every menu, so the question stays visible after a choice.
 */

const V2_FLAG = 1 << 15;
const TYPE = { row: 1, select: 3, textDisplay: 10 } as const;

export interface SentScreen {
  path: string;
  body: { content?: string | null; embeds?: unknown[]; components?: unknown[]; flags?: number };
}

/** The message bodies of the bot's sends and edits among these requests (interaction callbacks, webhooks, channel messages). */
export function sentScreens(requests: readonly RecordedRequest[]): SentScreen[] {
  return requests
    .filter((r) => (r.method === 'POST' || r.method === 'PATCH') && (/\/interactions\/.*\/callback$/.test(r.path) || r.path.startsWith('/webhooks/') || /^\/channels\/\d+\/messages(\/\d+)?$/.test(r.path)))
    .map((r) => {
      const json = r.json as { type?: number; data?: SentScreen['body'] } & SentScreen['body'];
      // Callbacks: only messages (4 reply, 7 update); a modal (9) has its own rows of text inputs.
      const callback = /\/callback$/.test(r.path);
      return { path: r.path, body: !callback ? json : json.type === 4 || json.type === 7 ? (json.data ?? {}) : {} };
    })
    .filter((s) => (s.body.components ?? []).length > 0);
}

/** What is wrong with one sent screen, as readable lines; [] when it is a sound V2 message. */
export function v2Problems(screen: SentScreen): string[] {
  const problems: string[] = [];
  const top = (screen.body.components ?? []) as RawComponent[];
  const all = walk(top);
  if (((screen.body.flags ?? 0) & V2_FLAG) === 0) problems.push('not flagged IS_COMPONENTS_V2');
  if (screen.body.content) problems.push('has content');
  if ((screen.body.embeds ?? []).length > 0) problems.push('has embeds');
  if (all.length > 40) problems.push(`${all.length} components (max 40)`);
  const chars = all.filter((c) => c.type === TYPE.textDisplay).reduce((n, c) => n + (c.content?.length ?? 0), 0);
  if (chars > 4000) problems.push(`${chars} characters of text (max 4000)`);
  for (const c of all) {
    if (c.type === TYPE.row && (c.components ?? []).length > 5) problems.push('a row of more than 5');
    if (c.type === TYPE.select && (c.options ?? []).length > 25) problems.push('a menu of more than 25 options');
  }
  top.forEach((c, i) => {
    const menu = c.type === TYPE.row && (c.components ?? []).some((x) => x.type === TYPE.select);
    if (menu && top[i - 1]?.type !== TYPE.textDisplay) problems.push(`menu ${(c.components ?? [])[0]?.placeholder ?? '?'} has no heading above it`);
  });
  return problems;
}

/** Every problem of every screen sent in these requests, each line naming where it was sent. */
export function v2ProblemsIn(requests: readonly RecordedRequest[]): string[] {
  return sentScreens(requests).flatMap((s) => v2Problems(s).map((p) => `${s.path.slice(0, 40)} (${JSON.stringify(s.body).slice(0, 160)}): ${p}`));
}
