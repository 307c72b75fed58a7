import { describe, expect, it } from 'vitest';
import { findQuoteSentence, foldSpace, splitSentences } from '../../src/domain/article.js';

const texts = (article: string): string[] => splitSentences(article).map((sentence) => sentence.text);

describe('splitSentences', () => {
  it.each([
    ['U.S. does not end a sentence', 'Talks with the U.S. President went well. Both sides smiled.', ['Talks with the U.S. President went well.', 'Both sides smiled.']],
    ['Mr. does not end a sentence', 'Mr. Blinken met Mr. Wang. They spoke for hours.', ['Mr. Blinken met Mr. Wang.', 'They spoke for hours.']],
    ['Aug. does not end a sentence', 'The visit ended on Aug. 14 in Beijing. It was brief.', ['The visit ended on Aug. 14 in Beijing.', 'It was brief.']],
    ['p.m. does not end a sentence', 'He landed at 3 p.m. Monday and left. Nobody waved.', ['He landed at 3 p.m. Monday and left.', 'Nobody waved.']],
    ['a year ends a sentence', 'Construction began in 2021. It cost 12 million dollars.', ['Construction began in 2021.', 'It cost 12 million dollars.']],
    ['question and exclamation marks', 'Was it worth it? Yes! Everyone agreed.', ['Was it worth it?', 'Yes!', 'Everyone agreed.']],
    ['a lower-case word after a full stop', 'See p. ten for details. Then read on.', ['See p. ten for details.', 'Then read on.']],
    [
      'closing quotation marks stay with their sentence',
      'He said, “We are done.” Then he left. She said "Fine." Nobody replied.',
      ['He said, “We are done.”', 'Then he left.', 'She said "Fine."', 'Nobody replied.'],
    ],
    ['an opening quotation mark starts the next sentence', 'It rained. “Stay home,” she said.', ['It rained.', '“Stay home,” she said.']],
    [
      'the headline line is its own sentence',
      'Harbour Town Opens New Library\nRiverside: The mayor opened it on Monday. It holds 40,000 books.',
      ['Harbour Town Opens New Library', 'Riverside: The mayor opened it on Monday.', 'It holds 40,000 books.'],
    ],
    ['a paragraph break ends a sentence', 'First paragraph without a stop\n\nsecond paragraph in lower case', ['First paragraph without a stop', 'second paragraph in lower case']],
    ['blank lines and padding make no sentences', '\n\n  One.  \n\n\n  Two.  \n', ['One.', 'Two.']],
    ['empty text', '', []],
  ])('%s', (_name, article, expected) => {
    expect(texts(article)).toEqual(expected);
  });

  it('keeps offsets that map each sentence back to the text', () => {
    const article = 'Harbour Town Opens New Library\n  Riverside: Mr. Ortiz spoke.  “It is ours.” The U.S. envoy came.\n\nThe end!';
    const sentences = splitSentences(article);
    expect(sentences.map((s) => [s.start, s.end])).toEqual([
      [0, 30],
      [33, 60],
      [62, 75],
      [76, 96],
      [98, 106],
    ]);
    for (const sentence of sentences) {
      expect(article.slice(sentence.start, sentence.end)).toBe(sentence.text);
    }
  });

  // A paragraph break ends a sentence even right after an abbreviation ("U.S.", "Inc.").
  it('ends a sentence at a paragraph break that follows an abbreviation', () => {
    expect(texts('They traded with the U.S.\n\nThe minister left.')).toEqual(['They traded with the U.S.', 'The minister left.']);
  });
});

describe('findQuoteSentence', () => {
  const article = 'Harbour Town Opens New Library\nThe mayor, Dana Ortiz, opened it on Monday. The building holds 40,000 books.';
  const sentences = splitSentences(article);

  it('finds the sentence that holds the whole quote', () => {
    expect(findQuoteSentence(sentences, 'holds 40,000 books')).toEqual({ text: 'The building holds 40,000 books.', start: 75, end: 107 });
  });

  it.each([
    ['a quote across two sentences', 'on Monday. The building'],
    ['a quote not in the article', 'holds 50,000 books'],
    ['an empty quote', ''],
    ['a quote of white space only', ' \n\t '],
  ])('returns null for %s', (_name, quote) => {
    expect(findQuoteSentence(sentences, quote)).toBeNull();
  });

  it('compares white space folded, on both sides', () => {
    const spaced = splitSentences('The mayor,   Dana\tOrtiz, opened it.');
    expect(findQuoteSentence(spaced, 'mayor, Dana Ortiz')?.text).toBe('The mayor,   Dana\tOrtiz, opened it.');
    expect(findQuoteSentence(sentences, '  The\n building   holds ')?.text).toBe('The building holds 40,000 books.');
  });

  it('folds runs of white space to one space', () => {
    expect(foldSpace('  a \n\t b  c ')).toBe('a b c');
  });
});
