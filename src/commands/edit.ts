// `factdeck edit DECK`: go through a deck's questions one screen each (the question as the learner sees
// it, its key, its fact and source sentence) and keep, drop or fix each. Every change is checked as
// `factdeck check` checks a deck and, if it passes, saved at once (atomically); an edit that would break
// the deck is refused with the reason and nothing is lost. `u` undoes. A built-in deck is first copied
// into the learner's decks folder (same id, so progress carries over), and the copy is edited.

import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { ARTICLE_FILE, DECK_FILE } from '../bank/load-decks.js';
import { parseDeckText } from '../bank/parse-deck.js';
import { findQuoteSentence, splitSentences } from '../domain/article.js';
import { applyEdit, type DeckEdit } from '../domain/deck-edit.js';
import type { Deck, LoadedDeck, Question } from '../domain/deck.js';
import type { Context } from '../context.js';
import { promptContext, writeLine } from '../context.js';
import { StoppedError } from '../errors.js';
import { serialize, writeFileDurably } from '../storage/durable-file.js';
import { END, readLines, type End } from '../ui/asker.js';
import { printable } from '../ui/printable.js';
import { isPromptExit } from '../ui/prompt-exit.js';
import { PLAIN_EDIT_HELP, renderEditScreen } from '../ui/render-edit.js';
import { createStyle } from '../ui/style.js';
import { wrapText } from '../ui/wrap.js';
import { deckArgument, findDeck, openDeck, openLibrary } from './open-deck.js';
import { requireTerminalOrPlain } from './run-session.js';
import { isDeckId } from '../bank/interop/slug.js';

export interface EditOptions {
  data?: string;
  plain?: boolean;
  /** Called by `learn`, which starts the quiz itself: no closing hint. */
  thenQuiz?: boolean;
}

/** What the learner asked for on one screen; text comes with it in plain mode, or is asked for after. */
export type EditAction =
  | { kind: 'next' | 'back' | 'drop' | 'undo' | 'quit' }
  | { kind: 'prompt' | 'answer' | 'accept' | 'statement' | 'jump'; text: string | null }
  | { kind: 'choice'; index: number | null; text: string | null };

interface Editor {
  /** Shows the screen and resolves the action, or END when input runs out. */
  next(screen: string): Promise<EditAction | End>;
  /** Asks for the text of an action that came without it (terminal only); null leaves things as they are. */
  text(message: string, initial: string): Promise<string | null>;
  close(): void;
}

/** One plain-mode line -> an action, or what to type instead. Exported for tests. */
export function parseEditLine(line: string): EditAction | string {
  const text = line.trim();
  if (text === '' || text === 'k' || text === 'n') return { kind: 'next' };
  if (text.startsWith('/')) return { kind: 'jump', text: text.slice(1).trim() };
  const [word = '', ...rest] = text.split(/\s+/);
  const tail = text.slice(word.length).trim();
  switch (word.toLowerCase()) {
    case 'b':
      return { kind: 'back' };
    case 'd':
      return { kind: 'drop' };
    case 'u':
      return { kind: 'undo' };
    case 'q':
      return { kind: 'quit' };
    case 'p':
      return { kind: 'prompt', text: tail };
    case 'a':
      return { kind: 'answer', text: tail };
    case 'o':
      return { kind: 'accept', text: tail };
    case 's':
      return { kind: 'statement', text: tail };
    case 'c': {
      const n = Number(rest[0]);
      if (!Number.isInteger(n) || n < 1) return 'c needs the number of the choice, then its new text: c 2 Lisbon';
      return { kind: 'choice', index: n - 1, text: text.slice(word.length).trim().slice(String(rest[0]).length).trim() };
    }
    default:
      return `"${printable(word, { singleLine: true })}" is not an action. ${PLAIN_EDIT_HELP}`;
  }
}

function plainEditor(context: Context): Editor {
  const streams = promptContext(context);
  const lines = readLines(streams);
  return {
    async next(screen) {
      writeLine(context.stdout, screen);
      writeLine(context.stdout, 'Action (Enter keeps; d, p, a, o, c, s, u, b, /, q):');
      for (;;) {
        const line = await lines.next();
        if (line === END) return END;
        const parsed = parseEditLine(line);
        if (typeof parsed !== 'string') return parsed;
        writeLine(context.stdout, parsed);
      }
    },
    async text() {
      return null;
    },
    close: () => lines.close(),
  };
}

function terminalEditor(context: Context): Editor {
  const streams = promptContext(context);
  const prompts = import('../ui/prompts.js');
  // The question stays in view while its text is edited.
  let shown = '';
  return {
    async next(screen) {
      shown = screen;
      const key = await (await prompts).askEditKey({ screen }, streams);
      switch (key) {
        case 'next':
        case 'back':
        case 'drop':
        case 'undo':
        case 'quit':
          return { kind: key };
        case 'choice':
          return { kind: 'choice', index: null, text: null };
        default:
          return { kind: key, text: null };
      }
    },
    async text(message, initial) {
      return (await prompts).askEditLine({ message, initial, above: shown }, streams);
    },
    close: () => undefined,
  };
}

