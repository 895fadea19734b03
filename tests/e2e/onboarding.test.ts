import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmFlagsName } from '../../src/flows/assessment-input.js';
import type { FakeMessage, FakeUser } from '../../testkit/fake-discord/index.js';
import { fixedClock } from '../../testkit/clock.js';
import { componentsOf, idOf, inputName, startHarness, textOf, type Harness, sqlReader } from '../support/bot-harness.js';
import { discordSteps } from '../support/discord-steps.js';
import { driveAssessment } from '../support/drive.js';

/**
 * Onboarding that sets people up, and red flags with a check and a way forward, as a person meets
 * them on the fake Discord: one bot for the file, the scheduler ticked by hand against a moved clock.
 */

const time = fixedClock('2026-06-01T14:00:00Z'); // 10:00 am in New York (EDT)
let h: Harness & { users: FakeUser[] };
let nora: FakeUser, rafe: FakeUser;

beforeAll(async () => {
  h = await startHarness({ users: ['nora', 'rafe'], env: { SCHEDULER: 'on' }, clock: time.clock, startScheduler: false });
  [nora, rafe] = h.users as [FakeUser, FakeUser];
});
afterAll(async () => {
  await h.close();
});

const sql = sqlReader(() => h.dbPath);
const steps = discordSteps(() => h.fake, () => h.bot.idle());
const press = async (user: FakeUser, message: FakeMessage, name: string, values?: string[]) => (await steps.press(user, message, name, values)).message;

/** Open a screen's "Fill in" modal and submit one typed field. */
async function typeIn(user: FakeUser, message: FakeMessage, field: string, value: string): Promise<FakeMessage> {
  const form = await h.fake.click(user, idOf(message, 'form'), { message });
  await form.callback();
  const modal = form.modal() as { custom_id: string };
  return (await steps.settled(await h.fake.submitModal(user, modal.custom_id, { [field]: value }, { message })))!;
}

const dmsOf = (user: FakeUser) => h.fake.dmMessages(user).map(textOf);

describe('onboarding sets people up', () => {
  it('sets the zone by "what time is it for you now", the message time as "7pm", and the first daily DM comes at 19:00 local', async () => {
    const welcome = await steps.settled(await h.fake.slash(nora, 'start'));
    let msg = await press(nora, welcome!, 'consent');
    expect(textOf(msg)).toContain('What time is it for you now?');
    // The starting zone is a guess, and the screen says to check it.
    expect(textOf(msg)).toMatch(/Your time now \(pick yours below if this is wrong\): \d+:\d\d [ap]m in /);
    // The menu says the time on each clock: a person picks what theirs shows.
    const zoneMenu = componentsOf(msg).find((c) => inputName(c.custom_id ?? '') === 'zone') as unknown as { options: { label: string; value: string }[] };
    const mine = zoneMenu.options.find((o) => o.label === '10:00 am in New York');
    expect(mine?.value).toBe('America/New_York');
    msg = await press(nora, msg, 'zone', [mine!.value]);
    expect(textOf(msg)).toContain('Time zone saved: New York');
    // The message time is on the same page (two settings a page keeps the path within 40 interactions).
    expect(textOf(msg)).toContain('When should I send your daily workout?');

    msg = await typeIn(nora, msg, 'timetext', 'after dinner');
    expect(textOf(msg)).toContain('I could not read that time');
    expect(sql('select reminder_time from people where id = ?', nora.id)).toEqual([{ reminder_time: '08:00' }]);
    msg = await typeIn(nora, msg, 'timetext', '7pm');
    expect(textOf(msg)).toContain('Daily message time saved: 7 pm');

    msg = await press(nora, msg, 'next');
    msg = await press(nora, msg, 'min-30');
    expect(textOf(msg)).toContain('Minutes a day: 30 minutes');
    expect(textOf(msg)).toContain('What do you have at home?');
    msg = await press(nora, msg, 'equipment', ['band']);
    expect(textOf(msg)).toContain('Equipment: Resistance band');
    // The last page's Next opens the safety check itself: no separate "begin" press.
    msg = await press(nora, msg, 'next');
    expect(textOf(msg)).toContain('Safety check 1 of 2');
    expect(sql('select timezone, reminder_time, minutes from people where id = ?', nora.id)).toEqual([{ timezone: 'America/New_York', reminder_time: '19:00', minutes: 30 }]);

    // The plan (walked through the app; the Discord walk is tested elsewhere), then the clock moves.
    driveAssessment(h.bot.context.coach, nora.id);
    const before = dmsOf(nora).length;
    time.set('2026-06-01T22:59:00Z'); // 6:59 pm in New York
    await h.bot.scheduler!.tick();
    expect(dmsOf(nora).slice(before).some((t) => t.includes("Today's workout"))).toBe(false);
    time.set('2026-06-01T23:00:00Z'); // 7:00 pm in New York
    await h.bot.scheduler!.tick();
    expect(dmsOf(nora).slice(before).some((t) => t.includes("Today's workout"))).toBe(true);
  });
});

