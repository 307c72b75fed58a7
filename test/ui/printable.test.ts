import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/ui/printable.js';

/** Every code point printable() must remove: C0 but LF and TAB, DEL, C1, bidi embeddings/overrides/isolates. */
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u; // eslint-disable-line no-control-regex

const ESC = '\u001b';
const BEL = '\u0007';

describe('printable', () => {
  it.each([
    ['SGR colour', `${ESC}[31mred${ESC}[0m text`, 'red text'],
    ['SGR with many parameters', `${ESC}[1;38;5;196mloud${ESC}[m`, 'loud'],
    ['cursor movement and erase', `a${ESC}[2Kb${ESC}[10;20Hc${ESC}[?25l`, 'abc'],
    ['OSC 8 hyperlink ended by ST', `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`, 'click'],
    ['OSC 0 window title ended by BEL', `${ESC}]0;pwned${BEL}title`, 'title'],
    ['OSC 52 clipboard write', `${ESC}]52;c;cm0gLXJmIH4=${BEL}safe`, 'safe'],
    ['DCS string', `${ESC}Pq#0;2;0;0;0${ESC}\\after`, 'after'],
    ['two-byte escape (reset terminal)', `${ESC}cstill here`, 'still here'],
    ['charset switch', `${ESC}(0lqk${ESC}(B`, 'lqk'],
    ['lone ESC at the end', `end${ESC}`, 'end'],
    ['C1 CSI', `\u009b31mred`, 'red'],
    ['C1 OSC ended by C1 ST', `\u009d0;title\u009cok`, 'ok'],
    ['bare CR (overwrites the line)', 'Correct answer\rWrong', 'Correct answerWrong'],
    ['CRLF becomes LF', 'one\r\ntwo\r\n', 'one\ntwo\n'],
    ['backspace', 'abc\b\b\bxyz', 'abcxyz'],
    ['NUL', 'a\u0000b', 'ab'],
    ['BEL', `ding${BEL}dong`, 'dingdong'],
    ['DEL', 'a\u007fb', 'ab'],
    ['vertical tab and form feed', 'a\u000bb\u000cc', 'abc'],
    ['RLO bidi override', 'abc\u202Efdp.exe', 'abcfdp.exe'],
    ['bidi isolates and marks', '\u2066a\u2069\u2067b\u2068c\u200e\u200f', 'abc'],
    ['unterminated OSC keeps its text', `${ESC}]not a title`, 'not a title'],
  ])('removes %s', (_name, input, expected) => {
    const out = printable(input);
    expect(out).toBe(expected);
    expect(out).not.toMatch(FORBIDDEN);
  });

  it.each([
    ['curly apostrophe', 'China’s top diplomat'],
    ['accents and tones', 'Qín Gāng, Wáng Yì, café'],
    ['CJK', '北京 外交部'],
    ['emoji with ZWJ', '👩‍💻 and 🇨🇳'],
    ['newlines and tabs', 'line one\n\tline two'],
    ['quotes and dashes', '“Yes” — he said – ‘no’'],
  ])('keeps %s unchanged', (_name, text) => {
    expect(printable(text)).toBe(text);
  });

  it('folds newlines and tabs to single spaces with singleLine', () => {
    expect(printable('first line\r\n\tsecond\n\nthird', { singleLine: true })).toBe('first line second third');
    expect(printable('no breaks', { singleLine: true })).toBe('no breaks');
  });

  const hostile = fc
    .array(
      fc.oneof(
        fc.constantFrom(ESC, `${ESC}[`, `${ESC}]`, `${ESC}\\`, BEL, '\u009b', '\u009d', '\u009c', '8;;', '0;', '31', 'm', ';', '[', ']', '\\', '\r', '\n', '\t', '\u202e', '\u2066', 'a', '’', 'é'),
        fc.string({ unit: 'binary', maxLength: 6 }),
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));

  it('never lets a control or bidi character through (property)', () => {
    fc.assert(
      fc.property(hostile, fc.boolean(), (text, singleLine) => {
        expect(printable(text, { singleLine })).not.toMatch(FORBIDDEN);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent and leaves already-safe text alone (property)', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const once = printable(text);
        expect(printable(once)).toBe(once);
      }),
    );
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }).filter((text) => !FORBIDDEN.test(text)),
        (text) => {
          expect(printable(text)).toBe(text);
        },
      ),
    );
  });

  it('leaves no newline or tab in singleLine mode (property)', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(printable(text, { singleLine: true })).not.toMatch(/[\n\t]/);
      }),
    );
  });
});