/** The deck's folder to edit: a built-in deck is copied into the learner's decks first (said). */
async function editableDeck(context: Context, deckArg: string, options: EditOptions): Promise<LoadedDeck> {
  const library = await openLibrary(context, options);
  const entry = isDeckId(deckArg) ? findDeck(library, deckArg) : null;
  if (entry === null || entry.place === 'yours') return openDeck(context, entry === null ? deckArg : entry.report.dir, null, options);
  const source = await openDeck(context, entry.report.dir, null, options);
  const target = join(library.libraryDir, source.deck.id);
  await mkdir(target, { recursive: true });
  if (source.article !== null) await copyFile(join(source.dir, ARTICLE_FILE), join(target, ARTICLE_FILE));
  // The schema sits beside the built-in decks only: the copy does without the reference.
  const { $schema: _schema, ...deck } = source.deck;
  await writeFileDurably(join(target, DECK_FILE), serialize(deck), { what: 'your copy of the deck' });
  const near = relative(context.cwd, target);
  writeLine(context.stdout, `The built-in deck "${printable(source.deck.id, { singleLine: true })}" is read-only: your copy, which is used from now on, is in ${printable(near.startsWith('..') ? target : near, { singleLine: true })}.`);
  return openDeck(context, target, null, options);
}

/** The answer as it is typed to change it. */
function answerText(question: Question): string {
  switch (question.kind) {
    case 'true-false':
      return question.answer ? 'true' : 'false';
    case 'order':
    case 'multi-select':
      return question.answer.join(' | ');
    default:
      return question.answer;
  }
}

function problemKeys(deck: Deck, article: string | null, folderName: string | undefined): Map<string, string> {
  const result = parseDeckText(serialize(deck), { folderName, article });
  return new Map(result.problems.map((p) => [`${p.code}\u0000${p.path}\u0000${p.message}`, `${p.path === '' ? '' : `${p.path}: `}${p.message} (${p.hint})`]));
}

