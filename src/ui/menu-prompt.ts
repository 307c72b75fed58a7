// A numbered menu: arrows move, Enter picks, and each entry can have keys that pick it at once (a digit,
// a letter). askChoice, askTrueFalse and askSelect are this one prompt with different entries. It resolves
// the index of the entry picked, or the escape key pressed, never the caller's values: a prompt only
// displays and resolves a plain value.

import { createPrompt, isDownKey, isEnterKey, isUpKey, useKeypress, usePagination, useState } from '@inquirer/core';
import type { Style } from './style.js';
import { printable } from './printable.js';
import {
  CURSOR_HIDE,
  hangingLines,
  plainKey,
  renderAnswered,
  renderHelp,
  renderMessage,
  useEnterGuard,
  useScreenWidth,
  type GuardHook,
  type PromptStatus,
  type InputClosedHook,
  useInputClosed,
} from './prompt-kit.js';

export interface MenuEntry {
  /** The line shown, e.g. "1) Beijing" (untrusted parts already made printable by the caller). */
  text: string;
  /** Plain keys that pick this entry at once, e.g. ['1'] or ['0', 'd']. */
  keys: readonly string[];
  /** Shown after the question once answered. */
  answer: string;
  /** Shown under the menu while the entry is under the cursor. */
  description?: string;
  /** Answers like "don't know" are shown dim rather than highlighted. */
  muted?: boolean;
}

export interface MenuConfig extends InputClosedHook, GuardHook {
  message: string;
  entries: readonly MenuEntry[];
  help: ReadonlyArray<readonly [string, string]>;
  style: Style;
  /** Keys that leave the menu without an entry (e.g. q or escape to quit), with what to show once answered. */
  escapes?: Readonly<Record<string, string>>;
  pageSize?: number;
}

export type MenuResult = { index: number } | { escape: string };

export const menuPrompt = createPrompt<MenuResult, MenuConfig>((config, done) => {
  const { entries, style } = config;
  const [status, setStatus] = useState<PromptStatus>('idle');
  useInputClosed(config.onInputClosed);
  const { width, remember } = useScreenWidth(config.screen);
  const guard = useEnterGuard(config).blocks;
  const [active, setActive] = useState(0);
  const [answer, setAnswer] = useState<{ text: string; muted: boolean }>({ text: '', muted: false });

  const finish = (result: MenuResult, text: string, muted: boolean): void => {
    setAnswer({ text, muted });
    setStatus('done');
    done(result);
  };

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    // Letters and digits also land in readline's line buffer; a menu has no use for it.
    rl.clearLine(0);
    if (guard(key)) return;
    if (isEnterKey(key)) {
      const entry = entries[active];
      if (entry !== undefined) finish({ index: active }, entry.answer, entry.muted === true);
      return;
    }
    if (isUpKey(key) || isDownKey(key)) {
      const offset = isUpKey(key) ? -1 : 1;
      setActive((active + offset + entries.length) % entries.length);
      return;
    }
    const name = plainKey(key);
    if (name === '') return;
    const picked = entries.findIndex((entry) => entry.keys.includes(name));
    const entry = entries[picked];
    if (entry !== undefined) {
      finish({ index: picked }, entry.answer, entry.muted === true);
      return;
    }
    const escape = config.escapes?.[name];
    if (escape !== undefined) finish({ escape: name }, escape, true);
  });

  if (status === 'done') {
    return renderAnswered(config.message, answer.text, style, width, answer.muted);
  }
  const message = renderMessage(config.message, status, style, width);

  const page = usePagination({
    items: entries,
    active,
    pageSize: config.pageSize ?? 12,
    loop: false,
    renderItem: ({ item, isActive }) => {
      // Later lines start under the text, past its "1) ".
      const marker = /^\d+\) /.exec(item.text)?.[0] ?? '';
      const lines = hangingLines(`${isActive ? '> ' : '  '}${marker}`, item.text.slice(marker.length), width);
      return isActive ? lines.split('\n').map(style.cyan).join('\n') : lines;
    },
  });
  const description = entries[active]?.description;
  const lines = [message, page];
  if (description !== undefined && description !== '') lines.push(style.dim(hangingLines('  ', printable(description, { singleLine: true }), width)));
  lines.push(renderHelp(config.help, style, width));
  return remember(`${lines.join('\n')}${CURSOR_HIDE}`);
});
