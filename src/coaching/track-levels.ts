import type { PatternId, Side } from '../content/ids.js';

/** Where a person stands on one pattern's chain, keyed by `pattern:side`. */
export interface TrackLevel {
  level: number;
  /** The dosage-ladder rung inside the level (0 = first); absent means the first. */
  rung?: number;
}
export type ProgressionLevels = Readonly<Record<string, TrackLevel | undefined>>;

export function trackKey(pattern: PatternId, side: Side): string {
  return `${pattern}:${side}`;
}
