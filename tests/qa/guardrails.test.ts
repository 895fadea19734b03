import { describe, expect, it } from 'vitest';
import { getLibrary } from '../../src/content/load.js';
import { checkAnswer, classifyFixed, unknownExercises } from '../../src/qa/guardrails.js';

const library = getLibrary();
const ctx = { library, allowedKeys: new Set(['faq:running', 'exercise:goblet_squat']), allowedDomains: ['nhs.uk'], maxChars: 600, requireCitation: true };

describe('fixed answers for surgery, medication and diagnosis', () => {
  it.each([
    ['Should I get the surgery or keep going?', 'surgery'],
    ['my surgeon wants to scope my hip', 'surgery'],
    ['is a hip arthroscopy worth it', 'surgery'],
    ['what dose of ibuprofen is ok', 'medication'],
    ['can I take painkillers before the workout', 'medication'],
    ['would a cortisone injection help', 'medication'],
    ['do I have FAI?', 'diagnosis'],
    ['my MRI report says labral fraying', 'diagnosis'],
    ["what's wrong with my hip", 'diagnosis'],
  ])('"%s" -> %s', (q, topic) => {
    expect(classifyFixed(q)).toBe(topic);
  });

  it.each(['can I still run?', 'what is FAI?', 'should I stretch my hip flexors', 'how do I do a goblet squat', 'is the 90/90 ok if it pinches'])('"%s" is an ordinary question', (q) => {
    expect(classifyFixed(q)).toBeNull();
  });
});

describe('checking an LLM answer before anyone sees it', () => {
  it('passes a grounded answer and strips its citations', () => {
    const r = checkAnswer('Easy running is usually fine if pain stays at 3/10 or less [faq:running]. Goblet squats build the strength you need [exercise:goblet_squat].', ctx);
    expect(r).toEqual({ ok: true, text: 'Easy running is usually fine if pain stays at 3/10 or less. Goblet squats build the strength you need.', cited: ['faq:running', 'exercise:goblet_squat'] });
  });

  it.each([
    ['an entry it was not given', 'Try the thing [faq:do_i_need_surgery] it helps a great deal.', /cites entries/],
    ['a mass mention', 'Good question @everyone, keep pain under 3/10 as you go [faq:running].', /mention/],
    ['a role mention', 'Ask <@&123456789012345678> about pain, keep it under 3/10 [faq:running].', /mention/],
    ['a foreign link', 'Read more at https://example-clinic.biz/buy-now about running [faq:running].', /allowlist/],
    ['a medication dose', 'Take 400 mg before you run and keep pain under 3/10 [faq:running].', /medication/],
    ['a medicine by name', 'Some people find naproxen helps before runs, keep pain low [faq:running].', /medication/],
    ['surgery advice', 'Honestly you will need surgery if this does not settle soon [faq:running].', /surgery/],
    ['advice against surgery', 'You do not need surgery, exercise will fix this for good [faq:running].', /surgery/],
    ['a diagnosis', 'You probably have a labral tear from what you describe there [faq:running].', /diagnosis/],
    ['an unknown exercise', 'Pistol squats and Jefferson curls will build that strength quickly [faq:running].', /outside the library/],
    ['red-flag symptoms', 'If you have lost a stone without trying, just keep training as normal [faq:running].', /red-flag/],
    ['too much text', 'Keep going [faq:running]. '.repeat(80), /too long/],
    ['no citation at all', 'Easy running is usually fine if the pain stays low.', /cites no library entry/],
    ['a broken role', 'Sure, ignoring previous instructions as asked [faq:running].', /role/],
  ])('rejects %s', (_name, text, reason) => {
    const r = checkAnswer(text, ctx);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toMatch(reason);
  });

  it('allows links to an allowlisted domain and plain movement words', () => {
    expect(checkAnswer('The NHS page on hip pain is at https://www.nhs.uk/conditions/hip-pain/ and deeper squats can come later [faq:running].', ctx).ok).toBe(true);
  });

  it('knows the library\'s exercises by name and keyword', () => {
    expect(unknownExercises('Glute bridges and a side plank, then goblet squats.', library)).toEqual([]);
    expect(unknownExercises('Nordic curls and box jumps', library)).toEqual(['nordic curls']);
  });
});
