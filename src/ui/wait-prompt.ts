// Study's learn-ahead: when only cards in their learning steps are left, due within minutes, the run waits
// for the next one with a countdown instead of ending (as Anki does), and the learner may take it at once
// (Enter or Space) or stop (q or Esc). Resolves what happened; the caller decides what comes next.

import { createPrompt, useEffect, useKeypress, useState } from '@inquirer/core';
import type { Style } from './style.js';
import { wrapText } from './wrap.js';
import { CURSOR_HIDE, plainKey, useInputClosed, useScreenWidth, type InputClosedHook, type PromptStatus } from './prompt-kit.js';

export type WaitResult = 'due' | 'now' | 'quit';

export interface WaitConfig extends InputClosedHook {
  /** What is being waited for, e.g. "the next card (learning)". */
  what: string;
  /** How long from now. */
  ms: number;
  style: Style;
  /** The clock, for tests. */
  now?: () => number;
}

/** "4:05", "0:09". */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export const waitPrompt = createPrompt<WaitResult, WaitConfig>((config, done) => {
  const { style } = config;
  const now = config.now ?? Date.now;
  const [status, setStatus] = useState<PromptStatus>('idle');
  const [until] = useState(() => now() + config.ms);
  const [left, setLeft] = useState(config.ms);
  useInputClosed(config.onInputClosed);
  const { width, remember } = useScreenWidth(config.screen);

  const finish = (result: WaitResult): void => {
    setStatus('done');
    done(result);
  };

  useEffect(() => {
    const tick = (): void => {
      const remaining = until - now();
      if (remaining <= 0) finish('due');
      else setLeft(remaining);
    };
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, []);

  useKeypress((key, rl) => {
    rl.clearLine(0);
    if (status !== 'idle') return;
    const name = plainKey(key);
    if (name === 'return' || name === 'enter' || name === 'space') finish('now');
    else if (name === 'q' || name === 'escape') finish('quit');
  });

  if (status === 'done') return '';
  const line = `${style.bold(`${config.what} in ${formatCountdown(left)}`)}  ${style.bold('Enter')}${style.dim(': study it now · ')}${style.bold('q')}${style.dim(': stop')}`;
  return remember(`${wrapText(line, width)}${CURSOR_HIDE}`);
});
