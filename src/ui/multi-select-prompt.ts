// "Which of these does the article mention?": a checklist with [x]/[ ] marks (plain ASCII, so it reads the
// same without colour). Submitting nothing is answered with a message, not an error: pick one or press d.

import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, useKeypress, usePagination, useState } from '@inquirer/core';
import type { Style } from './style.js';
import { DONT_KNOW, LEAVE, type DontKnow, type Leave } from './dont-know.js';
import {
  CURSOR_HIDE,
  DONT_KNOW_TEXT,
  QUIT_TEXT,
  digitOf,
  hangingLines,
  label,
  numberRange,
  plainKey,
  renderAnswered,
  renderHelp,
  renderMessage,
  useEnterGuard,
  useInputClosed,
  useScreenWidth,
  type GuardHook,
  type InputClosedHook,
  type PromptStatus,
} from './prompt-kit.js';

export interface MultiSelectConfig extends InputClosedHook, GuardHook {
  message: string;
  choices: readonly string[];
  style: Style;
}

export const EMPTY_SELECTION_MESSAGE = "select at least one, or press d for don't know";

export const multiSelectPrompt = createPrompt<number[] | DontKnow | Leave, MultiSelectConfig>((config, done) => {
  const { choices, style } = config;
  const [status, setStatus] = useState<PromptStatus>('idle');
  useInputClosed(config.onInputClosed);
  const { width, remember } = useScreenWidth(config.screen);
  const guard = useEnterGuard(config).blocks;
  const [answer, setAnswer] = useState('');
  const [cursor, setCursor] = useState(0);
  const [checked, setChecked] = useState<readonly boolean[]>(choices.map(() => false));
  const [error, setError] = useState<string | undefined>(undefined);

  const toggle = (index: number): void => {
    setChecked(checked.map((on, i) => (i === index ? !on : on)));
  };

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    rl.clearLine(0);
    if (guard(key)) return;
    setError(undefined);
    if (isEnterKey(key)) {
      const picked = checked.flatMap((on, i) => (on ? [i] : []));
      if (picked.length === 0) {
        setError(EMPTY_SELECTION_MESSAGE);
        return;
      }
      setAnswer(picked.map((i) => label(choices[i] ?? '')).join(', '));
      setStatus('done');
      done(picked);
      return;
    }
    if (isUpKey(key) || isDownKey(key)) {
      setCursor((cursor + (isUpKey(key) ? -1 : 1) + choices.length) % choices.length);
      return;
    }
    if (isSpaceKey(key)) {
      toggle(cursor);
      return;
    }
    const digit = digitOf(key);
    if (digit !== undefined && digit <= choices.length) {
      setCursor(digit - 1);
      toggle(digit - 1);
      return;
    }
    const name = plainKey(key);
    if (name === 'd' || name === 'q' || name === 'escape') {
      setAnswer(name === 'd' ? DONT_KNOW_TEXT : QUIT_TEXT);
      setStatus('done');
      done(name === 'd' ? DONT_KNOW : LEAVE);
    }
  });

  if (status === 'done') return renderAnswered(config.message, answer, style, width);
  const message = renderMessage(config.message, status, style, width);

  const page = usePagination({
    items: choices,
    active: cursor,
    pageSize: 12,
    loop: false,
    renderItem: ({ item, index, isActive }) => {
      const lines = hangingLines(`${isActive ? '> ' : '  '}${checked[index] === true ? '[x]' : '[ ]'} ${index + 1}) `, label(item), width);
      return isActive ? lines.split('\n').map(style.cyan).join('\n') : lines;
    },
  });
  const lines = [message, page];
  if (error !== undefined) lines.push(style.red(hangingLines('! ', error, width)));
  const help: [string, string][] = [
    ['↑↓', 'move'],
    ['Space', 'tick'],
    [numberRange(choices.length), 'tick that one'],
    ['Enter', 'submit'],
    ['d', DONT_KNOW_TEXT],
    ['q', QUIT_TEXT],
  ];
  lines.push(renderHelp(help, style, width));
  return remember(`${lines.join('\n')}${CURSOR_HIDE}`);
});
