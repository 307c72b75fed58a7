import { describe, expect, it } from 'vitest';
import { deckVocabulary, eitherWordCheck, isSameWordInNumber } from '../../src/grading/real-words.js';
import { choiceQuestion, cloze, deck, fact, multiSelect, orderQuestion, trueFalse } from '../helpers/builders.js';

describe('deckVocabulary', () => {
  it('holds every word of the choices, answers, accepted forms, ordering items and article, normalized', () => {
    const words = deckVocabulary(
      deck({
        facts: [fact({ id: 'f1' })],
        questions: [
          choiceQuestion({ factId: 'f1', choices: ['Lisbon', 'Porto', 'Faro'], answer: 'Lisbon' }),
          multiSelect({ factId: 'f1', choices: ['Moedas', 'Costa', 'Sousa'], answer: ['Moedas', 'Costa'] }),
          orderQuestion({ factId: 'f1', items: ['Storm Helena hits', 'Shelters open'], answer: ['Storm Helena hits', 'Shelters open'] }),
          cloze({ factId: 'f1', answer: 'IPMA', accept: ['the weather agency'] }),
          trueFalse({ factId: 'f1', prompt: 'True or false: Zanzibar was hit.' }),
        ],
      }),
      'Lisbon’s mayor Carlos Moedas said the city had opened 40 shelters.\nWinds hit Porto.',
    );
    for (const word of ['lisbon', 'porto', 'faro', 'moedas', 'costa', 'sousa', 'helena', 'shelters', 'ipma', 'weather', 'agency', 'carlos', 'lisbons', 'winds', '40']) {
      expect(words.has(word), word).toBe(true);
    }
    // A true/false statement is not a word source: it may name what is false.
    expect(words.has('zanzibar')).toBe(false);
  });

  it('is made from the questions alone when the deck has no article (an imported deck)', () => {
    const words = deckVocabulary(deck({ facts: [fact({ id: 'f1' })], questions: [cloze({ factId: 'f1', answer: 'Jupiter', accept: [] })] }), null);
    expect([...words]).toEqual(['jupiter']);
  });
});

describe('eitherWordCheck', () => {
  it('makes its first check only when a word is first asked about, and asks the second when the first says no', () => {
    let made = 0;
    const check = eitherWordCheck(
      () => {
        made += 1;
        return (word) => word === 'qin';
      },
      (word) => word === 'gang',
    );
    expect(made).toBe(0);
    expect([check('qin'), check('gang'), check('gong')]).toEqual([true, true, false]);
    expect(made).toBe(1);
  });
});

describe('isSameWordInNumber', () => {
  it.each<[string, string, boolean]>([
    ['official', 'officials', true],
    ['officials', 'official', true],
    ['policy', 'policies', true],
    ['church', 'churches', true],
    ['rest', 'reset', false],
    ['form', 'firm', false],
    ['us', 'uss', false],
    ['official', 'official', false],
  ])('%j and %j: %s', (a, b, same) => {
    expect(isSameWordInNumber(a, b)).toBe(same);
  });
});
