// The keys a quiz question takes in its first moment (a double-tapped Enter is not an answer), leaving
// with q or Esc, and everything a prompt shows wrapped between words at the terminal's width.

import { PassThrough } from 'node:stream';
import { render } from '@inquirer/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { askChoice, askMultiSelect, askOrder, askText, askTrueFalse, DONT_KNOW, LEAVE } from '../../src/ui/prompts.js';
import { resizeCleanup } from '../../src/ui/prompt-kit.js';
import { stripAnsi } from '../helpers/pty-session.js';

const cities = { message: 'Where will Blinken go?', choices: ['Beijing', 'Shanghai', 'Hong Kong'] };

afterEach(() => {
  vi.useRealTimers();
});

describe('the Enter guard', () => {
  it('a bare Enter within the guard after the question is drawn is ignored; after it, Enter picks', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { answer, events, getScreen } = await render(askChoice, { ...cities, enterGuardMs: 500 });
    events.keypress('enter');
    await vi.advanceTimersByTimeAsync(499);
    events.keypress('enter');
    expect(getScreen()).toContain('> 1) Beijing');
    await vi.advanceTimersByTimeAsync(1);
    events.keypress('enter');
    await expect(answer).resolves.toBe(0);
  });

  it('any other key first ends the guard: arrows then Enter answer at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { answer, events } = await render(askChoice, { ...cities, enterGuardMs: 500 });
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toBe(1);
  });

  it('a typed answer: an empty Enter at once is not "don\'t know" (and the line says so only later); typed text and Enter is an answer at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { answer, events, getScreen } = await render(askText, { message: 'Who?', enterGuardMs: 500 });
    expect(getScreen()).toBe('? Who?\nEsc: quit');
    events.keypress('enter');
    expect(getScreen()).toContain('? Who?');
    await vi.advanceTimersByTimeAsync(500);
    expect(getScreen()).toBe("? Who?\nEnter on an empty line: don't know · Esc: quit");
    events.type('Qin Gang');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Qin Gang');
  });

  it('without a guard (0), Enter on an empty line is "don\'t know" at once', async () => {
    const { answer, events } = await render(askText, { message: 'Who?' });
    events.keypress('enter');
    await expect(answer).resolves.toBe(DONT_KNOW);
  });
});

describe('leaving a question with q or Esc', () => {
  it.each([
    ['askChoice q', () => render(askChoice, cities), 'q'],
    ['askChoice Esc', () => render(askChoice, cities), 'escape'],
    ['askTrueFalse q', () => render(askTrueFalse, { message: 'True?' }), 'q'],
    ['askMultiSelect Esc', () => render(askMultiSelect, cities), 'escape'],
    ['askOrder q', () => render(askOrder, { message: 'Order?', items: ['a', 'b'] }), 'q'],
    ['askText Esc', () => render(askText, { message: 'Who?' }), 'escape'],
  ] as const)('%s resolves LEAVE and shows "quit"', async (_name, start, key) => {
    const { answer, events, getScreen } = await start();
    events.keypress(key);
    await expect(answer).resolves.toBe(LEAVE);
    expect(getScreen()).toMatch(/^› .* quit$/);
  });

  it('q in a typed answer is a letter, not a way out', async () => {
    const { answer, events } = await render(askText, { message: 'Who?' });
    events.type('Qin');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Qin');
  });
});

/** A prompt drawn into a 40-column "terminal"; returns what it showed, escape codes stripped. */
async function at40<T>(run: (context: { input: PassThrough; output: PassThrough }) => Promise<T>, keys: string): Promise<{ answer: T; shown: string; last: string }> {
  const input = new PassThrough();
  const output = Object.assign(new PassThrough(), { columns: 40, rows: 30 });
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  const answer = run({ input, output });
  await new Promise((resolve) => setImmediate(resolve));
  input.write(keys);
  const result = await answer;
  // The last frame: what follows the last line erase (each frame starts by erasing the one before).
  const frames = shown.split('\u001b[2K');
  return { answer: result, shown: stripAnsi(shown), last: stripAnsi(frames.at(-1) ?? '') };
}

describe('wrapping at the terminal width', () => {
  const long = {
    message: 'Which two leaders reached the agreement that this visit follows? Select both.',
    choices: ['Joe Biden', 'Xi Jinping', 'the State Department and China’s Foreign Ministry'],
  };

  it('choices, the key line and the echoed answer break between words, later lines under the text', async () => {
    const { shown, last } = await at40((context) => askMultiSelect(long, context), '123\r');
    expect(shown).toContain('  [ ] 3) the State Department and\n         China’s Foreign Ministry');
    // Between pairs of key and action, never inside one.
    expect(shown).toContain('↑↓ move · Space tick ·\n  1-3 tick that one · Enter submit ·\n  d don\'t know · q quit');
    expect(last.trim()).toBe('› Which two leaders reached the\n  agreement that this visit follows?\n  Select both. Joe Biden, Xi Jinping,\n  the State Department and China’s\n  Foreign Ministry');
    for (const line of last.split('\n')) expect([...line].length).toBeLessThan(40);
  });

  it('an order question\'s items hang under their text too', async () => {
    const items = ['Portugal’s energy minister inaugurated a floating solar farm on the Tagus estuary', 'b'];
    const { shown } = await at40((context) => askOrder({ message: 'Order?', items }, context), '2 1\r');
    expect(shown).toContain('> 1) Portugal’s energy minister\n     inaugurated a floating solar\n     farm on the Tagus estuary');
  });
});

describe('resizeCleanup', () => {
  it('after a narrowing, goes up over every row the last draw now takes, clears, and comes back down', () => {
    // Three lines drawn at 60 columns; at 30 the 50-cell line takes two rows. The cursor ends on the last.
    const view = { content: `${'a'.repeat(50)}\n${'b'.repeat(10)}\n${'c'.repeat(20)}` };
    expect(resizeCleanup(view, 60, 30)).toBe('\r\u001b[3A\u001b[J\n\n');
    // Widening reflows nothing here: one row each, up two.
    expect(resizeCleanup(view, 60, 100)).toBe('\r\u001b[2A\u001b[J\n\n');
  });

  it('counts the cursor line\'s own rows above the cursor, and ignores the lines under the prompt line', () => {
    const view = { content: `? ${'q'.repeat(40)}`, bottom: 'hint one\nhint two' };
    expect(resizeCleanup(view, 80, 20)).toBe('\r\u001b[2A\u001b[J');
  });
});
