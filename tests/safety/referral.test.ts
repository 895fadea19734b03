import { describe, expect, it } from 'vitest';
import { getLibrary } from '../../src/content/load.js';
import { RED_FLAG_IDS } from '../../src/content/ids.js';
import { referralText, screenRedFlags } from '../../src/coaching/safety.js';
import { readRedFlags } from '../../src/coaching/red-flags/engine.js';
import { decodeFlags, encodeFlags } from '../../src/discord/handlers/red-flag-subject.js';

const library = getLibrary();
const texts = library.redFlags.referrals;

describe('referralText (red flags v2)', () => {
  it('gives every one of the 19 flags its own "what to do now" line', () => {
    expect(library.redFlags.flags).toHaveLength(19);
    const lines = new Set(library.redFlags.flags.map((f) => f.whatToDo));
    expect(lines.size).toBe(19);
    for (const id of RED_FLAG_IDS) {
      const text = referralText(screenRedFlags({ [id]: true })!, library);
      expect(text, id).toContain(library.redFlagById.get(id)!.whatToDo);
    }
  });

  it('one urgent flag: the urgent text; two or more: "be seen this week" without the reassurance', () => {
    const one = referralText(screenRedFlags({ cancer_history: true })!, library);
    expect(one.startsWith(texts.urgent)).toBe(true);
    const two = referralText(screenRedFlags({ cancer_history: true, night_or_constant_pain: true })!, library);
    expect(two.startsWith(texts.severalUrgent)).toBe(true);
    expect(two).toMatch(/this week/);
    expect(two).not.toMatch(/does not mean something serious/);
  });

  it('emergency outranks urgent, and a sudden painful testicle or a pulsing lump is an emergency', () => {
    expect(screenRedFlags({ cancer_history: true, dvt_signs: true })!.level).toBe('emergency');
    expect(referralText(screenRedFlags({ cancer_history: true, dvt_signs: true })!, library).startsWith(texts.emergency)).toBe(true);
    for (const text of ['my testicle is suddenly swollen and really painful', 'there is a pulsing lump in my groin']) {
      const r = readRedFlags(text);
      expect(r.flags, text).toEqual(['groin_lump_or_abdominal_symptoms']);
      expect(r.emergency, text).toBe(true);
    }
    expect(readRedFlags('there is a lump in my groin').emergency).toBe(false);
  });

  it("about someone else: information for them, saying the asker's plan is not affected", () => {
    const text = referralText(screenRedFlags({ fall_older_adult: true })!, library, 'someone_else');
    expect(text.startsWith(texts.someoneElse)).toBe(true);
    expect(text).toContain(library.redFlagById.get('fall_older_adult')!.whatToDo);
  });
});

describe('the free-text reader', () => {
  it.each([
    ['no numbness but i have wet myself twice this week', ['saddle_numbness_or_bladder_bowel']],
    ['no fever, no night sweats, hip just stiff', []],
    ['i don\'t have chest pain but i get really dizzy on the bike', ['chest_pain_or_dizziness_on_exertion']],
    ['the scan ruled out a stress fracture', []],
  ] as const)('handles negation: "%s"', (text, flags) => {
    expect(readRedFlags(text).flags).toEqual(flags);
  });

  it.each([
    ['my dad is 74 and fell in the garden, his hip hurts', 'someone_else', 'fall_older_adult'],
    ['i am 74 and fell in the garden, my hip hurts', 'me', 'fall_older_adult'],
    ['My wife and I both do the plan. Calf swollen and hot since the flight', 'unclear', 'dvt_signs'],
  ] as const)('knows who "%s" is about', (text, subject, flag) => {
    const r = readRedFlags(text);
    expect(r.subject).toBe(subject);
    expect([...r.flags, ...r.otherFlags]).toContain(flag);
  });

  it('round-trips flags through the button custom id within its 40-character ref', () => {
    const all = screenRedFlags(Object.fromEntries(RED_FLAG_IDS.map((id) => [id, true])))!;
    const ref = encodeFlags(all);
    expect(ref.length).toBeLessThanOrEqual(40);
    expect(decodeFlags(ref)).toEqual(all);
    expect(decodeFlags('U')).toBeNull();
    expect(decodeFlags('Xzz')).toBeNull();
  });
});

describe('the "about me / someone else" buttons', () => {
  it('an unclear answer shows both buttons, with ids that carry the flags back', async () => {
    const { answerView } = await import('../../src/discord/answer-view.js');
    const { answerRenderOptions } = await import('../../src/discord/handlers/red-flag-subject.js');
    const { decodeCustomId } = await import('../../src/discord/custom-id.js');
    const referral = screenRedFlags({ dvt_signs: true, cancer_history: true })!;
    const answer = { outcome: 'red_flag' as const, text: 'x', sources: [], referral, subject: 'unclear' as const };
    const view = answerView(answer);
    expect(view.inputs.map((i) => i.name)).toEqual(['subject-me', 'subject-other']);
    const id = decodeCustomId(answerRenderOptions(answer, '123456789012345678').idFor('subject-me'))!;
    expect(id).toMatchObject({ flow: 'referral', owner: '123456789012345678', name: 'subject-me' });
    expect(decodeFlags(id.ref)).toEqual(referral);
    expect(answerView({ ...answer, subject: 'someone_else' }).inputs).toEqual([]);
  });
});
