import {
  EQUIPMENT_IDS,
  GOAL_PATTERNS,
  MUSCLE_IDS,
  PATTERN_IDS,
  RED_FLAG_IDS,
  STAGES,
  TEST_IDS,
  type EquipmentId,
  type MuscleId,
  type PatternId,
} from './ids.js';
import { checkLevelFields } from './level-checks.js';
import { checkBattery, checkFaq, checkRedFlags } from './library-checks.js';
import type { Chain, ChainLevel, ContentFiles, ExerciseCheck, Library, Located } from './library-types.js';
import type { ContentProblem } from './source-file.js';

export type { Chain, ChainLevel, ContentFiles, ExerciseCheck, ExerciseFile, Library, Located } from './library-types.js';

/** Muscles the narrow protocols leave out: the library must train every one of them. */
export const REQUIRED_MUSCLES: readonly MuscleId[] = MUSCLE_IDS.filter((m) => m !== 'calves_feet');

/** Checks every exercise file together: ids, names, chains, links, equipment and muscle coverage. */
export function checkExercises(
  exerciseFiles: ContentFiles['exercises'],
  problems: ContentProblem[],
): ExerciseCheck | undefined {
  const before = problems.length;
  const at = (loc: Located, field: string, message: string) =>
    problems.push(loc.source.problem(['exercises', loc.index, field], message));

  const located: Located[] = exerciseFiles.flatMap(({ source, pattern, exercises }) => {
    return exercises.map(({ exercise, index }) => {
      const loc = { exercise, source, index };
      if (exercise.pattern !== pattern) {
        at(loc, 'pattern', `is "${exercise.pattern}" but this file holds "${pattern}"`);
      }
      return loc;
    });
  });

  const byId = new Map<string, Located>();
  const names = new Map<string, string>();
  for (const loc of located) {
    const { id, name } = loc.exercise;
    if (byId.has(id)) at(loc, 'id', `"${id}" is used twice`);
    else byId.set(id, loc);
    const key = name.toLowerCase();
    const other = names.get(key);
    if (other !== undefined) at(loc, 'name', `"${name}" is also the name of "${other}"`);
    else names.set(key, id);
  }

  const libraryProblem = (message: string, file = 'exercises/') => problems.push({ file, field: '', message });

  const chains = {} as Record<PatternId, Chain>;
  for (const pattern of PATTERN_IDS) {
    const chain = checkChain(pattern, located, byId, at, problems, libraryProblem);
    if (chain) chains[pattern] = chain;
  }

  for (const loc of located) {
    const { exercise } = loc;
    if (exercise.warmup && (exercise.level > 2 || exercise.equipment.join() !== 'none')) {
      at(loc, 'warmup', 'warm-up exercises must be level 1 or 2 and need no equipment');
    }
  }

  const usedEquipment = new Set<EquipmentId>(located.flatMap((l) => l.exercise.equipment));
  const usedMuscles = new Set<MuscleId>(located.flatMap((l) => l.exercise.muscles));
  for (const e of EQUIPMENT_IDS) {
    if (!usedEquipment.has(e)) libraryProblem(`no exercise uses the equipment "${e}"`);
  }
  for (const m of REQUIRED_MUSCLES) {
    if (!usedMuscles.has(m)) libraryProblem(`no exercise trains "${m}"`);
  }
  if (located.filter((l) => l.exercise.warmup).length < 4) {
    libraryProblem('at least 4 exercises must be marked warmup: true');
  }
  if (problems.length > before) return undefined;
  return { chains, byId: new Map([...byId].map(([id, l]) => [id, l.exercise])) };
}

/** Cross-file checks (links, chains, coverage) and the indexes the engine needs. */
export function buildLibrary(
  files: ContentFiles,
  hash: string,
): { problems: ContentProblem[]; library?: Library } {
  const problems: ContentProblem[] = [];
  const checked = checkExercises(files.exercises, problems);
  checkBattery(files, problems);
  checkRedFlags(files, problems);
  const topics = files.troubleshooting.data.topics;
  const topicIds = new Set<string>();
  topics.forEach((topic, i) => {
    const src = files.troubleshooting.source;
    if (topicIds.has(topic.id)) problems.push(src.problem(['topics', i, 'id'], `"${topic.id}" is used twice`));
    topicIds.add(topic.id);
    topic.relatedExercises.forEach((id, j) => {
      if (checked && !checked.byId.has(id)) {
        problems.push(src.problem(['topics', i, 'relatedExercises', j], `exercise "${id}" does not exist`));
      }
    });
  });

  checkFaq(files, problems, checked, topicIds);
  if (problems.length > 0 || !checked) return { problems };
  const { chains } = checked;
  const exercises = PATTERN_IDS.flatMap((p) => chains[p].levels.flatMap((l) => l.options));
  const tests = [...files.battery.data.tests].sort(
    (a, b) => TEST_IDS.indexOf(a.id) - TEST_IDS.indexOf(b.id),
  );
  const flags = [...files.redFlags.data.flags].sort(
    (a, b) => RED_FLAG_IDS.indexOf(a.id) - RED_FLAG_IDS.indexOf(b.id),
  );
  return {
    problems,
    library: {
      version: `${files.manifest.data.version}+${hash}`,
      exercises,
      exerciseById: new Map(exercises.map((e) => [e.id, e])),
      chains,
      warmups: exercises.filter((e) => e.warmup),
      battery: { intro: files.battery.data.intro, painScale: files.battery.data.painScale, tests },
      testById: new Map(tests.map((t) => [t.id, t])),
      redFlags: { intro: files.redFlags.data.intro, flags, referrals: files.redFlags.data.referrals },
      redFlagById: new Map(flags.map((f) => [f.id, f])),
      baseline: files.baseline.data,
      troubleshooting: topics,
      faq: files.faq.data.entries,
    },
  };
}

