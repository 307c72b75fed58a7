import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCards } from '../../src/bank/interop/read-cards.js';
import { htmlToText } from '../../src/bank/interop/html-text.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/interop/${name}`, import.meta.url), 'utf8');
const cardsOf = (text: string, fileName = 'cards.txt') => readCards(text, fileName).cards.map(({ front, back, tags }) => ({ front, back, tags }));

describe('Anki file headers', () => {
  it('reads a "Notes in Plain Text" export with guid, notetype, deck and tags columns and HTML', () => {
    const read = readCards(fixture('anki-notes-export.txt'), 'anki-notes-export.txt');
    expect(read.problems).toEqual([]);
    expect(read.format).toBe('anki');
    expect(read.cards).toEqual([
      { line: 7, front: 'Capital of France?', back: 'Paris\non the Seine', tags: ['europe', 'capitals'] },
      { line: 8, front: 'What does "&" read as?', back: '<and>', tags: ['symbols'] },
      { line: 9, front: 'Longest river,\nin Africa?', back: 'Nile', tags: [] },
    ]);
  });

  it.each([
    ['Tab', '\t'],
    ['tab', '\t'],
    ['Comma', ','],
    ['Semicolon', ';'],
    ['Pipe', '|'],
    ['Space', ' '],
    ['Colon', ':'],
    ['|', '|'],
    [';', ';'],
  ])('#separator:%s', (value, separator) => {
    const text = `#separator:${value}\nQ${separator}A${separator}tag\n`;
    expect(cardsOf(text)).toEqual([{ front: 'Q', back: 'A', tags: ['tag'] }]);
  });

  it('reports an unknown separator at its line', () => {
    const read = readCards('#html:false\n#separator:Dash\na-b\n', 'x.txt');
    expect(read.problems).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining('unknown separator') })]);
  });

  it('#html:false keeps angle brackets and entities as typed; #html:true decodes them', () => {
    const row = 'a <b>bold</b> &amp; more\tx &lt; y\n';
    expect(cardsOf(`#separator:tab\n#html:false\n${row}`)).toEqual([{ front: 'a <b>bold</b> &amp; more', back: 'x &lt; y', tags: [] }]);
    expect(cardsOf(`#separator:tab\n#html:true\n${row}`)).toEqual([{ front: 'a bold & more', back: 'x < y', tags: [] }]);
  });

  it('#tags column picks the tags wherever they are; #tags adds tags to every card', () => {
    const text = '#separator:tab\n#tags:shared more\n#tags column:1\nt1 t2\tfront\tback\n';
    expect(cardsOf(text)).toEqual([{ front: 'front', back: 'back', tags: ['t1', 't2', 'shared', 'more'] }]);
  });

  it('a legacy "tags:" first line tags every card', () => {
    expect(cardsOf('tags:old style\nQ\tA\n')).toEqual([{ front: 'Q', back: 'A', tags: ['old', 'style'] }]);
  });

  it('#deck gives the title; #columns means the first row is a card, even one reading "front, back"', () => {
    const read = readCards('#separator:comma\n#columns:Front,Back\n#deck:My cards\nfront,back\n', 'x.txt');
    expect(read.title).toBe('My cards');
    expect(read.cards.map((card) => card.front)).toEqual(['front']);
  });

  it('comments: # lines at the top and, in an Anki file, anywhere', () => {
    const text = '# exported by hand\n#separator:tab\na\tb\n#later comment\nc\td\n';
    expect(cardsOf(text).map((card) => card.front)).toEqual(['a', 'c']);
    expect(readCards(text, 'x.txt').cards.map((card) => card.line)).toEqual([3, 5]);
  });

  it('ignores headers it has no use for (notetype, unknown keys, __proto__)', () => {
    const text = '#separator:tab\n#notetype:Basic\n#__proto__:polluted\n#constructor:x\n#if matches:keep current\na\tb\n';
    expect(cardsOf(text)).toEqual([{ front: 'a', back: 'b', tags: [] }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports a column header that is not a number', () => {
    const read = readCards('#separator:tab\n#tags column:three\na\tb\n', 'x.txt');
    expect(read.problems).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining('not a column number') })]);
  });
});

