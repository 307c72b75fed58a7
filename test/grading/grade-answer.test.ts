import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  ChoiceQuestion,
  MultiSelectQuestion,
  OrderQuestion,
  Question,
  ShortAnswerQuestion,
  TrueFalseQuestion,
} from '../../src/domain/deck.js';
import { englishWordCheck } from '../../src/english-words.js';
import { gradeAnswer, isLenientMatch, type Given } from '../../src/grading/grade-answer.js';
import { normalizeAnswer } from '../../src/grading/normalize-answer.js';
import { BUILT_IN_ALIASES } from '../../src/grading/aliases.js';
import { NO_WORDS, type WordCheck } from '../../src/grading/real-words.js';

const base = { id: 'q1', factId: 'f1', prompt: 'Who?', explanation: 'Because the article says so.' };
const ROOT = new URL('../../', import.meta.url).pathname;
/** The English word list a quiz uses, read from node_modules as the program reads it. */
const english: WordCheck = englishWordCheck(ROOT, (error) => {
  throw error;
});

function typed(answer: string, accept: string[] = []): ShortAnswerQuestion {
  return { ...base, kind: 'short-answer', answer, accept };
}

const choice: ChoiceQuestion = {
  ...base,
  kind: 'choice',
  choices: ['Bali', 'Beijing', 'Washington', 'Moscow'],
  answer: 'Beijing',
};
const trueFalse: TrueFalseQuestion = { ...base, kind: 'true-false', answer: false };
const order: OrderQuestion = {
  ...base,
  kind: 'order',
  items: ['Blinken visits Beijing', 'Biden and Xi meet in Bali', 'The trip is postponed'],
  answer: ['Biden and Xi meet in Bali', 'The trip is postponed', 'Blinken visits Beijing'],
};
const multi: MultiSelectQuestion = {
  ...base,
  kind: 'multi-select',
  choices: ['Bali', 'Beijing', 'Tokyo', 'Russia'],
  answer: ['Bali', 'Beijing', 'Russia'],
};

