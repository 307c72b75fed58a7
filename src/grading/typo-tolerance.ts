// The typo rule: how far a typed answer may be from an accepted one and still count as right.
//
// Compared word by word on normalized answers (same number of words, in order):
// - a word of the accepted answer allows edits scaled to its length: 0 for 1-3 letters, 1 for 4-7,
//   2 for 8-15, 3 for longer; the whole answer allows the same scale on its length without spaces;
// - the first letter of every word must be right (a different first letter is usually a different word:
//   "Nanjing" for "Beijing", "Prussia" for "Russia", "Fang" for "Gang");
// - a word that is a number (digits or number words, already turned into digits) must be exact:
//   "16" is never "17", "June 16" never "June 17";
// - a month or weekday must not be swapped for another one ("July" for "June"), though a misspelt
//   one that names no other date ("Febuary") is forgiven;
// - a typed word that is itself a real word is another word, not a slip ("draft" for "drift", "rest" for
//   "reset", "Ministry" for "Minister"), unless it is the same word in the other number ("officials" for
//   "official"). Which words are real is asked of a WordCheck (see real-words.ts), only when a word is
//   otherwise close enough to be a typo.
// Words run together or split apart ("Bei jing") are forgiven too when the letters are otherwise identical
// and the numbers are the same.

import { isCalendarWord } from './calendar-words.js';
import { editDistance } from './edit-distance.js';
import { isNumericToken } from './number-words.js';
import { isSameWordInNumber, NO_WORDS, type WordCheck } from './real-words.js';

/** Edits allowed in a word or answer of `length` characters. */
export function typoBudget(length: number): number {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  if (length <= 15) return 2;
  return 3;
}

function wordDistance(given: string, accepted: string, isRealWord: WordCheck): number | null {
  if (given === accepted) return 0;
  if (isNumericToken(given) || isNumericToken(accepted)) return null;
  if (isCalendarWord(given)) return null;
  if (Array.from(given)[0] !== Array.from(accepted)[0]) return null;
  const distance = editDistance(given, accepted);
  if (distance > typoBudget(Array.from(accepted).length)) return null;
  return isRealWord(given) && !isSameWordInNumber(given, accepted) ? null : distance;
}

/**
 * The number of edits by which the normalized `given` words miss the normalized `accepted` words, when that
 * miss is small enough to be a typo; null when it is not (a different answer). 0 means identical.
 * `isRealWord` says which typed words are words of their own (by default none is).
 */
export function typoDistance(given: readonly string[], accepted: readonly string[], isRealWord: WordCheck = NO_WORDS): number | null {
  const compactLength = Array.from(accepted.join('')).length;
  if (given.length !== accepted.length) {
    const sameLetters = given.join('') === accepted.join('');
    const numbers = (words: readonly string[]): string => words.filter(isNumericToken).join(' ');
    return sameLetters && numbers(given) === numbers(accepted) && compactLength > 3 ? 1 : null;
  }
  let total = 0;
  for (let i = 0; i < accepted.length; i += 1) {
    const distance = wordDistance(given[i] ?? '', accepted[i] ?? '', isRealWord);
    if (distance === null) return null;
    total += distance;
  }
  return total <= typoBudget(compactLength) ? total : null;
}
