import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { askOrder, DONT_KNOW, LEAVE } from '../../src/ui/prompts.js';

const events3 = {
  message: 'Put these in the order they happened',
  items: ['Blinken lands in Beijing', 'Blinken meets Wang Yi', 'Press conference'],
};

describe('askOrder', () => {
  it('shows the items numbered, with the keys', async () => {
    const { answer, events, getScreen } = await render(askOrder, events3);
    expect(getScreen()).toBe(
      [
        '? Put these in the order they happened',
        '  first',
        '> 1) Blinken lands in Beijing',
        '  2) Blinken meets Wang Yi',
        '  3) Press conference',
        '  last',
        "↑↓ cursor · Space pick up · 1-3 type the order · Enter submit · d don't know · q quit",
      ].join('\n'),
    );
    events.keypress('d');
    await expect(answer).resolves.toBe(DONT_KNOW);
  });

  it('submits the arrangement unchanged on Enter', async () => {
    const { answer, events } = await render(askOrder, events3);
    events.keypress('enter');
    await expect(answer).resolves.toEqual(events3.items);
  });

  it('moves an item picked up with Space, and drops it with Space', async () => {
    const { answer, events, getScreen } = await render(askOrder, events3);
    events.keypress({ name: 'space' });
    expect(getScreen()).toContain('↕ 1) Blinken lands in Beijing  (moving)');
    expect(getScreen()).toContain('↑↓ move it · Space drop it · Enter submit');
    events.keypress('down');
    events.keypress('down');
    events.keypress('down'); // already last: stays
    expect(getScreen()).toContain(
      ['  2) Blinken meets Wang Yi', '  3) Press conference', '↕ 1) Blinken lands in Beijing  (moving)'].join('\n'),
    );
    events.keypress({ name: 'space' });
    expect(getScreen()).toContain('> 1) Blinken lands in Beijing\n  last');
    // With nothing held the arrows only move the cursor.
    events.keypress('up');
    events.keypress('up');
    expect(getScreen()).toContain('> 2) Blinken meets Wang Yi\n  3) Press conference\n  1) Blinken lands in Beijing');
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['Blinken meets Wang Yi', 'Press conference', 'Blinken lands in Beijing']);
    expect(getScreen()).toBe('› Put these in the order they happened 2 3 1');
  });

  it('builds the order from item numbers typed in sequence', async () => {
    const { answer, events, getScreen } = await render(askOrder, events3);
    events.keypress('3');
    expect(getScreen()).toContain('your order: 3 _ _');
    expect(getScreen()).toContain('  first\n  3) Press conference\n> 1)');
    events.keypress('1');
    expect(getScreen()).toContain('your order: 3 1 _');
    events.keypress('2');
    expect(getScreen()).toContain('your order: 3 1 2');
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['Press conference', 'Blinken lands in Beijing', 'Blinken meets Wang Yi']);
  });

  it('takes a number back with Backspace; a number typed twice is refused with a word, not dropped', async () => {
    const { answer, events, getScreen } = await render(askOrder, events3);
    events.keypress('2');
    events.keypress('3');
    events.keypress('backspace');
    expect(getScreen()).toContain('your order: 2 _ _');
    events.keypress('3');
    events.keypress('2'); // 2 again: refused, the order stays
    expect(getScreen()).toContain('your order: 2 3 _');
    expect(getScreen()).toContain('! 2 is already in your order (Backspace takes the last number back)');
    events.keypress('1');
    expect(getScreen()).not.toContain('already');
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['Blinken meets Wang Yi', 'Press conference', 'Blinken lands in Beijing']);
  });

  it('never submits an order half typed: Enter says which numbers are missing', async () => {
    const { answer, events, getScreen } = await render(askOrder, events3);
    events.keypress('3');
    events.keypress('enter');
    expect(getScreen()).toContain('your order: 3 _ _');
    expect(getScreen()).toContain('! your order is missing 1 and 2: type them too (Backspace takes a number back)');
    events.keypress('1');
    events.keypress('enter');
    expect(getScreen()).toContain('! your order is missing 2: type it too');
    events.keypress('2');
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['Press conference', 'Blinken lands in Beijing', 'Blinken meets Wang Yi']);
  });

  it('while numbers are typed, Space only separates them: nothing is picked up', async () => {
    const { answer, events, getScreen } = await render(askOrder, events3);
    events.keypress('1');
    events.keypress('space');
    events.keypress('down');
    expect(getScreen()).not.toContain('(moving)');
    events.keypress('3');
    events.keypress('space');
    events.keypress('2');
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['Blinken lands in Beijing', 'Press conference', 'Blinken meets Wang Yi']);
  });

  it.each(['q', 'escape'])('leaves on %s', async (key) => {
    const { answer, events, getScreen } = await render(askOrder, events3);
    events.keypress('2');
    events.keypress(key);
    await expect(answer).resolves.toBe(LEAVE);
    expect(getScreen()).toBe('› Put these in the order they happened quit');
  });

  it('ignores numbers with no item behind them, and says so', async () => {
    const { answer, events, getScreen } = await render(askOrder, events3);
    events.keypress('4');
    expect(getScreen()).toContain('! there is no item 4: the items are 1-3');
    events.keypress('0');
    expect(getScreen()).not.toContain('your order');
    events.keypress('enter');
    await expect(answer).resolves.toEqual(events3.items);
  });

  it('answers don\'t know on d', async () => {
    const { answer, events, getScreen } = await render(askOrder, events3);
    events.keypress('2');
    events.keypress('d');
    await expect(answer).resolves.toBe(DONT_KNOW);
    expect(getScreen()).toBe("› Put these in the order they happened don't know");
  });
});