describe('gradeAnswer: typed answers that are accepted', () => {
  // [given, answer, accept, extra aliases, accepted only as a typo]
  it.each<[string, string, string[], string[], boolean]>([
    ["China's", 'China’s', [], [], false],
    ['Chinas', 'China’s', [], [], false],
    ['China’s', "China's", [], [], false],
    ['CHINA‘S', 'China’s', [], [], false],
    ['beijing', 'Beijing', [], [], false],
    ['Beijing.', 'Beijing', [], [], false],
    ['“Beijing”!', 'Beijing', [], [], false],
    ['the State Department', 'State Department', [], [], false],
    ['a reset', 'reset', [], [], false],
    ['U.S.', 'US', [], [], false],
    ['United States', 'US', [], [], false],
    ['the United States of America', 'US', [], [], false],
    ['USA', 'U.S.', [], [], false],
    ['America', 'the United States', [], [], false],
    ['Britain', 'UK', [], [], false],
    ['FM', 'Foreign Minister', [], [], false],
    ['Department of State', 'the State Department', [], [], false],
    ['Qin Gang', 'Qín Gāng', [], [], false],
    ['Qín Gāng', 'Qin Gang', [], [], false],
    ['  Qin    Gang ', 'Qin Gang', [], [], false],
    ['US China', 'US-China', [], [], false],
    ['U.S.-China relationship', 'US China relationship', [], [], false],
    ['Biden & Xi', 'Biden and Xi', [], [], false],
    ['six', '6', [], [], false],
    ['twenty-one', '21', [], [], false],
    ['21', 'twenty one', [], [], false],
    ['sixteen', '16', [], [], false],
    ['16th', '16', [], [], false],
    ['sixteenth', '16', [], [], false],
    ['one thousand two hundred', '1,200', [], [], false],
    ['two hundred and five', '205', [], [], false],
    ['50 per cent', '50%', [], [], false],
    ['June 16th', 'June 16', [], [], false],
    ['16 June', 'June 16', [], [], false],
    ['the 16th of June', 'June 16', [], [], false],
    ['Sept. 5', 'September 5', [], [], false],
    ['June 16-21', 'June 16 to 21', ['June 16-21'], [], false],
    ['June 16–21', 'from June 16 to 21', ['June 16 to 21'], [], false],
    ['sixteen to twenty-one June', 'June 16 to 21', [], [], false],
    ['Washington, D.C.', 'DC', [], [], false],
    ['Qin', 'Qin Gang', [], ['Qin'], false],
    ['Gang', 'Qin Gang', ['Foreign Minister Qin Gang'], ['Gang'], false],
    ['Bejing', 'Beijing', [], [], true],
    ['Beijign', 'Beijing', [], [], true],
    ['Blinkin', 'Blinken', [], [], true],
    ['Anthony Blinken', 'Antony Blinken', [], [], true],
    ['Secretery of Stat', 'Secretary of State', [], [], true],
    ['Bei jing', 'Beijing', [], [], true],
    ['Unted States', 'US', [], [], true],
    ['Febuary', 'February', [], [], true],
    ['surveilance', 'surveillance', [], [], true],
    // The forms the article itself uses, and the ways of writing them that say the same.
    ['China’s FM', 'Chinese FM', [], [], false],
    ["China's Foreign Minister Qin Gang", 'Chinese Foreign Minister Qin Gang', [], [], false],
    ['Chinese Foreign Minister Qin Gang', 'China’s Foreign Minister Qin Gang', [], [], false],
    ['Chinas foreign minister', 'Chinese foreign minister', [], [], false],
    ['to Russia', 'Russia', [], [], false],
    ['Russia', 'to Russia', [], [], false],
    ['on Wednesday', 'Wednesday', [], [], false],
    ['in Bali', 'Bali', [], [], false],
    ['in its national defense and security strategies', 'national defense and security strategies', [], [], false],
    ['Weds', 'Wednesday', [], [], false],
    ['Weds.', 'Wed', [], [], false],
    ['Tues', 'Tuesday', [], [], false],
    ['Thurs.', 'Thursday', [], [], false],
    ['June 16 - June 21', 'June 16 to 21', [], [], false],
    ['June 16–June 21', 'June 16 to 21', [], [], false],
    ['June 16 through June 21', 'June 16 to 21', [], [], false],
    ['June 16 thru 21', 'June 16 to 21', [], [], false],
    ['June 16 until June 21', 'June 16 to 21', [], [], false],
    ['from June 16 to June 21', 'June 16 to 21', [], [], false],
    ['between June 16 and 21', 'June 16 to 21', [], [], false],
    ['between 16 and 21 June', 'June 16 to 21', [], [], false],
    ['16 June to 21 June', 'June 16 to 21', [], [], false],
    ['Jun 16th - 21st', 'June 16 to 21', [], [], false],
    ['June 30 - July 2', 'June 30 to July 2', [], [], false],
    ['30 June to 2 July', 'June 30 to July 2', [], [], false],
    // A currency's word after an amount, as its sign (round 32).
    ['6000 euros', '€6000', [], [], false],
    ['1 billion pounds', '£1 billion', [], [], false],
    ['44 billion dollars', '$44 billion', [], [], false],
    // The world wars by number, numeral or order (round 30).
    ['World War 2', 'World War II', [], [], false],
    ['the Second World War', 'World War II', [], [], false],
    ['WWII', 'World War II', [], [], false],
    ['First World War', 'World War I', [], [], false],
    // A well-known body by its initials, or by its name for the initials (round 33).
    ['FBI', 'Federal Bureau of Investigation', [], [], false],
    ['the NHS', 'National Health Service', [], [], false],
    ['Royal Air Force', 'RAF', [], [], false],
    ['US Air Force', 'United States Air Force', [], [], false],
    ['World Health Organisation', 'WHO', [], [], false],
    ['IMDB', 'Internet Movie Database', [], [], false],
    ['Federation Internationale de Football Association', 'FIFA', [], [], false],
    // More of them, and short forms as common as the long ones (round 37).
    ['ESA', 'European Space Agency', [], [], false],
    ['US Geological Survey', 'USGS', [], [], false],
    ['UN Refugee Agency', 'United Nations Refugee Agency', [], [], false],
    ['Foreign Office', 'Foreign and Commonwealth Office', [], [], false],
    ['JFK', 'John F. Kennedy', [], [], false],
    ['GOP', 'Republican Party', [], [], false],
    ['Olympics', 'Olympic Games', [], [], false],
    ['Formula 1', 'F1', [], [], false],
    ['Barcelona', 'Barça', [], [], false],
    ['Bayern', 'Bayern Munich', [], [], false],
    ['Paris Agreement', 'Paris Climate Accords', [], [], false],
    // A share of a round number is that number (round 37).
    ['500,000', 'half a million', [], [], false],
    ['half a million', '500000', [], [], false],
    ['250 million', 'a quarter of a billion', [], [], false],
    ['quarter of a million', '250,000', [], [], false],
    // The same word in the other number is a slip, not another word.
    ['senior official', 'senior officials', [], [], true],
    ['transnational challenge', 'transnational challenges', [], [], true],
  ])('%j for %j (accept %j, aliases %j) is right, typo=%s', (given, answer, accept, aliases, typo) => {
    for (const words of [NO_WORDS, english]) {
      const verdict = gradeAnswer(typed(answer, accept), given, aliases, words);
      expect(verdict).toMatchObject({ correct: true, typo });
      expect([answer, ...accept, ...aliases]).toContain(verdict.matched);
    }
  });

  it('names the accepted spelling nearest to what was typed, a built-in alias included', () => {
    const qin = typed('Qin Gang', ['China’s Foreign Minister Qin Gang', 'Foreign Minister Qin Gang']);
    expect(gradeAnswer(qin, 'Foreign Ministr Qin Gang', [], english)).toMatchObject({ typo: true, spelling: 'Foreign Minister Qin Gang' });
    expect(gradeAnswer(qin, 'Qin Gangg', [], english)).toMatchObject({ typo: true, spelling: 'Qin Gang' });
    expect(gradeAnswer(typed('State Department'), 'Departmnt of State', [], english)).toMatchObject({
      typo: true,
      matched: 'State Department',
      spelling: 'Department of State',
    });
    expect(gradeAnswer(qin, 'Qin Gang').spelling).toBeUndefined();
    // Forms that normalize alike: the one written nearer to what was typed.
    const both = typed('Qin Gang', ['China’s Foreign Minister Qin Gang', 'Chinese Foreign Minister Qin Gang']);
    expect(gradeAnswer(both, 'Chinese Foriegn Minister Qin Gang', [], english).spelling).toBe('Chinese Foreign Minister Qin Gang');
    expect(gradeAnswer(both, "China's Foriegn Minister Qin Gang", [], english).spelling).toBe('China’s Foreign Minister Qin Gang');
  });

  it('reports which accepted form matched', () => {
    expect(gradeAnswer(typed('Qin Gang', ['Foreign Minister Qin Gang']), 'foreign minister qin gang').matched).toBe(
      'Foreign Minister Qin Gang',
    );
    expect(gradeAnswer(typed('US', []), 'America').matched).toBe('US');
  });

  it('prefers an exact match over a typo match', () => {
    expect(gradeAnswer(typed('Bali', ['Bale']), 'Bale')).toEqual({ correct: true, typo: false, matched: 'Bale' });
  });
});

