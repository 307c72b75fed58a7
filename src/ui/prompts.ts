// The prompts the commands call, and the only module they load for it: commands import it lazily
// (`await import('../ui/prompts.js')`) because Inquirer costs start-up time that --plain, --json and
// non-interactive commands should not pay. Every question prompt resolves a plain value or DONT_KNOW;
// every text passed in is untrusted and goes through printable() before it is drawn. Ctrl+C, Ctrl+D and
// the end of input all reject with an error named 'ExitPromptError' (see isPromptExit).

import { DONT_KNOW, LEAVE, type DontKnow, type Leave } from './dont-know.js';
import { styleFor, type Style } from './style.js';
import { DONT_KNOW_TEXT, label, numberRange, runPrompt, type PromptContext } from './prompt-kit.js';
import { menuPrompt, type MenuEntry } from './menu-prompt.js';
import { textPrompt } from './text-prompt.js';
import { orderPrompt } from './order-prompt.js';
import { multiSelectPrompt } from './multi-select-prompt.js';
import { afterFeedbackPrompt, type AfterFeedback, type AfterFeedbackOffer } from './after-feedback-prompt.js';
import { flashcardPrompt, type FlashcardAction, type FlashcardConfig } from './flashcard-prompt.js';
import { waitPrompt, type WaitResult } from './wait-prompt.js';
import { editKeyPrompt, editLinePrompt, type EditKey } from './edit-prompt.js';

export type { EditKey } from './edit-prompt.js';

export { DONT_KNOW, isDontKnow, LEAVE, type DontKnow, type Leave } from './dont-know.js';
export type { PromptContext } from './prompt-kit.js';
export { isPromptExit } from './prompt-exit.js';
export type { AfterFeedback, AfterFeedbackOffer } from './after-feedback-prompt.js';

/** For a quiz run: a bare Enter this soon after a question is drawn is ignored (see GuardHook). */
export interface Guarded {
  enterGuardMs?: number;
}

function styleOf(context: PromptContext | undefined): Style {
  return styleFor(context?.output ?? process.stdout);
}

function requireEntries(what: string, count: number): void {
  if (count === 0) throw new TypeError(`${what} needs at least one entry`);
}

const DONT_KNOW_ENTRY: MenuEntry = { text: "0) Don't know", keys: ['0', 'd'], answer: DONT_KNOW_TEXT, muted: true };

/** q or Esc at a question leaves the run; at a menu or picker, leaves it. */
const LEAVE_KEYS = { q: 'quit', escape: 'quit' } as const;
const LEAVE_HELP: [string, string] = ['q', 'quit'];

/**
 * Multiple choice. Resolves the index (into `choices`, shown in the order given) of the choice picked.
 * Keys: ↑↓ move, Enter picks, 1-9 pick that choice at once, 0 or d: don't know, q or Esc: LEAVE.
 */
export async function askChoice(
  options: { message: string; choices: readonly string[] } & Guarded,
  context?: PromptContext,
): Promise<number | DontKnow | Leave> {
  requireEntries('askChoice', options.choices.length);
  const entries: MenuEntry[] = options.choices.map((choice, i) => ({
    text: `${i + 1}) ${label(choice)}`,
    keys: i < 9 ? [String(i + 1)] : [],
    answer: label(choice),
  }));
  entries.push(DONT_KNOW_ENTRY);
  const result = await runPrompt(
    menuPrompt,
    {
      message: options.message,
      entries,
      style: styleOf(context),
      help: [['↑↓', 'move'], ['Enter', 'pick'], [numberRange(options.choices.length), 'pick at once'], ['0/d', DONT_KNOW_TEXT], LEAVE_HELP],
      escapes: LEAVE_KEYS,
      enterGuardMs: options.enterGuardMs,
    },
    context,
  );
  if ('escape' in result) return LEAVE;
  if (result.index >= options.choices.length) return DONT_KNOW;
  return result.index;
}

/** True or false, as a select so that no default gives the answer away. Keys: t/1, f/2, 0/d, or ↑↓ Enter; q/Esc: LEAVE. */
export async function askTrueFalse(options: { message: string } & Guarded, context?: PromptContext): Promise<boolean | DontKnow | Leave> {
  const result = await runPrompt(
    menuPrompt,
    {
      message: options.message,
      entries: [
        { text: '1) True', keys: ['1', 't'], answer: 'True' },
        { text: '2) False', keys: ['2', 'f'], answer: 'False' },
        DONT_KNOW_ENTRY,
      ],
      style: styleOf(context),
      help: [['↑↓', 'move'], ['Enter', 'pick'], ['t/1', 'true'], ['f/2', 'false'], ['0/d', DONT_KNOW_TEXT], LEAVE_HELP],
      escapes: LEAVE_KEYS,
      enterGuardMs: options.enterGuardMs,
    },
    context,
  );
  if ('escape' in result) return LEAVE;
  if (result.index === 0) return true;
  if (result.index === 1) return false;
  return DONT_KNOW;
}

/** A typed answer; an empty line (or only spaces) is DONT_KNOW, Esc is LEAVE. Resolves the text trimmed. */
export async function askText(options: { message: string; hint?: string } & Guarded, context?: PromptContext): Promise<string | DontKnow | Leave> {
  return runPrompt(textPrompt, { message: options.message, hint: options.hint, style: styleOf(context), enterGuardMs: options.enterGuardMs }, context);
}

