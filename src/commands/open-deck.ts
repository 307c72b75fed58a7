// Which deck a quiz or review uses: --deck as an id under questions/ or a deck folder; with one deck,
// that one; with several and no --deck, a terminal asks and plain mode refuses with the list (exit 2).

import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { loadAllDecks, loadDeck, type DeckReport } from '../bank/load-decks.js';
import type { LoadedDeck } from '../domain/deck.js';
import type { Context } from '../context.js';
import { DeckError, UsageError } from '../errors.js';
import { builtInQuestionsDir } from '../paths.js';
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

function looksLikePath(value: string): boolean {
  return value.includes('/') || value.includes('\\') || value.startsWith('.') || isAbsolute(value);
}

export async function openDeck(context: Context, deckOption: string | undefined, askWhich: ((decks: LoadedDeck[]) => Promise<LoadedDeck>) | null): Promise<LoadedDeck> {
  const questionsDir = builtInQuestionsDir(context.root);
  if (deckOption !== undefined) {
    if (looksLikePath(deckOption)) {
      const path = resolve(context.cwd, deckOption);
      if (!existsSync(path)) throw new UsageError(`no deck at ${shownPath(path)}`, 'give a deck folder (holding deck.json) or a deck id; `factdeck decks` lists them');
      return usable(await loadDeck(path));
    }
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(deckOption)) {
      throw new UsageError(`--deck ${JSON.stringify(printable(deckOption, { singleLine: true }))} is not a deck id`, 'deck ids are lowercase letters, digits and hyphens; `factdeck decks` lists them');
    }
    const dir = join(questionsDir, deckOption);
    if (!existsSync(dir)) {
      const ids = (await loadAllDecks(questionsDir)).map((report) => report.loaded?.deck.id).filter(Boolean);
      throw new UsageError(`no deck "${deckOption}"`, `the decks are: ${ids.join(', ') || 'none'}`);
    }
    return usable(await loadDeck(dir));
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
  return askWhich(decks);
}