describe('gradeAnswer: near misses that are rejected', () => {
  // [given, answer, accept]
  it.each<[string, string, string[]]>([
    ['17', '16', []],
    ['seventeen', '16', []],
    ['161', '16', []],
    ['1,300', '1,200', []],
    ['twelve hundred and one', '1,200', []],
    ['in 2024', 'in 2023', []],
    ['June 17', 'June 16', []],
    ['July 16', 'June 16', []],
    ['June 16 to 22', 'June 16 to 21', []],
    ['June 1621', 'June 16 to 21', []],
    ['twenty-two', '21', []],
    ['Xi', 'Qin', []],
    ['Xu', 'Xi', []],
    ['Qin Fang', 'Qin Gang', []],
    ['Nanjing', 'Beijing', []],
    ['Prussia', 'Russia', []],
    ['Bejng', 'Beijing', []],
    ['Bjng', 'Beijing', []],
    ['UK', 'US', []],
    ['China', 'US-China', []],
    ['Mali', 'Bali', []],
    ['Secretary of Defense', 'Secretary of State', []],
    ['Wednesday', 'Tuesday', []],
    ['Tuesday', 'Thursday', []],
    ['Stae Deprtmnt', 'State Department', []],
    ['', 'Beijing', []],
    ['   ', 'Beijing', []],
    ['?!', 'Beijing', []],
  ])('%j for %j (accept %j) is wrong', (given, answer, accept) => {
    expect(gradeAnswer(typed(answer, accept), given)).toEqual({ correct: false, typo: false });
  });

  it.each<[string, string, string[]]>([
    ['June 16 - June 22', 'June 16 to 21', []],
    ['June 16 - July 21', 'June 16 to 21', []],
    ['between June 16 and 22', 'June 16 to 21', []],
    ['June 16 and 21', 'June 16 to 21', []],
    ['from Russia', 'Russia', []],
    ['from Russia', 'to Russia', []],
    ['Thurs', 'Tuesday', []],
    ['China', 'China’s', []],
  ])('%j for %j (accept %j) is wrong, whatever words are known', (given, answer, accept) => {
    for (const words of [NO_WORDS, english]) expect(gradeAnswer(typed(answer, accept), given, [], words)).toEqual({ correct: false, typo: false });
  });

  it('drops a currency\'s word only after an amount', () => {
    expect(gradeAnswer(typed('euros'), 'pounds').correct).toBe(false);
    expect(gradeAnswer(typed('€6000'), '7000 euros').correct).toBe(false);
    expect(gradeAnswer(typed('the pound'), 'the dollar').correct).toBe(false);
  });

  it('keeps one body\'s initials from another\'s name', () => {
    expect(gradeAnswer(typed('Federal Bureau of Investigation'), 'CIA').correct).toBe(false);
    expect(gradeAnswer(typed('National Health Service'), 'NHL').correct).toBe(false);
    expect(gradeAnswer(typed('FBI agent'), 'Federal Bureau of Investigation').correct).toBe(false);
  });

  it('keeps a share of a number apart from other numbers', () => {
    expect(gradeAnswer(typed('half a million'), '1 million').correct).toBe(false);
    expect(gradeAnswer(typed('half a million'), '50,000').correct).toBe(false);
    expect(gradeAnswer(typed('quarter of a million'), 'half a million').correct).toBe(false);
  });

  it('keeps the short forms of round 37 to their own answers', () => {
    expect(gradeAnswer(typed('Winter Olympics'), 'Summer Olympics').correct).toBe(false);
    expect(gradeAnswer(typed('Republican Party'), 'Democrats').correct).toBe(false);
    expect(gradeAnswer(typed('Manchester United'), 'Man City').correct).toBe(false);
    expect(gradeAnswer(typed('Bayern Munich'), 'Munich').correct).toBe(false);
    expect(gradeAnswer(typed('John F. Kennedy'), 'Robert F. Kennedy').correct).toBe(false);
  });

  it('keeps every form of the table in one row only (a form in two rows would join them)', () => {
    const seen = new Map<string, string>();
    for (const row of BUILT_IN_ALIASES) {
      const forms = new Set(row.map((form) => normalizeAnswer(form)));
      for (const form of forms) {
        expect(seen.get(form), `"${form}" in two rows`).toBeUndefined();
        seen.set(form, row[0] ?? '');
      }
    }
    expect(seen.size).toBeGreaterThan(200);
  });

  it('keeps the two world wars apart', () => {
    expect(gradeAnswer(typed('World War II'), 'World War I').correct).toBe(false);
    expect(gradeAnswer(typed('World War II'), 'First World War').correct).toBe(false);
    expect(gradeAnswer(typed('World War I'), 'WWII').correct).toBe(false);
  });

  it('aliases apply to whole answers only, never inside a longer one', () => {
    expect(gradeAnswer(typed('US'), 'US Army').correct).toBe(false);
    expect(gradeAnswer(typed('United States envoy'), 'US envoy').correct).toBe(false);
    expect(gradeAnswer(typed('Qin Gang', ['Foreign Minister Qin Gang']), 'FM Qin Gang').correct).toBe(false);
  });

  it('treats "don\'t know" (null) as wrong for every kind', () => {
    for (const question of [typed('Beijing'), choice, trueFalse, order, multi]) {
      expect(gradeAnswer(question, null)).toEqual({ correct: false, typo: false });
    }
  });
});

