// Shared pieces of the custom prompts: the context passed through to Inquirer, the prefix, the help line,
// key names, and leaving on Ctrl+D. Prompts draw with style.ts (not Inquirer's theme) so NO_COLOR and
// pipes get no colour codes.

import { ExitPromptError, useEffect } from '@inquirer/core';
import type { Style } from './style.js';
import { printable } from './printable.js';
import { wrapText } from './wrap.js';

/** Where a prompt reads and writes; tests pass streams, commands usually pass nothing. */
export interface PromptContext {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  signal?: AbortSignal;
  clearPromptOnDone?: boolean;
}

export type PromptStatus = 'idle' | 'done';

/** Hides the cursor while a list is shown; Inquirer shows it again when the prompt ends. */
export const CURSOR_HIDE = '\u001b[?25l';

/** What a keypress handler receives; `name` is missing for punctuation in a real terminal. */
export interface KeyLike {
  name?: string;
  ctrl?: boolean;
  meta?: boolean;
}

/** The lower-case name of a plain key (no Ctrl, no Alt), or '' when modified or unnamed. */
export function plainKey(key: KeyLike): string {
  if (key.ctrl === true || key.meta === true) return '';
  return (key.name ?? '').toLowerCase();
}

/** The digit 1-9 a key stands for, or undefined. */
export function digitOf(key: KeyLike): number | undefined {
  const name = plainKey(key);
  return /^[1-9]$/.test(name) ? Number(name) : undefined;
}

export function prefixFor(status: PromptStatus, style: Style): string {
  return status === 'done' ? style.green('✔') : style.cyan('?');
}

/** The first line(s) of a prompt: prefix and the question, made printable. */
export function renderMessage(message: string, status: PromptStatus, style: Style): string {
  return `${prefixFor(status, style)} ${style.bold(printable(message))}`;
}

/** "↑↓ move · Enter pick": pairs of key and action, dimmed. */
export function renderHelp(keys: ReadonlyArray<readonly [string, string]>, style: Style): string {
  return style.dim(keys.map(([key, action]) => `${key} ${action}`).join(' · '));
}

/** "1-4", "1", or "1-9" for more than nine entries (only those have a number key). */
export function numberRange(count: number): string {
  const last = Math.min(count, 9);
  return last === 1 ? '1' : `1-${last}`;
}

export function label(text: string): string {
  return printable(text, { singleLine: true });
}

export const DONT_KNOW_TEXT = "don't know";

/** What every prompt config carries besides its own fields. */
export interface InputClosedHook {
  /** Called when readline closes before an answer: Ctrl+D on an empty line, or the end of piped input. */
  onInputClosed?: () => void;
}

/** Reports a readline close to the prompt's runner (see runPrompt). */
export function useInputClosed(onInputClosed: (() => void) | undefined): void {
  useEffect((rl) => {
    if (onInputClosed === undefined) return undefined;
    // Inquirer clears effects on 'close' before this listener runs; an emit still calls every listener
    // attached when it started, so the report is not lost.
    const handler = (): void => onInputClosed();
    rl.on('close', handler);
    return () => rl.removeListener('close', handler);
  }, []);
}

const INPUT_CLOSED = Symbol('input-closed');

type PromptFunction<Value, Config> = (config: Config, context?: PromptContext) => Promise<Value>;

/**
 * Runs a prompt so that a closed input rejects like Ctrl+C (ExitPromptError) instead of leaving the
 * prompt waiting forever: readline closes on Ctrl+D or end of input and Inquirer does not settle then.
 */
export async function runPrompt<Value, Config extends InputClosedHook>(
  prompt: PromptFunction<Value, Config>,
  config: Config,
  context: PromptContext | undefined,
): Promise<Value> {
  const closed = new AbortController();
  const signal = context?.signal === undefined ? closed.signal : AbortSignal.any([context.signal, closed.signal]);
  const columns = (context?.output as { columns?: number } | undefined)?.columns;
  try {
    return await prompt({ ...fitMessage(config, columns), onInputClosed: () => closed.abort(INPUT_CLOSED) }, { ...context, signal });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortPromptError' && error.cause === INPUT_CLOSED) {
      throw new ExitPromptError('User closed the input (Ctrl+D or end of input)');
    }
    throw error;
  }
}

/**
 * A long message wrapped between words to the terminal (Inquirer itself would cut it mid-word); the
 * room taken by the "? " in front of it is kept, and wrapText indents the later lines past it.
 */
function fitMessage<Config>(config: Config, columns: number | undefined): Config {
  const message = (config as { message?: unknown }).message;
  if (typeof message !== 'string' || columns === undefined) return config;
  return { ...config, message: wrapText(message, columns - 3) };
}

/** The line a prompt leaves once answered: its message and the answer (dim for "don't know"). */
export function renderAnswered(message: string, answer: string, style: Style): string {
  return `${message} ${answer === DONT_KNOW_TEXT ? style.dim(answer) : style.cyan(answer)}`;
}
