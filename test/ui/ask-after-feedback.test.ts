import { render } from '@inquirer/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { askAfterFeedback } from '../../src/ui/prompts.js';

const offer = (claim: boolean, undo = false) => ({ offer: { claim, undo } });

describe('askAfterFeedback', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('offers "I was right" only when a claim is possible, undo only when offered', async () => {
    const claimable = await render(askAfterFeedback, offer(true));
    expect(claimable.getScreen()).toBe('Enter: next question · r: I was right · q: quit');
    const plain = await render(askAfterFeedback, offer(false));
    expect(plain.getScreen()).toBe('Enter: next question · q: quit');
    const undoable = await render(askAfterFeedback, offer(true, true));
    expect(undoable.getScreen()).toBe('Enter: next question · r: I was right · u: undo the answer · q: quit');
    claimable.events.keypress('enter');
    plain.events.keypress('enter');
    undoable.events.keypress('enter');
    await expect(Promise.all([claimable.answer, plain.answer, undoable.answer])).resolves.toEqual(['next', 'next', 'next']);
  });

  it.each([
    ['enter', true, false, 'next'],
    ['space', true, false, 'next'],
    ['r', true, false, 'claim'],
    ['u', false, true, 'undo'],
    ['q', true, false, 'quit'],
    ['q', false, false, 'quit'],
    ['escape', false, false, 'quit'],
  ] as const)('%s (claim %s, undo %s) resolves %s', async (key, claim, undo, expected) => {
    const { answer, events } = await render(askAfterFeedback, offer(claim, undo));
    events.keypress(key);
    await expect(answer).resolves.toBe(expected);
  });

  it('ignores r and u when they are not offered, and other keys', async () => {
    const { answer, events } = await render(askAfterFeedback, offer(false, false));
    events.keypress('r');
    events.keypress('u');
    events.keypress('x');
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toBe('next');
  });

  it('clears its line once answered', async () => {
    const { answer, events, getFullOutput } = await render(askAfterFeedback, offer(true));
    events.keypress('enter');
    await answer;
    expect(await getFullOutput()).not.toContain('I was right');
  });

  it('takes no key, and shows no key line, until armed: a double Enter or keys typed ahead are dropped', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { answer, events, getScreen } = await render(askAfterFeedback, { offer: { claim: false, undo: true }, armAfterMs: 500 });
    expect(getScreen()).toBe('…');
    events.keypress('enter');
    events.keypress('q');
    events.keypress('u');
    await vi.advanceTimersByTimeAsync(499);
    expect(getScreen()).toBe('…');
    await vi.advanceTimersByTimeAsync(1);
    expect(getScreen()).toBe('Enter: next question · u: undo the answer · q: quit');
    events.keypress('u');
    await expect(answer).resolves.toBe('undo');
  });

  it('as a pause ("back"), Enter, Space, q and Esc all go back, and the line says where', async () => {
    for (const key of ['enter', 'space', 'q', 'escape']) {
      const { answer, events, getScreen } = await render(askAfterFeedback, { offer: { claim: false, undo: false, back: 'back to the menu' } });
      expect(getScreen()).toBe('Enter: back to the menu');
      events.keypress(key);
      await expect(answer).resolves.toBe('next');
    }
  });
});
