import { PassThrough } from 'node:stream';
import { render } from '@inquirer/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  askAfterFeedback,
  askChoice,
  askMultiSelect,
  askOrder,
  askSelect,
  askText,
  askTrueFalse,
  DONT_KNOW,
  isPromptExit,
} from '../../src/ui/prompts.js';
import { SGR } from './terminal-codes.js';

const everyPrompt = [
  ['askChoice', () => render(askChoice, { message: 'Q?', choices: ['a', 'b'] })],
  ['askTrueFalse', () => render(askTrueFalse, { message: 'Q?' })],
  ['askText', () => render(askText, { message: 'Q?' })],
  ['askOrder', () => render(askOrder, { message: 'Q?', items: ['a', 'b'] })],
  ['askMultiSelect', () => render(askMultiSelect, { message: 'Q?', choices: ['a', 'b'] })],
  ['askAfterFeedback', () => render(askAfterFeedback, { offer: { claim: true, undo: true } })],
  ['askSelect', () => render(askSelect<string>, { message: 'Q?', choices: [{ name: 'a', value: 'a' }], quitValue: 'q' })],
] as const;

describe('leaving a prompt', () => {
  it.each(everyPrompt)('%s rejects with ExitPromptError on Ctrl+C', async (_name, start) => {
    const { answer, events } = await start();
    events.keypress({ name: 'c', ctrl: true });
    const error: unknown = await answer.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'ExitPromptError' });
    expect(isPromptExit(error)).toBe(true);
  });

  it.each(everyPrompt)('%s rejects with ExitPromptError on Ctrl+D instead of waiting forever', async (_name, start) => {
    const { answer, events } = await start();
    events.keypress({ name: 'd', ctrl: true });
    await expect(answer).rejects.toMatchObject({ name: 'ExitPromptError' });
  });

  it('keeps Ctrl+D as delete inside a typed answer', async () => {
    const { answer, events } = await render(askText, { message: 'Q?' });
    events.type('Beijing');
    events.keypress({ name: 'd', ctrl: true }); // cursor at the end: nothing to delete, line not empty
    events.keypress('enter');
    await expect(answer).resolves.toBe('Beijing');
  });

  it('rejects with AbortPromptError when the caller aborts', async () => {
    const controller = new AbortController();
    const { answer } = await render(askChoice, { message: 'Q?', choices: ['a'] }, { signal: controller.signal });
    controller.abort();
    await expect(answer).rejects.toMatchObject({ name: 'AbortPromptError' });
  });

  it('isPromptExit tells a real failure apart', () => {
    expect(isPromptExit(new Error('disk full'))).toBe(false);
    expect(isPromptExit('ExitPromptError')).toBe(false);
  });
});

/** A prompt on plain streams, driven by bytes as a terminal would send them (not synthetic key events). */
function onStreams(isTTY: boolean): { input: PassThrough; output: PassThrough; written: () => string } {
  const input = new PassThrough();
  const output = Object.assign(new PassThrough(), { isTTY, columns: 80 });
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return { input, output, written: () => text };
}

describe('prompts on real streams', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('reads number keys, letters and Enter from the bytes a terminal sends', async () => {
    const choice = onStreams(false);
    const picked = askChoice({ message: 'Q?', choices: ['a', 'b', 'c'] }, choice);
    choice.input.write('2');
    await expect(picked).resolves.toBe(1);

    const dontKnow = onStreams(false);
    const passed = askTrueFalse({ message: 'Q?' }, dontKnow);
    dontKnow.input.write('d');
    await expect(passed).resolves.toBe(DONT_KNOW);

    const typed = onStreams(false);
    const text = askText({ message: 'Q?' }, typed);
    typed.input.write('Wang Yi\r');
    await expect(text).resolves.toBe('Wang Yi');

    const order = onStreams(false);
    const ordered = askOrder({ message: 'Q?', items: ['a', 'b', 'c'] }, order);
    order.input.write(' \u001b[B \r'); // Space, down arrow, Space, Enter
    await expect(ordered).resolves.toEqual(['b', 'a', 'c']);
  });

  it('rejects with ExitPromptError when piped input ends before an answer', async () => {
    const streams = onStreams(false);
    const pending = askMultiSelect({ message: 'Q?', choices: ['a'] }, streams);
    streams.input.end();
    await expect(pending).rejects.toMatchObject({ name: 'ExitPromptError' });
  });

  it('colours a terminal, but not with NO_COLOR and not a pipe', async () => {
    vi.stubEnv('NO_COLOR', '');
    vi.stubEnv('FORCE_COLOR', '');
    const tty = onStreams(true);
    const coloured = askChoice({ message: 'Q?', choices: ['a'] }, tty);
    tty.input.write('1');
    await coloured;
    expect(tty.written()).toMatch(SGR);

    vi.stubEnv('NO_COLOR', '1');
    const noColor = onStreams(true);
    const plain = askChoice({ message: 'Q?', choices: ['a'] }, noColor);
    noColor.input.write('1');
    await plain;
    expect(noColor.written()).toContain('1) a');
    expect(noColor.written()).not.toMatch(SGR);

    vi.stubEnv('NO_COLOR', '');
    const pipe = onStreams(false);
    const piped = askChoice({ message: 'Q?', choices: ['a'] }, pipe);
    pipe.input.write('1');
    await piped;
    expect(pipe.written()).toContain('1) a');
    expect(pipe.written()).not.toMatch(SGR);
  });
});