export async function editCommand(context: Context, deckArg: string, options: EditOptions): Promise<void> {
  requireTerminalOrPlain(context, options, 'edit');
  const loaded = await editableDeck(context, deckArg, options);
  const style = createStyle(context.color && !options.plain);
  const file = join(loaded.dir, DECK_FILE);
  const folderName = isDeckId(basename(loaded.dir)) ? basename(loaded.dir) : undefined;
  // What the file held when last read or written: a deck changed on disk meanwhile is not written over.
  let lastText = await readFile(file, 'utf8');
  const sentences = loaded.article === null ? [] : splitSentences(loaded.article);
  const editor = options.plain ? plainEditor(context) : terminalEditor(context);
  // Problems the deck had before are not the learner's doing: only an edit adding one is refused.
  const known = problemKeys(loaded.deck, loaded.article, folderName);
  let deck = loaded.deck;
  const undo: Deck[] = [];
  let index = 0;
  let notice = '';
  let edits = 0;
  const initial = deck.questions.length;

  const save = async (next: Deck): Promise<string | null> => {
    const added = [...problemKeys(next, loaded.article, folderName)].filter(([key]) => !known.has(key));
    if (added.length > 0) return `Refused, nothing changed: ${added[0]?.[1] ?? ''}`;
    const onDisk = await readFile(file, 'utf8').catch(() => null);
    if (onDisk !== lastText) return `Refused, nothing changed: ${printable(file, { singleLine: true })} was changed by something else since it was opened; quit and open it again.`;
    const text = serialize(next);
    await writeFileDurably(file, text, { what: 'the deck' });
    lastText = text;
    deck = next;
    return null;
  };
  const change = async (edit: DeckEdit, done: string): Promise<void> => {
    const result = applyEdit(deck, edit);
    if (!result.ok) {
      notice = style.yellow(`Refused, nothing changed: ${result.reason}.`);
      return;
    }
    const before = deck;
    const refused = await save(result.deck);
    if (refused !== null) {
      notice = style.yellow(refused);
      return;
    }
    undo.push(before);
    edits++;
    notice = style.green(`${done} Saved (u undoes).`);
  };

  if (options.plain) writeLine(context.stdout, PLAIN_EDIT_HELP);
  let stopped = false;
  try {
    for (;;) {
      if (deck.questions.length === 0) {
        writeLine(context.stdout, 'No questions left in this deck.');
        break;
      }
      index = Math.max(0, Math.min(index, deck.questions.length - 1));
      const question = deck.questions[index] as Question;
      const fact = deck.facts.find((f) => f.id === question.factId);
      const sentence = fact === undefined ? null : findQuoteSentence(sentences, fact.quote)?.text ?? null;
      const drawn = renderEditScreen({ number: index + 1, total: deck.questions.length, question, fact, sentence, notice }, style, options.plain === true || !context.color);
      const screen = options.plain ? drawn : wrapText(drawn, Math.min(context.stdout.columns ?? 100, 100) - 1);
      notice = '';
      if (!options.plain) writeLine(context.stdout);
      const action = await editor.next(screen);
      if (action === END || action.kind === 'quit') break;
      const ask = async (message: string, current: string, given: string | null): Promise<string | null> => given ?? (await editor.text(message, current));
      switch (action.kind) {
        case 'next':
          if (index + 1 >= deck.questions.length) {
            notice = style.dim('That was the last question: q leaves, ← goes back.');
            if (options.plain) stopped = true;
          } else index++;
          break;
        case 'back':
          index = Math.max(0, index - 1);
          break;
        case 'drop':
          await change({ kind: 'drop', questionId: question.id }, `Dropped question ${index + 1}.`);
          break;
        case 'undo': {
          const previous = undo.pop();
          if (previous === undefined) {
            notice = style.dim('Nothing to undo.');
            break;
          }
          const refused = await save(previous);
          if (refused === null) {
            edits--;
            notice = style.green('Undone. Saved.');
          } else {
            undo.push(previous);
            notice = style.yellow(refused);
          }
          break;
        }
        case 'prompt': {
          const text = await ask('Prompt:', question.prompt, action.text);
          if (text !== null) await change({ kind: 'prompt', questionId: question.id, text }, 'Prompt changed.');
          break;
        }
        case 'answer': {
          const text = await ask('Answer:', answerText(question), action.text);
          if (text !== null) await change({ kind: 'answer', questionId: question.id, text }, 'Answer changed.');
          break;
        }
        case 'accept': {
          const current = question.kind === 'cloze' || question.kind === 'short-answer' ? question.accept.join(' | ') : '';
          const text = await ask('Other accepted answers, separated by |:', current, action.text);
          if (text !== null) await change({ kind: 'accept', questionId: question.id, text }, 'Accepted answers changed.');
          break;
        }
        case 'statement': {
          if (fact === undefined) break;
          const text = await ask("The fact's statement:", fact.statement, action.text);
          if (text !== null) await change({ kind: 'statement', factId: fact.id, text }, 'Statement changed.');
          break;
        }
        case 'choice': {
          const which = action.index ?? Number((await editor.text('Which choice (its number)?', '')) ?? NaN) - 1;
          const choices = question.kind === 'choice' || question.kind === 'multi-select' ? question.choices : question.kind === 'order' ? question.items : [];
          const current = choices[which];
          if (current === undefined) {
            notice = style.yellow(choices.length === 0 ? `A ${question.kind} question has no choices to edit.` : `Give a number from 1 to ${choices.length}.`);
            break;
          }
          const text = await ask(`Choice ${which + 1}:`, current, action.text);
          if (text !== null) await change({ kind: 'choice', questionId: question.id, index: which, text }, `Choice ${which + 1} changed.`);
          break;
        }
        case 'jump': {
          const target = (await ask('Go to (a number, or words of a prompt):', '', action.text))?.trim() ?? '';
          if (target === '') break;
          if (/^\d+$/.test(target)) {
            const n = Number(target);
            if (n >= 1 && n <= deck.questions.length) index = n - 1;
            else notice = style.yellow(`There are ${deck.questions.length} questions.`);
            break;
          }
          const words = target.toLowerCase();
          const order = [...deck.questions.keys()].map((i) => (index + 1 + i) % deck.questions.length);
          const found = order.find((i) => deck.questions[i]?.prompt.toLowerCase().includes(words));
          if (found === undefined) notice = style.yellow(`No question's prompt has "${printable(target, { singleLine: true })}".`);
          else index = found;
          break;
        }
      }
      if (stopped) break;
    }
  } catch (error) {
    if (!isPromptExit(error)) throw error;
    editor.close();
    throw new StoppedError(`\nStopped: ${edits} change${edits === 1 ? '' : 's'} saved.`);
  } finally {
    editor.close();
  }
  const dropped = initial - deck.questions.length;
  const near = relative(context.cwd, file);
  writeLine(context.stdout);
  writeLine(context.stdout, `${edits} change${edits === 1 ? '' : 's'} saved in ${printable(near.startsWith('..') ? file : near, { singleLine: true })}: ${deck.questions.length} questions (${dropped} dropped), ${deck.facts.length} facts.`);
  if (options.thenQuiz !== true) writeLine(context.stdout, `Quiz yourself on it: factdeck quiz --deck ${printable(await deckArgument(context, loaded.dir, deck.id, options), { singleLine: true })}`);
}
