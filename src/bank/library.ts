// The decks a learner has: the built-in ones shipped in the package's questions/ folder (read-only: an
// installed package is never written to) and the learner's own, in the data folder's decks/ (beside the
// progress files, so a reinstall keeps them). A deck of the learner's with a built-in deck's id is their
// edited copy of it (`factdeck edit` makes one) and is used in its place; build and import never make such
// a deck (checkNewDeckId refuses it), so no other id is ever in both.

import { mkdir, rename, rm, readdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { StorageError, describeFsError, errorCode } from '../storage/errors.js';
import { loadAllDecks, type DeckReport, type LoadOptions } from './load-decks.js';
import { REPLACED_DIR, REPLACED_KEPT } from './keep-replaced.js';

export const LIBRARY_FOLDER = 'decks';

export type DeckPlace = 'built-in' | 'yours';

export interface LibraryDeck {
  id: string;
  place: DeckPlace;
  report: DeckReport;
  /** A built-in deck the learner has an edited copy of: the copy is used instead. */
  shadowed: boolean;
}

export interface Library {
  builtInDir: string;
  libraryDir: string;
  /** Yours first, then the built-in decks, each sorted by folder name. */
  decks: LibraryDeck[];
}

/** The learner's decks folder inside a data folder. */
export function libraryDirOf(dataDir: string): string {
  return join(dataDir, LIBRARY_FOLDER);
}

export function reportId(report: DeckReport): string {
  return report.loaded?.outline.id ?? basename(report.dir);
}

/** Every deck of both folders; `options` as for loadDeck (commands pass the cache of decks already checked). */
export async function loadLibrary(builtInDir: string, libraryDir: string, options: LoadOptions = {}): Promise<Library> {
  const [yours, builtIn] = await Promise.all([loadYourDecks(libraryDir, options), loadAllDecks(builtInDir, options)]);
  const yourIds = new Set(yours.map(reportId));
  return {
    builtInDir,
    libraryDir,
    decks: [
      ...yours.map((report): LibraryDeck => ({ id: reportId(report), place: 'yours', report, shadowed: false })),
      ...builtIn.map((report): LibraryDeck => ({ id: reportId(report), place: 'built-in', report, shadowed: yourIds.has(reportId(report)) })),
    ],
  };
}

/** The learner's decks; a decks folder that cannot be read (a data folder that is a file, say) is said as storage says it. */
async function loadYourDecks(libraryDir: string, options: LoadOptions): Promise<DeckReport[]> {
  try {
    return await loadAllDecks(libraryDir, options);
  } catch (error) {
    const code = errorCode(error);
    if (code === undefined) throw error;
    const problem = describeFsError(error, dirname(libraryDir));
    throw new StorageError(`could not read your decks in ${libraryDir}: ${problem.what}. ${problem.hint.charAt(0).toUpperCase()}${problem.hint.slice(1)}`, {
      file: libraryDir,
      hint: problem.hint,
      code,
      cause: error,
    });
  }
}

/** The decks a quiz can use: shadowed built-in decks left out. */
export function usableDecks(library: Library): LibraryDeck[] {
  return library.decks.filter((entry) => !entry.shadowed);
}

/** The deck with this id: the learner's own (or edited copy) first. */
export function findInLibrary(library: Library, id: string): LibraryDeck | undefined {
  return usableDecks(library).find((entry) => entry.id === id);
}

/**
 * A deck about to be made in `target` with `id`: refused when that would put one id in both the built-in
 * decks and the learner's (a deck written into either folder with an id the other has).
 */
export function checkNewDeckId(library: Library, target: string, id: string): void {
  const parent = resolve(dirname(target));
  const inLibrary = parent === resolve(library.libraryDir);
  const inBuiltIn = parent === resolve(library.builtInDir);
  if (!inLibrary && !inBuiltIn) return;
  const other: DeckPlace = inLibrary ? 'built-in' : 'yours';
  const clash = library.decks.find((entry) => entry.place === other && entry.id === id);
  if (clash === undefined) return;
  throw new UsageError(
    `a ${other === 'built-in' ? 'built-in deck' : 'deck of yours'} already has the id "${id}" (${clash.report.dir}): one id cannot name two decks`,
    'give this one another title with --title "..." (its id is made from the title), or another folder with --out DIR',
  );
}

/**
 * Removes one of the learner's decks: the whole folder moves into the decks folder's `.replaced/<id>/<time>/`
 * (the newest REPLACED_KEPT of each id are kept, as --force keeps replaced decks). Returns where it went.
 */
export async function removeLibraryDeck(libraryDir: string, deckDir: string, id: string, now: Date): Promise<string> {
  const ring = join(libraryDir, REPLACED_DIR, id);
  await mkdir(ring, { recursive: true });
  const kept = join(ring, now.toISOString().replaceAll(':', '-'));
  await rename(deckDir, kept);
  const all = (await readdir(ring)).sort();
  for (const old of all.slice(0, Math.max(0, all.length - REPLACED_KEPT))) await rm(join(ring, old), { recursive: true, force: true });
  return kept;
}
