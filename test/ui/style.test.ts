import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { colorEnabled, createStyle, styleFor } from '../../src/ui/style.js';
import { SGR } from './terminal-codes.js';

describe('colorEnabled', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{}, undefined, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
    [{ FORCE_COLOR: '1' }, true, true],
    [{ FORCE_COLOR: '1' }, false, false],
    [{ TERM: 'xterm-256color' }, true, true],
  ] as const)('env %j on a TTY=%s -> %s', (env, isTTY, expected) => {
    expect(colorEnabled(env, isTTY)).toBe(expected);
  });
});

describe('createStyle', () => {
  it('wraps text in SGR codes when enabled', () => {
    const style = createStyle(true);
    expect(style.red('no')).toBe('\u001b[31mno\u001b[39m');
    expect(style.bold('b')).toBe('\u001b[1mb\u001b[22m');
    for (const name of ['bold', 'dim', 'green', 'red', 'yellow', 'cyan', 'inverse', 'underline'] as const) {
      expect(style[name]('x')).toMatch(SGR);
    }
  });

  it('is the identity when disabled', () => {
    const style = createStyle(false);
    for (const name of ['bold', 'dim', 'green', 'red', 'yellow', 'cyan', 'inverse', 'underline'] as const) {
      expect(style[name]('China’s')).toBe('China’s');
    }
  });

  it('decides from the stream and the environment', () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true });
    expect(styleFor(tty, {}).green('ok')).toMatch(SGR);
    expect(styleFor(tty, { NO_COLOR: '1' }).green('ok')).toBe('ok');
    expect(styleFor(new PassThrough(), {}).green('ok')).toBe('ok');
  });
});
