// Putting items in order with the keyboard alone, two ways: pick an item up with Space and carry it with
// the arrows, or type the item numbers in the order they belong ("your order: 3 1 ..."), which rearranges
// the list as you type. Enter submits whatever the list shows. Resolves item indices in the chosen order.

import { createPrompt, isBackspaceKey, isDownKey, isEnterKey, isSpaceKey, isUpKey, useKeypress, usePagination, useState } from '@inquirer/core';
import type { Style } from './style.js';
import { DONT_KNOW, type DontKnow } from './dont-know.js';
import { CURSOR_HIDE, DONT_KNOW_TEXT, digitOf, label, numberRange, plainKey, renderHelp, renderMessage, type PromptStatus, type InputClosedHook, useInputClosed, renderAnswered } from './prompt-kit.js';

export interface OrderConfig extends InputClosedHook {
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

export const orderPrompt = createPrompt<number[] | DontKnow, OrderConfig>((config, done) => {
  const { items, style } = config;
  const [status, setStatus] = useState<PromptStatus>('idle');
  useInputClosed(config.onInputClosed);
  const [answer, setAnswer] = useState('');
  const [state, setState] = useState<OrderState>({ order: items.map((_, i) => i), cursor: 0, held: false, typed: [] });
  const { order, cursor, held, typed } = state;

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    rl.clearLine(0);
    if (isEnterKey(key)) {
      setAnswer(order.map((item) => item + 1).join(' '));
      setStatus('done');
      done([...order]);
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
      setState({ ...state, held: !held });
      return;
    }
    if (isBackspaceKey(key)) {
      setState({ ...state, typed: typed.slice(0, -1), held: false });
      return;
    }
    const digit = digitOf(key);
    if (digit !== undefined && digit <= items.length) {
      const item = digit - 1;
      // Typing a number again takes it back out of the sequence.
      const nextTyped = typed.includes(item) ? typed.filter((t) => t !== item) : [...typed, item];
      const nextOrder = arrange(order, nextTyped);
      setState({ order: nextOrder, cursor: Math.min(nextTyped.length, nextOrder.length - 1), held: false, typed: nextTyped });
      return;
    }
    if (plainKey(key) === 'd') {
      setAnswer(DONT_KNOW_TEXT);
      setStatus('done');
      done(DONT_KNOW);
    }
  });

  const message = renderMessage(config.message, status, style);
  if (status === 'done') {
    return renderAnswered(message, answer, style);
  }

  const page = usePagination({
    items: order,
    active: cursor,
    pageSize: 12,
    loop: false,
    renderItem: ({ item, isActive }) => {
      const text = `${item + 1}) ${label(items[item] ?? '')}`;
      if (isActive && held) return style.inverse(`↕ ${text}  (moving)`);
      return isActive ? style.cyan(`> ${text}`) : `  ${text}`;
    },
  });
  const lines = [message, style.dim('  first'), page, style.dim('  last')];
  if (typed.length > 0) {
    const rest = Array.from({ length: items.length - typed.length }, () => '_');
    lines.push(`your order: ${[...typed.map((item) => String(item + 1)), ...rest].join(' ')}`);
  }
  const help: [string, string][] = held
    ? [['↑↓', 'move it'], ['Space', 'drop it'], ['Enter', 'submit']]
    : [['↑↓', 'cursor'], ['Space', 'pick up'], [numberRange(items.length), 'type the order'], ['Enter', 'submit'], ['d', DONT_KNOW_TEXT]];
  if (typed.length > 0) help.splice(3, 0, ['Backspace', 'undo a number']);
  lines.push(renderHelp(help, style));
  return `${lines.join('\n')}${CURSOR_HIDE}`;
});
