import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { askChoice, askSelect, askTrueFalse, DONT_KNOW } from '../../src/ui/prompts.js';
import { SGR, hasOscOrBel } from './terminal-codes.js';

const cities = { message: 'Where will Blinken go?', choices: ['Beijing', 'Shanghai', 'Hong Kong'] };

describe('askChoice', () => {
  it('shows the choices numbered, in the order given, with a last "Don\'t know"', async () => {
    const { answer, events, getScreen } = await render(askChoice, cities);
    expect(getScreen()).toBe(
      [
        '? Where will Blinken go?',
        '> 1) Beijing',
        '  2) Shanghai',
        '  3) Hong Kong',
        "  0) Don't know",
        "↑↓ move · Enter pick · 1-3 pick at once · 0/d don't know · q quit",
      ].join('\n'),
    );
    events.keypress('enter');
    await expect(answer).resolves.toBe(0);
  });

  it('picks with the arrows and Enter', async () => {
    const { answer, events, getScreen } = await render(askChoice, cities);
    events.keypress('down');
    events.keypress('down');
    events.keypress('up');
    expect(getScreen()).toContain('> 2) Shanghai');
    events.keypress('enter');
    await expect(answer).resolves.toBe(1);
    expect(getScreen()).toBe('› Where will Blinken go? Shanghai');
  });

  it('picks at once with a number key', async () => {
    const { answer, events } = await render(askChoice, cities);
    events.keypress('3');
    await expect(answer).resolves.toBe(2);
  });

  it('ignores a number with no choice behind it', async () => {
    const { answer, events, getScreen } = await render(askChoice, cities);
    events.keypress('7');
    expect(getScreen()).toContain('> 1) Beijing');
    events.keypress('enter');
    await expect(answer).resolves.toBe(0);
  });

  it.each(['0', 'd', 'D'])('answers "don\'t know" with %s', async (key) => {
    const { answer, events, getScreen } = await render(askChoice, cities);
    events.keypress(key);
    await expect(answer).resolves.toBe(DONT_KNOW);
    expect(getScreen()).toBe("› Where will Blinken go? don't know");
  });

  it('answers "don\'t know" from the last entry with the arrows', async () => {
    const { answer, events } = await render(askChoice, cities);
    events.keypress('up'); // wraps to the last entry
    events.keypress('enter');
    await expect(answer).resolves.toBe(DONT_KNOW);
  });

  it('does not take Ctrl+D for d: it leaves like Ctrl+C', async () => {
    const { answer, events } = await render(askChoice, cities);
    events.keypress({ name: 'd', ctrl: true });
    await expect(answer).rejects.toMatchObject({ name: 'ExitPromptError' });
  });

  it('draws untrusted text without its escape sequences and without colour off a terminal', async () => {
    const { getScreen, events, answer } = await render(askChoice, {
      message: 'Pick\u001b]0;owned\u0007 one\u202e',
      choices: ['\u001b[31mRed\u001b[0m', '\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\', 'multi\nline'],
    });
    const raw = getScreen({ raw: true });
    expect(raw).not.toMatch(SGR);
    expect(hasOscOrBel(raw)).toBe(false);
    expect(raw).not.toContain('\u202e');
    expect(getScreen()).toContain('? Pick one\n> 1) Red\n  2) link\n  3) multi line');
    events.keypress('2');
    // The caller gets its index back, not a rewritten string.
    await expect(answer).resolves.toBe(1);
  });
});

describe('askTrueFalse', () => {
  it('is a select of True, False and Don\'t know', async () => {
    const { answer, events, getScreen } = await render(askTrueFalse, { message: 'Blinken met Xi Jinping.' });
    expect(getScreen()).toBe(
      [
        '? Blinken met Xi Jinping.',
        '> 1) True',
        '  2) False',
        "  0) Don't know",
        "↑↓ move · Enter pick · t/1 true · f/2 false · 0/d don't know · q quit",
      ].join('\n'),
    );
    events.keypress('enter');
    await expect(answer).resolves.toBe(true);
  });

  it.each([
    ['t', true],
    ['1', true],
    ['f', false],
    ['2', false],
    ['0', DONT_KNOW],
    ['d', DONT_KNOW],
  ] as const)('key %s resolves %s', async (key, expected) => {
    const { answer, events } = await render(askTrueFalse, { message: 'True?' });
    events.keypress(key);
    await expect(answer).resolves.toBe(expected);
  });

  it('picks False with the arrows and shows it', async () => {
    const { answer, events, getScreen } = await render(askTrueFalse, { message: 'True?' });
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toBe(false);
    expect(getScreen()).toBe('› True? False');
  });
});

describe('askSelect', () => {
  const menu = {
    message: 'factdeck',
    choices: [
      { name: 'Quiz', value: 'quiz', description: 'ten questions of mixed kinds' },
      { name: 'Review missed', value: 'review' },
      { name: 'Stats', value: 'stats' },
    ],
  };

  it('shows numbered entries and the description of the one under the cursor', async () => {
    const { answer, getScreen, events } = await render(askSelect<string>, { ...menu, quitValue: 'quit' });
    expect(getScreen()).toBe(
      [
        '? factdeck',
        '> 1) Quiz',
        '  2) Review missed',
        '  3) Stats',
        '  ten questions of mixed kinds',
        '↑↓ move · Enter pick · 1-3 pick at once · q quit',
      ].join('\n'),
    );
    events.keypress('down');
    expect(getScreen()).not.toContain('ten questions');
    events.keypress('enter');
    await expect(answer).resolves.toBe('review');
  });

  it('resolves the value of the entry picked by arrows or number', async () => {
    const byArrows = await render(askSelect<string>, menu);
    byArrows.events.keypress('down');
    byArrows.events.keypress('enter');
    await expect(byArrows.answer).resolves.toBe('review');

    const byNumber = await render(askSelect<string>, menu);
    byNumber.events.keypress('3');
    await expect(byNumber.answer).resolves.toBe('stats');
  });

  it('resolves quitValue on q', async () => {
    const { answer, events } = await render(askSelect<string>, { ...menu, quitValue: 'quit' });
    events.keypress('q');
    await expect(answer).resolves.toBe('quit');
  });

  it('ignores q when there is no quitValue', async () => {
    const { answer, events, getScreen } = await render(askSelect<string>, menu);
    events.keypress('q');
    expect(getScreen()).not.toContain('q quit');
    expect(getScreen()).toContain('> 1) Quiz');
    events.keypress('enter');
    await expect(answer).resolves.toBe('quiz');
  });
});
