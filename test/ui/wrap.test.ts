import { describe, expect, it } from 'vitest';
import { displayWidth, wrapText } from '../../src/ui/wrap.js';

const lines = (text: string): string[] => text.split('\n');

describe('displayWidth counts terminal columns, not code points', () => {
  it.each([
    ['ASCII', 'Beijing', 7],
    ['Chinese: two columns a character', '北京', 4],
    ['Japanese kana and fullwidth punctuation', 'テキスト。', 10],
    ['Korean', '한국어', 6],
    ['an emoji', '😀', 2],
    ['an emoji with a skin tone (two code points, one picture)', '👋🏽', 2],
    ['a family emoji joined by zero-width joiners', '👨‍👩‍👧', 2],
    ['a flag (two regional indicators)', '🇫🇷', 2],
    ['combining accents take no column', 'Ame\u0301lie', 6],
    ['precomposed accents', 'Zoë Saldaña', 11],
    ['our colour codes take none', '\u001b[31mWrong.\u001b[39m', 6],
  ])('%s', (_what, text, columns) => {
    expect(displayWidth(text)).toBe(columns);
  });
});

describe('wrapText', () => {
  it('leaves short lines alone', () => {
    expect(wrapText('  Fact: short', 40)).toBe('  Fact: short');
  });

  it('wraps at word boundaries, continuing with the indent plus two spaces', () => {
    const text = '  Source: The trip was initially postponed due to concerns over surveillance.';
    expect(wrapText(text, 30)).toBe(['  Source: The trip was', '    initially postponed due to', '    concerns over', '    surveillance.'].join('\n'));
    for (const line of lines(wrapText(text, 30))) expect(line.length).toBeLessThanOrEqual(30);
  });

  it('does not count colour codes as width', () => {
    const red = '\u001b[31mWrong.\u001b[39m';
    expect(wrapText(`${red} The answer: Beijing`, 26)).toBe(`${red} The answer: Beijing`);
  });

  it('keeps a word of Latin letters longer than the width on a line of its own rather than cutting it', () => {
    expect(lines(wrapText('a verylongwordthatdoesnotfit b', 20))).toEqual(['a', '  verylongwordthatdoesnotfit', '  b']);
  });

  it('does nothing without a sensible width', () => {
    const long = 'word '.repeat(50);
    expect(wrapText(long, undefined)).toBe(long);
    expect(wrapText(long, 5)).toBe(long);
  });
});

describe('wrapText at 40 columns, beyond ASCII', () => {
  it('breaks Chinese between characters (it has no spaces), filling each line to 40 columns and no more', () => {
    const text = '  Source: 布林肯将于6月16日至21日访问北京，与中国高级官员讨论负责任地管理美中关系。这次访问并不表示两国关系的重置。';
    const wrapped = lines(wrapText(text, 40));
    expect(wrapped).toEqual(['  Source: 布林肯将于6月16日至21日访问北', '    京，与中国高级官员讨论负责任地管理美', '    中关系。这次访问并不表示两国关系的重', '    置。']);
    expect(wrapped.map(displayWidth)).toEqual([39, 40, 40, 8]);
    // Nothing lost or added but the breaks and their indent.
    expect(wrapped.map((line) => line.trim()).join('')).toBe(text.trim());
  });

  it('never starts a line with a closing mark (。」，) nor ends one with an opening mark (「（)', () => {
    const text = '✘ Wrong. The answer: 北京（Beijing）。他说：「我们必须保持沟通渠道畅通，以防止误判和冲突。」';
    const wrapped = lines(wrapText(text, 40));
    expect(wrapped).toEqual(['✘ Wrong. The answer: 北京（Beijing）。他', '  说：「我们必须保持沟通渠道畅通，以防止', '  误判和冲突。」']);
    for (const line of wrapped) {
      expect(displayWidth(line)).toBeLessThanOrEqual(40);
      expect(line.trim()).not.toMatch(/^[、。，：；？！）」』】》]/);
      expect(line).not.toMatch(/[（「『【《]$/);
    }
  });

  it('counts an emoji as two columns and never splits one (skin tones and joined families included)', () => {
    const text = '  Fact: The café’s owner, Zoë Saldaña, smiled 😀 and waved 👋🏽 at the crowd of 👨‍👩‍👧 families gathered in the square.';
    const wrapped = lines(wrapText(text, 40));
    expect(wrapped).toEqual(['  Fact: The café’s owner, Zoë Saldaña,', '    smiled 😀 and waved 👋🏽 at the crowd', '    of 👨‍👩‍👧 families gathered in the', '    square.']);
    expect(wrapped.map(displayWidth)).toEqual([38, 39, 34, 11]);
  });

  it('counts a letter and its combining accent as one column', () => {
    // Counted in code points, the first line (39 columns) would look like 42, and "café" would move down.
    const text = '  Source: Ame\u0301lie and Rene\u0301e visited cafe\u0301 Ope\u0301ra with friends.';
    const wrapped = lines(wrapText(text, 40));
    expect(wrapped).toEqual(['  Source: Ame\u0301lie and Rene\u0301e visited cafe\u0301', '    Ope\u0301ra with friends.']);
    expect(wrapped.map(displayWidth)).toEqual([39, 23]);
  });

  it('keeps colour codes whole inside wide text', () => {
    const text = '\u001b[31m✘ Wrong.\u001b[39m 日本語のテキストは単語の間に\u001b[1mスペース\u001b[22mがありませんので、どこでも改行できます。';
    const wrapped = lines(wrapText(text, 40));
    for (const line of wrapped) {
      expect(displayWidth(line)).toBeLessThanOrEqual(40);
      // Every escape that starts on a line ends on it.
      // eslint-disable-next-line no-control-regex -- colour codes are what is checked
      expect(line.replace(/\u001b\[[0-9;]*m/g, '')).not.toContain('\u001b');
    }
    expect(wrapped.join('\n').replace(/\n {2}/g, '')).toContain('\u001b[1mスペース\u001b[22m');
  });
});
