import { EMERGENCY_FLAG_IDS, RED_FLAG_IDS, SCALES, TEST_GOALS, TEST_IDS, TEST_SPEC, type RedFlagId, type TestId } from './ids.js';
import type { ContentFiles, ExerciseCheck } from './library-types.js';
import type { ContentProblem } from './source-file.js';

/** Cross-checks of the battery, the red flags and the FAQ against the spec and the other files. */

export function checkBattery(files: ContentFiles, problems: ContentProblem[]): void {
  const { source, data } = files.battery;
  const seen = new Set<TestId>();
  data.tests.forEach((test, i) => {
    if (seen.has(test.id)) problems.push(source.problem(['tests', i, 'id'], `"${test.id}" is used twice`));
    seen.add(test.id);
    const spec = TEST_SPEC[test.id];
    if (test.scale !== spec.scale) problems.push(source.problem(['tests', i, 'scale'], `must be "${spec.scale}" (coaching spec)`));
    if (test.sides !== spec.sides) problems.push(source.problem(['tests', i, 'sides'], `must be "${spec.sides}" (coaching spec)`));
    const ratings: readonly string[] = SCALES[test.scale].ratings;
    const hinted = Object.keys(test.ratingHints);
    for (const r of ratings) {
      if (!hinted.includes(r)) problems.push(source.problem(['tests', i, 'ratingHints'], `needs a hint for "${r}"`));
    }
    for (const h of hinted) {
      if (!ratings.includes(h)) problems.push(source.problem(['tests', i, 'ratingHints', h], `"${h}" is not a rating of the ${test.scale} scale`));
    }
    if (test.informs.filter((x) => x.weight === 'primary').length !== 1) {
      problems.push(source.problem(['tests', i, 'informs'], 'must inform exactly one pattern as primary (coaching spec v2)'));
    }
    if (test.askWhichHip !== (test.id === 'ninety_ninety_sit')) {
      problems.push(source.problem(['tests', i, 'askWhichHip'], test.askWhichHip ? 'only the 90/90 sit asks which hip' : 'the 90/90 sit must ask which hip (coaching spec v2)'));
    }
    const goals = TEST_GOALS[test.id];
    if ((test.onlyForGoals ?? []).join() !== (goals ?? []).join()) {
      problems.push(source.problem(['tests', i, 'onlyForGoals'], goals ? `must be [${goals.join(', ')}] (coaching spec v2)` : 'this test is asked of everyone (coaching spec v2)'));
    }
  });
  for (const id of TEST_IDS) {
    if (!seen.has(id)) problems.push(source.problem(['tests'], `test "${id}" is missing`));
  }
}

export function checkRedFlags(files: ContentFiles, problems: ContentProblem[]): void {
  const { source, data } = files.redFlags;
  const seen = new Set<RedFlagId>();
  data.flags.forEach((flag, i) => {
    if (seen.has(flag.id)) problems.push(source.problem(['flags', i, 'id'], `"${flag.id}" is used twice`));
    seen.add(flag.id);
    const expected = EMERGENCY_FLAG_IDS.includes(flag.id) ? 'emergency' : 'urgent';
    if (flag.level !== expected) problems.push(source.problem(['flags', i, 'level'], `must be "${expected}" (coaching spec)`));
  });
  for (const id of RED_FLAG_IDS) {
    if (!seen.has(id)) problems.push(source.problem(['flags'], `red flag "${id}" is missing`));
  }
}

export function checkFaq(files: ContentFiles, problems: ContentProblem[], checked: ExerciseCheck | undefined, topicIds: ReadonlySet<string>): void {
  const { source, data } = files.faq;
  const seen = new Set<string>();
  data.entries.forEach((entry, i) => {
    if (seen.has(entry.id)) problems.push(source.problem(['entries', i, 'id'], `"${entry.id}" is used twice`));
    seen.add(entry.id);
    entry.relatedExercises.forEach((id, j) => {
      if (checked && !checked.byId.has(id)) problems.push(source.problem(['entries', i, 'relatedExercises', j], `exercise "${id}" does not exist`));
    });
    entry.relatedTopics.forEach((id, j) => {
      if (!topicIds.has(id)) problems.push(source.problem(['entries', i, 'relatedTopics', j], `troubleshooting topic "${id}" does not exist`));
    });
    if (/https?:\/\//i.test(entry.answer)) problems.push(source.problem(['entries', i, 'answer'], 'answers must not contain links'));
  });
}
