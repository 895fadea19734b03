import { TEST_GOALS, type PatternId } from './ids.js';
import type { ChainLevel, Located } from './library-types.js';
import type { Exercise } from './schema.js';

/** The v2 fields (spec v2): one default per level, equivalents, provocation, ladders and entry criteria. */
export function checkLevelFields(
  pattern: PatternId,
  levels: readonly ChainLevel[],
  mine: readonly Located[],
  at: (loc: Located, field: string, message: string) => void,
): void {
  const locOf = new Map(mine.map((l) => [l.exercise.id, l]));
  for (const level of levels) {
    const marked = level.options.filter((o) => o.default === true);
    for (const extra of marked.slice(1)) {
      at(locOf.get(extra.id)!, 'default', `level ${level.level} of "${pattern}" already has "${marked[0]!.id}" as its default`);
    }
    const provocative = level.options.filter((o) => o.provocative);
    if (provocative.length > 0 && provocative.length < level.options.length) {
      for (const o of level.options.filter((x) => !x.provocative)) {
        at(locOf.get(o.id)!, 'provocative', `level ${level.level} of "${pattern}" is provocative ("${provocative[0]!.id}"); mark every version of it`);
      }
    }
    if (level.level === 1 && level.provocative) {
      at(locOf.get(level.main.id)!, 'provocative', 'level 1 cannot be provocative: it is where a painful pattern starts');
    }
    for (const o of level.options) {
      const loc = locOf.get(o.id)!;
      if (o.equivalentTo !== undefined) {
        const target = level.options.find((x) => x.id === o.equivalentTo);
        if (o.equivalentTo === o.id) at(loc, 'equivalentTo', 'cannot point at itself');
        else if (!target) at(loc, 'equivalentTo', `"${o.equivalentTo}" is not a version of level ${level.level} of "${pattern}"`);
        else if (target.id !== level.default.id) at(loc, 'equivalentTo', `"${o.equivalentTo}" is not the level's default ("${level.default.id}")`);
      }
      if (o.ladder) checkLadder(o, loc, at);
      if (o.gatedBy.length > 0 && level.level === 1) at(loc, 'gatedBy', 'level 1 cannot wait for other tests: it is where a painful pattern starts');
      for (const t of o.gatedBy.filter((x) => TEST_GOALS[x] !== undefined)) {
        at(loc, 'gatedBy', `"${t}" is asked only for some goals, so it would close this exercise for everyone else`);
      }
      if (pattern === 'impact' && o.entryCriteria === undefined) {
        at(loc, 'entryCriteria', 'every impact exercise says what must be true before starting it');
      }
    }
  }
}

function checkLadder(e: Exercise, loc: Located, at: (loc: Located, field: string, message: string) => void): void {
  const ladder = e.ladder!;
  const byHold = e.dosage.holdSeconds !== undefined;
  const amount = (r: { reps?: number | undefined; holdSeconds?: number | undefined }) => (byHold ? r.holdSeconds : r.reps) ?? 0;
  ladder.forEach((rung, i) => {
    if ((rung.holdSeconds !== undefined) !== byHold) {
      at(loc, `ladder[${i}]`, `counts ${byHold ? 'reps' : 'holdSeconds'} but the dosage counts ${byHold ? 'holdSeconds' : 'reps'}`);
    }
    const prev = ladder[i - 1];
    if (prev && (rung.sets < prev.sets || amount(rung) < amount(prev) || rung.sets * amount(rung) <= prev.sets * amount(prev))) {
      at(loc, `ladder[${i}]`, 'each rung must ask more than the one before (no fewer sets or reps, more in total)');
    }
  });
  const first = ladder[0]!;
  if (first.sets !== e.dosage.sets || amount(first) !== amount(e.dosage)) {
    at(loc, 'ladder[0]', 'the first rung must equal the dosage (sets and reps or hold)');
  }
}
