// Which deck a quiz or review uses: --deck as an id under questions/ (or the one id it begins, with "did
// you mean" for a near miss) or a deck folder; with one deck, that one; with several and no --deck, a
// terminal asks (q or Esc there leaves) and plain mode refuses with the list (exit 2).

import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { DECK_FILE, loadAllDecks, loadDeck, type DeckReport } from '../bank/load-decks.js';
import type { LoadedDeck } from '../domain/deck.js';
import { matchDeckId } from '../domain/deck-match.js';
import type { Context } from '../context.js';
import { DeckError, LeftError, UsageError } from '../errors.js';
import { builtInQuestionsDir } from '../paths.js';
import { printable } from '../ui/printable.js';

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

function looksLikePath(value: string): boolean {
  return value.includes('/') || value.includes('\\') || value.startsWith('.') || isAbsolute(value);
}

const LIST_HINT = '`factdeck decks` lists them';

async function byId(questionsDir: string, wanted: string): Promise<OpenedDeck> {
  const exact = join(questionsDir, wanted);
  if (existsSync(exact)) return { ...usable(await loadDeck(exact)), argument: wanted };
  const ids = (await loadAllDecks(questionsDir)).map((report) => report.loaded?.deck.id).filter((id): id is string => id !== undefined);
  const match = matchDeckId(ids, wanted);
  if ('id' in match) return { ...usable(await loadDeck(join(questionsDir, match.id))), argument: match.id };
  if ('ambiguous' in match) throw new UsageError(`--deck ${wanted} could be any of ${match.ambiguous.length} decks`, `give more of the id: ${match.ambiguous.join(', ')}`);
  const near = match.near.length > 0 ? ` (did you mean ${match.near.join(' or ')}?)` : '';
  throw new UsageError(`no deck "${wanted}"${near}`, `the decks are: ${ids.join(', ') || 'none'}`);
}

export async function openDeck(context: Context, deckOption: string | undefined, askWhich: ((decks: LoadedDeck[]) => Promise<LoadedDeck | null>) | null): Promise<OpenedDeck> {
  const questionsDir = builtInQuestionsDir(context.root);
  if (deckOption !== undefined) {
    if (looksLikePath(deckOption)) {
      const path = resolve(context.cwd, deckOption);
      if (!existsSync(path)) throw new UsageError(`no deck at ${shownPath(path)}`, `give a deck folder (holding ${DECK_FILE}) or a deck id; ${LIST_HINT}`);
      if (statSync(path).isDirectory() && !existsSync(join(path, DECK_FILE))) {
        throw new DeckError(`${shownPath(path)} is not a deck: it holds no ${DECK_FILE}`, `give a deck folder (holding ${DECK_FILE}) or a deck id; ${LIST_HINT}`);
      }
      return { ...usable(await loadDeck(path)), argument: path };
    }
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(deckOption)) {
      throw new UsageError(`--deck ${JSON.stringify(printable(deckOption, { singleLine: true }))} is not a deck id`, `deck ids are lowercase letters, digits and hyphens; ${LIST_HINT}`);
    }
    return byId(questionsDir, deckOption);
  }
  const reports = await loadAllDecks(questionsDir);
  const decks = reports.filter((report) => report.loaded !== null && report.problems.length === 0).map((report) => report.loaded as LoadedDeck);
  if (decks.length === 0) {
    if (reports.length > 0) return usable(reports[0] as DeckReport);
    throw new DeckError(`there are no decks in ${questionsDir}`, 'write one (see README) or run `factdeck build ARTICLE`');
  }
  if (decks.length === 1) return decks[0] as LoadedDeck;
  if (askWhich === null) {
    throw new UsageError('several decks: choose one with --deck', `the decks are: ${decks.map((d) => d.deck.id).join(', ')}`);
  }
  const picked = await askWhich(decks);
  if (picked === null) throw new LeftError('no deck was chosen');
  return { ...picked, argument: picked.deck.id };
}
