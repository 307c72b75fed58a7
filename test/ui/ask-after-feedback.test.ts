import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { askAfterFeedback } from '../../src/ui/prompts.js';

describe('askAfterFeedback', () => {
  it('offers "I was right" only when a claim is possible', async () => {
    const claimable = await render(askAfterFeedback, { canClaim: true });
    expect(claimable.getScreen()).toBe('Enter: next question · r: I was right · q: quit');
    const plain = await render(askAfterFeedback, { canClaim: false });
    expect(plain.getScreen()).toBe('Enter: next question · q: quit');
    claimable.events.keypress('enter');
    plain.events.keypress('enter');
    await expect(Promise.all([claimable.answer, plain.answer])).resolves.toEqual(['next', 'next']);
  });

  it.each([
    ['enter', true, 'next'],
    ['space', true, 'next'],
    ['r', true, 'claim'],
    ['q', true, 'quit'],
    ['q', false, 'quit'],
  ] as const)('%s (canClaim %s) resolves %s', async (key, canClaim, expected) => {
    const { answer, events } = await render(askAfterFeedback, { canClaim });
    events.keypress(key);
    await expect(answer).resolves.toBe(expected);
  });

  it('ignores r when there is nothing to claim, and other keys', async () => {
    const { answer, events } = await render(askAfterFeedback, { canClaim: false });
    events.keypress('r');
    events.keypress('x');
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toBe('next');
  });

  it('clears its line once answered', async () => {
    const { answer, events, getFullOutput } = await render(askAfterFeedback, { canClaim: true });
    events.keypress('enter');
    await answer;
    expect(await getFullOutput()).not.toContain('I was right');
  });
});
