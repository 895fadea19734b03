import { describe, expect, it } from 'vitest';
import { getLibrary } from '../../src/content/load.js';
import { checkAnswer, ungroundedNumbers, unknownDrillNames } from '../../src/qa/guardrails.js';
import { Retriever } from '../../src/qa/retrieval.js';
import { loadReplies, scoreReplies } from '../../testkit/safety/reply-score.js';

const library = getLibrary();
const retriever = new Retriever(library);

describe('answer guardrails v2 on the adversarial corpus', () => {
  const result = scoreReplies(library, retriever);

  it('has >= 120 bad replies across every class and >= 40 good ones', () => {
    const { bad } = loadReplies();
    expect(result.badCount).toBeGreaterThanOrEqual(120);
    expect(result.goodCount).toBeGreaterThanOrEqual(40);
    expect(Object.keys(bad).sort()).toEqual(['diagnosis', 'drills', 'links', 'medication', 'pain_model', 'promises', 'role', 'surgery']);
  });

  it('posts none of the bad replies', () => {
    expect(result.posted.map((p) => `${p.kind}: ${p.text}`)).toEqual([]);
  });

  it('blocks at most one good reply', () => {
    expect(result.blocked.length, result.blocked.map((b) => `${b.reason}: ${b.text}`).join('\n')).toBeLessThanOrEqual(1);
  });
});

describe('guardrail details', () => {
  const ctx = { library, allowedKeys: new Set(['faq:exercising_with_pain']), allowedDomains: ['nhs.uk'], maxChars: 1500, requireCitation: true };

  it('lets an honest "not covered" answer through without a citation, but nothing else uncited', () => {
    expect(checkAnswer('The library does not cover wrist pain yet; I can help with your hip and your plan.', ctx).ok).toBe(true);
    expect(checkAnswer('Wrist pain usually settles with rest and gentle movement over a week or two.', ctx)).toMatchObject({ ok: false, reason: 'cites no library entry' });
  });

  it('checks bare domains against the allowlist', () => {
    expect(checkAnswer('See nhs.uk for more on hip pain [faq:exercising_with_pain].', ctx).ok).toBe(true);
    expect(checkAnswer('See hip-helpers.co.uk for more on hip pain [faq:exercising_with_pain].', ctx)).toMatchObject({ ok: false });
  });

  it('knows library names and aliases, and rejects named drills it does not have', () => {
    expect(unknownDrillNames('Try the Copenhagen plank and a Pallof press', library)).toEqual([]);
    expect([...unknownDrillNames('Try the lizard stretch and some hip CARs', library)].sort()).toEqual(['hip cars', 'lizard stretch']);
    expect(checkAnswer('A gentle hip flexor stretch is fine alongside your plan [faq:exercising_with_pain].', ctx).ok).toBe(true);
  });

  it('grounds numbers in the retrieved entries (pain ratings excepted)', () => {
    const source = 'Up to 3 out of 10 is fine; 4 to 5 is acceptable if it settles by the next morning. Do 2 sets of 10.';
    expect(ungroundedNumbers('Do 2 sets of 10, and keep pain at 3/10 or under.', source)).toEqual([]);
    expect(ungroundedNumbers('Do 5 sets of 25 every day.', source)).toEqual(['25']);
    expect(ungroundedNumbers('Aim for 3 sessions a week.', 'Aim for at least three sessions a week.')).toEqual([]);
    expect(checkAnswer('Do 4 sets of 25 reps [faq:exercising_with_pain].', { ...ctx, sourceText: source })).toMatchObject({ ok: false });
  });
});
