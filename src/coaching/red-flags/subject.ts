import type { Subject } from '../safety.js';

/**
 * Who a red-flag match is about. Words for other people ("my son", "my wife", "she", "her hip")
 * and for oneself ("I", "me", "my hip") are found per word; the sentence around a match decides,
 * then the whole message; where both kinds appear and nothing local settles it, it is unclear.
 */
const OTHER = new Set([
  'son', 'sons', 'daughter', 'daughters', 'kid', 'kids', 'child', 'children', 'boy', 'girl', 'lad', 'lass', 'teen', 'stepson', 'stepdaughter',
  'wife', 'husband', 'partner', 'hubby', 'missus', 'girlfriend', 'boyfriend', 'gf', 'bf', 'fiance', 'fiancee', 'spouse',
  'mum', 'mom', 'mother', 'mam', 'mummy', 'dad', 'father', 'daddy', 'parent', 'parents', 'gran', 'granny', 'grandma', 'grandmother', 'nan', 'nana', 'nanna',
  'grandad', 'granddad', 'grandpa', 'grandfather', 'grandparent', 'brother', 'sister', 'aunt', 'auntie', 'uncle', 'cousin', 'niece', 'nephew',
  'friend', 'friends', 'mate', 'colleague', 'neighbour', 'neighbor', 'client', 'patient', 'he', 'she', 'him', 'her', 'his', 'hers', 'himself', 'herself',
]);
const SELF = new Set(['i', 'me', 'myself', 'mine', 'im']);
/** Kinship words that make a following noun someone else's: "my son", "our daughter". */
const POSSESSIVE = new Set(['my', 'our']);

export type Marker = 'me' | 'other' | null;

/** The person marker for each word of the normalised text. "my" counts as me unless a kinship word follows. */
export function personMarkers(words: readonly string[]): Marker[] {
  return words.map((raw, i) => {
    const w = raw.replace(/'s$/, '');
    // "as a kid", "as a child": the writer's own past, not another person.
    if (words[i - 1] === 'a' && words[i - 2] === 'as') return null;
    // "new mum here": the writer is the mum.
    if (words[i - 1] === 'new' && (w === 'mum' || w === 'mom' || w === 'mam')) return 'me';
    if (OTHER.has(w)) return 'other';
    if (SELF.has(w)) return 'me';
    if (POSSESSIVE.has(w)) {
      const next = words[i + 1] ?? '';
      const after = words[i + 2] ?? '';
      // "my 15 year old son", "my little girl": look a few words on for a kinship word.
      const kin = (k: string | undefined) => OTHER.has((k ?? '').replace(/'s$/, ''));
      if (kin(next) || kin(after) || kin(words[i + 3]) || kin(words[i + 4])) return null;
      return w === 'my' ? 'me' : null;
    }
    return null;
  });
}

/**
 * The subject of a match ending at word `at` in sentence [start, end]: one kind of marker in the
 * sentence decides; both kinds: the nearest one before the match; none: the whole message.
 */
export function subjectOf(markers: readonly Marker[], sentenceStart: number, sentenceEnd: number, at: number): Subject {
  const inSentence = markers.slice(sentenceStart, sentenceEnd + 1);
  const hasMe = inSentence.includes('me');
  const hasOther = inSentence.includes('other');
  if (hasOther && !hasMe) return 'someone_else';
  if (hasMe && !hasOther) return 'me';
  if (hasMe && hasOther) {
    for (let i = at; i >= sentenceStart; i--) {
      const m = markers[i];
      if (m === 'me') return 'me';
      if (m === 'other') return 'someone_else';
    }
    return 'unclear';
  }
  const anyMe = markers.includes('me');
  const anyOther = markers.includes('other');
  if (anyOther && !anyMe) return 'someone_else';
  if (anyOther && anyMe) return 'unclear';
  return 'me';
}
