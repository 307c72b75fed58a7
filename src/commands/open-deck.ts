// Which deck a quiz or review uses: --deck as an id under questions/ or a deck folder; with one deck,
// that one; with several and no --deck, a terminal asks and plain mode refuses with the list (exit 2).

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { DeckCache } from '../bank/deck-cache.js';
import { loadAllDecks, loadDeck, type DeckReport, type LoadOptions } from '../bank/load-decks.js';
import type { LoadedDeck } from '../domain/deck.js';
import type { Context } from '../context.js';
import { DeckError, UsageError } from '../errors.js';
import { builtInQuestionsDir, userCacheDir } from '../paths.js';
import { printable } from '../ui/printable.js';

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

function looksLikePath(value: string): boolean {
  return value.includes('/') || value.includes('\\') || value.startsWith('.') || isAbsolute(value);
}

export async function openDeck(context: Context, deckOption: string | undefined, askWhich: ((decks: LoadedDeck[]) => Promise<LoadedDeck>) | null): Promise<LoadedDeck> {
  const questionsDir = builtInQuestionsDir(context.root);
  const loading = deckLoading(context);
  if (deckOption !== undefined) {
    if (looksLikePath(deckOption)) {
      const path = resolve(context.cwd, deckOption);
      if (!existsSync(path)) throw new UsageError(`no deck at ${shownPath(path)}`, 'give a deck folder (holding deck.json) or a deck id; `factdeck decks` lists them');
      return usable(await loadDeck(path, loading));
    }
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(deckOption)) {
      throw new UsageError(`--deck ${JSON.stringify(printable(deckOption, { singleLine: true }))} is not a deck id`, 'deck ids are lowercase letters, digits and hyphens; `factdeck decks` lists them');
    }
    const dir = join(questionsDir, deckOption);
    if (!existsSync(dir)) {
      const ids = (await loadAllDecks(questionsDir, loading)).map((report) => report.loaded?.deck.id).filter(Boolean);
      throw new UsageError(`no deck "${deckOption}"`, `the decks are: ${ids.join(', ') || 'none'}`);
    }
    return usable(await loadDeck(dir, loading));
  }
  const reports = await loadAllDecks(questionsDir, loading);
  const decks = reports.filter((report) => report.loaded !== null && report.problems.length === 0).map((report) => report.loaded as LoadedDeck);
  if (decks.length === 0) {
    if (reports.length > 0) return usable(reports[0] as DeckReport);
    throw new DeckError(`there are no decks in ${questionsDir}`, 'write one (see README) or run `factdeck build ARTICLE`');
  }
  if (decks.length === 1) return decks[0] as LoadedDeck;
  if (askWhich === null) {
    throw new UsageError('several decks: choose one with --deck', `the decks are: ${decks.map((d) => d.deck.id).join(', ')}`);
  }
  return askWhich(decks);
}
