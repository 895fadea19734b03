import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmFlagsName } from '../../src/flows/assessment-input.js';
import { TEST_IDS, TEST_SPEC } from '../../src/content/ids.js';
import { getLibrary } from '../../src/content/load.js';
import { CORE_TESTS } from '../../src/flows/assessment-state.js';
import { onboardingWalker, SETUP_PAGES } from '../../testkit/walk-onboarding.js';

const library = getLibrary();
import { commandPayload } from '../../src/discord/commands/index.js';
import { NOT_YOURS, UNKNOWN_COMPONENT } from '../../src/discord/interactions.js';
import type { FakeMessage, FakeUser, InteractionHandle } from '../../testkit/fake-discord/index.js';
import { componentsOf, idOf, inputName, startHarness, textOf, type Harness, sqlReader } from '../support/bot-harness.js';
import { sentScreens, v2ProblemsIn } from '../../testkit/v2-screens.js';

/**
 * The real discord.js client against the loopback fake Discord: everything a person would see.
 * One bot per file (identify is throttled); each test uses its own people.
 */

let h: Harness & { users: FakeUser[] };
let alice: FakeUser, bob: FakeUser, carol: FakeUser, dave: FakeUser, erin: FakeUser, admin: FakeUser, frank: FakeUser;

beforeAll(async () => {
  h = await startHarness({ users: ['alice', 'bob', 'carol', 'dave', 'erin', 'admin', 'frank'] });
  [alice, bob, carol, dave, erin, admin, frank] = h.users as [FakeUser, FakeUser, FakeUser, FakeUser, FakeUser, FakeUser, FakeUser];
});
afterAll(async () => {
  await h.close();
});

const sql = sqlReader(() => h.dbPath);

const EPHEMERAL = 64;

/** Press a button or pick from a menu on a message, and return what the person now sees. */
async function press(user: FakeUser, message: FakeMessage | null, name: string, values?: string[]): Promise<{ handle: InteractionHandle; message: FakeMessage }> {
  const customId = idOf(message, name);
  const target = { message: message! };
  const handle = values ? await h.fake.select(user, customId, values, target) : await h.fake.click(user, customId, target);
  const after = await handle.final();
  // Wait for the bot, not for quiet: a deferred update (e.g. "Build my plan") edits later.
  await h.bot.idle();
  return { handle, message: handle.original() ?? after ?? message! };
}

const walker = onboardingWalker(() => h.fake, () => h.bot.idle());

/** /start to the first safety page, through the shared walker; checks the welcome and the first setup page on the way. */
async function consent(user: FakeUser): Promise<FakeMessage> {
  const welcome = await walker.welcome(user);
  expect(textOf(welcome)).toContain('I am not a clinician');
  const consented = await walker.press(user, welcome, 'consent');
  expect(textOf(consented)).toContain('What time is it for you now?');
  let msg = consented;
  for (let page = 0; page < SETUP_PAGES; page++) msg = await walker.press(user, msg, 'next');
  expect(textOf(msg)).toContain('Safety check 1 of 2');
  return msg;
}

/** Answer one per-side test: every side rated, with pain (and place when pain > 0). */
async function answerTest(user: FakeUser, msg: FakeMessage, testId: (typeof TEST_IDS)[number], pick: (side: string) => { rating: string; pain: number; place?: string }): Promise<FakeMessage> {
  const sides = TEST_SPEC[testId].sides === 'both' ? ['both'] : ['left', 'right'];
  let current = msg;
  for (const side of sides) {
    const a = pick(side);
    current = (await press(user, current, `rating:${side}:${a.rating}`)).message;
    current = (await press(user, current, `pain:${side}`, [String(a.pain)])).message;
    if (a.pain > 0) current = (await press(user, current, `place:${side}:${a.place ?? 'front'}`)).message;
  }
  // The screen moves on by itself once the last side is answered.
  return current;
}

async function throughScreenAndBaseline(user: FakeUser, first: FakeMessage): Promise<FakeMessage> {
  let msg = first;
  msg = await walker.throughSafety(user, msg);
  expect(textOf(msg)).toContain('What would you like your hip to let you do?');
  msg = (await press(user, msg, 'goal', ['daily_life'])).message;
  expect(textOf(msg)).toContain('Your hip pain this week');
  msg = (await press(user, msg, 'painAverage', ['4'])).message;
  msg = (await press(user, msg, 'painWorst', ['7'])).message;
  expect(textOf(msg)).toContain('Activities that matter to you');
  const form = await h.fake.click(user, idOf(msg, 'form'), { message: msg });
  expect((await form.callback()).type).toBe(9);
  const modal = form.modal() as { custom_id: string };
  const submitted = await h.fake.submitModal(user, modal.custom_id, { psfs1: 'getting into the car: 4', psfs2: '', psfs3: '' }, { message: msg });
  msg = (await submitted.final())!;
  expect(textOf(msg)).toContain(library.testById.get(CORE_TESTS[0]!)!.name);
  return msg;
}

