import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Level } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseEnvSchema, botEnvSchema } from '../../src/config.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import { createLogger } from '../../src/logger.js';
import { Failures, startFakeDiscord, type FakeDiscord, type FakeMessage, type FakeUser } from '../../testkit/fake-discord/index.js';
import { componentsOf, idOf, inputName, textOf, TOKEN } from '../support/bot-harness.js';
import { onboardingWalker } from '../../testkit/walk-onboarding.js';

/**
 * Health details never reach the logs: a whole walk (safety screen, pain, activities in free
 * text, all 17 tests, a workout with feedback, a question naming a red flag, and a failed DM
 * that gets logged as an error) at every level LOG_LEVEL accepts, on the real bot and fake Discord.
 */

const LEVELS = baseEnvSchema.shape.LOG_LEVEL.unwrap().options.filter((l): l is Level => l !== 'silent');
const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(chunk.toString());
    done();
  },
});
// The production logger (its serializers are part of what is tested), into memory.
const logger = createLogger('trace', sink);

let fake: FakeDiscord;
let bot: RunningBot;
let dir: string;

beforeAll(async () => {
  fake = await startFakeDiscord({ token: TOKEN });
  dir = mkdtempSync(join(tmpdir(), 'hipcoach-logs-'));
  const config = botEnvSchema.parse({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE_URL: fake.apiBase, DATABASE_PATH: join(dir, 'l.db'), SCHEDULER: 'off', SHUTDOWN_GRACE_MS: '2000' });
  bot = await startBot({ config, logger });
});
afterAll(async () => {
  await bot.stop();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

async function press(user: FakeUser, message: FakeMessage | null, name: string, values?: string[]): Promise<FakeMessage> {
  const target = { message: message! };
  const handle = values ? await fake.select(user, idOf(message, name), values, target) : await fake.click(user, idOf(message, name), target);
  const after = await handle.final();
  await bot.idle();
  // Done edits only the workout's controls and sends the feedback as a new message: answer that one.
  return handle.followUps().at(-1) ?? after ?? message!;
}

/** Everything a person tells HipCoach, with markers unique to this walk so a leak is unmistakable. */
async function walk(user: FakeUser, marker: string): Promise<string[]> {
  const activity = `kneeling in the garden ${marker}`;
  const question = `my hip is hot and swollen and I have a fever since ${marker}, can I still train?`;
  const walker = onboardingWalker(() => fake, () => bot.idle());
  let msg = await walker.throughSafety(user, await walker.toSafety(user));
  // A running goal, so every one of the 17 tests (the hop too) is asked and answered.
  // Picking the goal and both pain scores moves on by itself.
  msg = await press(user, msg, 'goal', ['running']);
  msg = await press(user, msg, 'painAverage', ['6']);
  msg = await press(user, msg, 'painWorst', ['9']);
  const form = await fake.click(user, idOf(msg, 'form'), { message: msg });
  await form.callback();
  const modal = form.modal() as { custom_id: string };
  msg = (await (await fake.submitModal(user, modal.custom_id, { psfs1: `${activity}: 3`, psfs2: '', psfs3: '' }, { message: msg })).final())!;
  // Every test the sitting asks, side by side as the screens come; each screen moves on by itself.
  const named = (prefix: string) => componentsOf(msg).map((c) => inputName(c.custom_id ?? '')).filter((n) => n.startsWith(prefix));
  while (named('rating:').length > 0) {
    // The second choice of every scale is a finding (limited, pinches near the end, ...).
    const ratings = named('rating:');
    const rating = (ratings[1] ?? ratings[0])!;
    const side = rating.split(':')[1]!;
    msg = await press(user, msg, rating);
    msg = await press(user, msg, `pain:${side}`, ['3']);
    msg = await press(user, msg, `place:${side}:front`);
    if (named(`hip:${side}:`).length > 0) msg = await press(user, msg, `hip:${side}:back`);
  }
  // The plan DM fails once, so an error with the message in flight is logged.
  fake.failNext({ method: 'POST', path: '/channels/:id/messages' }, Failures.serverError(500), 5);
  // discord.js retries the 500s with backoff before giving up: allow for it.
  const finish = await fake.click(user, idOf(msg, 'finish'), { message: msg });
  msg = (await finish.final({ timeoutMs: 20_000, quietMs: 500 })) ?? msg;
  expect(textOf(msg)).toContain('Assessment complete');
  fake.clearFailures();
  let w = await (await fake.slash(user, 'workout')).final();
  w = await press(user, w, 'done');
  w = await press(user, w, 'effort:hard');
  w = await press(user, w, 'form:struggled');
  const hurt = componentsOf(w).find((c) => c.custom_id !== undefined && inputName(c.custom_id) === 'hurt')!.options![1]!.value;
  w = await press(user, w, 'hurt', [hurt]);
  w = await press(user, w, 'hurtpain', ['7']);
  expect(textOf(w)).toContain('Feedback saved');
  const ask = await (await fake.slash(user, 'ask', [{ name: 'question', type: 3, value: question }], { dm: true })).final();
  expect(textOf(ask)).toMatch(/clinician|doctor|urgent/i);
  return [activity, marker, question, 'kneeling in the garden', 'hot and swollen'];
}

describe('no health data in logs', () => {
  it.each(LEVELS)('at LOG_LEVEL=%s the log holds none of the answers or free text', async (level) => {
    logger.level = level;
    const before = lines.length;
    const user = fake.user(`logs-${level}`);
    const secrets = await walk(user, `zq${level}marker`);
    const logged = lines.slice(before).join('');
    for (const secret of secrets) expect(logged).not.toContain(secret);
    expect(logged).not.toMatch(/"(psfs|painAverage|painWorst|answers|question|activity|redFlags?|requestBody|embeds|content)"\s*:/);
    // What the bot said back (plan findings, the referral) is health data too.
    for (const said of ['pain up to', 'Your HipCoach plan', 'What the tests showed', 'Feedback saved']) expect(logged).not.toContain(said);
    // The capture itself works: at the chattiest levels the walk leaves lines.
    if (level === 'trace' || level === 'debug' || level === 'info') expect(logged.length).toBeGreaterThan(0);
    // The failed plan DM was logged (as a warning or above), without its body.
    if (level !== 'fatal' && level !== 'error') expect(logged).toContain('Internal Server Error');
  });
});
