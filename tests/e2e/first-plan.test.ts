import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeMessage, FakeUser } from '../../testkit/fake-discord/index.js';
import { ScreenReader } from '../../testkit/screen-words.js';
import { onboardingWalker } from '../../testkit/walk-onboarding.js';
import { componentsOf, footerOf, idOf, inputName, sqlReader, startHarness, textOf, type Harness } from '../support/bot-harness.js';
import { bestAnswer, discordSteps } from '../support/discord-steps.js';
import { sentScreens, v2ProblemsIn } from '../../testkit/v2-screens.js';

/**
 * Issue 13's budgets, measured as a person meets them on the fake Discord: from /start to the
 * first plan, answering everything, every interaction counted and every word the person is shown
 * (replies, edits, follow-ups, DMs), read back from the requests the bot made.
 *
 * Why 40 fits: setup is two pages (when; how much and with what), the last setup Next opens the
 * safety check (no "begin" press), the safety check is two pages, and test screens move on by
 * themselves once answered. Pain scores are never pre-set: a skipped score must not read as "no pain".
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

/** Issue 13's budgets, asserted (not only printed). */
const BUDGET = { interactions: 40, words: 2000, screenWords: 180 };

describe('a first plan in one sitting (issue 13 budgets)', () => {
  it('reaches the first plan within 40 interactions and 2,000 words, no screen before it over 180 words', async () => {
    h.fake.clearRequests();
    // Words are counted by testkit/screen-words.ts: a new message in full, a re-rendered one by its new lines only.
    const reader = new ScreenReader(h.fake);
    let interactions = 0;
    const walker = onboardingWalker(() => h.fake, () => h.bot.idle(), {
      onInteraction: (handle) => {
        interactions++;
        reader.after(handle);
      },
    });
    const press = (msg: FakeMessage, name: string, values?: string[]) => walker.press(nora, msg, name, values);
    // /start, consent, two setup pages (kept as offered), whose last Next opens the safety check.
    let msg = await walker.toSafety(nora);
    expect(textOf(msg)).toContain('Safety check 1 of 2');
    msg = await walker.throughSafety(nora, msg);
    expect(textOf(msg)).toContain('What would you like your hip to let you do?');
    // The goal is a real choice: picking it moves on by itself (kept as offered, Next does the same).
    msg = await press(msg, 'next');
    msg = await press(msg, 'painAverage', ['4']);
    // Next waits for the second answer; the screen says what is still needed beside it.
    expect(textOf(msg)).toContain('Still needed: your worst pain.');
    expect(componentsOf(msg).find((c) => inputName(c.custom_id ?? '') === 'next')?.disabled).toBe(true);
    msg = await press(msg, 'painWorst', ['7']);
    expect(textOf(msg)).toContain('Activities that matter to you');
    const form = await h.fake.click(nora, idOf(msg, 'form'), { message: msg });
    await form.callback();
    interactions++;
    reader.after(form);
    const modal = form.modal() as { custom_id: string };
    msg = (await walker.settled(await h.fake.submitModal(nora, modal.custom_id, { psfs1: 'getting into the car: 4', psfs2: '', psfs3: '' }, { message: msg })))!;
    // The core tests: each side's rating and pain as taps; a painful one also asks where.
    let tests = 0;
    while (/Test \d+ of 7/.test(footerOf(msg))) {
      const title = textOf(msg).split('\n').find((l) => l.trim() !== '')!;
      const sides = componentsOf(msg).some((c) => inputName(c.custom_id ?? '').startsWith('rating:both')) ? 1 : 2;
      const painful = tests === 1; // the second core test (internal rotation) hurts on both sides
      for (let side = 0; side < sides; side++) {
        const rating = componentsOf(msg).find((c) => inputName(c.custom_id ?? '').startsWith('rating:'))!;
        const name = inputName(rating.custom_id!);
        const sideName = name.split(':')[1]!;
        msg = await press(msg, name);
        msg = await press(msg, `pain:${sideName}`, [painful ? '3' : '0']);
        if (painful) msg = await press(msg, `place:${sideName}:front`);
      }
      expect(textOf(msg).split('\n').find((l) => l.trim() !== '')).not.toBe(title);
      tests++;
    }
    expect(tests).toBe(7);
    expect(textOf(msg)).toContain('ready to build your plan');
    expect(textOf(msg)).toMatch(/The other 9 come two at a time with your next workouts/);
    const beforePlan = [...reader.renders];
    const finish = await press(msg, 'finish');
    expect(textOf(finish)).toContain('I sent your plan by DM');

    const toResult = reader.renders.filter((r) => !r.dm);
    const planDm = reader.renders.filter((r) => r.dm);
    const words = toResult.reduce((n, r) => n + r.newWords, 0);
    const longest = beforePlan.reduce((top, r) => (r.screenWords > top.screenWords ? r : top));
    console.info(
      `first plan: ${interactions} interactions, ${words} words read to the result screen (+${planDm.reduce((n, r) => n + r.newWords, 0)} in the plan DM), ` +
        `longest screen before it ${longest.screenWords} words ("${String(longest.payload.embeds ? (longest.payload.embeds as { title?: string }[])[0]?.title : '')}"); new words per render: ${toResult.map((r) => r.newWords).join(' ')}`,
    );
    // Issue 13's budgets. The choices that meet them are in docs/COACHING.md ("A first plan in one sitting").
    expect(interactions).toBeLessThanOrEqual(BUDGET.interactions);
    expect(words).toBeLessThanOrEqual(BUDGET.words);
    expect(longest.screenWords).toBeLessThanOrEqual(BUDGET.screenWords);
    // The count saw the whole path: the welcome, every safety page and test screen, and the result.
    expect(toResult.length).toBeGreaterThanOrEqual(interactions - 2);
    expect(sql('select * from plans where person_id = ? and active = 1', nora.id)).toHaveLength(1);
  });

  it('keeps Next disabled until a test screen is complete, and shows How to do it with the figure privately', async () => {
    let msg = await onboardingWalker(() => h.fake, () => h.bot.idle()).throughSafety(omar, await steps.consent(omar));
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
      expect(textOf(offer)).toMatch(/Two quick checks take about 3 minutes|One short test is still to come\. It takes about 2 minutes/);
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