describe('gradeAnswer: a typed real word is another word, not a slip', () => {
  // [given, answer]: each is within the typo budget of the answer, and each is a real English word.
  it.each<[string, string]>([
    ['Foreign Ministry', 'Foreign Minister'],
    ['China’s Foreign Ministry', 'Chinese Foreign Minister'],
    ['transitional', 'transnational'],
    ['shared transitional challenges', 'shared transnational challenges'],
    ['corporation', 'cooperation'],
    ['draft', 'drift'],
    ['rest', 'reset'],
    ['resent', 'reset'],
    ['form', 'firm'],
    ['fire', 'firm'],
    ['Diplomats', 'Diplomacy'],
    ['Untied States', 'United States'],
    ['Blinked', 'Blinken'],
    ['Bail', 'Bali'],
  ])('%j for %j is refused with the word list, and was a typo without it', (given, answer) => {
    expect(gradeAnswer(typed(answer), given, [], NO_WORDS)).toMatchObject({ correct: true, typo: true });
    expect(gradeAnswer(typed(answer), given, [], english)).toEqual({ correct: false, typo: false });
  });

  it('refuses a word of the deck (a name no dictionary has) typed for another', () => {
    const deckWords = new Set(['janssen', 'jansen']);
    const words: WordCheck = (word) => deckWords.has(word) || english(word);
    expect(gradeAnswer(typed('Jansen'), 'Janssen', [], english)).toMatchObject({ correct: true, typo: true });
    expect(gradeAnswer(typed('Jansen'), 'Janssen', [], words)).toEqual({ correct: false, typo: false });
    expect(gradeAnswer(typed('Jansen'), 'Jansenn', [], words)).toMatchObject({ correct: true, typo: true });
  });

  it.each<[string, string]>([
    ['Bejing', 'Beijing'],
    ['Beijign', 'Beijing'],
    ['Blinkin', 'Blinken'],
    ['Anthony Blinken', 'Antony Blinken'],
    ['managment', 'management'],
    ['survelance', 'surveillance'],
    ['vigilent', 'vigilant'],
    ['defence', 'defense'],
    ['Secretery of Stat', 'Secretary of State'],
  ])('%j for %j is still a slip: no word of its own', (given, answer) => {
    expect(gradeAnswer(typed(answer), given, [], english)).toMatchObject({ correct: true, typo: true });
  });

  it('asks about a word only when it is close enough to be a typo', () => {
    const asked: string[] = [];
    const words: WordCheck = (word) => {
      asked.push(word);
      return english(word);
    };
    gradeAnswer(typed('Beijing'), 'Beijing', [], words);
    gradeAnswer(typed('Beijing'), 'Nanjing', [], words);
    gradeAnswer(typed('Beijing'), 'Shanghai', [], words);
    expect(asked).toEqual([]);
    gradeAnswer(typed('reset'), 'rest', [], words);
    expect(asked).toEqual(['rest']);
  });
});

