import { describe, expect, it } from 'vitest';
import { COMMANDS, COMPONENT_FLOWS, componentFlows } from '../../src/discord/commands/index.js';
import { componentFlow, namedIn, NOT_IN_USE, type BotCommand, type ComponentInput } from '../../src/discord/commands/types.js';
import { decodeCustomId, flowIds, FLOWS, type Flow } from '../../src/discord/custom-id.js';
import { parseAssessmentRef } from '../../src/discord/handlers/assessment-ids.js';
import { helpView } from '../../src/views/help-view.js';
import { note } from '../../src/views/view.js';

const OWNER = '123456789012345678';

function command(name: string, flows: Flow[]): BotCommand {
  return {
    help: `the ${name} command`,
    data: { name, description: name },
    execute: () => Promise.resolve(),
    components: flows.map((f) => componentFlow(f, namedIn(['x']), () => Promise.resolve())),
  };
}

describe('component flows registered with their command', () => {
  it('gives every flow a custom id can name exactly one owning command', () => {
    expect([...COMPONENT_FLOWS.keys()].sort()).toEqual((Object.keys(FLOWS) as Flow[]).sort());
    const owners = (Object.keys(FLOWS) as Flow[]).map((f) => COMMANDS.filter((c) => c.components?.some((x) => x.flow === f)).map((c) => c.data.name));
    expect(owners.every((o) => o.length === 1)).toBe(true);
    expect(COMMANDS.find((c) => c.data.name === 'workout')?.components?.map((f) => f.flow)).toEqual(['workout']);
  });

  it('refuses a flow registered twice, and a flow nobody owns', () => {
    const all = Object.keys(FLOWS) as Flow[];
    expect(() => componentFlows([command('a', all), command('b', ['workout'])])).toThrow(/"workout" is registered by two commands/);
    expect(() => componentFlows([command('a', all.filter((f) => f !== 'privacy'))])).toThrow(/no command owns the component flow\(s\): privacy/);
    expect(componentFlows([command('a', all)]).size).toBe(all.length);
  });
});

describe('one custom-id helper per flow', () => {
  it('encodes ids the router decodes back to the same flow, owner, ref and input', () => {
    for (const flow of Object.keys(FLOWS) as Flow[]) {
      const ids = flowIds(flow);
      expect(decodeCustomId(ids.options(OWNER, '7').idFor('save'))).toEqual({ flow, owner: OWNER, ref: '7', name: 'save' });
      expect(ids.encode(OWNER, '7', 'save')).toBe(ids.options(OWNER, '7').idFor('save'));
    }
  });

  it('reads an assessment ref as a start, a check-in or a step, and nothing else', () => {
    expect(parseAssessmentRef('new')).toEqual({ kind: 'start', reassess: false, checks: false });
    expect(parseAssessmentRef('reassess')).toEqual({ kind: 'start', reassess: true, checks: false });
    expect(parseAssessmentRef('checks')).toEqual({ kind: 'start', reassess: false, checks: true });
    expect(parseAssessmentRef('12.7')).toEqual({ kind: 'step', ref: '12.7' });
    expect(parseAssessmentRef('0')).toBeNull();
    expect(parseAssessmentRef('12.x')).toBeNull();
  });
});

describe('parse/run flows', () => {
  const input = (name: string): ComponentInput => ({ id: { flow: 'settings', owner: OWNER, ref: '0', name }, values: ['a'] });

  it('passes a known input to run with what parse made of it', async () => {
    const ran: unknown[] = [];
    const flow = componentFlow('settings', namedIn(['charts', 'reminders']), (_ctx, _i, parsed) => {
      ran.push(parsed);
      return Promise.resolve();
    });
    // A known name never touches the interaction in this run, so a bare object stands in for it.
    await flow.handle({} as never, {} as never, input('charts'));
    expect(ran).toEqual([{ owner: OWNER, name: 'charts', values: ['a'] }]);
  });

  it('answers an unknown input privately and never runs', async () => {
    const ran: unknown[] = [];
    const replies: unknown[] = [];
    const flow = componentFlow('settings', namedIn(['charts']), (_ctx, _i, parsed) => {
      ran.push(parsed);
      return Promise.resolve();
    });
    const interaction = { deferred: false, replied: false, reply: (o: unknown) => Promise.resolve(replies.push(o)) };
    await flow.handle({} as never, interaction as never, input('format-disk'));
    expect(ran).toEqual([]);
    expect(replies).toEqual([expect.objectContaining({ content: NOT_IN_USE, flags: 64 })]);
  });
});

describe('/help and simple notes', () => {
  it('lists every command from the command list with its own line', () => {
    const view = helpView(COMMANDS.map((c) => ({ name: c.data.name, help: c.help })));
    for (const c of COMMANDS) expect(view.body).toContain(`\`/${c.data.name}\`: ${c.help}`);
    expect(helpView([{ name: 'new-thing', help: 'does a new thing' }]).body).toContain('`/new-thing`: does a new thing');
    expect(view.privacy).toBe('public');
  });

  it('note() makes a private, input-free screen unless told otherwise', () => {
    expect(note('Saved', 'All done.')).toEqual({ title: 'Saved', body: 'All done.', inputs: [], privacy: 'private', tone: 'info' });
    expect(note('Hi', 'x', 'success', 'public')).toMatchObject({ tone: 'success', privacy: 'public' });
  });
});
