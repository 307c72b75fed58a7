// The builder must find an article's names by itself: no name, place or date of the seed article, and no
// name among the gold answers of the real-news corpus, in either part, may be written into its code (a
// gazetteer that knew them would make the measures meaningless). Calendar words are not names here.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpusPart } from './corpus-measure.js';
import { ROOT } from './helpers.js';
import { MONTHS, WEEKDAYS } from '../../src/builder/vocabulary.js';

const BUILDER = join(ROOT, 'src', 'builder');
// Calendar words ("June", "Wednesday") are not on the list: every date pattern needs all of them.
const FORBIDDEN = [
  'Blinken', 'Antony', 'Beijing', 'Qin', 'Gang', 'Bali', 'Jinping', 'Biden', 'Joe', 'Xi', 'Russia', 'Russian',
  'China', 'Chinese', 'Washington', 'United States', 'US', 'State Department', 'June 16', '16 to 21', 'last year',
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('src/builder knows nothing of the seed article', () => {
  const files = sources(BUILDER);

  it('has source files to scan', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(FORBIDDEN)('never mentions %s', (name) => {
    const pattern = new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'u');
    const hits = files.filter((file) => pattern.test(readFileSync(file, 'utf8')));
    expect(hits).toEqual([]);
  });
});

// Names among a part's gold answers: capitalised words that are no calendar word.
const CALENDAR = new Set<string>([...MONTHS, ...WEEKDAYS]);
const namesOf = (part: 'dev' | 'test'): string[] =>
  [
    ...new Set(
      loadCorpusPart(part)
        .flatMap((article) => article.gold.flatMap((fact) => fact.answers))
        .filter((answer) => /\p{Lu}\p{L}{2,}/u.test(answer) && !answer.split(/\s+/).every((word) => CALENDAR.has(word) || !/^\p{Lu}/u.test(word)))
        .filter((answer) => !/^\d/.test(answer)),
    ),
  ].sort();
const CORPUS_NAMES = namesOf('dev');
const TEST_NAMES = namesOf('test');

/**
 * Gold answers that are also common words the builder used before their article joined the corpus (the
 * fifth batch, added untuned): "Apollo" among the labels before a number ("Apollo 11", numbers.ts since
 * 5e8ccf8) and "Law" among the words that end a law's name (fixed-by-stem.ts since ad64176), where the gold
 * has them as a space programme and a surname; and "Two", a count word the code knew long before the sixth
 * batch's gold wrote "Two" for "two Amtrak employees". Any other hit is a name the code must not know.
 */
const WORDS_BEFORE_THEIR_ARTICLE = new Set(['Apollo', 'Law', 'Two']);

/**
 * Gold answers of the test part that are words of the language or of any gazetteer, which the builder's
 * vocabulary and its comments' made-up examples use for what they are: countries and cities every lexicon
 * has ("Kenya", "Canada", "Sweden", "Finland", "Stockholm", "Lisbon", "Nice"), number words ("Two", "Four",
 * "Thirty", "Category 3"), a language ("English"), a feast ("Easter"), common words ("Science", "Olympic",
 * "Hill") and two bodies the examples of initials name ("BBC", "WHO"). Any other hit is a test article's
 * name (stop 36 took the last of them out of the comments).
 */
const COMMON_WORDS = new Set(['Kenya', 'Canada', 'Sweden', 'Finland', 'Stockholm', 'Lisbon', 'Nice', 'Two', 'Four', 'Thirty', 'Category 3', 'English', 'Easter', 'Science', 'Olympic', 'Hill', 'BBC', 'WHO']);

describe('src/builder knows nothing of the corpus it is tuned on', () => {
  const files = sources(BUILDER);
  const texts = files.map((file) => [file, readFileSync(file, 'utf8')] as const);

  it('has gold names to look for', () => {
    expect(CORPUS_NAMES.length).toBeGreaterThan(50);
  });

  it('mentions none of the gold names of the development articles', () => {
    const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const hits = CORPUS_NAMES.filter((name) => !WORDS_BEFORE_THEIR_ARTICLE.has(name)).flatMap((name) => {
      const pattern = new RegExp(`(?<![\\p{L}])${escape(name)}(?![\\p{L}])`, 'u');
      return texts.filter(([, text]) => pattern.test(text)).map(([file]) => `${name} in ${file}`);
    });
    expect(hits).toEqual([]);
  });

  it('mentions none of the names of the test articles but words every lexicon has', () => {
    expect(TEST_NAMES.length).toBeGreaterThan(300);
    const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const hits = TEST_NAMES.filter((name) => !COMMON_WORDS.has(name) && !WORDS_BEFORE_THEIR_ARTICLE.has(name)).flatMap((name) => {
      const pattern = new RegExp(`(?<![\\p{L}])${escape(name)}(?![\\p{L}])`, 'u');
      return texts.filter(([, text]) => pattern.test(text)).map(([file]) => `${name} in ${file}`);
    });
    expect(hits).toEqual([]);
  });
});
