// Shared pieces of the custom prompts: the context passed through to Inquirer, the prefix, the help line,
// key names, and leaving on Ctrl+D. Prompts draw with style.ts (not Inquirer's theme) so NO_COLOR and
// pipes get no colour codes.

import { ExitPromptError, isEnterKey, useEffect, useRef, useState } from '@inquirer/core';
import type { Style } from './style.js';
import { printable } from './printable.js';
import { displayWidth, wrapText } from './wrap.js';

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
  // readline marks a lone Esc as meta (it is the start of every Alt sequence).
  if (key.name === 'escape' && key.ctrl !== true) return 'escape';
  if (key.ctrl === true || key.meta === true) return '';
  return (key.name ?? '').toLowerCase();
}

/** The digit 1-9 a key stands for, or undefined. */
export function digitOf(key: KeyLike): number | undefined {
  const name = plainKey(key);
  return /^[1-9]$/.test(name) ? Number(name) : undefined;
}

/**
 * "?" while asking; once answered a neutral "›": whether the answer was right is the feedback's to say
 * (a green check before a wrong answer told the learner the opposite of the truth).
 */
export function prefixFor(status: PromptStatus, style: Style): string {
  return status === 'done' ? style.dim('›') : style.cyan('?');
}

/** Where a prompt draws: the terminal's width now (it can change while a prompt is up), and its resizes. */
export interface Screen {
  columns(): number | undefined;
  /** Calls `listener` on each resize; returns the unsubscribe. */
  onResize(listener: () => void): () => void;
  /** Writes to the terminal directly (a prompt's own output is muted between renders). */
  write(text: string): void;
}

export interface ScreenHook {
  screen?: Screen;
}

/** The width to wrap at: one column short of the terminal's, so no line ends in its last column. */
export function wrapWidth(screen: Screen | undefined): number | undefined {
  const columns = screen?.columns();
  return columns === undefined || !Number.isFinite(columns) ? undefined : columns - 1;
}

/** `prefix` then `text`, wrapped between words, later lines indented to where the text starts. */
export function hangingLines(prefix: string, text: string, width: number | undefined): string {
  const room = displayWidth(prefix);
  if (width === undefined) return `${prefix}${text}`;
  const [first = '', ...rest] = wrapText(text, width - room).split('\n');
  // wrapText indents later lines by two: the rest of the prefix's width is added.
  const pad = ' '.repeat(Math.max(0, room - 2));
  return [`${prefix}${first}`, ...rest.map((line) => `${pad}${line}`)].join('\n');
}

/** The first line(s) of a prompt: prefix and the question, made printable, wrapped between words. */
export function renderMessage(message: string, status: PromptStatus, style: Style, width?: number): string {
  return wrapText(`${prefixFor(status, style)} ${style.bold(printable(message))}`, width);
}

