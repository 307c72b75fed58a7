// A typed answer (cloze, short answer). An empty line means "don't know", said in a dim line under the
// prompt so nobody has to guess how to pass.

import { createPrompt, isEnterKey, useKeypress, useState } from '@inquirer/core';
import type { Style } from './style.js';
import { DONT_KNOW, type DontKnow } from './dont-know.js';
import { printable } from './printable.js';
import { DONT_KNOW_TEXT, renderMessage, type PromptStatus, type InputClosedHook, useInputClosed } from './prompt-kit.js';

export interface TextConfig extends InputClosedHook {
  message: string;
  hint?: string;
  style: Style;
}

export const EMPTY_LINE_HINT = "Enter on an empty line: don't know";

export const textPrompt = createPrompt<string | DontKnow, TextConfig>((config, done) => {
  const { style } = config;
  const [status, setStatus] = useState<PromptStatus>('idle');
  useInputClosed(config.onInputClosed);
  const [value, setValue] = useState('');

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
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

  const message = renderMessage(config.message, status, style);
  if (status === 'done') {
    return `${message} ${value === '' ? style.dim(DONT_KNOW_TEXT) : style.cyan(printable(value, { singleLine: true }))}`;
  }
  const under: string[] = [];
  if (config.hint !== undefined && config.hint !== '') under.push(style.dim(printable(config.hint)));
  under.push(style.dim(EMPTY_LINE_HINT));
  // The typed text is echoed after the question; ScreenManager puts the cursor at its end.
  return [`${message} ${printable(value, { singleLine: true })}`, under.join('\n')];
});
