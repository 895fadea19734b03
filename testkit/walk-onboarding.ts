import type { FakeDiscord, FakeMessage, FakeUser, InteractionHandle } from './fake-discord/index.js';

/**
 * One walker for the onboarding path on the fake Discord, so a change to its order touches one
 * place: /start, consent, the setup pages (each kept as offered), then the safety pages.
 * Every e2e test that walks onboarding by hand goes through here.
 */

/** Onboarding's setup pages on Discord (time zone + message time, then minutes + equipment). */
export const SETUP_PAGES = 2;
/** The safety check's pages (emergency signs, then everything a doctor should check first). */
export const SAFETY_PAGES = 2;

/** The input name of a HipCoach custom id (`v1:as:<owner>:<ref>:<name>`). */
const inputName = (customId: string): string => customId.split(':').slice(4).join(':');

type Row = { custom_id?: string; components?: Row[] };

function customIdOf(message: FakeMessage | null, name: string): string {
  const flat = (rows: Row[]): Row[] => rows.flatMap((r) => [r, ...flat(r.components ?? [])]);
  const found = flat((message?.components ?? []) as unknown as Row[]).find((c) => c.custom_id !== undefined && inputName(c.custom_id) === name);
  if (!found?.custom_id) throw new Error(`no input "${name}" on the message`);
  return found.custom_id;
}

export interface Walk {
  /** Called after every interaction with its handle (to count interactions and read what was shown). */
  onInteraction?: (handle: InteractionHandle) => void;
}

export function onboardingWalker(fake: () => FakeDiscord, idle: () => Promise<void>, walk: Walk = {}) {
  async function settled(handle: InteractionHandle): Promise<FakeMessage | null> {
    const first = await handle.final();
    await idle();
    walk.onInteraction?.(handle);
    return handle.original() ?? first;
  }

  async function press(user: FakeUser, message: FakeMessage, name: string, values?: string[]): Promise<FakeMessage> {
    const customId = customIdOf(message, name);
    const handle = values ? await fake().select(user, customId, values, { message }) : await fake().click(user, customId, { message });
    return (await settled(handle)) ?? message;
  }

  /** /start and its welcome screen. */
  async function welcome(user: FakeUser): Promise<FakeMessage> {
    return (await settled(await fake().slash(user, 'start')))!;
  }

  /** From /start through consent and the setup pages to the first safety page. */
  async function toSafety(user: FakeUser): Promise<FakeMessage> {
    let msg = await press(user, await welcome(user), 'consent');
    for (let page = 0; page < SETUP_PAGES; page++) msg = await press(user, msg, 'next');
    return msg;
  }

  /** "None of these" on every safety page, ending on the goal step. */
  async function throughSafety(user: FakeUser, first: FakeMessage): Promise<FakeMessage> {
    let msg = first;
    for (let page = 0; page < SAFETY_PAGES; page++) msg = await press(user, msg, 'none');
    return msg;
  }

  return { settled, press, welcome, toSafety, throughSafety };
}
