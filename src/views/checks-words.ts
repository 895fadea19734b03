import { checksMinutes } from '../coaching/targets.js';
import { CHECKS_PER_SITTING } from '../flows/assessment-state.js';

/**
 * The deferred checks in words, from the sitting size itself, so "two at a time", "Two quick
 * checks" and their minutes change together if the sitting does.
 */
const NUMBER_WORDS = ['No', 'One', 'Two', 'Three', 'Four', 'Five'] as const;

const inWords = (n: number) => NUMBER_WORDS[n] ?? String(n);

/** The checks one sitting asks now: the sitting size, or fewer when fewer are left. */
export const checksNow = (pending: number) => Math.min(pending, CHECKS_PER_SITTING);

/** "Two quick checks", "One quick check". */
export function quickChecks(count: number): string {
  return `${inWords(count)} quick check${count === 1 ? '' : 's'}`;
}

/** "Two quick checks (3 min)": a button's label. */
export function quickChecksLabel(count: number): string {
  return `${quickChecks(count)} (${checksMinutes(count)} min)`;
}

/** "two at a time". */
export const AT_A_TIME = `${inWords(CHECKS_PER_SITTING).toLowerCase()} at a time`;
