// The keys of `factdeck edit`'s screen (one key, one action; text is asked for after), and a one-line
// text prompt that starts from the current text, for the prompt, answer, choice or statement being edited.

import { createPrompt, isEnterKey, useEffect, useKeypress, useState } from '@inquirer/core';
import type { Style } from './style.js';
import { printable } from './printable.js';
import { CURSOR_HIDE, plainKey, renderHelp, type InputClosedHook, type PromptStatus, useInputClosed } from './prompt-kit.js';
import { EDIT_KEYS } from './render-edit.js';
import { wrapText } from './wrap.js';

export type EditKey = 'next' | 'back' | 'drop' | 'prompt' | 'answer' | 'accept' | 'choice' | 'statement' | 'undo' | 'jump' | 'quit';

export interface EditKeyConfig extends InputClosedHook {
  /** The question's screen (its page of text), already made printable. */
  page: string;
  style: Style;
}

const KEYS: Record<string, EditKey> = { d: 'drop', p: 'prompt', a: 'answer', o: 'accept', c: 'choice', s: 'statement', u: 'undo', q: 'quit', k: 'next', n: 'next', b: 'back' };

export const editKeyPrompt = createPrompt<EditKey, EditKeyConfig>((config, done) => {
  const [status, setStatus] = useState<PromptStatus>('idle');
  useInputClosed(config.onInputClosed);
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    rl.clearLine(0);
    const finish = (action: EditKey): void => {
      setStatus('done');
      done(action);
    };
    if (isEnterKey(key) || key.name === 'right') return finish('next');
    if (key.name === 'left') return finish('back');
    if ((key as { sequence?: string }).sequence === '/') return finish('jump');
    const action = KEYS[plainKey(key)];
    if (action !== undefined) finish(action);
  });
  if (status === 'done') return '';
  const columns = (process.stdout.columns ?? 100) - 1;
  return `${config.page}\n\n${wrapText(renderHelp(EDIT_KEYS, config.style), Math.min(columns, 99))}${CURSOR_HIDE}`;
});

export interface EditLineConfig extends InputClosedHook {
  message: string;
  initial: string;
  /** Shown above the line (the question's screen), already printable. */
  above?: string;
  style: Style;
}

/** Resolves the text as edited, or null on Esc (nothing changes). */
export const editLinePrompt = createPrompt<string | null, EditLineConfig>((config, done) => {
  const { style } = config;
  const [status, setStatus] = useState<PromptStatus>('idle');
  const [value, setValue] = useState(config.initial);
  useInputClosed(config.onInputClosed);
  useEffect((rl) => {
    // The current text, ready to be changed: the cursor at its end.
    rl.write(config.initial);
  }, []);
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (key.name === 'escape') {
      setStatus('done');
      done(null);
      return;
    }
    if (isEnterKey(key)) {
      setStatus('done');
      done(value);
      return;
    }
    setValue(rl.line);
  });
  const message = `${style.cyan('?')} ${style.bold(printable(config.message, { singleLine: true }))}`;
  if (status === 'done') return '';
  const line = `${message} ${printable(value, { singleLine: true })}`;
  return [config.above === undefined ? line : `${config.above}\n\n${line}`, style.dim('Enter saves · Esc leaves it as it was')];
});
