import { z } from 'zod';
import { ALL_RATINGS, GOAL_IDS, NINETY_NINETY_HIPS, PAIN_PLACES, RED_FLAG_IDS, type RedFlagId, type Side } from '../content/ids.js';
import { painScore } from '../coaching/assessment-answers.js';
import type { AssessmentAction } from './assessment-state.js';

/**
 * Turns a named input from a view (a select's values, a button, a text field) into an action.
 * Discord components and console prompts both come through here, so parsing lives in one place.
 */

export type ParsedInput = { ok: true; action: AssessmentAction | { type: 'pause' } } | { ok: false; error: string };

const sideSchema = z.enum(['left', 'right', 'both']);
const painValue = z.coerce.number().pipe(painScore);

export function parsePsfsLine(text: string): { activity: string; score: number } | { error: string } {
  const m = /^(.*?\S)\s*(?:[:=,\-–—]\s*)?(\d{1,2})\s*(?:\/\s*10)?\s*$/.exec(text.trim());
  if (!m) return { error: `"${text.trim()}" needs a score at the end, like "climbing stairs: 5".` };
  const score = Number(m[2]);
  if (score > 10) return { error: `The score for "${m[1]}" must be from 0 to 10.` };
  const activity = m[1]!.replace(/[:=,\-–—\s]+$/, '');
  if (activity.length < 2 || activity.length > 100) return { error: 'Each activity needs a short name (2-100 characters).' };
  return { activity, score };
}

/**
 * "That's right" under the red-flag check carries the ticked flags in its name (one base-36
 * character per flag): they are the question's own content, and nothing is stored until pressed.
 */
export function confirmFlagsName(flags: readonly RedFlagId[]): string {
  return `flagsok:${flags.map((f) => RED_FLAG_IDS.indexOf(f).toString(36)).join('')}`;
}

function decodeFlagList(code: string): RedFlagId[] | null {
  if (!/^[0-9a-z]{1,20}$/.test(code)) return null;
  const flags = (code.match(/[0-9a-z]/g) ?? []).map((c) => RED_FLAG_IDS[parseInt(c, 36)]);
  const parsed = z.array(z.enum(RED_FLAG_IDS)).min(1).safeParse(flags);
  return parsed.success ? RED_FLAG_IDS.filter((f) => parsed.data.includes(f)) : null;
}

export function parseAssessmentInput(name: string, values: readonly string[]): ParsedInput {
  // A choice shown as buttons names its value: `rating:left:full`.
  const [kind, sideText, named] = name.split(':');
  const value = values[0] ?? named;
  switch (kind) {
    case 'back':
    case 'skip':
    case 'next':
    case 'finish':
    case 'pause':
      return { ok: true, action: { type: kind } };
    case 'none':
      return { ok: true, action: { type: 'screen', flags: [] } };
    case 'untick':
      return { ok: true, action: { type: 'untick' } };
    case 'flagsok': {
      const flags = decodeFlagList(sideText ?? '');
      return flags ? { ok: true, action: { type: 'screen', flags, confirmed: true } } : { ok: false, error: 'Those answers were not recognised; please choose again.' };
    }
    case 'flags': {
      const flags = z.array(z.enum(RED_FLAG_IDS)).min(1).safeParse(values);
      return flags.success ? { ok: true, action: { type: 'screen', flags: flags.data } } : { ok: false, error: 'Those answers were not recognised; please choose again.' };
    }
    case 'goal': {
      const goal = z.enum(GOAL_IDS).safeParse(value);
      return goal.success ? { ok: true, action: { type: 'goal', goal: goal.data } } : { ok: false, error: 'That goal was not recognised; please choose one from the list.' };
    }
    case 'painAverage':
    case 'painWorst': {
      const pain = painValue.safeParse(value);
      if (!pain.success) return { ok: false, error: 'Pain must be a whole number from 0 to 10.' };
      return { ok: true, action: { type: 'baseline_pain', [kind]: pain.data } };
    }
    case 'rating':
    case 'pain':
    case 'place':
    case 'hip': {
      const side = sideSchema.safeParse(sideText);
      if (!side.success) return { ok: false, error: 'That side was not recognised.' };
      return sideAction(kind, side.data, value);
    }
    default:
      if (/^psfs[1-3]$/.test(name)) return { ok: false, error: 'Activities are sent together; use parsePsfsForm.' };
      return { ok: false, error: 'That choice was not recognised.' };
  }
}

function sideAction(kind: 'rating' | 'pain' | 'place' | 'hip', side: Side, value: string | undefined): ParsedInput {
  if (kind === 'rating') {
    const rating = z.enum(ALL_RATINGS).safeParse(value);
    return rating.success ? { ok: true, action: { type: 'side', side, rating: rating.data } } : { ok: false, error: 'That rating was not recognised.' };
  }
  if (kind === 'pain') {
    const pain = painValue.safeParse(value);
    return pain.success ? { ok: true, action: { type: 'side', side, pain: pain.data } } : { ok: false, error: 'Pain must be a whole number from 0 to 10.' };
  }
  if (kind === 'hip') {
    const hip = z.enum(NINETY_NINETY_HIPS).safeParse(value);
    return hip.success ? { ok: true, action: { type: 'side', side, hip: hip.data } } : { ok: false, error: "Choose the front leg's hip or the back leg's hip." };
  }
  const place = z.enum(PAIN_PLACES).safeParse(value);
  return place.success ? { ok: true, action: { type: 'side', side, painPlace: place.data } } : { ok: false, error: 'Choose front, side or back.' };
}

/** The activities form: up to three `activity: score` lines, blanks ignored. */
export function parsePsfsForm(lines: readonly string[]): ParsedInput {
  const items: { activity: string; score: number }[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const parsed = parsePsfsLine(line);
    if ('error' in parsed) return { ok: false, error: parsed.error };
    items.push(parsed);
  }
  if (items.length > 3) return { ok: false, error: 'Please name at most 3 activities.' };
  return { ok: true, action: { type: 'psfs', items } };
}
