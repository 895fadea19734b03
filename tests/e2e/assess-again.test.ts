import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeMessage, FakeUser } from '../../testkit/fake-discord/index.js';
import { startHarness, textOf, type Harness, sqlReader, idOf } from '../support/bot-harness.js';
import { bestAnswer, discordSteps } from '../support/discord-steps.js';
import { ROOT } from '../support/cli.js';

/**
 * /assess once a plan exists, presses on a finished assessment's messages, and a crash while
 * "Build my plan" is handled: the plan is shown (screen and DM) exactly once after the restart.
 */

let h: Harness & { users: FakeUser[] };
let gina: FakeUser, hugo: FakeUser, ivy: FakeUser, jon: FakeUser;
const sql = sqlReader(() => h.dbPath);
const steps = discordSteps(() => h.fake, () => h.bot.idle());

beforeAll(async () => {
  h = await startHarness({ users: ['gina', 'hugo', 'ivy', 'jon'] });
  [gina, hugo, ivy, jon] = h.users as [FakeUser, FakeUser, FakeUser, FakeUser];
});
afterAll(async () => {
  await h.close();
});

/** Everything stored about a person's assessments and plans, to prove a press changed nothing. */
function assessmentRows(personId: string): unknown[] {
  return [
    sql('select * from assessment_sessions where person_id = ? order by id', personId),
    sql('select id, active, delivered_at from plans where person_id = ? order by id', personId),
    sql('select count(*) as n from assessment_results where person_id = ?', personId),
    sql('select count(*) as n from red_flag_screens where person_id = ?', personId),
  ];
}

const planDms = (user: FakeUser) => h.fake.dmMessages(user).filter((m) => textOf(m).includes('Your HipCoach plan'));

async function readyToBuild(user: FakeUser): Promise<FakeMessage> {
  const first = await steps.consent(user);
  return steps.throughTests(user, first, (testId) => (testId === 'seated_internal_rotation' ? { rating: 'limited', pain: 5, place: 'front' } : bestAnswer(testId)));
}

describe('/assess after a plan', () => {
  it('says a plan exists, starts a reassessment only when asked, and the reassessment shows what changed', async () => {
    const done = await steps.press(gina, await readyToBuild(gina), 'finish');
    expect(textOf(done.message)).toContain('Assessment complete');
    // The deferred checks come first, two at a time; the full check-in is offered once they are done.
    let offer = await steps.settled(await h.fake.slash(gina, 'assess'));
    for (let sitting = 0; textOf(offer).includes('still to come'); sitting++) {
      expect(sitting).toBeLessThan(6);
      const checks = await steps.press(gina, offer, 'checks');
      await steps.press(gina, await steps.throughTestScreens(gina, checks.message, bestAnswer), 'finish');
      offer = await steps.settled(await h.fake.slash(gina, 'assess'));
    }
    const before = assessmentRows(gina.id);
    const plansBefore = sql<{ n: number }>('select count(*) as n from plans where person_id = ?', gina.id)[0]!.n;
    expect(textOf(offer)).toContain('You already have a plan');
    expect(textOf(offer)).toContain('check-in');
    expect(assessmentRows(gina.id)).toEqual(before);

    const started = await steps.press(gina, offer, 'begin');
    expect(textOf(started.message)).toContain('Safety check 1 of 2');
    expect(sql("select kind from assessment_sessions where person_id = ? and status = 'in_progress'", gina.id)).toEqual([{ kind: 'reassessment' }]);

    // This time the inward turn is full and pain-free: the comparison says so.
    const ready = await steps.throughTests(gina, started.message, bestAnswer);
    const dmsBefore = planDms(gina).length;
    const finished = await steps.press(gina, ready, 'finish');
    expect(textOf(finished.message)).toContain('Reassessment complete');
    // The gist on the screen; test by test in the plan DM, after the exercises.
    expect(textOf(finished.message)).toMatch(/\*\*Since last time:\*\* [1-9]\d* better, 0 harder\./);
    const planDm = planDms(gina).slice(dmsBefore).map(textOf).join('\n');
    expect(planDm).toContain('What changed since last time');
    expect(planDm.indexOf('What changed since last time')).toBeGreaterThan(planDm.indexOf('1. '));
    // The first plan, one rebuild per deferred-checks sitting, then the check-in's plan.
    expect(sql('select count(*) as n from plans where person_id = ?', gina.id)).toEqual([{ n: plansBefore + 1 }]);
  });
});

