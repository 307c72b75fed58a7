// Putting items in order with the keyboard alone, two ways: pick an item up with Space and carry it with
// the arrows, or type the item numbers in the order they belong ("your order: 3 1 _ _"), which rearranges
// the list as you type. Enter submits the list as shown, but never an order half typed: it says which
// numbers are missing. A number typed twice is refused with a word (Backspace takes the last one back),
// and while numbers are being typed Space only separates them. Resolves item indices in the chosen order.

import { createPrompt, isBackspaceKey, isDownKey, isEnterKey, isSpaceKey, isUpKey, useKeypress, usePagination, useState } from '@inquirer/core';
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

export interface OrderConfig extends InputClosedHook, GuardHook {
  message: string;
  items: readonly string[];
  style: Style;
}

interface OrderState {
  /** Item indices, top to bottom. */
  order: readonly number[];
  /** Row under the cursor. */
  cursor: number;
  /** Whether the item under the cursor is picked up and moves with the arrows. */
  held: boolean;
  /** Items placed by number keys, in the order typed (they lead `order`). */
  typed: readonly number[];
}

/** `typed` first, in that order, then the rest as they were. */
function arrange(order: readonly number[], typed: readonly number[]): number[] {
  return [...typed, ...order.filter((item) => !typed.includes(item))];
}

/** "2", "2 and 4", "1, 2 and 4". */
function listNumbers(numbers: readonly number[]): string {
  const words = numbers.map(String);
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

export const orderPrompt = createPrompt<number[] | DontKnow | Leave, OrderConfig>((config, done) => {
  const { items, style } = config;
  const [status, setStatus] = useState<PromptStatus>('idle');
  useInputClosed(config.onInputClosed);
  const { width, remember } = useScreenWidth(config.screen);
  const guard = useEnterGuard(config).blocks;
  const [answer, setAnswer] = useState('');
  const [notice, setNotice] = useState('');
  const [state, setState] = useState<OrderState>({ order: items.map((_, i) => i), cursor: 0, held: false, typed: [] });
  const { order, cursor, held, typed } = state;

  const finish = (value: number[] | DontKnow | Leave, text: string): void => {
    setAnswer(text);
    setStatus('done');
    done(value);
  };

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    rl.clearLine(0);
    if (guard(key)) return;
    setNotice('');
    if (isEnterKey(key)) {
      if (typed.length > 0 && typed.length < items.length) {
        const missing = items.map((_, i) => i).filter((i) => !typed.includes(i)).map((i) => i + 1);
        setNotice(`your order is missing ${listNumbers(missing)}: type ${missing.length === 1 ? 'it' : 'them'} too (Backspace takes a number back)`);
        return;
      }
      finish([...order], order.map((item) => item + 1).join(' '));
      return;
    }
    if (isUpKey(key) || isDownKey(key)) {
      const target = cursor + (isUpKey(key) ? -1 : 1);
      if (!held) {
        setState({ ...state, cursor: (target + order.length) % order.length });
        return;
      }
      if (target < 0 || target >= order.length) return;
      const moved = [...order];
      const here = moved[cursor];
      const there = moved[target];
      if (here === undefined || there === undefined) return;
      moved[cursor] = there;
      moved[target] = here;
      // Carrying an item by hand replaces a typed sequence: "your order" would no longer be true.
      setState({ order: moved, cursor: target, held: true, typed: [] });
      return;
    }
    if (isSpaceKey(key)) {
      // Between typed numbers a space is only a separator.
      if (typed.length === 0) setState({ ...state, held: !held });
      return;
    }
    if (isBackspaceKey(key)) {
      setState({ ...state, typed: typed.slice(0, -1), held: false });
      return;
    }
    const digit = digitOf(key);
    if (digit !== undefined) {
      const item = digit - 1;
      if (digit > items.length) setNotice(`there is no item ${digit}: the items are ${numberRange(items.length)}`);
      else if (typed.includes(item)) setNotice(`${digit} is already in your order (Backspace takes the last number back)`);
      else {
        const nextTyped = [...typed, item];
        const nextOrder = arrange(order, nextTyped);
        setState({ order: nextOrder, cursor: Math.min(nextTyped.length, nextOrder.length - 1), held: false, typed: nextTyped });
      }
      return;
    }
    const name = plainKey(key);
    if (name === 'd') finish(DONT_KNOW, DONT_KNOW_TEXT);
    else if (name === 'q' || name === 'escape') finish(LEAVE, QUIT_TEXT);
  });

  if (status === 'done') return renderAnswered(config.message, answer, style, width);

  const page = usePagination({
    items: order,
    active: cursor,
    pageSize: 12,
    loop: false,
    renderItem: ({ item, isActive }) => {
      const number = `${item + 1}) `;
      const text = label(items[item] ?? '');
      if (isActive && held) return hangingLines(`↕ ${number}`, `${text}  (moving)`, width).split('\n').map(style.inverse).join('\n');
      const lines = hangingLines(`${isActive ? '> ' : '  '}${number}`, text, width);
      return isActive ? lines.split('\n').map(style.cyan).join('\n') : lines;
    },
  });
  const lines = [renderMessage(config.message, status, style, width), style.dim('  first'), page, style.dim('  last')];
  if (typed.length > 0) {
    const rest = Array.from({ length: items.length - typed.length }, () => '_');
    lines.push(`your order: ${[...typed.map((item) => String(item + 1)), ...rest].join(' ')}`);
  }
  if (notice !== '') lines.push(style.yellow(hangingLines('! ', notice, width)));
  const help: [string, string][] = held
    ? [['↑↓', 'move it'], ['Space', 'drop it'], ['Enter', 'submit']]
    : typed.length > 0
      ? [[numberRange(items.length), 'type the order'], ['Backspace', 'undo a number'], ['Enter', 'submit'], ['d', DONT_KNOW_TEXT], ['q', QUIT_TEXT]]
      : [['↑↓', 'cursor'], ['Space', 'pick up'], [numberRange(items.length), 'type the order'], ['Enter', 'submit'], ['d', DONT_KNOW_TEXT], ['q', QUIT_TEXT]];
  lines.push(renderHelp(help, style, width));
  return remember(`${lines.join('\n')}${CURSOR_HIDE}`);
});
