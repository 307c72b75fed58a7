// Which typed words are real words. A slip of the keyboard is forgiven only when it lands on no word at all:
// "Bejing" is Beijing misspelt, but "draft" is not "drift" misspelt, it is another word, and "Foreign
// Ministry" is another answer than "Foreign Minister". Two sources say what is a word: an English word list
// (read by the shell, only when a typo is in question) and the deck's own vocabulary, which holds the names
// and terms of its article that no dictionary has ("Qin", "Bali").

import type { Deck } from '../domain/deck.js';
import { answerTokens } from './normalize-answer.js';

/** Whether a normalized word (see answerTokens) is a real word. */
export type WordCheck = (word: string) => boolean;

/** Knows no word: every slip within the typo budget is forgiven. */
export const NO_WORDS: WordCheck = () => false;

/** Every normalized word of a deck's choices, answers, accepted forms and ordering items, and of its article. */
export function deckVocabulary(deck: Deck, article: string | null): Set<string> {
  const texts: string[] = article === null ? [] : [article];
  for (const question of deck.questions) {
    switch (question.kind) {
      case 'choice':
        texts.push(...question.choices, question.answer);
        break;
      case 'multi-select':
        texts.push(...question.choices, ...question.answer);
        break;
      case 'order':
        texts.push(...question.items);
        break;
      case 'cloze':
      case 'short-answer':
        texts.push(question.answer, ...question.accept);
        break;
      default:
        break;
    }
  }
  const words = new Set<string>();
  for (const text of texts) {
    if (typeof text !== 'string') continue;
    for (const line of text.split('\n')) for (const word of answerTokens(line)) words.add(word);
  }
  return words;
}

/**
 * A check that asks `first`, then `second`; `first` is made only when a word is first asked about, so a
 * quiz that meets no typo never pays for it.
 */
export function eitherWordCheck(first: () => WordCheck, second: WordCheck): WordCheck {
  let made: WordCheck | undefined;
  return (word) => (made ??= first())(word) || second(word);
}

/** "official" and "officials", "policy" and "policies": the same word in the singular and the plural. */
export function isSameWordInNumber(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long === `${short}s` || long === `${short}es`) return short.length > 2;
  return short.length > 2 && short.endsWith('y') && long === `${short.slice(0, -1)}ies`;
}
