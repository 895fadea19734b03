import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/coaching/plan.js';
import { getLibrary } from '../../src/content/load.js';
import { pageOfExercise, planPageView, planView, PLAN_PAGE_SIZE } from '../../src/views/plan-screen.js';
import { allClearTests, makeAnswers } from '../support/answers.js';

const library = getLibrary();

/** Every test painful on every side, or every test clear: the two ends of what a plan can say. */
function plans() {
  const painful = allClearTests();
  for (const key of Object.keys(painful)) {
    const t = painful[key] as Record<string, { rating: string; pain: number }>;
    for (const side of Object.keys(t)) t[side] = { ...t[side]!, pain: 6 };
  }
  return [buildPlan(makeAnswers({ tests: painful, prefs: { minutes: 60 } }), library), buildPlan(makeAnswers({ tests: allClearTests(), goal: 'running' }), library)];
}

describe('the plan people scan', () => {
  it('lists the exercises first, each reason in ten words or fewer and said once per group, with no findings', () => {
    for (const plan of plans()) {
      const body = planView(plan, library).body;
      expect(body).not.toContain('What the tests showed');
      const sections = body.split('\n\n').slice(1, -1);
      let exercises = 0;
      for (const section of sections) {
        const reasons = section.split('\n').filter((l) => /^\*[^*].*\*$/.test(l));
        expect(new Set(reasons).size).toBe(reasons.length);
        for (const r of reasons) expect(r.slice(1, -1).split(/\s+/).length).toBeLessThanOrEqual(10);
        exercises += section.split('\n').filter((l) => /^\d+\. /.test(l)).length;
      }
      expect(exercises).toBe(plan.items.length);
      expect(body.split('\n')[0]).toMatch(/^\*\*Goal:\*\* /);
    }
  });

  it('numbers the exercises 1, 2, 3 down the screen, also where items sharing a reason are gathered', () => {
    for (const plan of [...plans(), buildPlan(makeAnswers({ tests: { ...allClearTests(), seated_internal_rotation: { left: { rating: 'limited', pain: 0 }, right: { rating: 'full', pain: 0 } }, single_leg_stance: { left: { rating: 'wobbly', pain: 2 }, right: { rating: 'steady', pain: 0 } } }, prefs: { minutes: 45 } }), library)]) {
      const numbers = planView(plan, library).body.split('\n').flatMap((l) => /^(\d+)\. /.exec(l)?.[1] ?? []).map(Number);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      // Each line names its movement in everyday words, not the anatomy term.
      const lines = planView(plan, library).body.split('\n').filter((l) => /^\d+\. /.test(l));
      for (const l of lines) expect(l).not.toMatch(/\((internal|external) rotation|\(adduction|\(abduction|\(hip (flexion|extension)/);
      expect(lines.some((l) => l.includes('(turning the hip in') || l.includes('(inner thigh') || l.includes('(outer hip'))).toBe(true);
    }
  });

  it('pages /plan six at a time, every exercise on exactly one page, each page offering its own', () => {
    const [plan] = plans();
    const pages = Math.ceil(plan!.items.length / PLAN_PAGE_SIZE);
    expect(pages).toBeGreaterThan(1);
    const seen: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const view = planPageView(plan!, library, { page });
      expect(view.footer).toBe(`Page ${page} of ${pages}`);
      const show = view.inputs.find((i) => i.name === 'show');
      const ids = show?.kind === 'select' ? show.options.map((o) => o.value) : [];
      for (const id of ids) expect(pageOfExercise(plan!, [], id)).toBe(page);
      seen.push(...view.body.split('\n').filter((l) => /^\d+\. /.test(l)));
    }
    expect(seen).toHaveLength(plan!.items.length);
    // A page out of range shows the nearest real page; a chosen exercise brings its figure.
    expect(planPageView(plan!, library, { page: 99 }).footer).toBe(`Page ${pages} of ${pages}`);
    const first = plan!.items[0]!.exerciseId;
    expect(planPageView(plan!, library, { page: 1, showExerciseId: first }).figureId).toBe(first);
  });
});
