import { describe, expect, it } from 'vitest';
import { visibleLength, wrapText } from '../../src/ui/wrap.js';

describe('wrapText', () => {
  it('leaves short lines alone', () => {
    expect(wrapText('  Fact: short', 40)).toBe('  Fact: short');
  });

  it('wraps at word boundaries, continuing with the indent plus two spaces', () => {
    const text = '  Source: The trip was initially postponed due to concerns over surveillance.';
    expect(wrapText(text, 30)).toBe(['  Source: The trip was', '    initially postponed due to', '    concerns over', '    surveillance.'].join('\n'));
    for (const line of wrapText(text, 30).split('\n')) expect(line.length).toBeLessThanOrEqual(30);
  });

  it('does not count colour codes as width', () => {
    const red = '\u001b[31mWrong.\u001b[39m';
    expect(visibleLength(red)).toBe(6);
    expect(wrapText(`${red} The answer: Beijing`, 26)).toBe(`${red} The answer: Beijing`);
  });

  it('keeps a word longer than the width on a line of its own rather than cutting it', () => {
    expect(wrapText('a verylongwordthatdoesnotfit b', 20).split('\n')).toEqual(['a', '  verylongwordthatdoesnotfit', '  b']);
  });

  it('does nothing without a sensible width', () => {
    const long = 'word '.repeat(50);
    expect(wrapText(long, undefined)).toBe(long);
    expect(wrapText(long, 5)).toBe(long);
  });
});
