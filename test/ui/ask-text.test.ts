import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { askText, DONT_KNOW } from '../../src/ui/prompts.js';

describe('askText', () => {
  it('shows the question, the hint and how to pass', async () => {
    const { answer, events, getScreen } = await render(askText, { message: 'Who leads the State Department?', hint: 'a surname' });
    expect(getScreen()).toBe(
      ['? Who leads the State Department?', 'a surname', "Enter on an empty line: don't know · Esc: quit"].join('\n'),
    );
    events.type('Blinken');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Blinken');
  });

  it('resolves the typed answer, trimmed, and echoes it', async () => {
    const { answer, events, getScreen } = await render(askText, { message: 'Who?' });
    events.type('  Antony Blinken ');
    expect(getScreen()).toContain('? Who?   Antony Blinken');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Antony Blinken');
    expect(getScreen()).toBe('› Who? Antony Blinken');
  });

  it('follows backspace', async () => {
    const { answer, events } = await render(askText, { message: 'Capital?' });
    events.type('Beijingg');
    events.keypress('backspace');
    events.keypress('enter');
    await expect(answer).resolves.toBe('Beijing');
  });

  it.each([
    ['an empty line', ''],
    ['only spaces', '   '],
  ])('takes %s as don\'t know', async (_name, typed) => {
    const { answer, events, getScreen } = await render(askText, { message: 'Who?' });
    if (typed !== '') events.type(typed);
    events.keypress('enter');
    await expect(answer).resolves.toBe(DONT_KNOW);
    expect(getScreen()).toBe("› Who? don't know");
  });

  it('keeps the text the user types, letters the other prompts use as keys included', async () => {
    const { answer, events } = await render(askText, { message: 'Word?' });
    events.type('dq 12');
    events.keypress('enter');
    await expect(answer).resolves.toBe('dq 12');
  });
});