describe('onboarding and consent', () => {
  it('shows what HipCoach is and stores nothing about health before consent', async () => {
    const start = await h.fake.slash(frank, 'start');
    const cb = await start.callback();
    expect(cb.type).toBe(4);
    const welcome = await start.final();
    expect(welcome!.flags & EPHEMERAL).toBe(EPHEMERAL);
    // "About 3 months" moved behind [More about HipCoach] to keep the welcome under 180 words (issue 13).
    expect(textOf(welcome)).toMatch(/About 15 minutes to your first plan/);
    expect(textOf(await (await h.fake.click(frank, idOf(welcome, 'about'), { message: welcome! })).final())).toMatch(/about 3 months/);
    expect(sql('select * from assessment_sessions where person_id = ?', frank.id)).toEqual([]);
    expect(sql<{ consent_at: number | null }>('select consent_at from people where id = ?', frank.id).every((r) => r.consent_at === null)).toBe(true);
    const assess = await h.fake.slash(frank, 'assess');
    expect(textOf(await assess.final())).toContain('Welcome to HipCoach');
    await press(frank, welcome, 'decline');
    expect(sql('select * from red_flag_screens where person_id = ?', frank.id)).toEqual([]);
  });
});

/**
 * A test screen carries exactly its own figure: a PNG within Discord's limits, shown in the embed,
 * with alt text; decoded here from the bytes the fake Discord serves at the attachment's URL.
 */
async function expectTestFigure(msg: FakeMessage, testId: string): Promise<void> {
  expect(msg.attachments.map((a) => a.filename)).toEqual([`${testId}.png`]);
  const attachment = msg.attachments[0]!;
  expect(attachment.description).toMatch(/^Illustration of /);
  expect(JSON.stringify([msg.embeds, msg.components])).toContain(`attachment://${testId}.png`);
  const bytes = Buffer.from(await (await fetch(attachment.url)).arrayBuffer());
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  // IHDR: width and height as big-endian integers at bytes 16 and 20.
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([640, 400]);
  expect(bytes.length).toBeGreaterThan(5000);
  expect(bytes.length).toBeLessThan(60 * 1024);
}