/** "↑↓ move · Enter pick": pairs of key and action, dimmed, wrapped between pairs (never inside one). */
export function renderHelp(keys: ReadonlyArray<readonly [string, string]>, style: Style, width?: number): string {
  // No-break spaces hold each pair together through the wrap, then become spaces again.
  const pairs = keys.map(([key, action]) => `${key} ${action}`.replace(/ /g, '\u00a0'));
  return wrapText(style.dim(pairs.join(' · ')), width).replace(/\u00a0/g, ' ');
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

export interface GuardHook {
  /**
   * How long a bare Enter is ignored after the first draw (0 or absent: never): that soon, it is the
   * second tap of the Enter that left the last feedback, not an answer. A key pressed first (an arrow, a
   * letter) ends the guard. Quiz runs pass asker.ts's KEY_GUARD_MS.
   */
  enterGuardMs?: number;
}

/**
 * The Enter guard (see GuardHook): `blocks(key)` says whether to ignore a key as a double tap, and `armed`
 * whether the guard is over (a prompt shows what Enter does only from then).
 */
export function useEnterGuard(config: GuardHook): { blocks: (key: KeyLike) => boolean; armed: boolean } {
  const armed = useArmed(config.enterGuardMs);
  const touched = useRef(false);
  return {
    armed,
    blocks: (key) => {
      if (!isEnterKey(key as Parameters<typeof isEnterKey>[0])) {
        touched.current = true;
        return false;
      }
      return !touched.current && !armed;
    },
  };
}

/**
 * Whether a prompt takes keys yet: after `ms` from its first draw (at once when 0). Keys typed ahead,
 * while the answer before was being saved, land in that moment and are dropped. The caller draws its key
 * line only once armed, so what is on screen says when keys count.
 */
export function useArmed(ms: number | undefined): boolean {
  const [armed, setArmed] = useState(ms === undefined || ms <= 0);
  useEffect(() => {
    if (armed) return undefined;
    const timer = setTimeout(() => setArmed(true), ms);
    return () => clearTimeout(timer);
  }, []);
  return armed;
}

/** Where a rendered view leaves the cursor, for clearing it after a resize. */
export interface DrawnView {
  content: string;
  bottom?: string;
}

/** Rows a line of `length` cells takes at `width` (an empty line still takes one). */
function rowsOf(length: number, width: number): number {
  return Math.max(1, Math.ceil(length / width));
}

/**
 * What to write, after the terminal went from `oldColumns` to `newColumns` wide, so that the next draw
 * leaves nothing of the last one behind. Terminals that reflow (tmux, most today) rewrap each drawn line
 * to the new width, so the last draw may now take more rows than Inquirer will erase: this moves to its
 * first row, clears to the end of the screen, and puts the cursor back where Inquirer believes it is, on
 * blank lines. Pure; exported for tests.
 */
export function resizeCleanup(view: DrawnView, oldColumns: number, newColumns: number): string {
  if (!(oldColumns > 0) || !(newColumns > 0)) return '';
  const oldRows = (text: string): number[] => text.split('\n').flatMap((line) => {
    const length = displayWidth(line);
    const rows = rowsOf(length, oldColumns);
    return Array.from({ length: rows }, (_, i) => Math.min(oldColumns, length - i * oldColumns));
  });
  const content = oldRows(view.content);
  // The cursor sits at the end of the last row of content (above the bottom lines, when there are any).
  const cursorRow = content.length - 1;
  const cursorColumn = content[cursorRow] ?? 0;
  const above = content.slice(0, cursorRow).reduce((sum, length) => sum + rowsOf(length, newColumns), 0) + Math.floor(cursorColumn / newColumns);
  return `\r${above > 0 ? `\u001b[${above}A` : ''}\u001b[J${'\n'.repeat(cursorRow)}`;
}

/**
 * The width to wrap at, kept current: a resize clears the last draw (see resizeCleanup) and draws again
 * at the new width. `remember` is given what the view returns.
 */
export function useScreenWidth(screen: Screen | undefined): { width: number | undefined; remember: <V extends string | [string, string]>(view: V) => V } {
  const [, redraw] = useState(0);
  const last = useRef<{ view: DrawnView; columns: number } | null>(null);
  useEffect(() => {
    if (screen === undefined) return undefined;
    let tick = 0;
    return screen.onResize(() => {
      const columns = screen.columns();
      const before = last.current;
      if (before !== null && columns !== undefined && columns !== before.columns) screen.write(resizeCleanup(before.view, before.columns, columns));
      redraw(++tick);
    });
  }, []);
  return {
    width: wrapWidth(screen),
    remember: (view) => {
      const columns = screen?.columns();
      if (columns !== undefined) last.current = { view: typeof view === 'string' ? { content: view } : { content: view[0], bottom: view[1] }, columns };
      return view;
    },
  };
}

/** What every prompt config carries besides its own fields. */
export interface InputClosedHook extends ScreenHook {
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
  try {
    return await prompt({ screen: screenOf(context?.output), ...config, onInputClosed: () => closed.abort(INPUT_CLOSED) }, { ...context, signal });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortPromptError' && error.cause === INPUT_CLOSED) {
      throw new ExitPromptError('User closed the input (Ctrl+D or end of input)');
    }
    throw error;
  }
}

/** The screen of an output stream: its width as it is now, and its resizes (a terminal's only). */
export function screenOf(output: NodeJS.WritableStream | undefined): Screen | undefined {
  if (output === undefined) return undefined;
  const tty = output as NodeJS.WritableStream & { columns?: number; isTTY?: boolean };
  return {
    columns: () => (typeof tty.columns === 'number' && tty.columns > 0 ? tty.columns : undefined),
    onResize: (listener) => {
      if (tty.isTTY !== true) return () => undefined;
      output.on('resize', listener);
      return () => output.removeListener('resize', listener);
    },
    write: (text) => {
      output.write(text);
    },
  };
}

/** What a prompt leaves once answered: its message and the answer (dim for "don't know" and "quit"), wrapped. */
export function renderAnswered(message: string, answer: string, style: Style, width?: number, muted = answer === DONT_KNOW_TEXT || answer === QUIT_TEXT): string {
  const shown = muted ? style.dim(answer) : style.cyan(answer);
  return wrapText(`${prefixFor('done', style)} ${style.bold(printable(message))} ${shown}`, width);
}

export const QUIT_TEXT = 'quit';
