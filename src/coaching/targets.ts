/** The spec's early habit target: 6 sessions in the first 2 weeks. */
export const EARLY_TARGET = { sessions: 6, days: 14 } as const;

/** The spec: reassess every 4 weeks, and invite again weekly until it is done. */
export const REASSESS_AFTER_DAYS = 28;
export const REASSESS_REMIND_EVERY_DAYS = 7;

/** Two regressions in a row on a pattern raise the "regressed twice" troubleshooting signal too. */
export const REGRESSED_TWICE_SIGNAL = 'regressed_twice' as const;

/**
 * How long a checks sitting takes, said the same way everywhere (/assess, the daily DM, the
 * console): the core sitting's 7 tests take about 12 minutes, so about a minute and a half a test.
 */
export function checksMinutes(count: number): number {
  return Math.ceil(count * 1.5);
}
