// How a run asks its questions: one interface, two ways. In a terminal, Inquirer prompts (loaded lazily);
// in --plain mode, one answer per input line, for pipes, scripts and screen readers. Both return the
// answer in the learner's terms (the chosen choice text, the items in order), or DONT_KNOW, or LEAVE
// (q or Esc at a question), or END when the input has run out.

import { createInterface } from 'node:readline';
import type { PresentedQuestion } from '../domain/selection.js';
import { DONT_KNOW, type DontKnow, type Leave } from './dont-know.js';
import { renderPlainQuestion } from './render-quiz.js';

export const END: unique symbol = Symbol('end-of-input');
export type End = typeof END;
export type Answer = string | boolean | string[] | DontKnow | Leave | End | SuspendLast;
import type { AfterFeedback, AfterFeedbackOffer } from './after-feedback-prompt.js';

export type { AfterFeedback, AfterFeedbackOffer } from './after-feedback-prompt.js';

/**
 * How long a question ignores a bare Enter, and the feedback all keys, after being drawn: the second tap
 * of a double Enter, and keys typed while an answer was saved (see prompt-kit's ENTER_GUARD_MS; the same
 * number, kept here so that this module does not load the prompts).
 */
export const KEY_GUARD_MS = 500;

/** In plain mode, a line `:x` (or `:suspend`) where an answer is read suspends the question answered before. */
export const SUSPEND_LAST: unique symbol = Symbol('suspend-last');
export type SuspendLast = typeof SUSPEND_LAST;
export const PLAIN_SUSPEND = /^:(x|suspend)$/i;

export interface Asker {
  readonly plain: boolean;
  /** Shows the question (plain mode prints it whole) and resolves the answer. */
  ask(presented: PresentedQuestion, number: number, total: number, retry: boolean): Promise<Answer>;
  /** After feedback: go on, claim a typed answer was right, take the answer back, suspend the question, or quit. */
  afterFeedback(offer: AfterFeedbackOffer): Promise<AfterFeedback>;
  close(): void;
}

export interface AskerStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** When aborted, a terminal prompt rejects (like Ctrl+C) and plain input counts as ended. */
  signal?: AbortSignal;
}

/** What a terminal prompt rejects with when the stop signal aborts it (isPromptExit knows the name). */
function abortedByStop(): Error {
  return Object.assign(new Error('stopped by a signal'), { name: 'AbortPromptError' });
}

/**
 * Plain-mode lines from the input, ending early when the run is asked to stop. The input is opened at
 * the first read, once the first question has been printed.
 */
export function readLines(streams: AskerStreams): { next(): Promise<string | End>; close(): void } {
  let lines: ReturnType<typeof createInterface> | undefined;
  let iterator: AsyncIterator<string> | undefined;
  let closed = false;
  const close = (): void => {
    closed = true;
    lines?.close();
  };
  streams.signal?.addEventListener('abort', close, { once: true });
  return {
    async next(): Promise<string | End> {
      // A stop signal (SIGTERM, SIGHUP) ends the run as Ctrl+C ends a terminal prompt: "Stopped: N saved".
      const stopped = (): boolean => streams.signal?.aborted === true;
      if (stopped()) throw abortedByStop();
      if (closed) return END;
      if (iterator === undefined) {
        lines = createInterface({ input: streams.input, crlfDelay: Infinity, terminal: false });
        iterator = lines[Symbol.asyncIterator]();
      }
      const next = await iterator.next();
      if (stopped()) throw abortedByStop();
      return next.done ? END : next.value;
    },
    close,
  };
}

/**
 * Between prompts (while an answer is saved and its feedback printed), keys typed are dropped instead of
 * waiting for the next prompt, and not echoed: the terminal stays in raw mode. Ctrl+C still stops the
 * run, as it would with the terminal in its usual mode (which turns it into SIGINT).
 */
export function holdInput(input: NodeJS.ReadableStream): { hold(): void; release(): void; close(): void } {
  const tty = input as NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  let holding = false;
  const drop = (chunk: Buffer | string): void => {
    if ((typeof chunk === 'string' ? chunk : chunk.toString('latin1')).includes('\u0003')) process.kill(process.pid, 'SIGINT');
  };
  const release = (): void => {
    if (!holding) return;
    holding = false;
    input.removeListener('data', drop);
  };
  return {
    hold(): void {
      if (holding || tty.isTTY !== true || typeof tty.setRawMode !== 'function') return;
      holding = true;
      tty.setRawMode(true);
      input.on('data', drop);
      input.resume();
    },
    release,
    close(): void {
      const was = holding;
      release();
      if (was) {
        tty.setRawMode?.(false);
        input.pause();
      }
    },
  };
}

