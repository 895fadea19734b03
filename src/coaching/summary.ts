import { PATTERN_LABELS } from '../content/ids.js';
import { PROGRESSION_V2_RULES, type Decision } from './progression.js';

/** Step-down rules: when nothing easier exists they leave the track where it is ("hold"). */
const STEP_DOWN_RULE_IDS: readonly string[] = [PROGRESSION_V2_RULES.flare.id, PROGRESSION_V2_RULES.painHigh.id, PROGRESSION_V2_RULES.form.id];

/**
 * What moved after a session, briefly (spec v2): one line per change, every pattern that stayed
 * put grouped into one "no change" line. Built from that session's decisions only, so nothing
 * said today is repeated tomorrow.
 */
export function summariseDecisions(decisions: readonly Decision[]): string[] {
  const label = (d: Decision) => `${PATTERN_LABELS[d.pattern]}${d.side === 'both' ? '' : ` (${d.side})`}`;
  const lines: string[] = [];
  const unchanged: string[] = [];
  for (const d of decisions) {
    if (d.change === 'level_up') lines.push(`${label(d)}: up to level ${d.to}, because ${d.reason}.`);
    else if (d.change === 'level_down') lines.push(`${label(d)}: back to level ${d.to}, because ${d.reason}.`);
    else if (d.change === 'step_down') lines.push(`${label(d)}: a little less next time, because ${d.reason}.`);
    else if (d.change === 'rung_up') lines.push(`${label(d)}: a little more next time.`);
    // A step-down that could not go lower (level 1, rung 1): say so, it is not "no change" to the person.
    else if (STEP_DOWN_RULE_IDS.includes(d.ruleId) && d.to === 1 && d.toRung === 0)
      lines.push(`${label(d)} stays at its easiest version, because ${d.reason}: keep it small and gentle, and if it keeps hurting, ask a physiotherapist to take a look.`);
    else unchanged.push(label(d));
  }
  if (unchanged.length > 0) lines.push(`No change: ${unchanged.join(', ')}.`);
  return lines;
}
