import { DEFAULT_GOAL, GOAL_IDS, type GoalId } from '../content/ids.js';
import { goalSchema } from '../coaching/assessment-answers.js';
import { chooseExercise, levelAt } from '../coaching/choice.js';
import { GOAL_IMPACT_RULE_ID, gatesOf, openGoalPatterns } from '../coaching/goals.js';
import { limitsFor } from '../coaching/gates.js';
import { buildPlan, dosageView, type Plan, type PlanItem } from '../coaching/plan.js';
import { getAssessment, latestCompletedAssessment, saveAssessmentProgress } from '../db/repos/assessments.js';
import { getPerson, updateSettings, type Person } from '../db/repos/people.js';
import { activePlan, markPlanDelivered, saveActivePlan } from '../db/repos/plans.js';
import { keepProgressionForPlan, progressionLevels } from '../db/repos/progression.js';
import type { Queryable } from '../db/types.js';
import { draftToAnswers } from '../flows/assessment-state.js';
import { goalShapeClause, goalWords } from '../views/plan-screen.js';
import { checksMinutes } from '../coaching/targets.js';
import type { AppDeps, Tx } from './context.js';
import type { People } from './people.js';
import { laterForGoal } from './checks.js';

export type GoalChange =
  | {
      ok: true;
      person: Person;
      /** False when the goal was already this one: nothing was rebuilt. */
      changed: boolean;
      /** True when an active plan was rebuilt around the new goal. */
      rebuilt: boolean;
      /** One line for the person: what changed. */
      message: string;
    }
  | { ok: false; error: string };

/** A person's goal: stored, read with its fallbacks, and changed (rebuilding the plan, keeping levels). */
export class Goals {
  constructor(
    private readonly deps: AppDeps,
    private readonly people: People,
  ) {}

  /** person.goal, else the latest assessment's goal, else `daily_life`. Reads only. */
  goalOf(personId: string): GoalId {
    const person = getPerson(this.deps.db, personId);
    if (person?.goal) return person.goal;
    return latestCompletedAssessment(this.deps.db, personId)?.draft.goal ?? DEFAULT_GOAL;
  }

  /**
   * The goal drills open today (the impact chain for running and field sport, once the loading
   * stage is reached and both hops were steady), as plan items at their current level.
   */
  goalItems(personId: string, plan: Plan): PlanItem[] {
    const levels = progressionLevels(this.deps.db, personId);
    const library = this.deps.library;
    return openGoalPatterns(plan, library, levels).map(({ pattern, level }) => {
      const exercise = chooseExercise(levelAt(library.chains[pattern], level), plan.equipment, limitsFor(gatesOf(plan), 'both'));
      return {
        exerciseId: exercise.id,
        name: exercise.name,
        pattern,
        level: exercise.level,
        stage: exercise.stage,
        side: 'both',
        dosage: dosageView(exercise.dosage),
        minutes: exercise.minutes,
        tier: 'focus',
        reasons: [{ testId: null, side: 'both', finding: 'goal', ruleId: GOAL_IMPACT_RULE_ID }],
      };
    });
  }

  /** Store the goal the assessment's goal step was answered with (no plan rebuild: one is coming). */
  remember(personId: string, goal: GoalId, db: Queryable = this.deps.db): void {
    updateSettings(db, personId, { goal }, this.deps.clock());
  }

  /**
   * Change the goal. With a plan: rebuild it from the same assessment with the new goal, keep every
   * track's level and ladder (a setting is not a reassessment), and say what changed in one line.
   * Unknown goal: a friendly error and nothing changes. The same goal twice: nothing changes.
   */
  setGoal(personId: string, raw: unknown): GoalChange {
    const parsed = goalSchema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, error: `I do not know that goal. Pick one of: ${GOAL_IDS.map(goalWords).join('; ')}.` };
    }
    const goal = parsed.data;
    const label = goalWords(goal);
    const before = this.goalOf(personId);
    this.people.ensure(personId);
    if (before === goal) {
      this.remember(personId, goal);
      return { ok: true, person: this.people.person(personId), changed: false, rebuilt: false, message: `Your goal is already ${label}. Nothing changed.` };
    }
    const now = this.deps.clock();
    const outcome = this.deps.db.transaction((tx) => {
      this.remember(personId, goal, tx);
      const stored = activePlan(tx, personId);
      if (!stored || stored.plan.referral) return { rebuilt: false, hopPending: false };
      const rebuilt = rebuildForGoal(tx, stored.plan, stored.assessmentId, goal, this.deps.library);
      const saved = saveActivePlan(tx, personId, stored.assessmentId, rebuilt.plan, now);
      // The person already has this plan in front of them: it is not a new plan to deliver.
      markPlanDelivered(tx, saved.id, now);
      keepProgressionForPlan(tx, personId, rebuilt.plan, now);
      return { rebuilt: true, hopPending: this.queueGoalTests(tx, personId, goal, now) };
    });
    const person = this.people.person(personId);
    return { ok: true, person, changed: true, rebuilt: outcome.rebuilt, message: changeLine(goal, outcome.rebuilt, outcome.hopPending) };
  }

  /**
   * A goal that asks the hop, with no hop done: the hop joins the deferred checks (the daily DM and
   * /assess offer it) rather than waiting for a whole check-in. Returns whether it is queued.
   */
  private queueGoalTests(tx: Tx, personId: string, goal: GoalId, now: Date): boolean {
    const last = latestCompletedAssessment(tx, personId);
    if (!last) return false;
    const later = laterForGoal(last.draft, goal);
    const before = last.draft.later ?? [];
    if (later.length !== before.length || later.some((t, i) => t !== before[i])) {
      saveAssessmentProgress(tx, last.id, last.step, { ...last.draft, later }, now);
    }
    return later.includes('single_leg_hop');
  }
}

/** The plan rebuilt from the assessment it came from, with only the goal changed. */
function rebuildForGoal(tx: Tx, plan: Plan, assessmentId: number | null, goal: GoalId, library: AppDeps['library']): { plan: Plan } {
  const assessment = assessmentId !== null ? getAssessment(tx, assessmentId) : undefined;
  const answers = assessment ? draftToAnswers({ ...assessment.draft, goal }, { minutes: plan.minutes, equipment: plan.equipment }) : undefined;
  if (answers?.ok) {
    return { plan: buildPlan(answers.answers, library) };
  }
  // A plan with no readable assessment (imported, or stored before drafts): only the goal moves.
  return { plan: { ...plan, goal, gates: { ...plan.gates, goal } } };
}

function changeLine(goal: GoalId, rebuilt: boolean, hopPending: boolean): string {
  const label = goalWords(goal);
  if (!rebuilt) return `Your goal is now ${label}. I will shape your plan around it once your check-in is done.`;
  const hop = hopPending ? ` The hop test comes as a quick check (about ${checksMinutes(1)} minutes): your next workout message or \`/assess\` offers it.` : '';
  return `Your goal is now ${label}: your levels stay, and ${goalShapeClause(goal)}.${hop}`;
}
