import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILED } from '../../src/discord/interactions.js';
import { CORE_TESTS } from '../../src/flows/assessment-state.js';
import { Failures, type FakeMessage, type FakeUser } from '../../testkit/fake-discord/index.js';
import { idOf, startHarness, textOf, type Harness } from '../support/bot-harness.js';
import { onboardingWalker } from '../../testkit/walk-onboarding.js';

/** Discord misbehaving on purpose: rate limits, blocked DMs, expired interactions, 500s. */

let h: Harness & { users: FakeUser[] };
let ann: FakeUser, ben: FakeUser, cat: FakeUser;

beforeAll(async () => {
  h = await startHarness({ users: ['ann', 'ben', 'cat'] });
  [ann, ben, cat] = h.users as [FakeUser, FakeUser, FakeUser];
});
afterAll(async () => {
  await h.close();
});

async function press(user: FakeUser, message: FakeMessage | null, name: string, values?: string[]): Promise<FakeMessage> {
  const id = idOf(message, name);
  const handle = values ? await h.fake.select(user, id, values, { message: message! }) : await h.fake.click(user, id, { message: message! });
  return (await handle.final()) ?? message!;
}

/** Consent, then skip straight through to the review step with only the safety screen and pain. */
async function toReview(user: FakeUser): Promise<FakeMessage> {
  const walker = onboardingWalker(() => h.fake, () => h.bot.idle());
  let msg = await walker.throughSafety(user, await walker.toSafety(user));
  msg = await press(user, msg, 'next');
  msg = await press(user, msg, 'painAverage', ['2']);
  msg = await press(user, msg, 'painWorst', ['5']);
  msg = await press(user, msg, 'skip');
  for (let i = 0; i < CORE_TESTS.length; i++) msg = await press(user, msg, 'skip');
  expect(textOf(msg)).toContain('ready to build your plan');
  return msg;
}

describe('when Discord pushes back', () => {
  it('retries a 429 on the interaction callback and still answers in time', async () => {
    h.fake.failNext({ method: 'POST', path: /\/interactions\/\d+\/[^/]+\/callback$/ }, Failures.rateLimit(300));
    const r = await h.fake.slash(ann, 'help');
    const msg = await r.final();
    expect(textOf(msg)).toContain('HipCoach: how it works');
    expect(r.callbacks()).toHaveLength(1);
    expect(h.fake.stats().rateLimited).toBeGreaterThanOrEqual(1);
  });

  it('sends the plan privately when DMs are blocked (50007), and says why', async () => {
    const review = await toReview(ann);
    h.fake.failNext({ method: 'POST', path: '/channels/:id/messages' }, Failures.cannotDM());
    h.fake.failNext({ method: 'POST', path: '/users/@me/channels' }, Failures.cannotDM());
    const id = idOf(review, 'finish');
    const handle = await h.fake.click(ann, id, { message: review });
    const final = await handle.final({ waitForEdit: true });
    expect(textOf(final)).toContain('could not send you a DM');
    const followUps = await handle.waitForFollowUps(1);
    expect(followUps.map(textOf).join('\n')).toContain('Your HipCoach plan');
    expect(followUps.every((m) => (m.flags & 64) === 64)).toBe(true);
  });

  it('survives a 500 that outlasts discord.js retries with a kind message, and keeps working', async () => {
    h.fake.failNext({ method: 'POST', path: /\/interactions\/\d+\/[^/]+\/callback$/ }, Failures.serverError(500), 4);
    const failed = await h.fake.slash(ben, 'help');
    // Four 500s exhaust discord.js's retries; the bot then answers with a kind apology instead.
    const cb = await failed.callback(3000);
    expect((cb.data as { content: string; flags: number }).content).toBe(FAILED);
    expect(h.fake.requests((r) => r.path.includes(`/interactions/${failed.id}/`) && r.status === 500)).toHaveLength(4);
    const ok = await h.fake.slash(ben, 'help');
    expect(textOf(await ok.final())).toContain('HipCoach: how it works');
  });

  it('shrugs off an interaction Discord already expired (10062) and answers the next one', async () => {
    h.fake.failNext({ method: 'POST', path: /\/interactions\/\d+\/[^/]+\/callback$/ }, Failures.unknownInteraction());
    await h.fake.slash(cat, 'start');
    await h.fake.waitForRequest((r) => r.method === 'POST' && r.path.endsWith('/callback') && r.status === 404);
    const next = await h.fake.slash(cat, 'start');
    expect(textOf(await next.final())).toContain('Welcome to HipCoach');
    expect(h.fake.requests((r) => r.path.includes('/webhooks/') && (r.json as { content?: string } | undefined)?.content === FAILED)).toEqual([]);
  });
});