describe('a finished assessment', () => {
  it('answers a press on its old message and changes nothing in the database', async () => {
    const ready = await readyToBuild(hugo);
    // A second message at the same step (e.g. /assess run twice) keeps its buttons after the finish.
    const other = (await steps.settled(await h.fake.slash(hugo, 'assess')))!;
    const another = (await steps.settled(await h.fake.slash(hugo, 'assess')))!;
    const oldFinish = idOf(other, 'finish');
    const oldBack = idOf(another, 'back');
    const done = await steps.press(hugo, ready, 'finish');
    expect(textOf(done.message)).toContain('Assessment complete');
    const before = assessmentRows(hugo.id);
    const dmsBefore = h.fake.dmMessages(hugo).length;

    // The "Build my plan" button on the message as it was before the press.
    const again = await steps.settled(await h.fake.click(hugo, oldFinish, { message: other }));
    expect(textOf(again)).toContain('This assessment has ended');
    const back = await steps.settled(await h.fake.click(hugo, oldBack, { message: another }));
    expect(textOf(back)).toContain('This assessment has ended');
    expect(assessmentRows(hugo.id)).toEqual(before);
    expect(h.fake.dmMessages(hugo)).toHaveLength(dmsBefore);
  });
});

describe('a crash while "Build my plan" is handled', () => {
  /** Stop the in-process bot, run the crashing bot as a real process, press "Build my plan", let it die, restart. */
  async function crashOnFinish(user: FakeUser, ready: FakeMessage): Promise<string> {
    const finishId = idOf(ready, 'finish');
    await h.bot.stop();
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/e2e/plan-crash-child.ts'], {
      cwd: ROOT,
      env: { ...process.env, DISCORD_TOKEN: h.config.DISCORD_TOKEN, DISCORD_API_BASE_URL: h.config.DISCORD_API_BASE_URL, DATABASE_PATH: h.dbPath, LOG_LEVEL: 'silent', SCHEDULER: 'off' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => {
      child.on('exit', (_code, signal) => {
        resolve(signal);
      });
    });
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('ready')) resolve();
      });
    });
    await h.fake.click(user, finishId, { message: ready });
    expect(await exited).toBe('SIGKILL');
    await h.restart();
    return finishId;
  }

  it('shows the plan on the next press, screen and DM, exactly once', async () => {
    const ready = await readyToBuild(ivy);
    const other = (await steps.settled(await h.fake.slash(ivy, 'assess')))!;
    const finishId = await crashOnFinish(ivy, ready);
    expect(sql<{ delivered_at: number | null }>('select delivered_at from plans where person_id = ?', ivy.id)).toEqual([{ delivered_at: null }]);
    expect(planDms(ivy)).toHaveLength(0);

    const pressed = await steps.settled(await h.fake.click(ivy, finishId, { message: ready }));
    expect(textOf(pressed)).toContain('Assessment complete');
    expect(textOf(pressed)).toContain('I sent your plan by DM.');
    expect(planDms(ivy)).toHaveLength(1);
    expect(sql<{ delivered_at: number | null }>('select delivered_at from plans where person_id = ?', ivy.id)[0]!.delivered_at).not.toBeNull();

    const pressedAgain = await steps.settled(await h.fake.click(ivy, idOf(other, 'finish'), { message: other }));
    expect(textOf(pressedAgain)).toContain('This assessment has ended');
    expect(planDms(ivy)).toHaveLength(1);
  });

  it('shows the plan on the next /assess instead of a new assessment, exactly once', async () => {
    const ready = await readyToBuild(jon);
    await crashOnFinish(jon, ready);
    const sessions = sql('select id from assessment_sessions where person_id = ?', jon.id);

    const assess = await steps.settled(await h.fake.slash(jon, 'assess'));
    expect(textOf(assess)).toContain('Assessment complete');
    expect(textOf(assess)).toContain('saved just before I was interrupted');
    expect(planDms(jon)).toHaveLength(1);
    expect(sql('select id from assessment_sessions where person_id = ?', jon.id)).toEqual(sessions);

    const assessAgain = await steps.settled(await h.fake.slash(jon, 'assess'));
    expect(textOf(assessAgain)).toContain('You already have a plan');
    expect(planDms(jon)).toHaveLength(1);
  });
});