function checkChain(
  pattern: PatternId,
  located: readonly Located[],
  byId: ReadonlyMap<string, Located>,
  at: (loc: Located, field: string, message: string) => void,
  problems: ContentProblem[],
  libraryProblem: (message: string, file?: string) => void,
): Chain | undefined {
  const mine = located.filter((l) => l.exercise.pattern === pattern);
  const mains = mine.filter((l) => l.exercise.variantOf === undefined);
  // A goal pattern may have no content yet: its chain is empty and the engine leaves it out.
  if (mains.length === 0 && GOAL_PATTERNS.includes(pattern)) return { pattern, levels: [] };
  if (mains.length === 0) {
    libraryProblem(`pattern "${pattern}" has no exercises, so it cannot be reached`, `exercises/${pattern}.yaml`);
    return undefined;
  }
  const before = problems.length;

  // Links must resolve to main exercises of the same pattern, one level apart, in both directions.
  for (const loc of mains) {
    const e = loc.exercise;
    for (const [field, step] of [
      ['previous', -1],
      ['next', 1],
    ] as const) {
      const targetId = e[field];
      if (targetId === null) continue;
      const target = byId.get(targetId)?.exercise;
      if (!target) at(loc, field, `"${targetId}" does not exist`);
      else if (target.pattern !== pattern) at(loc, field, `"${targetId}" belongs to another pattern`);
      else if (target.variantOf !== undefined) at(loc, field, `"${targetId}" is a variant; link the main exercise "${target.variantOf}"`);
      else if (target.level !== e.level + step) at(loc, field, `"${targetId}" is level ${target.level}, expected ${e.level + step}`);
      else if (target[field === 'next' ? 'previous' : 'next'] !== e.id) {
        at(loc, field, `"${targetId}" does not link back to "${e.id}"`);
      }
    }
  }

  // Walk the chain from its start: this finds cycles, gaps and unreachable exercises.
  const starts = mains.filter((l) => l.exercise.previous === null);
  if (starts.length !== 1) {
    at(mains[0]!, 'previous', `pattern "${pattern}" needs exactly one chain start (previous: null), found ${starts.length}`);
    return undefined;
  }
  const order: Located[] = [];
  const seen = new Set<string>();
  const mainIds = new Set(mains.map((l) => l.exercise.id));
  for (let cur: Located | undefined = starts[0]; cur; ) {
    seen.add(cur.exercise.id);
    order.push(cur);
    const nextId: string | null = cur.exercise.next;
    // Only this pattern's main exercises belong to the walk; a bad link was reported above.
    const next = nextId !== null && mainIds.has(nextId) ? byId.get(nextId) : undefined;
    if (next && seen.has(next.exercise.id)) {
      at(cur, 'next', `the chain for "${pattern}" loops back to "${next.exercise.id}"`);
      return undefined;
    }
    cur = next;
  }
  for (const loc of mains) {
    if (!seen.has(loc.exercise.id)) at(loc, 'previous', `"${loc.exercise.id}" cannot be reached from level 1 of "${pattern}"`);
  }
  if (order.length < 3) at(order[0]!, 'next', `the chain for "${pattern}" has ${order.length} level(s); at least 3 are needed`);
  order.forEach((loc, i) => {
    if (loc.exercise.level !== i + 1) at(loc, 'level', `is ${loc.exercise.level} but it is step ${i + 1} of the chain`);
    const prev = order[i - 1];
    if (prev && STAGES.indexOf(loc.exercise.stage) < STAGES.indexOf(prev.exercise.stage)) {
      at(loc, 'stage', `"${loc.exercise.stage}" comes after "${prev.exercise.stage}" on the chain; stages may only rise`);
    }
  });
  if (order[0] && order[0].exercise.stage !== 'comfort') at(order[0], 'stage', 'level 1 must be a comfort-stage exercise');

  const variants = mine.filter((l) => l.exercise.variantOf !== undefined);
  for (const loc of variants) {
    const v = loc.exercise;
    const main = byId.get(v.variantOf!)?.exercise;
    if (!main) at(loc, 'variantOf', `"${v.variantOf}" does not exist`);
    else if (main.variantOf !== undefined) at(loc, 'variantOf', `"${v.variantOf}" is itself a variant`);
    else if (main.pattern !== pattern) at(loc, 'variantOf', `"${v.variantOf}" belongs to another pattern`);
    else {
      if (v.level !== main.level) at(loc, 'level', `must equal the level of "${main.id}" (${main.level})`);
      if (v.stage !== main.stage) at(loc, 'stage', `must equal the stage of "${main.id}" (${main.stage})`);
      if (v.previous !== main.previous) at(loc, 'previous', `must equal that of "${main.id}" (${String(main.previous)})`);
      if (v.next !== main.next) at(loc, 'next', `must equal that of "${main.id}" (${String(main.next)})`);
    }
  }
  if (problems.length > before) return undefined;

  const levels: ChainLevel[] = order.map(({ exercise: main }) => {
    const options = [main, ...variants.filter((l) => l.exercise.variantOf === main.id).map((l) => l.exercise)];
    return {
      level: main.level,
      stage: main.stage,
      main,
      options,
      default: options.find((o) => o.default === true) ?? main,
      provocative: options.some((o) => o.provocative),
    };
  });
  checkLevelFields(pattern, levels, mine, at);
  for (const [i, level] of levels.entries()) {
    if (!level.options.some((o) => o.equipment.length === 1 && o.equipment[0] === 'none')) {
      at(order[i]!, 'equipment', `level ${level.level} of "${pattern}" needs a version with equipment [none]`);
    }
  }
  return problems.length > before ? undefined : { pattern, levels };
}