describe('red flags with a check and a way forward', () => {
  it('asks "You ticked" first; "by mistake" stores nothing; "That\'s right" refers in labelled parts, DMs a copy and offers the cleared button', async () => {
    let msg = await steps.consent(rafe);
    msg = await press(rafe, msg, 'none');
    expect(textOf(msg)).toContain('Safety check 2 of 2');

    const check = await press(rafe, msg, 'flags', ['night_or_constant_pain']);
    expect(textOf(check)).toContain('You ticked:');
    expect(componentsOf(check).map((c) => inputName(c.custom_id ?? ''))).toEqual([confirmFlagsName(['night_or_constant_pain']), 'untick']);
    const undone = await press(rafe, check, 'untick');
    expect(textOf(undone)).toContain('Safety check 2 of 2');
    expect(textOf(undone)).toContain('Nothing was saved');
    expect(sql('select * from red_flag_screens where person_id = ?', rafe.id)).toEqual([]);
    expect(sql('select status from people where id = ?', rafe.id)).toEqual([{ status: 'consented' }]);

    const again = await press(rafe, undone, 'flags', ['night_or_constant_pain']);
    const referral = await press(rafe, again, confirmFlagsName(['night_or_constant_pain']));
    const text = textOf(referral);
    for (const part of ['What to do now:', 'Get emergency care if:', 'Your plan is paused until', 'What you told me:']) expect(text).toContain(part);
    expect(text).not.toMatch(/thank you for answering|this list/i);
    expect(componentsOf(referral).map((c) => inputName(c.custom_id ?? ''))).toEqual(['cleared']);
    expect(sql('select level from red_flag_screens where person_id = ?', rafe.id)).toEqual([{ level: 'urgent' }]);

    const copy = dmsOf(rafe).find((t) => t.includes('For your doctor'));
    expect(copy).toContain(h.bot.context.library.redFlagById.get('night_or_constant_pain')!.question);
    expect(copy).toContain('1 June 2026');

    const cleared = await press(rafe, referral, 'cleared');
    expect(textOf(cleared)).toContain('Thank you');
    expect(sql('select status from people where id = ?', rafe.id)).toEqual([{ status: 'consented' }]);
  });
});

describe('short onboarding screens with details one press away (issue 13)', () => {
  it('takes a typed city and a typed time in the one form of the first setup page, and says when nothing was typed', async () => {
    const kit = h.fake.user('kit');
    let msg = await press(kit, (await steps.settled(await h.fake.slash(kit, 'start')))!, 'consent');
    const form = await h.fake.click(kit, idOf(msg, 'form'), { message: msg });
    await form.callback();
    const modal = form.modal() as { custom_id: string };
    msg = (await steps.settled(await h.fake.submitModal(kit, modal.custom_id, { zonetext: 'Berlin', timetext: '7:30 am' }, { message: msg })))!;
    expect(textOf(msg)).toContain('Time zone saved: Berlin');
    expect(textOf(msg)).toContain('Daily message time saved: 7:30 am');
    expect(sql('select timezone, reminder_time from people where id = ?', kit.id)).toEqual([{ timezone: 'Europe/Berlin', reminder_time: '07:30' }]);
    const again = await h.fake.click(kit, idOf(msg, 'form'), { message: msg });
    await again.callback();
    msg = (await steps.settled(await h.fake.submitModal(kit, (again.modal() as { custom_id: string }).custom_id, { zonetext: '', timetext: '' }, { message: msg })))!;
    expect(textOf(msg)).toContain('Nothing was typed, so nothing changed.');
  });

  it('keeps the welcome short and answers "More about HipCoach" privately, leaving the consent buttons in place', async () => {
    const ivy = h.fake.user('ivy');
    const welcome = (await steps.settled(await h.fake.slash(ivy, 'start')))!;
    expect(textOf(welcome)).toContain('About 15 minutes to your first plan');
    expect(textOf(welcome)).not.toContain('What to expect');
    const about = await h.fake.click(ivy, idOf(welcome, 'about'), { message: welcome });
    const details = (await about.final())!;
    expect(details.flags & 64).toBe(64);
    expect(textOf(details)).toContain('What to expect');
    expect(textOf(h.fake.message(welcome.id)!)).toBe(textOf(welcome));
    expect(sql('select * from people where id = ?', ivy.id)).toEqual([]);
  });

  it('shows every flag of a safety page as a label, and its full question privately under "What do these mean?"', async () => {
    const jo = h.fake.user('jo');
    let msg = await steps.consent(jo);
    const library = h.bot.context.library;
    const asked: string[] = [];
    for (let page = 0; page < 2; page++) {
      const menu = componentsOf(msg).find((c) => inputName(c.custom_id ?? '') === 'flags') as unknown as { options: { value: string }[] };
      const ids = menu.options.map((o) => o.value);
      for (const id of ids) expect(textOf(msg)).toContain(library.redFlagById.get(id as never)!.label);
      const meaning = await h.fake.click(jo, idOf(msg, 'meaning'), { message: msg });
      const shown = (await meaning.final())!;
      expect(shown.flags & 64).toBe(64);
      for (const id of ids) expect(textOf(shown)).toContain(library.redFlagById.get(id as never)!.question);
      asked.push(...ids);
      msg = await press(jo, msg, 'none');
    }
    // Both pages together ask every one of the spec's red flags, each once.
    expect([...asked].sort()).toEqual(library.redFlags.flags.map((f) => f.id).sort());
    expect(textOf(msg)).toContain('What would you like your hip to let you do?');
  });
});
