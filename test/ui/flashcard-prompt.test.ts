import { PassThrough } from 'node:stream';
import { render } from '@inquirer/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FlashcardConfig } from '../../src/ui/flashcard-prompt.js';
import { askFlashcard, isPromptExit } from '../../src/ui/prompts.js';
import { SGR, hasOscOrBel } from './terminal-codes.js';

const card: FlashcardConfig = {
  header: 'Card 3 of 12 · due',
  front: 'Who will Blinken meet\nin Beijing?',
  back: 'Wang Yi\nSource: "Blinken is expected to meet Wang Yi."',
  intervals: { again: '1m', hard: '6m', good: '10m', easy: '8d' },
  canUndo: true,
};

const RATING_LINE = '1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 8d';

describe('askFlashcard', () => {
  it('shows the header, the front and the keys, and not the back before the flip', async () => {
    const { answer, events, getScreen } = await render(askFlashcard, card);
    expect(getScreen()).toBe(
      ['Card 3 of 12 · due', '', 'Who will Blinken meet', 'in Beijing?', '', 'Space/Enter: show answer · u: undo · ?: keys · q: quit'].join('\n'),
    );
    events.keypress('q');
    await answer;
  });

  it.each(['space', 'enter'])('flips with %s: the back and the intervals appear under the front', async (key) => {
    const { answer, events, getScreen } = await render(askFlashcard, card);
    events.keypress(key);
    const lines = getScreen().split('\n');
    expect(lines.slice(0, 4)).toEqual(['Card 3 of 12 · due', '', 'Who will Blinken meet', 'in Beijing?']);
    expect(lines[4]).toMatch(/^─+$/);
    expect(lines.slice(5)).toEqual([
      'Wang Yi',
      'Source: "Blinken is expected to meet Wang Yi."',
      '',
      RATING_LINE,
      '1-4: rate · u: undo · ?: keys · q: quit',
    ]);
    events.keypress('3');
    await expect(answer).resolves.toEqual({ action: 'rate', rating: 'good' });
  });

  it.each([
    ['1', 'again'],
    ['2', 'hard'],
    ['3', 'good'],
    ['4', 'easy'],
  ] as const)('after the flip, %s rates %s', async (key, rating) => {
    const { answer, events } = await render(askFlashcard, card);
    events.keypress('space');
    events.keypress(key);
    await expect(answer).resolves.toEqual({ action: 'rate', rating });
  });

  it('ignores 1-4 before the flip, saying to flip first', async () => {
    const { answer, events, getScreen } = await render(askFlashcard, card);
    for (const key of ['1', '2', '3', '4']) events.keypress(key);
    expect(getScreen()).toContain('Show the answer first: Space or Enter');
    expect(getScreen()).not.toContain('Wang Yi');
    events.keypress('space');
    expect(getScreen()).not.toContain('Show the answer first');
    events.keypress('2');
    await expect(answer).resolves.toEqual({ action: 'rate', rating: 'hard' });
  });

  it('ignores digits with no rating behind them, and other keys', async () => {
    const { answer, events, getScreen } = await render(askFlashcard, card);
    events.keypress('space');
    const flipped = getScreen();
    for (const key of ['5', '9', '0', 'x', 'down']) events.keypress(key);
    expect(getScreen()).toBe(flipped);
    events.keypress('1');
    await expect(answer).resolves.toEqual({ action: 'rate', rating: 'again' });
  });

  it.each([false, true])('undoes with u when there is something to undo (flipped: %s)', async (flip) => {
    const { answer, events } = await render(askFlashcard, card);
    if (flip) events.keypress('space');
    events.keypress('u');
    await expect(answer).resolves.toEqual({ action: 'undo' });
  });

  it('does nothing with u when there is nothing to undo, and does not offer it', async () => {
    const { answer, events, getScreen } = await render(askFlashcard, { ...card, canUndo: false });
    expect(getScreen()).toContain('Space/Enter: show answer · ?: keys · q: quit');
    const before = getScreen();
    events.keypress('u');
    expect(getScreen()).toBe(before);
    events.keypress('space');
    expect(getScreen()).toContain('1-4: rate · ?: keys · q: quit');
    events.keypress('u');
    events.keypress('4');
    await expect(answer).resolves.toEqual({ action: 'rate', rating: 'easy' });
  });

  it('shows and hides every key with ?', async () => {
    const { answer, events, getScreen } = await render(askFlashcard, card);
    expect(getScreen()).not.toContain('Keys');
    events.keypress('?');
    const help = getScreen();
    expect(help).toContain('Keys');
    for (const line of ['Space, Enter  show the answer', '1 2 3 4       rate Again, Hard, Good, Easy', 'u             undo the last rating', '?             show or hide these keys', 'q, Esc        quit studying']) {
      expect(help).toContain(line);
    }
    events.keypress('?');
    expect(getScreen()).not.toContain('Keys');
    events.keypress('q');
    await answer;
  });

  it('says in the help when there is nothing to undo', async () => {
    const { answer, events, getScreen } = await render(askFlashcard, { ...card, canUndo: false });
    events.keypress('?');
    expect(getScreen()).toContain('undo the last rating (nothing to undo yet)');
    events.keypress('q');
    await answer;
  });

  it.each([false, true])('quits with q (flipped: %s) and with Q', async (flip) => {
    const { answer, events, getScreen } = await render(askFlashcard, card);
    if (flip) events.keypress('enter');
    events.keypress(flip ? 'q' : { name: 'q', shift: true });
    await expect(answer).resolves.toEqual({ action: 'quit' });
    expect(getScreen()).toBe('› Card 3 of 12 · due quit');
  });

  it('leaves one line with the rating once rated', async () => {
    const { answer, events, getScreen } = await render(askFlashcard, card);
    events.keypress('space');
    events.keypress('4');
    await answer;
    expect(getScreen()).toBe('› Card 3 of 12 · due Easy (8d)');
  });

  it.each([
    [{ name: 'c', ctrl: true }, 'Ctrl+C'],
    [{ name: 'd', ctrl: true }, 'Ctrl+D'],
  ])('rejects with ExitPromptError on %j (%s)', async (key) => {
    const { answer, events } = await render(askFlashcard, card);
    events.keypress('space');
    events.keypress(key);
    const error: unknown = await answer.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'ExitPromptError' });
    expect(isPromptExit(error)).toBe(true);
  });

  it('shows the cram note only in cram mode', async () => {
    const cram = await render(askFlashcard, { ...card, cram: true });
    expect(cram.getScreen().split('\n')[0]).toBe('Card 3 of 12 · due  (cram: the schedule is not changed)');
    const normal = await render(askFlashcard, card);
    expect(normal.getScreen()).not.toContain('cram');
    cram.events.keypress('q');
    normal.events.keypress('q');
    await Promise.all([cram.answer, normal.answer]);
  });

  it('draws untrusted header, front and intervals without escape sequences, keeping the front on its lines', async () => {
    const { answer, events, getScreen } = await render(askFlashcard, {
      ...card,
      header: 'Card\u001b]0;owned\u0007 1\nof 2\u202e',
      front: '\u001b[31mRed\u001b[0m line\nsecond \u001b]8;;https://evil.example\u001b\\line\u001b]8;;\u001b\\',
      intervals: { again: '1m\u001b[2J', hard: '6m', good: '10m', easy: '8d' },
    });
    events.keypress('space');
    const raw = getScreen({ raw: true });
    expect(raw).not.toMatch(SGR);
    expect(hasOscOrBel(raw)).toBe(false);
    expect(raw).not.toContain('\u001b[2J');
    expect(raw).not.toContain('\u202e');
    expect(getScreen()).toContain('Card 1 of 2\n\nRed line\nsecond line\n');
    expect(getScreen()).toContain(RATING_LINE);
    events.keypress('q');
    await answer;
  });

  it('draws the back as the caller made it (the caller has cleaned it and may have styled it)', async () => {
    const { answer, events, getScreen } = await render(askFlashcard, { ...card, back: 'Wang \u001b[1mYi\u001b[22m' });
    events.keypress('space');
    expect(getScreen({ raw: true })).toContain('Wang \u001b[1mYi\u001b[22m');
    events.keypress('q');
    await answer;
  });
});

