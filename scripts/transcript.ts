/**
 * A transcript of the first-plan path for a product-designer review (issue 13): the real bot on
 * the fake Discord, walked as a person who answers everything (the same walk as
 * tests/e2e/first-plan.test.ts), then one daily DM with a good day's feedback and one morning
 * check. Writes docs/transcripts/first-plan.md: every message as the person sees it (text, then
 * its buttons and menus), each numbered with the tap that led to it, and the totals at the top.
 *
 * Run: npm run -s transcript
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { footerOf, startHarness } from '../testkit/bot-harness.js';
import { fixedClock } from '../testkit/clock.js';
import type { FakeMessage, FakeUser, InteractionHandle } from '../testkit/fake-discord/index.js';
import { ScreenReader, type Render } from '../testkit/screen-words.js';
import { onboardingWalker } from '../testkit/walk-onboarding.js';

type Json = Record<string, unknown>;
type Component = { type: number; custom_id?: string; label?: string; placeholder?: string; disabled?: boolean; content?: string; options?: { label: string; value: string }[]; components?: Component[]; accessory?: Component };

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'transcripts', 'first-plan.md');
const inputName = (customId: string): string => customId.split(':').slice(4).join(':');
const flat = (cs: readonly Component[]): Component[] => cs.flatMap((c) => [c, ...flat(c.components ?? []), ...(c.accessory ? [c.accessory] : [])]);
const componentsOf = (m: FakeMessage | Json) => flat((m as { components?: Component[] }).components ?? []);

/** What a tap was, in the person's words: the button's label or the menu and the option picked. */
function tapOf(message: FakeMessage, name: string, values?: string[]): string {
  const c = componentsOf(message).find((x) => x.custom_id !== undefined && inputName(x.custom_id) === name);
  if (!c) return `[${name}]`;
  if (c.type === 2) return `[${c.label ?? name}]`;
  const picked = (values ?? []).map((v) => c.options?.find((o) => o.value === v)?.label ?? v);
  return `${c.placeholder ?? 'menu'}: ${picked.join(', ')}`;
}

/** A payload's text as written (markdown kept), in reading order. */
function textOf(p: Json): string[] {
  const parts: string[] = [];
  if (typeof p.content === 'string' && p.content.trim()) parts.push(p.content);
  for (const e of (p.embeds ?? []) as { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text?: string } }[]) {
    if (e.title) parts.push(`**${e.title}**`);
    if (e.description) parts.push(e.description);
    for (const f of e.fields ?? []) parts.push(`**${f.name}:** ${f.value}`);
    if (e.footer?.text) parts.push(`_${e.footer.text}_`);
  }
  for (const c of componentsOf(p)) if (c.type === 10 && c.content) parts.push(c.content);
  return parts;
}

/** Buttons and menus as [Label] lists; a disabled one is marked. */
function controlsOf(p: Json): string[] {
  const lines: string[] = [];
  const buttons = componentsOf(p).filter((c) => c.type === 2);
  if (buttons.length > 0) lines.push(buttons.map((b) => `[${b.label ?? '?'}${b.disabled ? ' (disabled)' : ''}]`).join(' '));
  for (const menu of componentsOf(p).filter((c) => c.type === 3)) lines.push(`Menu "${menu.placeholder ?? ''}": ${(menu.options ?? []).map((o) => `[${o.label}]`).join(' ')}`);
  if (componentsOf(p).some((c) => c.type === 4)) lines.push('(text field)');
  return lines;
}

function where(r: Render): string {
  const place = r.dm ? 'DM' : r.ephemeral ? 'private (only you can see this)' : 'channel';
  return `${r.kind === 'new' ? 'New message' : 'Same message, updated'} · ${place} · ${r.screenWords} words on screen, ${r.newWords} new`;
}

function block(r: Render): string {
  const text = textOf(r.payload);
  const body = text.length > 0 ? text.join('\n\n') : '(text unchanged)';
  const quoted = body.split('\n').map((l) => `> ${l}`.trimEnd()).join('\n');
  const controls = controlsOf(r.payload);
  return [`*${where(r)}*`, '', quoted, ...(controls.length > 0 ? ['', ...controls.map((c) => `- ${c}`)] : [])].join('\n');
}

