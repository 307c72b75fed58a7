import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANKI_FORMAT, formatCsv, formatDelimited, formatField, parseCsv, parseDelimited } from '../../src/bank/interop/delimited.js';

const rowsOf = (text: string): string[][] => parseCsv(text).records.map((record) => record.fields);

describe('the CSV parser', () => {
  it.each([
    { name: 'plain fields', text: 'a,b,c\r\n', rows: [['a', 'b', 'c']] },
    { name: 'no trailing newline', text: 'a,b\r\nc,d', rows: [['a', 'b'], ['c', 'd']] },
    { name: 'LF line ends', text: 'a,b\nc,d\n', rows: [['a', 'b'], ['c', 'd']] },
    { name: 'a lone CR ends a line', text: 'a,b\rc,d', rows: [['a', 'b'], ['c', 'd']] },
    { name: 'quoted comma', text: '"a,b",c\r\n', rows: [['a,b', 'c']] },
    { name: 'doubled quotes', text: '"say ""hi""",x\r\n', rows: [['say "hi"', 'x']] },
    { name: 'embedded LF', text: '"two\nlines",x\n', rows: [['two\nlines', 'x']] },
    { name: 'embedded CRLF kept as is', text: '"two\r\nlines",x\r\n', rows: [['two\r\nlines', 'x']] },
    { name: 'empty fields', text: ',,\r\n', rows: [['', '', '']] },
    { name: 'empty quoted field', text: '"",x\r\n', rows: [['', 'x']] },
    { name: 'a row of one empty field', text: '""\r\n', rows: [['']] },
    { name: 'trailing separator gives an empty last field', text: 'a,\r\n', rows: [['a', '']] },
    { name: 'blank lines are skipped', text: 'a,b\r\n\r\n\nc,d\r\n', rows: [['a', 'b'], ['c', 'd']] },
    { name: 'a BOM is not content', text: '\uFEFFa,b\r\n', rows: [['a', 'b']] },
    { name: 'a quote inside an unquoted field is a character', text: '5" screen,x\r\n', rows: [['5" screen', 'x']] },
    { name: 'spaces are kept', text: ' a , b \r\n', rows: [[' a ', ' b ']] },
    { name: 'empty text', text: '', rows: [] },
  ])('$name', ({ text, rows }) => {
    const parsed = parseCsv(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((record) => record.fields)).toEqual(rows);
  });

  it('numbers records by the line they start on, counting line breaks inside quotes', () => {
    const parsed = parseCsv('a,b\r\n"x\r\ny\nz",w\r\nlast,one\r\n');
    expect(parsed.records.map((record) => record.line)).toEqual([1, 2, 5]);
  });

  it('reports an unterminated quote at the line it opens on, and stops there', () => {
    const parsed = parseCsv('a,b\nc,"never\nclosed\nd,e\n');
    expect(parsed.records.map((record) => record.fields)).toEqual([['a', 'b']]);
    expect(parsed.problems).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining('never closed') })]);
  });

  it('reports text after a closing quote and goes on with the next line', () => {
    const parsed = parseCsv('"Hello," she said,x\nok,fine\n');
    expect(parsed.problems).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('closing quote') })]);
    expect(rowsOf('"Hello," she said,x\nok,fine\n')).toEqual([['ok', 'fine']]);
  });

  it('skips comment lines only when asked, and anywhere', () => {
    const text = '#a\tcomment\nfront\tback\n#another\n';
    expect(parseDelimited(text, { separator: '\t', comment: '#' }).records).toEqual([{ line: 2, fields: ['front', 'back'] }]);
    expect(parseDelimited(text, { separator: '\t' }).records).toHaveLength(3);
  });
});

describe('the CSV formatter (RFC 4180)', () => {
  it.each([
    { fields: ['a', 'b'], line: 'a,b\r\n' },
    { fields: ['a,b', 'c'], line: '"a,b",c\r\n' },
    { fields: ['say "hi"'], line: '"say ""hi"""\r\n' },
    { fields: ['two\nlines', 'x'], line: '"two\nlines",x\r\n' },
    { fields: ['cr\rhere'], line: '"cr\rhere"\r\n' },
    { fields: ['', ''], line: ',\r\n' },
    { fields: [''], line: '""\r\n' },
    { fields: ['#1 hit', 'x'], line: '"#1 hit",x\r\n' },
    { fields: ['tab\tis fine'], line: 'tab\tis fine\r\n' },
  ])('writes $fields as $line', ({ fields, line }) => {
    expect(formatCsv([fields])).toBe(line);
  });

  it('quotes for Anki on tabs, not commas', () => {
    expect(formatField('a,b', ANKI_FORMAT)).toBe('a,b');
    expect(formatField('a\tb', ANKI_FORMAT)).toBe('"a\tb"');
    expect(formatDelimited([['x', 'y']], ANKI_FORMAT)).toBe('x\ty\n');
  });
});

// Strings with every character that matters to the grammar, mixed with arbitrary Unicode.
const tricky = fc.oneof(
  fc.string({ unit: fc.constantFrom('"', ',', '\t', '\r', '\n', '#', ' ', 'a', 'é', '\uFEFF', ';') }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
);
const rows = fc.array(fc.array(tricky, { minLength: 1, maxLength: 5 }), { maxLength: 8 });

describe('format then parse is the identity', () => {
  it('for CSV', () => {
    fc.assert(
      fc.property(rows, (input) => {
        const parsed = parseDelimited(formatCsv(input), { separator: ',' });
        expect(parsed.problems).toEqual([]);
        expect(parsed.records.map((record) => record.fields)).toEqual(input);
      }),
      { numRuns: 500 },
    );
  });

  it('for Anki TSV, with # comments on', () => {
    fc.assert(
      fc.property(rows, (input) => {
        const parsed = parseDelimited(formatDelimited(input, ANKI_FORMAT), { separator: '\t', comment: '#' });
        expect(parsed.problems).toEqual([]);
        expect(parsed.records.map((record) => record.fields)).toEqual(input);
      }),
      { numRuns: 500 },
    );
  });
});
