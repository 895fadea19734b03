import { describe, expect, it } from 'vitest';
import { EDUCATION_RULES, educationFor } from '../../src/coaching/education.js';
import { buildPlan } from '../../src/coaching/plan.js';
import { getLibrary } from '../../src/content/load.js';
import { planFindingsView, planPageView, planTopicView, planView, worthReading } from '../../src/views/plan-screen.js';
import { allClearTests, makeAnswers } from '../support/answers.js';

const library = getLibrary();

type SideAnswer = { rating: string; pain: number; painPlace?: string };
/** All clear, except the given tests' sides. */
function planWith(changes: Record<string, Record<string, Partial<SideAnswer>>>) {
  const tests = allClearTests() as Record<string, Record<string, SideAnswer>>;
  for (const [test, sides] of Object.entries(changes)) for (const [side, change] of Object.entries(sides)) tests[test]![side] = { ...tests[test]![side]!, ...change };
  return buildPlan(makeAnswers({ tests }), library);
}
const topicsOf = (plan: ReturnType<typeof planWith>) => educationFor(plan.findings).map((p) => p.topic);

describe('education a person\'s results point to (content v2)', () => {
  it('shows nothing when every test is clear', () => {
    expect(topicsOf(planWith({}))).toEqual([]);
  });

  it('hip osteoarthritis: turning in limited and bending limited, on the same hip only', () => {
    expect(topicsOf(planWith({ seated_internal_rotation: { right: { rating: 'limited' } }, active_hip_flexion: { right: { rating: 'partial' } } }))).toEqual(['hip_osteoarthritis']);
    // Each alone, or on different hips, is no capsular pattern.
    expect(topicsOf(planWith({ seated_internal_rotation: { right: { rating: 'limited' } } }))).toEqual([]);
    expect(topicsOf(planWith({ seated_internal_rotation: { right: { rating: 'partial' } }, active_hip_flexion: { right: { rating: 'limited' } } }))).toEqual([]);
    expect(topicsOf(planWith({ seated_internal_rotation: { left: { rating: 'limited' } }, active_hip_flexion: { right: { rating: 'limited' } } }))).toEqual([]);
  });

  it('side-of-hip pain: pain at the side on the side-lying lift or the one-leg stand, not pain elsewhere', () => {
    expect(topicsOf(planWith({ side_lying_abduction: { left: { pain: 3, painPlace: 'side' } } }))).toEqual(['side_of_hip_pain']);
    expect(topicsOf(planWith({ single_leg_stance: { right: { pain: 3, painPlace: 'side' } } }))).toEqual(['side_of_hip_pain']);
    // A burn of 1-2/10 in a working muscle is no tendon sign.
    expect(topicsOf(planWith({ single_leg_stance: { right: { pain: 2, painPlace: 'side' } } }))).toEqual([]);
    expect(topicsOf(planWith({ side_lying_abduction: { left: { pain: 3, painPlace: 'front' } } }))).toEqual([]);
  });

  it('groin pain: the inner-thigh test hurting at the front; the sitting bone: hinge or bridge hurting at the back', () => {
    expect(topicsOf(planWith({ side_lying_adduction: { right: { pain: 1, painPlace: 'front' } } }))).toEqual(['groin_pain_inner_thigh']);
    expect(topicsOf(planWith({ hip_hinge: { both: { pain: 3, painPlace: 'back' } } }))).toEqual(['pain_at_the_sitting_bone']);
    expect(topicsOf(planWith({ hip_hinge: { both: { pain: 2, painPlace: 'back' } } }))).toEqual([]);
    expect(topicsOf(planWith({ single_leg_bridge: { left: { pain: 4, painPlace: 'back' } } }))).toEqual(['pain_at_the_sitting_bone']);
    expect(topicsOf(planWith({ hip_hinge: { both: { pain: 2, painPlace: 'front' } } }))).toEqual([]);
  });

  it('lists several topics in rule order, and every rule names a topic the library has', () => {
    const plan = planWith({ hip_hinge: { both: { pain: 4, painPlace: 'back' } }, side_lying_abduction: { left: { pain: 3, painPlace: 'side' } } });
    expect(topicsOf(plan)).toEqual(['side_of_hip_pain', 'pain_at_the_sitting_bone']);
    for (const rule of EDUCATION_RULES) expect(library.troubleshooting.some((t) => t.id === rule.topic), rule.topic).toBe(true);
  });

  it('the plan names the topics, and Why this plan gives each summary, why it is shown, and a menu to read it in full', () => {
    const plan = planWith({ side_lying_abduction: { left: { pain: 3, painPlace: 'side' } } });
    const topic = worthReading(plan, library)[0]!.topic;
    expect(planView(plan, library).body).toContain(`**Worth reading for you:** ${topic.title} (under Why this plan).`);
    expect(planPageView(plan, library, { page: 1 }).body).toContain('Worth reading for you');
    expect(planPageView(plan, library, { page: 2 }).body).not.toContain('Worth reading for you');
    const why = planFindingsView(plan, library);
    expect(why.body).toContain(`**${topic.title}**: ${topic.summary} *Shown because the side-lying lift or the one-leg stand hurt at the outer hip; read this if the ache is at the bony point on the side.*`);
    expect(why.inputs.find((i) => i.name === 'read')).toMatchObject({ kind: 'select', options: [{ value: 'side_of_hip_pain' }] });
    const full = planTopicView(topic);
    for (const w of topic.whatToTry) expect(full.body).toContain(w);
    expect(full.inputs.map((i) => i.name)).toEqual(['why']);
    // A clear plan shows no reading line and no menu.
    const clear = planWith({});
    expect(planView(clear, library).body).not.toContain('Worth reading');
    expect(planFindingsView(clear, library).inputs.map((i) => i.name)).toEqual(['page:1']);
  });
});