/** The prompt on plain streams, driven by the bytes a terminal sends. */
function onStreams(isTTY: boolean): { input: PassThrough; output: PassThrough; written: () => string } {
  const input = new PassThrough();
  const output = Object.assign(new PassThrough(), { isTTY, columns: 80 });
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return { input, output, written: () => text };
}

describe('askFlashcard on real streams', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('reads ?, Space and a digit from the bytes a terminal sends (? has no key name there)', async () => {
    const streams = onStreams(false);
    const pending = askFlashcard(card, streams);
    streams.input.write('?');
    streams.input.write(' ');
    streams.input.write('3');
    await expect(pending).resolves.toEqual({ action: 'rate', rating: 'good' });
    expect(streams.written()).toContain('show or hide these keys');
  });

  it('colours the ratings on a terminal (again red, hard yellow, good green, easy cyan)', async () => {
    vi.stubEnv('NO_COLOR', '');
    vi.stubEnv('FORCE_COLOR', '');
    const tty = onStreams(true);
    const pending = askFlashcard(card, tty);
    tty.input.write(' ');
    tty.input.write('1');
    await pending;
    const written = tty.written();
    expect(written).toContain('\u001b[31m1 Again 1m\u001b[39m');
    expect(written).toContain('\u001b[33m2 Hard 6m\u001b[39m');
    expect(written).toContain('\u001b[32m3 Good 10m\u001b[39m');
    expect(written).toContain('\u001b[36m4 Easy 8d\u001b[39m');
  });

  it.each([
    ['NO_COLOR on a terminal', '1', true],
    ['a pipe', '', false],
  ] as const)('draws no colour codes with %s', async (_name, noColor, isTTY) => {
    vi.stubEnv('NO_COLOR', noColor);
    vi.stubEnv('FORCE_COLOR', '');
    const streams = onStreams(isTTY);
    const pending = askFlashcard({ ...card, cram: true }, streams);
    streams.input.write('?');
    streams.input.write('\r');
    streams.input.write('2');
    await expect(pending).resolves.toEqual({ action: 'rate', rating: 'hard' });
    const written = streams.written();
    expect(written).toContain(RATING_LINE);
    expect(written).not.toMatch(SGR);
  });
});
