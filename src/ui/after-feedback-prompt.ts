// The one-line pause after feedback: go on, say "I was right" about a typed answer judged wrong, suspend the
// question (x: wrong or unfair, never asked again), or quit.

import { createPrompt, isEnterKey, isSpaceKey, useKeypress, useState } from '@inquirer/core';
import type { Style } from './style.js';
import { CURSOR_HIDE, plainKey, type PromptStatus, type InputClosedHook, useInputClosed } from './prompt-kit.js';

export type AfterFeedback = 'next' | 'claim' | 'suspend' | 'quit';

export interface AfterFeedbackConfig extends InputClosedHook {
  canClaim: boolean;
  style: Style;
}

export const afterFeedbackPrompt = createPrompt<AfterFeedback, AfterFeedbackConfig>((config, done) => {
  const { style } = config;
  const [status, setStatus] = useState<PromptStatus>('idle');
  useInputClosed(config.onInputClosed);

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    rl.clearLine(0);
    const finish = (choice: AfterFeedback): void => {
      setStatus('done');
      done(choice);
    };
    const name = plainKey(key);
    if (isEnterKey(key) || isSpaceKey(key)) finish('next');
    else if (name === 'r' && config.canClaim) finish('claim');
    else if (name === 'x') finish('suspend');
    else if (name === 'q') finish('quit');
  });

  if (status === 'done') return '';
  const keys: [string, string][] = [['Enter', 'next question']];
  if (config.canClaim) keys.push(['r', 'I was right']);
  keys.push(['x', 'suspend question'], ['q', 'quit']);
  // Bold keys, dim words, never nested: SGR 22 ends bold and dim alike.
  const line = keys.map(([key, action]) => `${style.bold(key)}${style.dim(`: ${action}`)}`).join(style.dim(' · '));
  return `${line}${CURSOR_HIDE}`;
});
