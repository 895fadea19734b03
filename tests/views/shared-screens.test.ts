import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseEquipmentPick, parseSettingsPatch } from '../../src/app/settings-input.js';
import { askFeedback } from '../../src/cli/workout-questions.js';
import { ConsoleIO } from '../../src/cli/console-io.js';
import { compareAssessments } from '../../src/coaching/reassessment.js';
import { buildPlan } from '../../src/coaching/plan.js';
import { getLibrary } from '../../src/content/load.js';
import { buildSession } from '../../src/coaching/session.js';
import { clearanceView, withClearanceStep } from '../../src/views/clearance-view.js';
import { completionView } from '../../src/views/completion-view.js';
import { note } from '../../src/views/view.js';
import { exerciseNames } from '../../src/views/workout-view.js';
import { allClearTests, makeAnswers } from '../support/answers.js';

const library = getLibrary();

describe('settings parsed once for /settings and the console', () => {
  it('keeps only the options given and checks them together', () => {
    expect(parseSettingsPatch({ minutes: 25, reminderTime: '7:05' })).toEqual({ ok: true, patch: { minutes: 25, reminderTime: '07:05' } });
    expect(parseSettingsPatch({})).toEqual({ ok: true, patch: {} });
    const bad = parseSettingsPatch({ minutes: 25, timezone: 'Mars/Olympus' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toContain('not a timezone I know');
    expect(parseSettingsPatch({ reminderTime: '25:00' }).ok).toBe(false);
    expect(parseSettingsPatch({ minutes: 4 }).ok).toBe(false);
  });

  it('reads an equipment pick, always keeping "none", and refuses an unknown or missing item', () => {
    expect(parseEquipmentPick(['chair', 'band', 'chair'])).toEqual(['none', 'band', 'chair']);
    expect(parseEquipmentPick([])).toEqual(['none']);
    expect(parseEquipmentPick(['trampoline'])).toBeNull();
    expect(parseEquipmentPick(['chair', undefined])).toBeNull();
  });
});

describe('the completion screen, shared by Discord and the console', () => {
  const answers = makeAnswers({ tests: allClearTests() });
  const plan = buildPlan(answers, library);

  it('gives the result in three bullets, says the plan went by DM, and offers today\'s workout', () => {
    const first = completionView(plan, null, library);
    expect(first.title).toBe('Assessment complete');
    const bullets = first.body.split('\n').filter((l) => l.startsWith('- '));
    expect(bullets).toHaveLength(3);
    expect(bullets[1]).toBe('- **Pain:** no test hurt. A strong place to start.');
    expect(first.body).toContain('I sent your plan by DM.');
    expect(first.body).not.toContain('What the tests showed');
    expect(first.inputs).toEqual([{ kind: 'button', name: 'today', label: "Start today's workout", style: 'success' }]);
    const comparison = compareAssessments([{ testId: 'bodyweight_squat', side: 'both', rating: 'partial', pain: 4 }], answers.tests, { before: 4, after: 7 }, 30);
    const again = completionView(plan, comparison, library, { intro: 'Hello again.', next: 'See your DMs.', interrupted: true });
    expect(again.title).toBe('Reassessment complete');
    expect(again.body.indexOf('Hello again.')).toBe(0);
    expect(again.body).toContain('- **Since last time:** 1 better, 0 harder. Activities +3.');
    expect(again.body.endsWith('See your DMs.')).toBe(true);
    expect(again.notice).toContain('saved just before I was interrupted');
  });

  it('names the most sensitive test when one hurt', () => {
    const tests = allClearTests();
    (tests).bodyweight_squat = { both: { rating: 'partial', pain: 5 } };
    const view = completionView(buildPlan(makeAnswers({ tests }), library), null, library);
    expect(view.body).toContain('- **Most sensitive:** bodyweight squat, 5/10, so I start that movement gently.');
  });
});

describe('the clinician-cleared step', () => {
  it('adds the button to a referral and says what happened after it', () => {
    const step = withClearanceStep(note('Please see a doctor', 'Because...', 'danger'));
    expect(step.inputs).toEqual([expect.objectContaining({ kind: 'button', name: 'cleared' })]);
    expect(step.body).toContain('Because...');
    expect(clearanceView(true, library, 'Run `/assess`.').body).toBe(`${library.redFlags.referrals.cleared}\n\nRun \`/assess\`.`);
    expect(clearanceView(false, library).title).toBe('Nothing to clear');
  });
});

describe('the console asks the feedback screen\'s questions', () => {
  async function ask(lines: string[]) {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (c: Buffer) => (out += c.toString()));
    const io = new ConsoleIO(input, output, false);
    input.end(lines.join('\n') + '\n');
    const plan = buildPlan(makeAnswers({ tests: allClearTests() }), library);
    const session = buildSession({ plan, userId: 'console:test', localDate: '2026-03-02' }, library);
    const names = exerciseNames(session, library);
    const answers = await askFeedback(io, session, names, () => undefined);
    return { answers, out, first: [...names.keys()][0]!, firstName: [...names.values()][0]! };
  }

  it('asks what Discord shows, by number, through the same parser, and re-asks after a bad answer', async () => {
    const { answers, out, first, firstName } = await ask(['3', '2', '99', '1', '2', '6']);
    expect(answers).toEqual({ effort: 'hard', form: 'struggled', painByExercise: { [first]: 6 } });
    expect(out).toContain('1 Easy');
    expect(out).toContain(`1 ${firstName}`);
    expect(out).toContain('Please choose one of the numbers shown.');
    expect(out).toContain('Pick 4 or more here; 3 or less counts as None.');
  });

  it('a good day is three answers: effort, form and Enter for none', async () => {
    const { answers } = await ask(['2', '1', '']);
    expect(answers).toEqual({ effort: 'right', form: 'good', painByExercise: {} });
  });
});