describe('a full assessment on both sides', () => {
  it('walks the 7 core tests on short screens and ends with the plan in DM', async () => {
    let msg = await consent(alice);
    expect(textOf(msg)).toContain('Safety check 1 of 2');
    msg = await throughScreenAndBaseline(alice, msg);
    for (const testId of CORE_TESTS) {
      expect(textOf(msg)).toContain(library.testById.get(testId)!.name);
      // The figure comes with How to do it, privately, not on the short screen.
      if (testId === CORE_TESTS[0]) {
        const how = await h.fake.click(alice, idOf(msg, 'how'), { message: msg });
        await expectTestFigure((await how.final())!, testId);
      }
      // One side at a time: the right side's buttons appear once the left is complete.
      if (TEST_SPEC[testId].sides === 'each') {
        const names = componentsOf(msg).map((c) => inputName(c.custom_id ?? ''));
        expect(names.some((n) => n.startsWith('rating:left:'))).toBe(true);
        expect(names.some((n) => n.startsWith('rating:right:'))).toBe(false);
      }
      msg = await answerTest(alice, msg, testId, (side) => (testId === 'seated_internal_rotation' && side === 'right' ? { rating: 'limited', pain: 5, place: 'front' } : { rating: TEST_SPEC[testId].scale === 'range' ? 'full' : TEST_SPEC[testId].scale === 'strength' ? 'strong' : TEST_SPEC[testId].scale === 'comfort' ? 'no_pinch' : TEST_SPEC[testId].scale === 'hinge' ? 'keeps_all_contacts' : 'steady', pain: 0 }));
    }
    expect(textOf(msg)).toContain('ready to build your plan');
    // The last test's figure leaves with its screen.
    expect(msg.attachments).toEqual([]);
    expect(JSON.stringify([msg.embeds, msg.components])).not.toContain('attachment://');
    const before = h.fake.dmMessages(alice).length;
    const finish = await press(alice, msg, 'finish');
    expect(textOf(finish.message)).toContain('Assessment complete');
    // The result in three bullets, where the plan went, and [Start today's workout].
    expect(textOf(finish.message).split('\n').filter((l) => l.startsWith('- '))).toHaveLength(3);
    expect(textOf(finish.message)).toContain('**Most sensitive:** seated inward hip turn (right), 5/10, so I start that movement gently.');
    expect(textOf(finish.message)).toContain('I sent your plan by DM.');
    expect(componentsOf(finish.message).map((c) => inputName(c.custom_id ?? ''))).toEqual(['today']);
    const dms = h.fake.dmMessages(alice).slice(before);
    expect(dms.length).toBeGreaterThan(0);
    const planText = dms.map(textOf).join('\n');
    expect(planText).toContain('Your HipCoach plan');
    // Exercises first; each reason said once, above the exercises it explains; no findings.
    expect(planText).toContain('*Painful when tested, so a comfortable version first*');
    expect(planText).not.toContain('What the tests showed');
    expect(planText.indexOf('1. ')).toBeLessThan(600);
    const rows = sql<{ n: number }>('select count(*) as n from assessment_results where person_id = ?', alice.id);
    expect(rows[0]!.n).toBe(13); // the 7 core tests: 6 one-sided x 2 sides + the squat (the rest are deferred checks)
    expect(sql('select * from plans where person_id = ? and active = 1', alice.id)).toHaveLength(1);

    const today = await press(alice, finish.message, 'today');
    expect(textOf(today.handle.followUps()[0] ?? today.message)).toContain("Today's workout");
    const plan = await h.fake.slash(alice, 'plan');
    const planMsg = await plan.final();
    expect(planMsg!.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(textOf(planMsg)).toContain('Your HipCoach plan');
  });

  it('gives a workout with feedback that moves a pattern and says why', async () => {
    const w = await h.fake.slash(alice, 'workout');
    let msg = await w.final();
    expect(textOf(msg)).toContain("Today's workout");
    const exercise = componentsOf(msg).find((c) => inputName(c.custom_id ?? '') === 'open')!.options![0]!.value;
    const detail = await h.fake.select(alice, idOf(msg, 'open'), [exercise], { message: msg! });
    const detailMsg = (await detail.final())!;
    expect(textOf(detailMsg)).toContain('If it pinches');
    // The detail shows the exercise's figure on request (the select), with its alt text.
    expect(detailMsg.attachments.map((a) => a.filename)).toEqual([`${exercise}.png`]);
    expect(detailMsg.attachments[0]!.description).toMatch(/^Illustration of /);
    const session = h.bot.context.coach.todaysWorkout(alice.id);
    if ('kind' in session) throw new Error('expected a workout');
    // The highest level item: a step-down there is a change the reply names, with its reason.
    const hurt = [...session.session.items].sort((a, b) => b.level - a.level)[0]!;
    // Done keeps the workout on screen (its controls say Done) and asks for feedback in a new message.
    const done = await press(alice, msg, 'done');
    expect(textOf(done.message)).toContain(textOf(msg));
    // Alice's first plan came from the core tests: the day also offers the next checks, a button that stays.
    expect(componentsOf(done.message).filter((c) => c.type === 2).map((c) => [c.label, c.disabled])).toEqual([['Done ✓', true], ['Do 2 checks', undefined]]);
    const [feedback] = await done.handle.waitForFollowUps(1);
    expect(feedback!.flags & EPHEMERAL).toBe(EPHEMERAL);
    msg = feedback!;
    expect(textOf(msg)).toContain('How did it go?');
    msg = (await press(alice, msg, 'effort:hard')).message;
    msg = (await press(alice, msg, 'form:good')).message;
    msg = (await press(alice, msg, 'hurt', [hurt.exerciseId])).message;
    msg = (await press(alice, msg, 'hurtpain', ['7'])).message;
    const text = textOf(msg);
    expect(text).toContain('Feedback saved');
    // One line per change, the patterns that stay put grouped into one "No change" line.
    expect(text).toMatch(/^.+: (back to level \d+|a little less next time), because this exercise went above 5\/10\.$/m);
    expect(text.match(/^No change:/gm)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(text).not.toContain('stays at the easiest level');
    expect(text).toContain('Pain during an exercise');
  });
});

describe('pause, restart and resume', () => {
  it('keeps every answer across a bot restart and resumes at the same step', async () => {
    let msg = await consent(bob);
    msg = await throughScreenAndBaseline(bob, msg);
    msg = await answerTest(bob, msg, 'active_hip_flexion', () => ({ rating: 'partial', pain: 3, place: 'side' }));
    msg = (await press(bob, msg, 'rating:left:limited')).message;
    const paused = await press(bob, msg, 'pause');
    expect(textOf(paused.message)).toContain('Everything so far is saved');
    const draftBefore = sql<{ step: string; draft: string }>("select step, draft from assessment_sessions where person_id = ? and status = 'in_progress'", bob.id)[0]!;

    await h.restart();

    const again = await h.fake.slash(bob, 'assess');
    const resumed = await again.final();
    expect(textOf(resumed)).toContain('carrying on where you stopped');
    expect(textOf(resumed)).toContain(library.testById.get('seated_internal_rotation')!.name);
    const rating = componentsOf(resumed).find((c) => inputName(c.custom_id ?? '') === 'rating:left:limited') as { style?: number } | undefined;
    expect(rating?.style).toBe(1); // the chosen rating is the highlighted (primary) button
    const draftAfter = sql<{ step: string; draft: string }>("select step, draft from assessment_sessions where person_id = ? and status = 'in_progress'", bob.id)[0]!;
    expect(draftAfter).toEqual(draftBefore);
    expect(JSON.parse(draftAfter.draft)).toMatchObject({ tests: { active_hip_flexion: { left: { rating: 'partial', pain: 3, painPlace: 'side' } }, seated_internal_rotation: { left: { rating: 'limited' } } } });
  });

  it('answers a press on an older message with the current step, changing nothing', async () => {
    // Two /assess messages show the same step; answering on the second makes the first stale.
    const first = await (await h.fake.slash(bob, 'assess')).final();
    const second = await (await h.fake.slash(bob, 'assess')).final();
    await press(bob, second, 'skip');
    const stepAfterSkip = sql<{ step: string }>("select step from assessment_sessions where person_id = ? and status = 'in_progress'", bob.id)[0]!.step;
    expect(stepAfterSkip).toBe('test:side_lying_abduction');
    const stale = await press(bob, first, 'skip');
    expect(textOf(stale.message)).toContain('That was an earlier step');
    expect(textOf(stale.message)).toContain(library.testById.get('side_lying_abduction')!.name);
    expect(sql<{ step: string }>("select step from assessment_sessions where person_id = ? and status = 'in_progress'", bob.id)[0]!.step).toBe(stepAfterSkip);
  });
});

describe('safety', () => {
  it('ends with the referral and no plan when a red flag is ticked', async () => {
    let msg = await consent(carol);
    msg = (await press(carol, msg, 'none')).message;
    expect(textOf(msg)).toContain('Safety check 2 of 2');
    const check = await press(carol, msg, 'flags', ['night_or_constant_pain']);
    expect(textOf(check.message)).toContain('You ticked:');
    const referral = await press(carol, check.message, confirmFlagsName(['night_or_constant_pain']));
    expect(textOf(referral.message)).toContain('Please see a doctor first');
    expect(componentsOf(referral.message).map((c) => inputName(c.custom_id ?? ''))).toEqual(['cleared']);
    expect(sql<{ level: string }>('select level from red_flag_screens where person_id = ?', carol.id)).toEqual([{ level: 'urgent' }]);
    expect(sql('select * from plans where person_id = ?', carol.id)).toEqual([]);
    const plan = await h.fake.slash(carol, 'plan');
    const planMsg = await plan.final();
    expect(textOf(planMsg)).toContain('Please see a doctor');
    expect(componentsOf(planMsg).map((c) => inputName(c.custom_id ?? ''))).toEqual(['cleared']);
  });
});

describe('components belong to their owner', () => {
  it("answers someone else's press with an ephemeral \"this isn't yours\" and changes nothing", async () => {
    const msg = await consent(dave);
    const before = sql('select step, draft from assessment_sessions where person_id = ?', dave.id);
    const r = await h.fake.click(erin, idOf(msg, 'none'), { message: msg });
    const reply = await r.callback();
    expect(reply.type).toBe(4);
    const data = reply.data as { content: string; flags: number };
    expect(data.content).toBe(NOT_YOURS);
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(sql('select step, draft from assessment_sessions where person_id = ?', dave.id)).toEqual(before);
    expect(sql('select * from assessment_sessions where person_id = ?', erin.id)).toEqual([]);
  });

  it.each([['garbage'], ['v1:as:notanid:1.1:next'], ['v9:as:123456789012345678:1.1:next'], [`v1:as:${'1'.repeat(18)}:1;1:next`]])('answers a malformed custom id (%s) kindly', async (customId) => {
    const message = { ...(h.fake.dmMessages(alice)[0] ?? ({} as FakeMessage)), id: '999999999999999002', channel_id: h.fake.defaultGuild.textChannelId, components: [{ type: 1, components: [{ type: 2, style: 1, label: 'x', custom_id: customId }] }] } as FakeMessage;
    const r = await h.fake.click(erin, customId, { message });
    const data = (await r.callback()).data as { content: string; flags: number };
    expect(data.content).toBe(UNKNOWN_COMPONENT);
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
  });
});

describe('settings', () => {
  it('rejects an invalid timezone with a clear message and changes nothing', async () => {
    await consent(erin);
    const before = sql('select timezone, reminder_time, minutes from people where id = ?', erin.id);
    const r = await h.fake.slash(erin, 'settings', [
      { name: 'timezone', type: 3, value: 'Mars/Olympus_Mons' },
      { name: 'minutes', type: 4, value: 30 },
    ]);
    const data = (await r.callback()).data as { content: string; flags: number };
    expect(data.content).toContain('That is not a timezone I know');
    expect(data.content).toContain('Nothing was changed');
    expect(sql('select timezone, reminder_time, minutes from people where id = ?', erin.id)).toEqual(before);
  });

  it('saves valid settings, offers timezone autocomplete and equipment choices', async () => {
    const auto = await h.fake.autocomplete(erin, 'settings', [{ name: 'timezone', type: 3, value: 'kathm', focused: true }]);
    await auto.callback();
    expect(auto.choices()).toEqual([{ name: 'Asia/Kathmandu', value: 'Asia/Kathmandu' }]);
    const r = await h.fake.slash(erin, 'settings', [
      { name: 'timezone', type: 3, value: 'Asia/Kathmandu' },
      { name: 'reminder_time', type: 3, value: '6:45' },
    ]);
    const msg = await r.final();
    expect(textOf(msg)).toContain('Saved.');
    expect(sql('select timezone, reminder_time from people where id = ?', erin.id)).toEqual([{ timezone: 'Asia/Kathmandu', reminder_time: '06:45' }]);
    expect(textOf(msg)).toContain('Daily message: 6:45 am');
    // Settings change by buttons too: Equipment opens its setup screen, Done comes back.
    const screen = await press(erin, msg, 'edit-equipment');
    const gear = await press(erin, screen.message, 'equipment', ['band', 'weight']);
    expect(textOf(gear.message)).toContain('Equipment saved');
    expect(JSON.parse(sql<{ equipment: string }>('select equipment from people where id = ?', erin.id)[0]!.equipment)).toEqual(['none', 'band', 'weight']);
    const back = await press(erin, gear.message, 'done');
    expect(textOf(back.message)).toContain('Equipment: Resistance band');
    const bad = await h.fake.slash(erin, 'settings', [{ name: 'reminder_time', type: 3, value: '25:99' }]);
    expect(((await bad.callback()).data as { content: string }).content).toContain('I could not read that time');
  });
});

describe('exercise look-up', () => {
  it('autocompletes over the library and shows steps, cues and easier/harder versions', async () => {
    const auto = await h.fake.autocomplete(frank, 'exercise', [{ name: 'name', type: 3, value: 'glute bridge', focused: true }]);
    await auto.callback();
    const choices = auto.choices() as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    const r = await h.fake.slash(frank, 'exercise', [{ name: 'name', type: 3, value: choices[0]!.value }]);
    const text = textOf(await r.final());
    for (const heading of ['How to do it', 'Cues', 'Common mistakes', 'If it pinches', 'Easier:', 'Harder:']) expect(text).toContain(heading);
    const missing = await h.fake.slash(frank, 'exercise', [{ name: 'name', type: 3, value: 'zzzz' }]);
    expect(((await missing.callback()).data as { content: string }).content).toContain('could not find');
  });

  it('attaches the exercise figure as a PNG shown in the embed, within Discord limits', async () => {
    const r = await h.fake.slash(frank, 'exercise', [{ name: 'name', type: 3, value: 'glute_bridge_top_hold' }]);
    const message = await r.final();
    const request = await h.fake.waitForRequest((q) => q.method === 'POST' && q.path.includes(`/interactions/${r.id}/`));
    const file = request.files[0];
    expect(file?.filename).toBe('glute_bridge_top_hold.png');
    expect(Buffer.from(file!.bytes).subarray(1, 4).toString()).toBe('PNG');
    // Well under Discord's attachment limit, and small enough to load fast on a phone.
    expect(file!.bytes.length).toBeLessThan(60 * 1024);
    expect(file!.bytes.length).toBeGreaterThan(5000);
    expect(JSON.stringify(message)).toContain('attachment://glute_bridge_top_hold.png');
  });
});

describe('privacy', () => {
  it('exports every stored row about the person as a JSON attachment', async () => {
    const r = await h.fake.slash(alice, 'privacy', [{ name: 'export', type: 1, options: [] }]);
    await r.callback();
    const request = await h.fake.waitForRequest((q) => q.method === 'POST' && q.path.includes(`/interactions/${r.id}/`));
    const file = request.files[0];
    expect(file?.filename).toBe(`hipcoach-data-${alice.id}.json`);
    const data = JSON.parse(Buffer.from(file!.bytes).toString('utf8')) as Record<string, unknown[]> & { person: { id: string } };
    expect(data.person.id).toBe(alice.id);
    // Every stored result: the 7 core tests (6 one-sided x 2 sides + the squat); the rest are deferred checks.
    expect(data.assessment_results).toHaveLength(sql<{ n: number }>("select count(*) as n from assessment_results where person_id = ?", alice.id)[0]!.n);
    expect(data.assessment_results).toHaveLength(13);
    expect(data.plans).toHaveLength(1);
    expect(data.feedback).toHaveLength(1);
    expect(data.red_flag_screens).toHaveLength(1);
  });

  it('deletes everything about the person after confirmation, and says so', async () => {
    const r = await h.fake.slash(alice, 'privacy', [{ name: 'delete', type: 1, options: [] }]);
    const confirm = await r.final();
    expect(textOf(confirm)).toContain('Erase everything?');
    const done = await press(alice, confirm, 'confirm');
    expect(textOf(done.message)).toContain('everything HipCoach stored about you has been erased');
    const tables = sql<{ name: string }>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'");
    for (const { name } of tables) {
      const cols = sql<{ name: string }>(`pragma table_info(${name})`).map((c) => c.name);
      const col = name === 'people' ? 'id' : cols.includes('person_id') ? 'person_id' : null;
      if (!col) continue;
      expect(sql(`select * from ${name} where ${col} = ?`, alice.id), name).toEqual([]);
    }
    expect(sql('select * from people where id = ?', bob.id)).toHaveLength(1);
  });
});

describe('admin and registration', () => {
  it('registers commands once, with a payload valid for Discord', () => {
    const registered = h.fake.registeredCommands() as unknown as { name: string }[];
    expect(registered.map((c) => c.name).sort()).toEqual(commandPayload().map((c) => c.name).sort());
    const puts = h.fake.requests((r) => r.method === 'PUT' && r.path.endsWith('/commands'));
    // Two starts (the restart above) but one registration: the hash had not changed.
    expect(puts).toHaveLength(1);
  });

  it('/coach-admin shows anonymous counts to admins and is refused to others', async () => {
    const r = await h.fake.slash(admin, 'coach-admin', [{ name: 'stats', type: 1, options: [] }]);
    const text = textOf(await r.final());
    expect(text).toContain('People onboarded');
    expect(text).not.toContain(bob.id);
    const set = await h.fake.slash(admin, 'coach-admin', [{ name: 'qa-channel', type: 1, options: [{ name: 'channel', type: 7, value: h.fake.defaultGuild.textChannelId }] }]);
    expect(((await set.callback()).data as { content: string }).content).toContain('Community Q&A is on');
    expect(sql('select qa_channel_id from guild_settings')).toEqual([{ qa_channel_id: h.fake.defaultGuild.textChannelId }]);
  });

  it('/help lists the commands', async () => {
    const r = await h.fake.slash(frank, 'help');
    const text = textOf(await r.final());
    for (const c of commandPayload()) expect(text).toContain(`/${c.name}`);
  });
});

describe('every screen in these walks (Components V2)', () => {
  it('is a V2 message within Discord\'s limits, with a heading above every menu', () => {
    const sent = sentScreens(h.fake.requests());
    expect(sent.length).toBeGreaterThan(40);
    expect(v2ProblemsIn(h.fake.requests())).toEqual([]);
  });
});