describe('gradeAnswer: other question kinds', () => {
  // [name, question, given, correct]
  it.each<[string, Question, Given, boolean]>([
    ['choice, the answer', choice, 'Beijing', true],
    ['choice, another choice', choice, 'Bali', false],
    ['choice, the answer in other case (choices are exact)', choice, 'beijing', false],
    ['choice, a boolean', choice, true, false],
    ['choice, a list', choice, ['Beijing'], false],
    ['true-false, right', trueFalse, false, true],
    ['true-false, wrong', trueFalse, true, false],
    ['true-false, the string "false"', trueFalse, 'false', false],
    ['order, right', order, [...order.answer], true],
    ['order, as authored', order, [...order.items], false],
    ['order, one item missing', order, order.answer.slice(0, 2), false],
    ['order, an item repeated', order, [...order.answer, 'Blinken visits Beijing'], false],
    ['order, a string', order, 'Biden and Xi meet in Bali', false],
    ['multi-select, same set in order', multi, ['Bali', 'Beijing', 'Russia'], true],
    ['multi-select, same set in another order', multi, ['Russia', 'Bali', 'Beijing'], true],
    ['multi-select, a subset', multi, ['Bali', 'Beijing'], false],
    ['multi-select, a superset', multi, ['Bali', 'Beijing', 'Russia', 'Tokyo'], false],
    ['multi-select, nothing chosen', multi, [], false],
    ['multi-select, a string', multi, 'Bali', false],
    ['short answer, a boolean', typed('true'), true, false],
    ['short answer, a list', typed('Beijing'), ['Beijing'], false],
  ])('%s', (_name, question, given, correct) => {
    expect(gradeAnswer(question, given)).toMatchObject({ correct, typo: false });
  });

  it('grades a cloze question like a short answer', () => {
    const cloze: Question = { ...base, kind: 'cloze', prompt: 'Blinken will visit ____.', answer: 'Beijing', accept: [] };
    expect(gradeAnswer(cloze, 'Bejing')).toEqual({ correct: true, typo: true, matched: 'Beijing', spelling: 'Beijing' });
    expect(gradeAnswer(cloze, 'Nanjing').correct).toBe(false);
  });
});

describe('isLenientMatch', () => {
  it('matches against a plain list of accepted forms', () => {
    expect(isLenientMatch('the U.S.', ['China', 'United States'])).toEqual({
      match: true,
      typo: false,
      matched: 'United States',
    });
    expect(isLenientMatch('Russia', [])).toEqual({ match: false, typo: false });
  });
});