describe('CSV and TSV without headers', () => {
  it('reads CSV with a header row, quotes, CRLF and an empty tags field', () => {
    const read = readCards(fixture('cards.csv'), 'cards.csv');
    expect(read.format).toBe('csv');
    expect(read.problems).toEqual([]);
    expect(read.cards).toEqual([
      { line: 2, front: 'Capital of France?', back: 'Paris', tags: ['europe', 'capitals'] },
      { line: 3, front: 'Who wrote "Hamlet"?', back: 'Shakespeare\nin about 1600', tags: ['literature'] },
      { line: 5, front: 'Highest mountain?', back: 'Everest', tags: [] },
    ]);
  });

  it('guesses a tab from the first line, with or without tags', () => {
    const read = readCards(fixture('cards-no-header.tsv'), 'cards-no-header.tsv');
    expect(read.format).toBe('tsv');
    expect(read.cards.map(({ front, back, tags }) => [front, back, tags])).toEqual([
      ['Capital of Italy?', 'Rome', ['europe']],
      ['Capital of Spain?', 'Madrid', []],
    ]);
  });

  it('guesses a semicolon before a comma, as Anki does', () => {
    expect(cardsOf(fixture('semicolon.csv'), 'semicolon.csv')).toEqual([
      { front: 'One', back: '1', tags: [] },
      { front: 'Two;2', back: '2', tags: [] },
    ]);
  });

  it.each([
    ['Question,Answer\nq,a\n', ['q']],
    ['front,back,tags\nq,a,t\n', ['q']],
    ['FRONT , BACK\nq,a\n', ['q']],
    ['front,something else\nq,a\n', ['front', 'q']],
  ])('header row detection: %j', (text, fronts) => {
    expect(cardsOf(text, 'x.csv').map((card) => card.front)).toEqual(fronts);
  });

  it('trims fields and makes their line breaks LF', () => {
    expect(cardsOf('"  front\r\nline  ", back \n', 'x.csv')).toEqual([{ front: 'front\nline', back: 'back', tags: [] }]);
  });

  it('reads the first two fields of a row with more, and lists the rows that had more', () => {
    expect(readCards('a,b,t,\n', 'x.csv')).toMatchObject({ problems: [], extraFields: [] });
    const read = readCards('a,b,t,extra\nc,d\n', 'x.csv');
    expect(read.problems).toEqual([]);
    expect(read.extraFields).toEqual([1]);
    expect(cardsOf('a,b,t,extra\n', 'x.csv')).toEqual([{ front: 'a', back: 'b', tags: ['t'] }]);
  });

  it('keeps tags named __proto__ and constructor as plain tags', () => {
    expect(cardsOf('a,b,__proto__ constructor\n', 'x.csv')).toEqual([{ front: 'a', back: 'b', tags: ['__proto__', 'constructor'] }]);
  });
});

describe('malformed rows', () => {
  it('reports every bad row with its line, the good ones aside', () => {
    const read = readCards(fixture('malformed.csv'), 'malformed.csv');
    expect(read.problems.map((problem) => [problem.line, problem.message])).toEqual([
      [6, expect.stringContaining('never closed')],
      [3, expect.stringContaining('1 field')],
      [4, expect.stringContaining('front of this card is empty')],
      [5, expect.stringContaining('back of this card is empty')],
    ]);
  });

  it('a file with no cards is a problem', () => {
    expect(readCards('', 'x.csv').problems).toEqual([expect.objectContaining({ line: null, message: 'the file holds no cards' })]);
    expect(readCards('#separator:tab\n#html:false\n', 'x.txt').problems).toHaveLength(1);
  });

  it('a front and a back that are only tags in HTML are empty', () => {
    const read = readCards('#separator:tab\n#html:true\n<br>\t<div></div>\n', 'x.txt');
    expect(read.problems.map((problem) => problem.line)).toEqual([3, 3]);
  });
});

describe('HTML to text', () => {
  it.each([
    ['a<br>b', 'a\nb'],
    ['a<br/>b<BR />c', 'a\nb\nc'],
    ['<div>one</div><div>two</div>', 'one\ntwo'],
    ['x<style>.a{}</style>y', 'xy'],
    ['x<script>alert(1)</script>y', 'xy'],
    ['&#65;&#x42;&eacute;&nbsp;&unknown;', 'ABé &unknown;'],
    ['a < b > c', 'a < b > c'],
    ['unclosed <b', 'unclosed <b'],
    ['<!-- note -->text', 'text'],
    ['x<style>never closed', 'x'],
    ['&#0;&#xD800;', '\uFFFD\uFFFD'],
  ])('%j -> %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});
