// Which deck a command uses: --deck as an id (the learner's decks in the data folder, then the built-in
// ones; or the one id it begins, with "did you mean" for a near miss) or a deck folder; with one deck, that
// one; with several and no --deck, a terminal asks (q or Esc there leaves) and plain mode refuses with the
// list (exit 2).

import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { DeckCache } from '../bank/deck-cache.js';
import { DECK_FILE, loadDeck, type DeckReport, type LoadOptions } from '../bank/load-decks.js';
import { findInLibrary, libraryDirOf, loadLibrary, usableDecks, type Library, type LibraryDeck } from '../bank/library.js';
import { isDeckId } from '../bank/interop/slug.js';
import type { LoadedDeck } from '../domain/deck.js';
import { matchDeckId } from '../domain/deck-match.js';
import type { Context } from '../context.js';
import { DeckError, LeftError, UsageError } from '../errors.js';
import { builtInQuestionsDir, userCacheDir } from '../paths.js';
import { printable } from '../ui/printable.js';
import { dataDirFor } from './run-session.js';

/** A deck as opened, and how to name it again in a command (set when there was a choice to make). */
export type OpenedDeck = LoadedDeck & { argument?: string };

/** A path for a message: folder names are data and may hold escape sequences. */
function shownPath(path: string): string {
  return printable(path, { singleLine: true });
}

function usable(report: DeckReport): LoadedDeck {
  if (report.loaded === null || report.problems.length > 0) {
    const first = report.problems[0];
    const where = first?.location ? `:${first.location.line}:${first.location.column}` : '';
    throw new DeckError(
      `the deck ${shownPath(report.file)}${where} has ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}${first ? `, first: ${printable(first.message, { singleLine: true })}` : ''}`,
      `run \`factdeck check ${shownPath(report.dir)}\` to see them all`,
    );
  }
  return report.loaded;
}

/** How commands load decks: with the user's cache of decks already checked (none without a home folder). */
export function deckLoading(context: Context): LoadOptions {
  const dir = userCacheDir(context.env, homedir);
  return { cache: dir === null ? null : new DeckCache(join(dir, 'decks')) };
}

/**
 * The deck with how to name it again. Set on the deck itself, not on a copy: a deck read by its outline
 * parses itself whole when its \`deck\` is read, which spreading it into a copy would do.
 */
function withArgument(loaded: LoadedDeck, argument: string): OpenedDeck {
  const opened = loaded as OpenedDeck;
  opened.argument = argument;
  return opened;
}

function looksLikePath(value: string): boolean {
  return value.includes('/') || value.includes('\\') || value.startsWith('.') || isAbsolute(value);
}

const LIST_HINT = '`factdeck decks` lists them';

/**
 * Every deck there is: the built-in ones and the learner's, in the data folder of these options; read with
 * the cache of decks already checked unless `loading` says otherwise.
 */
export async function openLibrary(context: Context, options: { data?: string }, loading: LoadOptions = deckLoading(context)): Promise<Library> {
  return loadLibrary(builtInQuestionsDir(context.root), libraryDirOf(dataDirFor(context, options)), loading);
}

/**
 * The deck a command is about: --deck as an id (the learner's decks, then the built-in ones, or the one id
 * it begins) or a deck folder; with one deck, that one; with several, `askWhich` (a terminal; null when the
 * learner left it) or a usage error with the list.
 */
export async function openDeck(
  context: Context,
  deckOption: string | undefined,
  askWhich: ((decks: LoadedDeck[]) => Promise<LoadedDeck | null>) | null,
  options: { data?: string } = {},
): Promise<OpenedDeck> {
  if (deckOption !== undefined && looksLikePath(deckOption)) {
    const path = resolve(context.cwd, deckOption);
    if (!existsSync(path)) throw new UsageError(`no deck at ${shownPath(path)}`, `give a deck folder (holding ${DECK_FILE}) or a deck id; ${LIST_HINT}`);
    if (statSync(path).isDirectory() && !existsSync(join(path, DECK_FILE))) {
      throw new DeckError(`${shownPath(path)} is not a deck: it holds no ${DECK_FILE}`, `give a deck folder (holding ${DECK_FILE}) or a deck id; ${LIST_HINT}`);
    }
    return withArgument(usable(await loadDeck(path, deckLoading(context))), path);
  }
  const library = await openLibrary(context, options);
  if (deckOption !== undefined) {
    const entry = findDeck(library, deckOption, { prefix: true });
    return withArgument(usable(entry.report), entry.id);
  }
  const entries = usableDecks(library);
  const decks = entries.filter((entry) => entry.report.loaded !== null && entry.report.problems.length === 0).map((entry) => entry.report.loaded as LoadedDeck);
  if (decks.length === 0) {
    if (entries.length > 0) return usable((entries[0] as LibraryDeck).report);
    throw new DeckError(`there are no decks in ${library.builtInDir} or ${library.libraryDir}`, 'run `factdeck learn ARTICLE` or `factdeck build ARTICLE` to make one');
  }
  if (decks.length === 1) return decks[0] as LoadedDeck;
  if (askWhich === null) {
    throw new UsageError('several decks: choose one with --deck', `the decks are: ${decks.map((d) => d.outline.id).join(', ')}`);
  }
  const picked = await askWhich(decks);
  if (picked === null) throw new LeftError('no deck was chosen');
  return withArgument(picked, picked.outline.id);
}

/**
 * A deck of the library by its id (with `prefix`, also the one id that begins with it: for opening a deck,
 * never for removing one), or a usage error listing the ids there are, with "did you mean" for a near miss.
 */
export function findDeck(library: Library, id: string, { prefix = false }: { prefix?: boolean } = {}): LibraryDeck {
  if (!isDeckId(id)) {
    throw new UsageError(`--deck ${JSON.stringify(printable(id, { singleLine: true }))} is not a deck id`, `deck ids are lowercase letters, digits and hyphens, 64 at most; ${LIST_HINT}`);
  }
  const found = findInLibrary(library, id);
  if (found !== undefined) return found;
  const ids = usableDecks(library).map((entry) => entry.id);
  const match = matchDeckId(ids, id);
  if ('id' in match && prefix) {
    const matched = findInLibrary(library, match.id);
    if (matched !== undefined) return matched;
  }
  if ('ambiguous' in match && prefix) throw new UsageError(`--deck ${id} could be any of ${match.ambiguous.length} decks`, `give more of the id: ${match.ambiguous.join(', ')}`);
  const near = 'near' in match && match.near.length > 0 ? ` (did you mean ${match.near.join(' or ')}?)` : 'id' in match ? ` (did you mean ${match.id}?)` : '';
  throw new UsageError(`no deck "${id}"${near}`, `the decks are: ${ids.join(', ') || 'none'}`);
}

/**
 * How to name a deck on the command line: its id when it is in the library (built-in or the learner's),
 * else its folder as a path (a bare name would be taken for an id).
 */
export async function deckArgument(context: Context, dir: string, id: string, options: { data?: string }): Promise<string> {
  const found = findInLibrary(await openLibrary(context, options), id);
  if (found !== undefined && resolve(found.report.dir) === resolve(dir)) return id;
  const near = relative(context.cwd, dir);
  if (near === '' || near.startsWith('..') || isAbsolute(near)) return dir;
  return near.startsWith('.') ? near : `./${near}`;
}