describe('gradeAnswer: properties', () => {
  const word = fc.stringMatching(/^[A-Za-z0-9]{1,10}$/);
  const phrase = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));

  it('any answer graded against itself is right, and not a typo', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), phrase), (answer) => {
        const verdict = gradeAnswer(typed(answer), answer);
        expect(verdict.correct).toBe(normalizeAnswer(answer) !== '');
        expect(verdict.typo).toBe(false);
      }),
    );
  });

  it('case, surrounding spaces and punctuation never change the verdict', () => {
    const dress = fc.record({
      upper: fc.boolean(),
      before: fc.constantFrom('', ' ', '  ', '"', '“', '('),
      after: fc.constantFrom('', ' ', '.', '!', '?', '”', ')', ' .'),
    });
    fc.assert(
      fc.property(phrase, phrase, dress, (answer, given, { upper, before, after }) => {
        const dressed = `${before}${upper ? given.toUpperCase() : given.toLowerCase()}${after}`;
        expect(gradeAnswer(typed(answer), dressed)).toEqual(gradeAnswer(typed(answer), given));
      }),
    );
  });

  it('a different number is never right, not even as a typo', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), fc.constantFrom('June ', '', 'day '), (a, b, prefix) => {
        fc.pre(a !== b);
        expect(gradeAnswer(typed(`${prefix}${a}`), `${prefix}${b}`).correct).toBe(false);
      }),
    );
  });

  it('a number with one digit changed is never right, however long', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 99_999_999 }), fc.nat(), fc.integer({ min: 1, max: 9 }), (n, at, shift) => {
        const digits = String(n).split('');
        const i = 1 + (at % (digits.length - 1));
        digits[i] = String((Number(digits[i]) + shift) % 10);
        expect(gradeAnswer(typed(String(n)), digits.join('')).correct).toBe(false);
      }),
    );
  });

  it('numbers written as words up to the hundred thousands equal their digits', () => {
    fc.assert(
      fc.property(fc.nat(999_999), (n) => {
        expect(gradeAnswer(typed(String(n)), toWords(n))).toMatchObject({ correct: true, typo: false });
      }),
    );
  });

  it('multi-select accepts any order of the right set', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(multi.answer, { minLength: 3, maxLength: 3 }), (chosen) => {
        expect(gradeAnswer(multi, chosen).correct).toBe(true);
      }),
    );
  });

  it('a real word of the list typed for another is never right, unless it is the same word in the other number', () => {
    const sample = ['rest', 'reset', 'form', 'firm', 'fire', 'draft', 'drift', 'state', 'states', 'minister', 'ministry', 'official', 'officials', 'policy', 'policies', 'conflict', 'concern', 'concert'];
    fc.assert(
      fc.property(fc.constantFrom(...sample), fc.constantFrom(...sample), (given, answer) => {
        fc.pre(given !== answer);
        const verdict = gradeAnswer(typed(answer), given, [], english);
        const sameWord = `${given}s` === answer || `${answer}s` === given || given.replace(/ies$/, 'y') === answer || answer.replace(/ies$/, 'y') === given;
        if (!sameWord) expect(verdict.correct).toBe(false);
      }),
    );
  });

  it('never throws, whatever the question kind and the value given', () => {
    const anyQuestion = fc.constantFrom<Question>(typed('Qin Gang', ['FM Qin']), choice, trueFalse, order, multi, {
      ...base,
      kind: 'cloze',
      answer: 'June 16',
      accept: [],
    });
    const anyGiven = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.boolean(),
      fc.array(fc.string()),
      fc.constant(null),
      fc.anything(),
    ) as fc.Arbitrary<Given>;
    fc.assert(
      fc.property(anyQuestion, anyGiven, fc.array(fc.string({ unit: 'binary' })), fc.boolean(), (question, given, aliases, withWords) => {
        const verdict = gradeAnswer(question, given, aliases, withWords ? english : NO_WORDS);
        expect(typeof verdict.correct).toBe('boolean');
      }),
    );
  });
});

const SMALL = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** English words for 0..999,999, hyphenated the way people write them ("twenty-one"). */
function toWords(n: number): string {
  if (n < 20) return SMALL[n] ?? '';
  if (n < 100) return `${TENS[Math.floor(n / 10)]}${n % 10 === 0 ? '' : `-${SMALL[n % 10]}`}`;
  if (n < 1000) return `${SMALL[Math.floor(n / 100)]} hundred${n % 100 === 0 ? '' : ` and ${toWords(n % 100)}`}`;
  return `${toWords(Math.floor(n / 1000))} thousand${n % 1000 === 0 ? '' : ` ${toWords(n % 1000)}`}`;
}