async function main(): Promise<void> {
  // 10:00 am in New York on a Monday; the person keeps every setting as offered.
  const time = fixedClock('2026-06-01T14:00:00Z');
  const h = await startHarness({ users: ['sam'], env: { SCHEDULER: 'on' }, clock: time.clock, startScheduler: false });
  const [sam] = h.users as [FakeUser];
  const reader = new ScreenReader(h.fake);
  const steps: { label: string; renders: Render[] }[] = [];
  let label = '/start';
  let interactions = 0;
  const record = (handle?: InteractionHandle) => steps.push({ label, renders: reader.after(handle) });
  const walker = onboardingWalker(() => h.fake, () => h.bot.idle(), {
    onInteraction: (handle) => {
      interactions++;
      record(handle);
    },
  });
  const press = (msg: FakeMessage, name: string, values?: string[]) => {
    label = tapOf(msg, name, values);
    return walker.press(sam, msg, name, values);
  };
  try {
    // The first-plan path, as in tests/e2e/first-plan.test.ts.
    let msg = await walker.welcome(sam);
    msg = await press(msg, 'consent');
    msg = await press(msg, 'next');
    msg = await press(msg, 'next');
    msg = await press(msg, 'none');
    msg = await press(msg, 'none');
    msg = await press(msg, 'next');
    msg = await press(msg, 'painAverage', ['4']);
    msg = await press(msg, 'painWorst', ['7']);
    label = tapOf(msg, 'form');
    const form = await h.fake.click(sam, componentsOf(msg).find((c) => c.custom_id && inputName(c.custom_id) === 'form')!.custom_id!, { message: msg });
    await form.callback();
    interactions++;
    record(form);
    label = 'Send the form: "getting into the car: 4"';
    msg = (await walker.settled(await h.fake.submitModal(sam, (form.modal() as { custom_id: string }).custom_id, { psfs1: 'getting into the car: 4', psfs2: '', psfs3: '' }, { message: msg })))!;
    // The small print ("Test 2 of 7"): an embed footer or the V2 footer text display.
    const footer = (m: FakeMessage) => footerOf(m);
    for (let test = 0; /Test \d+ of/.test(footer(msg)); test++) {
      const painful = test === 1; // internal rotation hurts a little, so its screen asks where
      const sides = componentsOf(msg).some((c) => c.custom_id && inputName(c.custom_id).startsWith('rating:both')) ? 1 : 2;
      for (let side = 0; side < sides; side++) {
        const rating = componentsOf(msg).find((c) => c.custom_id && inputName(c.custom_id).startsWith('rating:'))!;
        const name = inputName(rating.custom_id!);
        const sideName = name.split(':')[1]!;
        msg = await press(msg, name);
        msg = await press(msg, `pain:${sideName}`, [painful ? '3' : '0']);
        if (painful) msg = await press(msg, `place:${sideName}:front`);
      }
    }
    msg = await press(msg, 'finish');
    const toPlan = { interactions, renders: steps.flatMap((s) => s.renders) };

    // The first daily DM: the scheduler is ticked every 15 minutes until it arrives.
    const dmsBefore = h.fake.dmMessages(sam).length;
    let dm: FakeMessage | undefined;
    for (let t = time.clock().getTime(); !dm && t < Date.parse('2026-06-03T00:00:00Z'); t += 15 * 60_000) {
      time.set(new Date(t).toISOString());
      await h.bot.scheduler!.tick();
      dm = h.fake.dmMessages(sam).slice(dmsBefore).find((m) => textOf(m as unknown as Json).join().includes("Today's workout"));
    }
    if (!dm) throw new Error('no daily DM arrived');
    label = `(no tap: the daily message, sent at ${time.clock().toISOString()})`;
    record();
    const dailyStart = interactions;
    label = tapOf(dm, 'done');
    const done = await h.fake.click(sam, componentsOf(dm).find((c) => c.custom_id && inputName(c.custom_id) === 'done')!.custom_id!, { message: dm });
    await done.final();
    await h.bot.idle();
    interactions++;
    record(done);
    let feedback = (await done.waitForFollowUps(1))[0]!;
    feedback = await press(feedback, componentsOf(feedback).map((c) => inputName(c.custom_id ?? '')).find((n) => n === 'effort:right')!);
    feedback = await press(feedback, 'form:good');
    await press(feedback, 'hurt', ['none']);
    const goodDayTaps = interactions - dailyStart;

    // The next morning: the morning check comes first.
    let morning: FakeMessage | undefined;
    for (let t = time.clock().getTime() + 15 * 60_000; !morning && t < time.clock().getTime() + 2 * 86_400_000; t += 15 * 60_000) {
      time.set(new Date(t).toISOString());
      await h.bot.scheduler!.tick();
      morning = h.fake.dmMessages(sam).find((m) => textOf(m as unknown as Json).join().includes('Morning check'));
    }
    if (!morning) throw new Error('no morning check arrived');
    label = `(no tap: the next day's messages, sent at ${time.clock().toISOString()})`;
    record();
    const morningStart = interactions;
    await press(morning, 'feel:same');
    const morningTaps = interactions - morningStart;

    const wordsToResult = toPlan.renders.filter((r) => !r.dm).reduce((n, r) => n + r.newWords, 0);
    const planDm = toPlan.renders.filter((r) => r.dm).reduce((n, r) => n + r.newWords, 0);
    const longest = Math.max(...toPlan.renders.filter((r) => !r.dm).slice(0, -1).map((r) => r.screenWords));
    const head = [
      '# Transcript: from /start to the first plan, one daily DM and one morning check',
      '',
      'Generated by `npm run -s transcript` (scripts/transcript.ts): the real bot on the fake Discord, walked by a person who',
      'answers everything and keeps every setting as offered. Words are counted by testkit/screen-words.ts: a new message',
      'in full, an updated message by the lines that are new to the person. Button and menu labels are listed, not counted.',
      '',
      '## Totals',
      '',
      `- From /start to the first plan: **${toPlan.interactions} interactions** (budget 40)`,
      `- Words read up to the result screen: **${wordsToResult}** (budget 2,000), plus ${planDm} in the plan DM`,
      `- Longest screen before the plan: **${longest} words** (budget 180)`,
      `- A good day's feedback: **${goodDayTaps} taps** (budget 4); a morning check: **${morningTaps} tap${morningTaps === 1 ? '' : 's'}** (budget 3)`,
      '',
      '## Messages',
      '',
    ];
    const body = steps
      .filter((s) => s.renders.length > 0 || s.label.startsWith('['))
      .map((s, i) => [`### ${i + 1}. ${s.label}`, '', ...(s.renders.length > 0 ? s.renders.map(block).join('\n\n').split('\n') : ['*(nothing new on screen)*']), ''].join('\n'));
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, [...head, ...body].join('\n'));
    console.info(`wrote ${OUT}: ${toPlan.interactions} interactions, ${wordsToResult} words, longest ${longest}; good day ${goodDayTaps} taps, morning ${morningTaps}`);
  } finally {
    await h.close();
  }
}

await main();
