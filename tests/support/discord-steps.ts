import { expect } from 'vitest';
import { TEST_IDS, TEST_SPEC } from '../../src/content/ids.js';
import { getLibrary } from '../../src/content/load.js';
import type { FakeDiscord, FakeMessage, FakeUser, InteractionHandle } from '../../testkit/fake-discord/index.js';
import { onboardingWalker } from '../../testkit/walk-onboarding.js';
import { idOf, textOf } from './bot-harness.js';

type Answer = { rating: string; pain: number; place?: string };

/** The best rating on each test's scale, without pain. */
export function bestAnswer(testId: (typeof TEST_IDS)[number]): Answer {
  const scale = TEST_SPEC[testId].scale;
  const rating = scale === 'range' ? 'full' : scale === 'strength' ? 'strong' : scale === 'comfort' ? 'no_pinch' : scale === 'hinge' ? 'keeps_all_contacts' : 'steady';
  return { rating, pain: 0 };
}

/** Person-level steps on the fake Discord: press, consent, and a whole assessment, as a person would. */
export function discordSteps(fake: () => FakeDiscord, idle: () => Promise<void>) {
  /** The interaction's message once the bot has finished with it (not merely gone quiet). */
  async function settled(handle: InteractionHandle): Promise<FakeMessage | null> {
    const first = await handle.final();
    await idle();
    return handle.original() ?? first;
  }

  async function press(user: FakeUser, message: FakeMessage | null, name: string, values?: string[]): Promise<{ handle: InteractionHandle; message: FakeMessage }> {
    const customId = idOf(message, name);
    const target = { message: message! };
    const handle = values ? await fake().select(user, customId, values, target) : await fake().click(user, customId, target);
    const after = await settled(handle);
    return { handle, message: after ?? message! };
  }

  /** /start, consent and the setup pages (each kept as offered): ends on the first safety page. */
  async function consent(user: FakeUser): Promise<FakeMessage> {
    const msg = await onboardingWalker(fake, idle).toSafety(user);
    expect(textOf(msg)).toContain('Safety check 1 of 2');
    return msg;
  }

  /** One test on its short screens: each side's rating and pain (and place) as a person taps them; the screen moves on by itself. */
  async function answerTest(user: FakeUser, msg: FakeMessage, testId: (typeof TEST_IDS)[number], a: Answer): Promise<FakeMessage> {
    const sides = TEST_SPEC[testId].sides === 'both' ? ['both'] : ['left', 'right'];
    let current = msg;
    for (const side of sides) {
      current = (await press(user, current, `rating:${side}:${a.rating}`)).message;
      current = (await press(user, current, `pain:${side}`, [String(a.pain)])).message;
      if (a.pain > 0) current = (await press(user, current, `place:${side}:${a.place ?? 'front'}`)).message;
    }
    return current;
  }

  /** The test on screen, read from its title as a person would. */
  function testOnScreen(msg: FakeMessage): (typeof TEST_IDS)[number] | undefined {
    const title = textOf(msg).split('\n').find((l) => l.trim() !== '') ?? '';
    return getLibrary().battery.tests.find((t) => title.startsWith(t.name))?.id;
  }

  /** Answers whichever tests come, up to the "ready to build (or update) your plan" step. */
  async function throughTestScreens(user: FakeUser, first: FakeMessage, answer: (testId: (typeof TEST_IDS)[number]) => Answer): Promise<FakeMessage> {
    let msg = first;
    for (let testId = testOnScreen(msg); testId !== undefined; testId = testOnScreen(msg)) msg = await answerTest(user, msg, testId, answer(testId));
    expect(textOf(msg)).toMatch(/ready to (build|update) your plan/);
    return msg;
  }

  /** From the first safety page to the "ready to build your plan" step, every test answered with `answer`. */
  async function throughTests(user: FakeUser, first: FakeMessage, answer: (testId: (typeof TEST_IDS)[number]) => Answer): Promise<FakeMessage> {
    let msg = first;
    msg = await onboardingWalker(fake, idle).throughSafety(user, msg);
    // The goal step: the walk keeps the default (everyday life), so the hop test is not asked.
    expect(textOf(msg)).toContain('What would you like your hip to let you do?');
    msg = (await press(user, msg, 'next')).message;
    msg = (await press(user, msg, 'painAverage', ['4'])).message;
    msg = (await press(user, msg, 'painWorst', ['7'])).message;
    const form = await fake().click(user, idOf(msg, 'form'), { message: msg });
    await form.callback();
    const modal = form.modal() as { custom_id: string };
    msg = (await settled(await fake().submitModal(user, modal.custom_id, { psfs1: 'getting into the car: 4', psfs2: '', psfs3: '' }, { message: msg })))!;
    return throughTestScreens(user, msg, answer);
  }

  return { press, consent, throughTests, throughTestScreens, answerTest, settled };
}
