// Round 40: a drafted deck's title says what the story is about, not its outcome (src/builder/title.ts). The
// rubric counts a key the title shows as given away, so a deck titled with its headline could ask none of
// the facts the headline tells. Made-up names, and real lands where a land is the point.

import { describe, expect, it } from 'vitest';
import { neutralTitle } from '../../src/builder/title.js';
import { article, build, theTagger } from './helpers.js';

const title = (headline: string): string => neutralTitle(headline, theTagger());

describe('the title of a drafted deck', () => {
  it('is the name before a colon, without the outcome after it', () => {
    expect(title('Kellin Cup final: Varno Rovers beat Osterby City 3–1')).toBe('Kellin Cup final');
  });

  it('is the story after a colon when the words before it only say where', () => {
    expect(title('Canada: Two killed, dozens injured in Kellin ferry collision near Osterby')).toBe('Kellin ferry collision near Osterby');
  });

  it('is the subject before the first verb', () => {
    expect(title('Varnish activist Ana Lindqvist dies aged 88')).toBe('Varnish activist Ana Lindqvist');
    expect(title('Kellin Airlines Flight 208 shot down over the sea, killing 41')).toBe('Kellin Airlines Flight 208');
    // A fronted phrase is no part of it, nor a description in quotes.
    expect(title("After visa snags, Kellinese robotics team honored at Osterby contest")).toBe("Kellinese robotics team");
    expect(title("Singer Ana Lindqvist, 'queen of song', dies aged 76")).toBe('Singer Ana Lindqvist');
  });

  it('leaves out an adverb before the verb, a modal, and a phrase fronted by a verb’s form', () => {
    expect(title('Kellin Air successfully launches its first satellite')).toBe('Kellin Air');
    expect(title('Kellin emissions scandal may cost Varno Motors 18 billion')).toBe('Kellin emissions scandal');
    expect(title('Changing course, Governor Ana Lindqvist backs the Osterby bridge')).toBe('Governor Ana Lindqvist');
  });

  it('keeps a quotation the title opens and closes, and drops one the cut left alone', () => {
    expect(title("Kellin's 'Iron Lady' given life term in bribery case")).toBe("Kellin's 'Iron Lady'");
    expect(title('"Varno Rovers" beat Osterby City in the Kellin Cup')).toBe('"Varno Rovers"');
  });

  it('reads past one common word before a colon, a source and no topic', () => {
    expect(title('Reports: Kellin Air grounds its fleet after two crashes')).toBe('Kellin Air');
  });

  it('is the event where the subject is common words', () => {
    expect(title('Athletics concludes at Kellin Paralympics with the marathon')).toBe('Kellin Paralympics');
  });

  it('is the contest a land won, not the side it beat', () => {
    expect(title('Australia wins Kellin Rugby Series in Osterby')).toBe('Kellin Rugby Series');
    expect(title('Australia beats Varno Spirit in first two games of series')).toBe('Australia beats Varno Spirit in first two games of series');
  });

  it('stays the headline where no part of it names the topic alone', () => {
    for (const headline of ['Two killed in ferry collision', 'Rangers Rescue Six Hikers From Lake', 'Wikinews interviews Ana Lindqvist of Kellin Radio', 'Interview with Kellin founder Ana Lindqvist']) {
      expect(title(headline)).toBe(headline);
    }
  });

  it('lets a deck ask what the headline tells', () => {
    const text = article(
      'Kellin Cup final: Varno Rovers beat Osterby City 3–1',
      'Varno Rovers beat Osterby City 3–1 in the Kellin Cup final on Saturday in front of 41,000 fans.',
      'Ana Lindqvist scored twice for Varno Rovers in the second half.',
    );
    const { deck } = build(text);
    expect(deck.title).toBe('Kellin Cup final');
    const keys = [1, 2, 3, 4].flatMap((seed) => build(text, seed).deck.questions.map((q) => String(q.answer)));
    expect(keys.some((k) => k === 'Osterby City' || k === 'Varno Rovers' || k === '3–1')).toBe(true);
  });
});
