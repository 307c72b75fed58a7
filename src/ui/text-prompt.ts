// A typed answer (cloze, short answer). An empty line means "don't know", said in a dim line under the
// prompt so nobody has to guess how to pass; Esc leaves the run. A bare Enter right after the question is
// drawn is a double tap, not "don't know" (see GuardHook): the line says what Enter does once it does it.

import { createPrompt, isEnterKey, useKeypress, useState } from '@inquirer/core';
import type { Style } from './style.js';
import { DONT_KNOW, LEAVE, type DontKnow, type Leave } from './dont-know.js';
import { printable } from './printable.js';
import { wrapText } from './wrap.js';
import { DONT_KNOW_TEXT, QUIT_TEXT, plainKey, renderAnswered, renderMessage, useEnterGuard, useScreenWidth, type GuardHook, type PromptStatus, type InputClosedHook, useInputClosed } from './prompt-kit.js';

export interface TextConfig extends InputClosedHook, GuardHook {
  message: string;
  hint?: string;
  style: Style;
}

export const EMPTY_LINE_HINT = "Enter on an empty line: don't know · Esc: quit";
const ESC_HINT = 'Esc: quit';

export const textPrompt = createPrompt<string | DontKnow | Leave, TextConfig>((config, done) => {
  const { style } = config;
  const [status, setStatus] = useState<PromptStatus>('idle');
  useInputClosed(config.onInputClosed);
  const { width, remember } = useScreenWidth(config.screen);
  const { blocks: guard, armed } = useEnterGuard(config);
  const [value, setValue] = useState('');
  const [left, setLeft] = useState(false);

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    // Nothing was typed before a guarded Enter, so readline's emptied line loses nothing.
    if (guard(key)) return;
    if (plainKey(key) === 'escape') {
      setLeft(true);
      setStatus('done');
      done(LEAVE);
      return;
    }
    if (isEnterKey(key)) {
      // readline has already emptied its line on Enter: the answer is what was last rendered.
      const answer = value.trim();
      setValue(answer);
      setStatus('done');
      done(answer === '' ? DONT_KNOW : answer);
      return;
    }
    setValue(rl.line);
  });

  if (status === 'done') {
    const answer = left ? QUIT_TEXT : value === '' ? DONT_KNOW_TEXT : printable(value, { singleLine: true });
    return renderAnswered(config.message, answer, style, width);
  }
  const under: string[] = [];
  if (config.hint !== undefined && config.hint !== '') under.push(style.dim(wrapText(printable(config.hint), width)));
  // What an empty Enter does is said once it does it (the guard is over).
  under.push(style.dim(wrapText(armed ? EMPTY_LINE_HINT : ESC_HINT, width)));
  // The typed text is echoed after the question's last line; ScreenManager puts the cursor at its end.
  const message = renderMessage(config.message, status, style, width);
  return remember([`${message} ${printable(value, { singleLine: true })}`, under.join('\n')]);
});
