import { PATTERN_LABELS } from '../content/ids.js';
import { PROGRESSION_V2_RULES, type Decision } from './progression.js';

/** Step-down rules: when nothing easier exists they leave the track where it is ("hold"). */
const STEP_DOWN_RULE_IDS: readonly string[] = [PROGRESSION_V2_RULES.flare.id, PROGRESSION_V2_RULES.painHigh.id, PROGRESSION_V2_RULES.form.id];

/**
 * What moved after a session, briefly (spec v2): one line per level change or step down (each with
 * its reason), the one-rung climbs grouped into one line, every pattern that stayed put into one
 * "no change" line. Built from that session's decisions only, so nothing
 * said today is repeated tomorrow.
 */
export function summariseDecisions(decisions: readonly Decision[]): string[] {
  const label = (d: Decision) => `${PATTERN_LABELS[d.pattern]}${d.side === 'both' ? '' : ` (${d.side})`}`;
  const lines: string[] = [];
  const unchanged: string[] = [];
  // A climb of one rung carries no reason worth repeating: like "no change", grouped into one line.
  const more: string[] = [];
  for (const d of decisions) {
    if (d.change === 'level_up') lines.push(`${label(d)}: up to level ${d.to}, because ${d.reason}.`);
    else if (d.change === 'level_down') lines.push(`${label(d)}: back to level ${d.to}, because ${d.reason}.`);
    else if (d.change === 'step_down') lines.push(`${label(d)}: a little less next time, because ${d.reason}.`);
    else if (d.change === 'rung_up') more.push(label(d));
    // A step-down that could not go lower (level 1, rung 1): say so, it is not "no change" to the person.
    else if (STEP_DOWN_RULE_IDS.includes(d.ruleId) && d.to === 1 && d.toRung === 0)
      lines.push(`${label(d)} stays at its easiest version, because ${d.reason}. Next time do fewer repetitions in a smaller, comfortable range; if it goes above 5/10 or flares again, ask a physiotherapist first.`);
    else unchanged.push(label(d));
  }
  if (more.length > 0) lines.push(`A little more next time: ${more.join(', ')}.`);
  if (unchanged.length > 0) lines.push(`No change: ${unchanged.join(', ')}.`);
  return lines;
}
