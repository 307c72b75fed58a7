// Reads decks from disk: a deck folder (deck.json + article.txt), a deck file, or every folder under
// questions/. Refuses what cannot be a deck (too large, not UTF-8) with a problem, never a crash.

import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { TextDecoder } from 'node:util';
import type { LoadedDeck } from '../domain/deck.js';
import { parseDeckText, type LocatedProblem } from './parse-deck.js';

export const DECK_FILE = 'deck.json';
export const ARTICLE_FILE = 'article.txt';
/** Far above any real deck or article; stops a stray huge file from exhausting memory. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export interface DeckReport {
  /** The deck.json read (or looked for). */
  file: string;
  dir: string;
  loaded: LoadedDeck | null;
  problems: LocatedProblem[];
}

type TextResult = { ok: true; text: string } | { ok: false; missing: boolean; message: string };

async function readText(file: string): Promise<TextResult> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, missing: false, message: 'is not a file' };
    if (info.size > MAX_FILE_BYTES) {
      return { ok: false, missing: false, message: `is too large (${Math.round(info.size / 1024 / 1024)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB)` };
    }
    const bytes = await readFile(file);
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      return { ok: false, missing: false, message: 'is not UTF-8 text' };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, missing: true, message: 'does not exist' };
    return { ok: false, missing: false, message: `cannot be read (${code ?? (error as Error).message})` };
  }
}

/** Reads and validates the deck in a folder (or the deck.json file given). */
export async function loadDeck(path: string): Promise<DeckReport> {
  const absolute = resolve(path);
  const isFile = absolute.endsWith('.json') || (await stat(absolute).then((s) => s.isFile(), () => false));
  const dir = isFile ? dirname(absolute) : absolute;
  const file = isFile ? absolute : join(absolute, DECK_FILE);
  const deckText = await readText(file);
  if (!deckText.ok) {
    return {
      file,
      dir,
      loaded: null,
      problems: [
        {
          code: 'unreadable',
          path: '',
          message: `${file} ${deckText.message}`,
          hint: deckText.missing ? `a deck folder holds ${DECK_FILE} and ${ARTICLE_FILE}; run \`factdeck decks\` to see the decks` : 'use a UTF-8 JSON file of a reasonable size',
        },
      ],
    };
  }
  const articleText = await readText(join(dir, ARTICLE_FILE));
  const problems: LocatedProblem[] = [];
  if (!articleText.ok && !articleText.missing) {
    problems.push({ code: 'unreadable', path: '', message: `${join(dir, ARTICLE_FILE)} ${articleText.message}`, hint: 'keep the article as UTF-8 plain text' });
  }
  const article = articleText.ok ? articleText.text : null;
  const result = parseDeckText(deckText.text, { folderName: basename(dir), article: articleText.ok || articleText.missing ? article : '' });
  problems.push(...result.problems);
  const loaded = result.deck !== null ? { deck: result.deck, dir, file, article } : null;
  return { file, dir, loaded, problems };
}

/** The deck folders directly under a questions directory, sorted by name. */
export async function listDeckDirs(questionsDir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(questionsDir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => join(questionsDir, entry.name))
    .sort();
}

export async function loadAllDecks(questionsDir: string): Promise<DeckReport[]> {
  const dirs = await listDeckDirs(questionsDir);
  return Promise.all(dirs.map((dir) => loadDeck(dir)));
}
