// `factdeck rm DECK`: removes one of the learner's decks, after a confirmation (--yes for scripts). The
// folder is kept in the decks folder's .replaced/ ring, as --force keeps a replaced deck; the progress on
// it stays in the database until `factdeck reset`. Built-in decks are read-only.

import { relative } from 'node:path';
import { removeLibraryDeck } from '../bank/library.js';
import type { Context } from '../context.js';
import { promptContext, writeLine } from '../context.js';
import { UsageError } from '../errors.js';
import { printable } from '../ui/printable.js';
import { findDeck, openLibrary } from './open-deck.js';

export interface RmOptions {
  data?: string;
  yes?: boolean;
  plain?: boolean;
}

/** Asks yes or no in a terminal (No first); without one, refuses unless --yes. */
export async function confirm(context: Context, options: { yes?: boolean; plain?: boolean }, question: string, refusal: string, verb = 'remove'): Promise<boolean> {
  if (options.yes) return true;
  if (options.plain || !context.interactive) throw new UsageError(refusal);
  const { askSelect } = await import('../ui/prompts.js');
  // q or Esc: no. Ctrl+C rejects: the program stops (exit 130), nothing changed.
  return askSelect({ message: question, choices: [{ name: 'No, keep it', value: false }, { name: `Yes, ${verb} it`, value: true }], quitValue: false }, promptContext(context));
}

export async function rmCommand(context: Context, id: string, options: RmOptions): Promise<void> {
  const library = await openLibrary(context, options);
  const entry = findDeck(library, id);
  const shownId = printable(entry.id, { singleLine: true });
  if (entry.place === 'built-in') {
    throw new UsageError(`"${shownId}" is a built-in deck: those are read-only and cannot be removed`, '`factdeck decks` lists your own decks, which can');
  }
  const shown = (path: string): string => printable(relative(context.cwd, path).startsWith('..') ? path : relative(context.cwd, path) || path, { singleLine: true });
  const deck = entry.report.loaded?.outline;
  const what = `your deck "${shownId}"${deck ? ` (${printable(deck.title, { singleLine: true })}: ${deck.facts.length} facts, ${deck.questions.length} questions)` : ''} from ${shown(library.libraryDir)}`;
  const sure = await confirm(context, options, `Remove ${what}?`, `rm needs a confirmation: run it in a terminal, or add --yes to remove ${what}`);
  if (!sure) {
    writeLine(context.stdout, 'Nothing was removed.');
    return;
  }
  const kept = await removeLibraryDeck(library.libraryDir, entry.report.dir, entry.id, context.now());
  writeLine(context.stdout, `Removed ${what}.`);
  writeLine(context.stdout, `  It is kept in ${shown(kept)} (move that folder back to ${shown(entry.report.dir)} to restore it).`);
  writeLine(context.stdout, '  Your progress on it stays in the database until `factdeck reset`.');
}