export function createTerminalAsker(streams: AskerStreams, guardMs = KEY_GUARD_MS): Asker {
  // close() ends a prompt still waiting (as the stop signal does), so a run that fails while a question
  // is on screen gives the terminal back instead of waiting for a key.
  const closing = new AbortController();
  const context = { ...streams, signal: streams.signal === undefined ? closing.signal : AbortSignal.any([streams.signal, closing.signal]) };
  const prompts = import('./prompts.js');
  const held = holdInput(streams.input);
  /** A prompt's answer, with keys held from then until the next prompt. */
  const heldAfter = async <T>(prompt: () => Promise<T>): Promise<T> => {
    held.release();
    try {
      return await prompt();
    } finally {
      held.hold();
    }
  };
  return {
    plain: false,
    async ask(presented): Promise<Answer> {
      return heldAfter(() => askTerminal(presented));
    },
    async afterFeedback(offer): Promise<AfterFeedback> {
      return heldAfter(async () => (await prompts).askAfterFeedback({ offer, armAfterMs: guardMs }, context));
    },
    close(): void {
      closing.abort();
      held.close();
    },
  };

  async function askTerminal(presented: PresentedQuestion): Promise<Answer> {
    const ui = await prompts;
    const { question, options } = presented;
    const message = question.prompt;
    const enterGuardMs = guardMs;
    switch (question.kind) {
      case 'choice': {
        const index = await ui.askChoice({ message, choices: options, enterGuardMs }, context);
        return typeof index === 'number' ? (options[index] as string) : index;
      }
      case 'true-false':
        return ui.askTrueFalse({ message, enterGuardMs }, context);
      case 'cloze':
      case 'short-answer':
        return ui.askText({ message, enterGuardMs }, context);
      case 'order':
        return ui.askOrder({ message, items: options, enterGuardMs }, context);
      case 'multi-select':
        return ui.askMultiSelect({ message, choices: options, enterGuardMs }, context);
    }
  }
}

type Parsed = { ok: true; answer: Exclude<Answer, End | SuspendLast> } | { ok: false; message: string };

/** One plain-mode input line -> an answer for the question, or what to fix. Exported for tests. */
export function parsePlainAnswer(line: string, presented: PresentedQuestion): Parsed {
  const text = line.trim();
  if (text === '') return { ok: true, answer: DONT_KNOW };
  const { question, options } = presented;
  const numbers = (): number[] | null => {
    const parts = text.split(/[\s,]+/).filter((part) => part !== '');
    if (!parts.every((part) => /^\d+$/.test(part))) return null;
    const values = parts.map(Number);
    return values.every((n) => n >= 1 && n <= options.length) ? values : null;
  };
  switch (question.kind) {
    case 'choice': {
      const picked = numbers();
      if (picked?.length === 1) return { ok: true, answer: options[(picked[0] as number) - 1] as string };
      const byText = options.find((option) => option.toLowerCase() === text.toLowerCase());
      if (byText !== undefined) return { ok: true, answer: byText };
      return { ok: false, message: `Answer with one number from 1 to ${options.length}, or an empty line for don't know.` };
    }
    case 'true-false': {
      // As in the terminal: 1 is True, 2 is False.
      const word = text.toLowerCase();
      if (['true', 't', 'yes', 'y', '1'].includes(word)) return { ok: true, answer: true };
      if (['false', 'f', 'no', 'n', '2'].includes(word)) return { ok: true, answer: false };
      return { ok: false, message: "Answer true or false (t/f, or 1/2), or an empty line for don't know." };
    }
    case 'order': {
      const picked = numbers();
      if (picked && picked.length === options.length && new Set(picked).size === options.length) {
        return { ok: true, answer: picked.map((n) => options[n - 1] as string) };
      }
      return { ok: false, message: `Give each number from 1 to ${options.length} once, in the right order (e.g. ${options.map((_, i) => i + 1).reverse().join(' ')}).` };
    }
    case 'multi-select': {
      const picked = numbers();
      if (picked && picked.length > 0) return { ok: true, answer: [...new Set(picked)].map((n) => options[n - 1] as string) };
      return { ok: false, message: `Give the numbers of the right choices (1 to ${options.length}), separated by commas.` };
    }
    default:
      return { ok: true, answer: text };
  }
}

/** Plain mode: questions printed in full, one answer per line of input; at end of input, END. */
export function createPlainAsker(streams: AskerStreams): Asker {
  const lines = readLines(streams);
  const write = (text: string): void => {
    streams.output.write(`${text}\n`);
  };
  const readLine = (): Promise<string | End> => lines.next();
  return {
    plain: true,
    async ask(presented, number, total, retry): Promise<Answer> {
      write(renderPlainQuestion(presented, number, total, retry));
      for (;;) {
        const line = await readLine();
        if (line === END) return END;
        if (PLAIN_SUSPEND.test(line.trim())) return SUSPEND_LAST;
        const parsed = parsePlainAnswer(line, presented);
        if (parsed.ok) return parsed.answer;
        write(parsed.message);
      }
    },
    async afterFeedback(): Promise<AfterFeedback> {
      return 'next';
    },
    close(): void {
      lines.close();
    },
  };
}