/**
 * Ordering. Resolves `items` rearranged as the user left them. Keys: ↑↓ cursor; Space picks the item up,
 * ↑↓ then carry it, Space drops it; or 1-9 typed in sequence build the order ("your order: 3 1 _"),
 * Backspace takes the last one back; Enter submits a whole order (a half-typed one is refused, saying what
 * is missing); d: don't know; q or Esc: LEAVE.
 */
export async function askOrder(options: { message: string; items: readonly string[] } & Guarded, context?: PromptContext): Promise<string[] | DontKnow | Leave> {
  requireEntries('askOrder', options.items.length);
  const result = await runPrompt(orderPrompt, { message: options.message, items: options.items, style: styleOf(context), enterGuardMs: options.enterGuardMs }, context);
  if (result === DONT_KNOW || result === LEAVE) return result;
  return result.flatMap((i) => {
    const item = options.items[i];
    return item === undefined ? [] : [item];
  });
}

/**
 * Pick every choice that applies. Resolves the choices ticked, in the order shown. Keys: ↑↓ move,
 * Space or 1-9 tick/untick, Enter submits (nothing ticked: a message asks for one or d), d: don't know,
 * q or Esc: LEAVE.
 */
export async function askMultiSelect(
  options: { message: string; choices: readonly string[] } & Guarded,
  context?: PromptContext,
): Promise<string[] | DontKnow | Leave> {
  requireEntries('askMultiSelect', options.choices.length);
  const result = await runPrompt(multiSelectPrompt, { message: options.message, choices: options.choices, style: styleOf(context), enterGuardMs: options.enterGuardMs }, context);
  if (result === DONT_KNOW || result === LEAVE) return result;
  return result.flatMap((i) => {
    const choice = options.choices[i];
    return choice === undefined ? [] : [choice];
  });
}

/**
 * After feedback: Enter or Space -> 'next', r -> 'claim' (only when offered), u -> 'undo' (only when
 * offered), q or Esc -> 'quit'. With `armAfterMs`, keys count (and the key line shows) only after that
 * long. The line is cleared when answered unless the caller passes `clearPromptOnDone: false`.
 */
export async function askAfterFeedback(options: { offer: AfterFeedbackOffer; armAfterMs?: number }, context?: PromptContext): Promise<AfterFeedback> {
  return runPrompt(afterFeedbackPrompt, { offer: options.offer, armAfterMs: options.armAfterMs, style: styleOf(context) }, { clearPromptOnDone: true, ...context });
}

export interface SelectChoice<T> {
  name: string;
  value: T;
  description?: string;
}

/**
 * A menu (main menu, deck picker). Keys: ↑↓ move, Enter picks, 1-9 pick at once; q or Esc resolves
 * `quitValue` when one is given (and does nothing otherwise). Ctrl+C rejects, as in every prompt.
 */
export async function askSelect<T>(
  options: { message: string; choices: readonly SelectChoice<T>[]; quitValue?: T },
  context?: PromptContext,
): Promise<T> {
  requireEntries('askSelect', options.choices.length);
  const canQuit = 'quitValue' in options;
  const entries: MenuEntry[] = options.choices.map((choice, i) => ({
    text: `${i + 1}) ${label(choice.name)}`,
    keys: i < 9 ? [String(i + 1)] : [],
    answer: label(choice.name),
    description: choice.description,
  }));
  const help: [string, string][] = [['↑↓', 'move'], ['Enter', 'pick'], [numberRange(entries.length), 'pick at once']];
  if (canQuit) help.push(['q', 'quit']);
  const result = await runPrompt(
    menuPrompt,
    { message: options.message, entries, style: styleOf(context), help, escapes: canQuit ? LEAVE_KEYS : {} },
    context,
  );
  if ('escape' in result) return options.quitValue as T;
  const picked = options.choices[result.index];
  if (picked === undefined) throw new RangeError(`askSelect resolved entry ${result.index} of ${options.choices.length}`);
  return picked.value;
}

/**
 * A study card. Shows the header and front; Space or Enter shows the back and the ratings with their
 * intervals; then 1 Again, 2 Hard, 3 Good, 4 Easy resolve { action: 'rate', rating } (before the answer is
 * shown they only say to flip first). u resolves { action: 'undo' } at any time when `canUndo` (and does
 * nothing otherwise), q resolves { action: 'quit' }, ? shows or hides the list of keys.
 */
export async function askFlashcard(config: FlashcardConfig, context?: PromptContext): Promise<FlashcardAction> {
  return runPrompt(flashcardPrompt, { ...config, style: styleOf(context) }, context);
}

/**
 * Waits `ms` for something (study's next learning card), showing a countdown: resolves 'due' when the time
 * comes, 'now' on Enter or Space, 'quit' on q or Esc. The line is cleared when it resolves.
 */
export async function askWait(options: { what: string; ms: number }, context?: PromptContext): Promise<WaitResult> {
  return runPrompt(waitPrompt, { what: options.what, ms: options.ms, style: styleOf(context) }, { clearPromptOnDone: true, ...context });
}

/** `factdeck edit`'s screen: resolves the action of the key pressed (see EDIT_KEYS). */
export async function askEditKey(options: { screen: string }, context?: PromptContext): Promise<EditKey> {
  return runPrompt(editKeyPrompt, { page: options.screen, style: styleOf(context) }, { clearPromptOnDone: true, ...context });
}

/** One line of text to edit, starting from `initial`; null when left with Esc. */
export async function askEditLine(options: { message: string; initial: string; above?: string }, context?: PromptContext): Promise<string | null> {
  return runPrompt(editLinePrompt, { message: options.message, initial: options.initial, above: options.above, style: styleOf(context) }, { clearPromptOnDone: true, ...context });
}
