import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { askMultiSelect, DONT_KNOW } from '../../src/ui/prompts.js';

const topics = { message: 'Which does the article mention?', choices: ['Taiwan', 'fentanyl', 'the Olympics', 'a spy balloon'] };

describe('askMultiSelect', () => {
  it('shows unticked boxes and the keys', async () => {
    const { answer, events, getScreen } = await render(askMultiSelect, topics);
    expect(getScreen()).toBe(
      [
        '? Which does the article mention?',
        '> [ ] 1) Taiwan',
        '  [ ] 2) fentanyl',
        '  [ ] 3) the Olympics',
        '  [ ] 4) a spy balloon',
        "↑↓ move · Space tick · 1-4 tick that one · Enter submit · d don't know · q quit",
      ].join('\n'),
    );
    events.keypress('d');
    await expect(answer).resolves.toBe(DONT_KNOW);
  });

  it('ticks with Space and the arrows, unticks with Space again', async () => {
    const { answer, events, getScreen } = await render(askMultiSelect, topics);
    events.keypress({ name: 'space' });
    events.keypress('down');
    events.keypress({ name: 'space' });
    events.keypress('down');
    events.keypress({ name: 'space' });
    events.keypress({ name: 'space' });
    expect(getScreen()).toContain(
      ['  [x] 1) Taiwan', '  [x] 2) fentanyl', '> [ ] 3) the Olympics', '  [ ] 4) a spy balloon'].join('\n'),
    );
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['Taiwan', 'fentanyl']);
    expect(getScreen()).toBe('› Which does the article mention? Taiwan, fentanyl');
  });

  it('toggles with number keys and resolves in the order shown', async () => {
    const { answer, events, getScreen } = await render(askMultiSelect, topics);
    events.keypress('4');
    events.keypress('1');
    events.keypress('3');
    events.keypress('3');
    expect(getScreen()).toContain('[x] 1) Taiwan');
    expect(getScreen()).toContain('[ ] 3) the Olympics');
    expect(getScreen()).toContain('[x] 4) a spy balloon');
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['Taiwan', 'a spy balloon']);
  });

  it('answers an empty selection with a message, not an error, and goes on', async () => {
    const { answer, events, getScreen } = await render(askMultiSelect, topics);
    events.keypress('enter');
    expect(getScreen()).toContain("! select at least one, or press d for don't know");
    events.keypress('2');
    expect(getScreen()).not.toContain('select at least one');
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['fentanyl']);
  });

  it('answers don\'t know on d, even with boxes ticked', async () => {
    const { answer, events, getScreen } = await render(askMultiSelect, topics);
    events.keypress('1');
    events.keypress('d');
    await expect(answer).resolves.toBe(DONT_KNOW);
    expect(getScreen()).toBe("› Which does the article mention? don't know");
  });
});
