import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Coach } from '../../src/app/coach.js';
import { WHOLE_BODY_PATTERNS } from '../../src/content/ids.js';
import { getLibrary } from '../../src/content/load.js';
import { openDatabase, type DbHandle } from '../../src/db/connection.js';
import { progressionStates, saveTrackState } from '../../src/db/repos/progression.js';
import { NOT_YOURS } from '../../src/discord/interactions.js';
import type { FakeMessage, FakeUser } from '../../testkit/fake-discord/index.js';
import { componentsOf, footerOf, inputName, startHarness, textOf, type Harness } from '../support/bot-harness.js';
import { discordSteps } from '../support/discord-steps.js';
import { driveAssessment } from '../support/drive.js';

/**
 * /settings goal and /plan on the fake Discord: the goal is shown, the plan pages, "Show me"
 * attaches the exercise's figure, [Why this plan] opens the findings, and only the owner can press.
 * The plan itself is made through the app on the bot's own database (the assessment's screens
 * have their own e2e tests), so this file stays fast.
 */

let h: Harness & { users: FakeUser[] };
let kim: FakeUser, lou: FakeUser, mae: FakeUser;
let db: DbHandle;
let coach: Coach;
const library = getLibrary();
const steps = discordSteps(() => h.fake, () => h.bot.idle());

beforeAll(async () => {
  h = await startHarness({ users: ['kim', 'lou', 'mae'] });
  [kim, lou, mae] = h.users as [FakeUser, FakeUser, FakeUser];
  db = openDatabase(h.dbPath);
  coach = new Coach({ db: db.db, library, clock: () => new Date() });
  coach.consent(kim.id);
  // Everything steady and pain-free: every pattern is in the plan (two pages) and the hop gate is open.
  expect(driveAssessment(coach, kim.id)?.kind).toBe('complete');
});
afterAll(async () => {
  db.close();
  await h.close();
});

const names = (m: FakeMessage | null) => componentsOf(m).map((c) => inputName(c.custom_id ?? ''));
/** "Page 2 of 3" from the screen's footer. */
const pageOf = (m: FakeMessage | null) => /Page (\d+) of (\d+)/.exec(footerOf(m))?.slice(1).map(Number) ?? [];

async function slash(user: FakeUser, name: string, options?: { name: string; type: number; value: string }[]): Promise<FakeMessage> {
  return (await steps.settled(await h.fake.slash(user, name, options)))!;
}

describe('/settings goal and /plan', () => {
  it('changes the goal in one line, and /plan shows it with the impact drills only once loading is reached', async () => {
    const set = await slash(kim, 'settings', [{ name: 'goal', type: 3, value: 'running' }]);
    expect(textOf(set)).toContain('Your goal is now running: your levels stay');
    expect(textOf(set)).toMatch(/Goal[\s\S]*running/);

    const before = await slash(kim, 'plan');
    expect(textOf(before)).toContain('**Goal:** running: hop and running drills join once you reach the loading stage');
    expect(textOf(before)).not.toContain('For your goal');

    // A whole-body pattern reaches its loading stage: the impact chain opens, at its first level.
    const track = progressionStates(db.db, kim.id).find((t) => WHOLE_BODY_PATTERNS.includes(t.pattern))!;
    const loading = library.chains[track.pattern].levels.find((l) => l.stage === 'loading')!.level;
    saveTrackState(db.db, kim.id, { ...track, level: loading, levelSince: track.levelSince ?? "2026-11-28" }, new Date());
    const plan = await slash(kim, 'plan');
    const [, pages] = pageOf(plan);
    let lastPage = plan;
    for (let page = 2; page <= pages!; page++) lastPage = (await steps.press(kim, lastPage, `page:${page}`)).message;
    expect(pageOf(lastPage)).toEqual([pages, pages]);
    expect(textOf(lastPage)).toContain('For your goal: running');
    expect(textOf(lastPage)).toContain('*Builds toward your goal, one small step at a time*');
    expect(textOf(lastPage)).toContain(library.chains.impact.levels[0]!.main.name);
  });

  it('pages with Prev and Next, attaches a figure on "Show me", opens the findings, and only for the owner', async () => {
    const first = await slash(kim, 'plan');
    expect(first.flags & 64).toBe(64);
    const [, pages] = pageOf(first);
    expect(pageOf(first)).toEqual([1, pages]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(names(first)).toEqual(['show', 'page:2', 'why']);
    const lines = textOf(first).split('\n').filter((l) => /^\d+\. /.test(l));
    expect(lines).toHaveLength(6);

    const stranger = await h.fake.click(lou, componentsOf(first).find((c) => inputName(c.custom_id ?? '') === 'page:2')!.custom_id!, { message: first });
    const refused = (await stranger.callback()).data as { content: string; flags: number };
    expect(refused.content).toBe(NOT_YOURS);
    expect(refused.flags & 64).toBe(64);

    const second = (await steps.press(kim, first, 'page:2')).message;
    expect(pageOf(second)).toEqual([2, pages]);
    expect(names(second)).toEqual(['show', 'page:1', ...(pages! > 2 ? ['page:3'] : []), 'why']);
    expect(textOf(second)).toMatch(/^7\. /m);

    const exerciseId = componentsOf(second).find((c) => inputName(c.custom_id ?? '') === 'show')!.options![0]!.value;
    const shown = (await steps.press(kim, second, 'show', [exerciseId])).message;
    expect(pageOf(shown)).toEqual([2, pages]);
    expect(shown.attachments.map((a) => a.filename)).toEqual([`${exerciseId}.png`]);
    expect(shown.attachments[0]!.description).toMatch(/^Illustration of /);
    const bytes = Buffer.from(await (await fetch(shown.attachments[0]!.url)).arrayBuffer());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeLessThan(8 * 1024 * 1024);

    const why = (await steps.press(kim, shown, 'why')).message;
    expect(textOf(why)).toContain('What the tests showed');
    expect(why.attachments).toEqual([]);
    const back = (await steps.press(kim, why, 'page:1')).message;
    expect(pageOf(back)).toEqual([1, pages]);
  });

  it('names the reading a person\'s results point to, and Why this plan opens it in full for the owner only', async () => {
    coach.consent(mae.id);
    // The side-lying lift hurts at the side of the left hip: the side-of-hip topic applies.
    expect(driveAssessment(coach, mae.id, { tests: { side_lying_abduction: { left: { rating: 'strong', pain: 3, painPlace: 'side' } } } })?.kind).toBe('complete');
    const first = await slash(mae, 'plan');
    expect(textOf(first)).toContain('**Worth reading for you:** Pain on the outside of the hip (under Why this plan).');
    const why = (await steps.press(mae, first, 'why')).message;
    expect(textOf(why)).toContain('Shown because the side-lying lift or the one-leg stand hurt at the outer hip;');
    expect(names(why)).toEqual(['read', 'page:1']);
    const stranger = await h.fake.select(kim, componentsOf(why).find((c) => inputName(c.custom_id ?? '') === 'read')!.custom_id!, ['side_of_hip_pain'], { message: why });
    expect(((await stranger.callback()).data as { content: string }).content).toBe(NOT_YOURS);
    const topic = (await steps.press(mae, why, 'read', ['side_of_hip_pain'])).message;
    expect(textOf(topic)).toContain('Avoid lying on the painful side');
    expect(textOf(topic)).toContain('a physiotherapist or doctor can');
    expect(topic.flags & 64).toBe(64);
    const back = (await steps.press(mae, topic, 'why')).message;
    expect(textOf(back)).toContain('What the tests showed');
  });
});
