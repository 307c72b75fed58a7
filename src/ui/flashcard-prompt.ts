// The study card: the front first, Space or Enter flips it to show the back, then 1-4 rate it
// (Again/Hard/Good/Easy, each with the interval it would give), or Space/Enter again rates Good, as in
// Anki. u undoes the last rating, ? shows every key, q or Esc quits. Like every prompt it only displays
// and resolves a plain action; the caller schedules. Number keys do nothing until the answer is shown (a
// dim line says to flip first): rating a card unseen, or by a double press of Space then a digit meant
// for the next card, would teach the scheduler a lie. For the same reason Space/Enter rates Good only a
// moment after the flip (`goodAfterMs`), and the key line says so only from then.

import { createPrompt, isEnterKey, isSpaceKey, useEffect, useKeypress, useState } from '@inquirer/core';
import type { RatingName } from '../scheduling/fsrs.js';
import type { Style } from './style.js';
import { printable } from './printable.js';
import { wrapText } from './wrap.js';
import { CURSOR_HIDE, digitOf, label, plainKey, prefixFor, useScreenWidth, type InputClosedHook, type KeyLike, type PromptStatus, useInputClosed } from './prompt-kit.js';

export type { RatingName } from '../scheduling/fsrs.js';

export type FlashcardAction = { action: 'rate'; rating: RatingName } | { action: 'undo' } | { action: 'suspend' } | { action: 'quit' };

export interface FlashcardConfig {
  /** e.g. "Card 3 of 12 · due"; untrusted, drawn on one line. */
  header: string;
  /** The question side; untrusted, may span lines. */
  front: string;
  /** The answer side with its source sentence; already made printable (and maybe styled) by the caller. */
  back: string;
  /** What each rating would schedule, e.g. { again: '1m', hard: '6m', good: '10m', easy: '8d' }. */
  intervals: Record<RatingName, string>;
  /** Whether there is a rating to take back: only then does u do anything. */
  canUndo: boolean;
  /** Whether x may suspend the question on the front (once the answer is shown). */
  canSuspend?: boolean;
  /** Cram mode: ratings do not change the schedule, and the card says so. */
  cram?: boolean;
  /** How long after the flip Space or Enter starts to rate Good (0 or absent: at once). */
  goodAfterMs?: number;
}

export interface FlashcardPromptConfig extends FlashcardConfig, InputClosedHook {
  style: Style;
}

/** The ratings in key order: key 1 is RATING_ORDER[0]. */
const RATING_ORDER: readonly RatingName[] = ['again', 'hard', 'good', 'easy'];

const RATING_TEXT: Record<RatingName, string> = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };

const RATING_COLOUR: Record<RatingName, 'red' | 'yellow' | 'green' | 'cyan'> = { again: 'red', hard: 'yellow', good: 'green', easy: 'cyan' };

export const CRAM_NOTE = '(cram: the schedule is not changed)';
export const FLIP_FIRST = 'Show the answer first: Space or Enter';

/** '?' has no key name in a real terminal (readline only sets its sequence); tests send it as a name. */
function isHelpKey(key: KeyLike & { sequence?: string }): boolean {
  if (key.ctrl === true || key.meta === true) return false;
  return key.name === '?' || (key.name === undefined && key.sequence === '?');
}

/** "Space/Enter: show answer · q: quit": bold keys, dim words, never nested (SGR 22 ends both). */
function keyLine(keys: ReadonlyArray<readonly [string, string]>, style: Style): string {
  return keys.map(([key, action]) => `${style.bold(key)}${style.dim(`: ${action}`)}`).join(style.dim(' · '));
}

function ratingLine(intervals: Record<RatingName, string>, style: Style): string {
  return RATING_ORDER.map((rating, i) => {
    const interval = label(intervals[rating]);
    const text = `${i + 1} ${RATING_TEXT[rating]}${interval === '' ? '' : ` ${interval}`}`;
    return style[RATING_COLOUR[rating]](text);
  }).join(style.dim(' · '));
}

