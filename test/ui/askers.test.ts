// The askers a run asks through: plain mode opens its input only when it first reads (so the first
// question is printed before stdin is even made), and a terminal asker's close() ends a prompt still waiting.

import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { promptContext, type Context } from '../../src/context.js';
import { createPlainAsker, createTerminalAsker, END, readLines } from '../../src/ui/asker.js';
import { isPromptExit } from '../../src/ui/prompt-exit.js';
import { cloze } from '../helpers/builders.js';
import { stripAnsi } from '../helpers/pty-session.js';

/** Streams whose input counts how often it is looked up. */
function countingStreams(): { streams: { readonly input: PassThrough; output: PassThrough }; feed: PassThrough; lookups: () => number; written: () => string } {
  const feed = new PassThrough();
  const output = new PassThrough();
  let lookups = 0;
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString()));
  return {
    streams: {
      get input() {
        lookups++;
        return feed;
      },
      output,
    },
    feed,
    lookups: () => lookups,
    written: () => written,
  };
}

describe('plain-mode input', () => {
  it('is not opened until the first line is wanted, then reads lines to the end', async () => {
    const { streams, feed, lookups } = countingStreams();
    const lines = readLines(streams);
    expect(lookups()).toBe(0);
    feed.end('first\nsecond\n');
    expect(await lines.next()).toBe('first');
    expect(lookups()).toBe(1);
    expect(await lines.next()).toBe('second');
    expect(await lines.next()).toBe(END);
  });

  it('closed before any read: ends without ever opening the input', async () => {
    const { streams, lookups } = countingStreams();
    const lines = readLines(streams);
    lines.close();
    expect(await lines.next()).toBe(END);
    expect(lookups()).toBe(0);
  });

  it('prints the question before the input is opened', async () => {
    const { streams, feed, lookups, written } = countingStreams();
    const asker = createPlainAsker(streams);
    expect(lookups()).toBe(0);
    const question = cloze({ prompt: 'Blinken will visit _____.', answer: 'Beijing' });
    const answer = asker.ask({ question, options: [] }, 1, 1, false);
    expect(written()).toContain('Blinken will visit _____.');
    feed.end('Beijing\n');
    expect(await answer).toBe('Beijing');
    expect(lookups()).toBe(1);
  });
});

describe('promptContext', () => {
  it('looks the input up when it is read, not when the context is made', () => {
    let lookups = 0;
    const stdin = new PassThrough();
    const context = {
      get stdin() {
        lookups++;
        return stdin;
      },
      stdout: new PassThrough(),
    } as unknown as Context;
    const streams = promptContext(context);
    expect(lookups).toBe(0);
    expect(streams.input).toBe(stdin);
    expect(lookups).toBe(1);
  });
});

describe('the terminal asker', () => {
  it('close() ends a question still waiting for an answer, as leaving the prompt does', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    output.resume();
    const asker = createTerminalAsker({ input, output });
    const answer = asker.ask({ question: cloze(), options: [] }, 1, 1, false);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the prompt is on screen
    asker.close();
    const error: unknown = await answer.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isPromptExit(error)).toBe(true);
  });

  it('wraps a long question between words at the terminal\'s width, not mid-word as Inquirer would', async () => {
    const input = new PassThrough();
    const output = Object.assign(new PassThrough(), { columns: 40, rows: 20 });
    let shown = '';
    output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
    const asker = createTerminalAsker({ input, output });
    const prompt = 'The decision for Blinken’s visit stems from the commitment made by President Biden and President Xi to remain engaged.';
    const answer = asker.ask({ question: cloze({ prompt }), options: [] }, 1, 1, false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    input.write('drift\n');
    expect(await answer).toBe('drift');
    // Between words, each line within the 40 columns, later lines indented past the "? ".
    expect(stripAnsi(shown)).toContain(
      '? The decision for Blinken’s visit\n  stems from the commitment made by\n  President Biden and President Xi to\n  remain engaged.',
    );
  });
});
