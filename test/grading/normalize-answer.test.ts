import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/grading/edit-distance.js';
import { normalizeAnswer } from '../../src/grading/normalize-answer.js';
import { typoBudget, typoDistance } from '../../src/grading/typo-tolerance.js';

describe('normalizeAnswer', () => {
  it.each([
    ['China’s', 'chinese'],
    ['China’s Foreign Minister', 'chinese foreign minister'],
    ['to Russia', 'russia'],
    ['on Wednesday', 'wednesday'],
    ['on the Wed.', 'wednesday'],
    ['Weds', 'wednesday'],
    ['from Russia', 'from russia'],
    ['in its strategies', 'strategies'],
    ['to', 'to'],
    ['June 16 - June 21', 'june 16 21'],
    ['from June 16 through 21', 'june 16 21'],
    ['between June 16 and June 21', 'june 16 21'],
    ['16 June to 21 June', 'june 16 21'],
    ['June 30 - July 2', 'june 30 july 2'],
    ['30 June to 2 July', 'june 30 july 2'],
    ['March of 2008', 'march 2008'],
    ['the end of 2008', 'end of 2008'],
    ['between friends and foes', 'between friends and foes'],
    ['The U.S.-China relationship', 'us china relationship'],
    ['Qín Gāng', 'qin gang'],
    ['  Qin \t  Gang  ', 'qin gang'],
    ['“Reset”', 'reset'],
    ['Biden & Xi', 'biden and xi'],
    ['Washington, D.C.', 'washington dc'],
    ['one thousand two hundred', '1200'],
    ['1,200', '1200'],
    ['two hundred and five', '205'],
    ['ninety-nine thousand nine hundred ninety-nine', '99999'],
    ['1.5 million', '1500000'],
    ['3.50', '3.5'],
    ['twenty twenty', '20 20'],
    ['21st', '21'],
    ['twenty-first', '21'],
    ['50%', '50 percent'],
    ['50 per cent', '50 percent'],
    ['Sept. 5', 'september 5'],
    ['16th of June', 'june 16'],
    ['June 16–21', 'june 16 21'],
    ['sixteen to twenty-one June', 'june 16 21'],
    ['back and forth', 'back and forth'],
    ['a hundred', '100'],
    ['the', 'the'],
    ['?!', ''],
    ['28 kilometres', '28 km'],
    ['28km', '28 km'],
    ['twenty-eight kilometers', '28 km'],
    ['100 metre freestyle', '100 m freestyle'],
    ['100m freestyle', '100 m freestyle'],
    ['the metre', 'metre'],
    ['5 feet', '5 ft'],
    ['miles', 'miles'],
  ])('%j -> %j', (answer, expected) => {
    expect(normalizeAnswer(answer)).toBe(expected);
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['beijing', 'beijing', 0],
    ['beijing', 'bejing', 1],
    ['beijing', 'beijign', 1],
    ['beijing', 'nanjing', 3],
    ['ca', 'abc', 3],
    ['qín', 'qin', 1],
  ])('%j to %j is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe('typo rule', () => {
  it.each([
    [0, 0], [3, 0], [4, 1], [7, 1], [8, 2], [15, 2], [16, 3],
  ])('a word of %i letters allows %i edits', (length, budget) => {
    expect(typoBudget(length)).toBe(budget);
  });

  it.each<[string[], string[], number | null]>([
    [['bejing'], ['beijing'], 1],
    [['gagn'], ['gang'], 1],
    [['fang'], ['gang'], null],
    [['xu'], ['xi'], null],
    [['1300'], ['1200'], null],
    [['tuesday'], ['thursday'], null],
    [['febuary'], ['february'], 1],
    [['bei', 'jing'], ['beijing'], 1],
    [['june', '1621'], ['june', '16', '21'], null],
  ])('%j against %j is %s', (given, accepted, expected) => {
    expect(typoDistance(given, accepted)).toBe(expected);
  });
});