function helpPanel(canUndo: boolean, style: Style): string {
  const rows: [string, string][] = [
    ['Space, Enter', 'show the answer; once it is shown, rate Good'],
    ['1 2 3 4', 'rate Again, Hard, Good, Easy (once the answer is shown)'],
    ['u', canUndo ? 'undo the last rating' : 'undo the last rating (nothing to undo yet)'],
    ['x', 'suspend this question: wrong or unfair, never asked again (once the answer is shown)'],
    ['?', 'show or hide these keys'],
    ['q, Esc', 'quit studying'],
    ['Ctrl+C', 'leave at once'],
  ];
  const width = Math.max(...rows.map(([key]) => key.length));
  return [style.bold('Keys'), ...rows.map(([key, action]) => `  ${style.bold(key.padEnd(width))}  ${action}`)].join('\n');
}

/** A dim rule between the two sides, as wide as the front's longest line (within reason and the screen). */
function rule(front: string, style: Style, width: number | undefined): string {
  const longest = Math.max(0, ...front.split('\n').map((line) => [...line].length));
  return style.dim('─'.repeat(Math.max(1, Math.min(60, width ?? 60, Math.max(20, longest)))));
}

function doneText(action: FlashcardAction, intervals: Record<RatingName, string>, style: Style): string {
  if (action.action !== 'rate') return style.dim(action.action);
  const interval = label(intervals[action.rating]);
  const text = `${RATING_TEXT[action.rating]}${interval === '' ? '' : ` (${interval})`}`;
  return style[RATING_COLOUR[action.rating]](text);
}

export const flashcardPrompt = createPrompt<FlashcardAction, FlashcardPromptConfig>((config, done) => {
  const { style } = config;
  const [status, setStatus] = useState<PromptStatus>('idle');
  useInputClosed(config.onInputClosed);
  const [flipped, setFlipped] = useState(false);
  const [showHelp, setShowHelp] = useState(false);
  const [notice, setNotice] = useState('');
  const [result, setResult] = useState<FlashcardAction | undefined>(undefined);
  const [goodArmed, setGoodArmed] = useState(false);
  const { width, remember } = useScreenWidth(config.screen);
  useEffect(() => {
    if (!flipped) return undefined;
    const timer = setTimeout(() => setGoodArmed(true), config.goodAfterMs ?? 0);
    return () => clearTimeout(timer);
  }, [flipped]);

  const finish = (action: FlashcardAction): void => {
    setResult(action);
    setStatus('done');
    done(action);
  };

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    // Letters and digits also land in readline's line buffer; a card has no use for it.
    rl.clearLine(0);
    setNotice('');
    if (isHelpKey(key)) {
      setShowHelp(!showHelp);
      return;
    }
    if (isEnterKey(key) || isSpaceKey(key)) {
      if (!flipped) setFlipped(true);
      else if (goodArmed) finish({ action: 'rate', rating: 'good' });
      return;
    }
    const digit = digitOf(key);
    if (digit !== undefined) {
      const rating = RATING_ORDER[digit - 1];
      if (rating === undefined) return;
      if (flipped) finish({ action: 'rate', rating });
      else setNotice(FLIP_FIRST);
      return;
    }
    const name = plainKey(key);
    if (name === 'u' && config.canUndo) finish({ action: 'undo' });
    else if (name === 'x' && flipped && config.canSuspend === true) finish({ action: 'suspend' });
    else if (name === 'q' || name === 'escape') finish({ action: 'quit' });
  });

  const header = style.bold(label(config.header));
  if (status === 'done' && result !== undefined) {
    return wrapText(`${prefixFor('done', style)} ${header} ${doneText(result, config.intervals, style)}`, width);
  }

  const front = wrapText(printable(config.front), width);
  const lines = [wrapText(config.cram === true ? `${header}  ${style.yellow(CRAM_NOTE)}` : header, width), '', front];
  if (flipped) lines.push(rule(front, style, width), wrapText(config.back, width), '', wrapText(ratingLine(config.intervals, style), width));
  else lines.push('');
  if (notice !== '') lines.push(style.yellow(notice));
  const keys: [string, string][] = [flipped ? ['1-4', 'rate'] : ['Space/Enter', 'show answer']];
  if (flipped && goodArmed) keys.push(['Space/Enter', 'Good']);
  if (config.canUndo) keys.push(['u', 'undo']);
  if (flipped && config.canSuspend === true) keys.push(['x', 'suspend']);
  keys.push(['?', 'keys'], ['q', 'quit']);
  lines.push(wrapText(keyLine(keys, style), width));
  if (showHelp) lines.push('', helpPanel(config.canUndo, style));
  return remember(`${lines.join('\n')}${CURSOR_HIDE}`);
});
