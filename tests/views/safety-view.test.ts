import { describe, expect, it } from 'vitest';
import { getLibrary } from '../../src/content/load.js';
import { flagsOnPage } from '../../src/flows/assessment-state.js';
import { safetyMeaningView, safetyPageView } from '../../src/views/safety-view.js';
import { wordCount } from '../../testkit/screen-words.js';

const library = getLibrary();
const flags = library.redFlags.flags;
const page = (p: 'emergency' | 'urgent' | 'parq') => flagsOnPage(p, flags).map((id) => library.redFlagById.get(id)!);

describe('the safety check on short screens', () => {
  it('asks every red flag once over its two pages, each page within 180 words', () => {
    const ids = [...page('emergency'), ...page('urgent')].map((f) => f.id);
    expect([...ids].sort()).toEqual(flags.map((f) => f.id).sort());
    for (const p of ['emergency', 'urgent'] as const) {
      const view = safetyPageView(p, page(p));
      expect(wordCount([view.title, view.body, view.footer ?? ''].join(' '))).toBeLessThanOrEqual(180);
      const menu = view.inputs.find((i) => i.kind === 'select');
      expect(menu?.kind === 'select' && menu.options.map((o) => o.value)).toEqual(page(p).map((f) => f.id));
    }
  });

  it('explains each label on the page with its full question', () => {
    const view = safetyMeaningView(['long_term_steroids', 'under_18'], library);
    expect(view.body).toContain(library.redFlagById.get('long_term_steroids')!.question);
    expect(view.body).toContain('Inhalers and skin creams do not count');
    expect(view.body).toContain(library.redFlagById.get('under_18')!.label);
  });

  it('still lists the PAR-Q questions on the old third page for an assessment stored there', () => {
    expect(page('parq').map((f) => f.id)).toEqual(['chest_pain_or_dizziness_on_exertion', 'pregnancy_not_cleared']);
    expect(safetyPageView('parq', page('parq')).body).toContain(page('parq')[0]!.label);
  });
});
