// Reads decks from disk: a deck folder (deck.json + article.txt), a deck file, or every folder under
// questions/. Refuses what cannot be a deck (too large, not UTF-8) with a problem, never a crash.
// With a cache of decks already checked (deck-cache.ts), a deck whose bytes passed every check before is
// only parsed, not checked again; `factdeck check` gives none and always checks in full.

import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { TextDecoder } from 'node:util';
import { wholeDeck, type LoadedDeck } from '../domain/deck.js';
import type { DeckCache } from './deck-cache.js';
import { DeckFile } from './deck-file.js';
import { invalidUtf8Lines } from './interop/decode-text.js';
import { describeDeck, outlinedDeck, utf8Text } from './outlined-deck.js';
import { MAX_DECK_FILE_BYTES, megabytes } from './limits.js';
import { isDeckId } from './interop/slug.js';
import type { TextLocation } from './json-location.js';
import { parseDeckText, type LocatedProblem } from './parse-deck.js';

export const DECK_FILE = 'deck.json';
export const ARTICLE_FILE = 'article.txt';
/** Far above any real deck or article; stops a stray huge file from exhausting memory (limits.ts). */
export const MAX_FILE_BYTES = MAX_DECK_FILE_BYTES;

export interface DeckReport {
  /** The deck.json read (or looked for). */
  file: string;
  dir: string;
  loaded: LoadedDeck | null;
  problems: LocatedProblem[];
}

type Failure = { ok: false; missing: boolean; message: string; hint?: string };
type TextResult = { ok: true; text: string } | Failure;
type BytesResult = { ok: true; bytes: Buffer } | Failure;


/**
 * Where the first byte that is not UTF-8 stands (line, and column in characters), found without decoding
 * the file more than a few times: the longest prefix of the line that decodes is found by halving.
 */
function firstInvalidUtf8(bytes: Uint8Array): TextLocation | null {
  const line = invalidUtf8Lines(bytes)[0];
  if (line === undefined) return null;
  let lineStart = 0;
  for (let seen = 1; seen < line; seen++) lineStart = bytes.indexOf(0x0a, lineStart) + 1;
  const newline = bytes.indexOf(0x0a, lineStart);
  const rest = bytes.subarray(lineStart, newline === -1 ? bytes.length : newline + 1);
  // A prefix "decodes" when it holds no invalid byte; a sequence cut at its end is only incomplete.
  const decodes = (length: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(rest.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let good = 0;
  let bad = rest.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (decodes(middle)) good = middle;
    else bad = middle;
  }
  const before = new TextDecoder('utf-8').decode(rest.subarray(0, good), { stream: true });
  return { line, column: before.length + 1 };
}

function notUtf8(bytes: Uint8Array): TextResult {
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  // The place goes in the message, not in a location: check prints locations against deck.json, and this
  // may be the article.
  const at = firstInvalidUtf8(bytes);
  const where = at === null ? '' : ` (the first bad byte is at line ${at.line}, column ${at.column})`;
  return {
    ok: false,
    missing: false,
    message: utf16 ? 'is UTF-16 text, not UTF-8' : `is not UTF-8 text${where}`,
    hint: 'save it as UTF-8 (most editors offer the encoding in "Save As")',
  };
}

/** deck.json opened (and refused unread when it is too large). */
function openDeckFile(file: string): { ok: true; file: DeckFile } | Failure {
  let opened: DeckFile;
  try {
    opened = DeckFile.open(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, missing: true, message: 'does not exist' };
    if (code === 'ENOTFILE' || code === 'EISDIR') return { ok: false, missing: false, message: 'is not a file' };
    return { ok: false, missing: false, message: `cannot be read (${code ?? (error as Error).message})` };
  }
  if (opened.size > MAX_FILE_BYTES) {
    opened.close();
    return { ok: false, missing: false, message: `is too large (${megabytes(opened.size)}; the limit is ${megabytes(MAX_FILE_BYTES)})`, hint: 'a deck or an article is far smaller: is this the right file?' };
  }
  return { ok: true, file: opened };
}

async function readBytes(file: string): Promise<BytesResult> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, missing: false, message: 'is not a file' };
    // Checked before reading: a stray huge file is refused without ever being loaded into memory.
    if (info.size > MAX_FILE_BYTES) {
      return { ok: false, missing: false, message: `is too large (${megabytes(info.size)}; the limit is ${megabytes(MAX_FILE_BYTES)})`, hint: 'a deck or an article is far smaller: is this the right file?' };
    }
    // At once rather than in the promise API's chunks: a deck is read on the way to the first question.
    return { ok: true, bytes: readFileSync(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, missing: true, message: 'does not exist' };
    return { ok: false, missing: false, message: `cannot be read (${code ?? (error as Error).message})` };
  }
}

function decode(bytes: Buffer): TextResult {
  return isUtf8(bytes) ? { ok: true, text: utf8Text(bytes) } : notUtf8(bytes);
}

function unreadable(file: string, result: Extract<TextResult, { ok: false }>, fallbackHint: string): LocatedProblem {
  return { code: 'unreadable', path: '', message: `${file} ${result.message}`, hint: result.hint ?? fallbackHint };
}

export interface LoadOptions {
  /** Decks already checked: one whose bytes passed every check is not checked again. */
  cache?: DeckCache | null;
  /** Checked in full whatever the cache says (`factdeck check`); a deck that passes is still remembered. */
  checkInFull?: boolean;
}

/** Reads and validates the deck in a folder (or the deck.json file given). */
export async function loadDeck(path: string, options: LoadOptions = {}): Promise<DeckReport> {
  const absolute = resolve(path);
  const isFile = absolute.endsWith('.json') || (await stat(absolute).then((s) => s.isFile(), () => false));
  const dir = isFile ? dirname(absolute) : absolute;
  const file = isFile ? absolute : join(absolute, DECK_FILE);
  const deckFile = openDeckFile(file);
  if (!deckFile.ok) {
    return {
      file,
      dir,
      loaded: null,
      problems: [
        unreadable(file, deckFile, deckFile.missing ? `a deck folder holds ${DECK_FILE} and ${ARTICLE_FILE}; run \`factdeck decks\` to see the decks` : 'use a UTF-8 JSON file of a reasonable size'),
      ],
    };
  }
  const articleBytes = await readBytes(join(dir, ARTICLE_FILE));
  const folderName = basename(dir);
  const cache = options.cache ?? null;
  const articleKnown = articleBytes.ok || articleBytes.missing;
  const keyOf = (deck: Iterable<Uint8Array>): string | null =>
    cache !== null && articleKnown ? cache.keyOf({ folderName, deck, deckLength: deckFile.file.size, article: articleBytes.ok ? articleBytes.bytes : null }) : null;
  if (cache !== null && articleKnown && options.checkInFull !== true) {
    // Recognised by its hash, read in chunks: a deck that passed every check before is only read where
    // a command asks (see outlined-deck.ts).
    const body = cache.lookup(keyOf(deckFile.file.chunks()) as string);
    const remembered = body === null ? null : outlinedDeck(body, deckFile.file, articleBytes.ok ? utf8Text(articleBytes.bytes) : null, { dir, file });
    if (remembered !== null) return { file, dir, loaded: remembered, problems: [] };
  }
  const deckBytes = { bytes: deckFile.file.all() };
  const key = keyOf([deckBytes.bytes]);

  const deckText = decode(deckBytes.bytes);
  if (!deckText.ok) return { file, dir, loaded: null, problems: [unreadable(file, deckText, 'use a UTF-8 JSON file of a reasonable size')] };
  const articleText: TextResult = articleBytes.ok ? decode(articleBytes.bytes) : articleBytes;
  const problems: LocatedProblem[] = [];
  if (!articleText.ok && !articleText.missing) {
    problems.push(unreadable(join(dir, ARTICLE_FILE), articleText, 'keep the article as UTF-8 plain text'));
  }
  const article = articleText.ok ? articleText.text : null;
  // A folder whose name cannot be a deck id (`--out My_Deck`) does not name the deck: its id stands alone.
  // (The cache's key holds the folder's name either way, so the same rule decides on a cached deck.)
  const idFolder = isDeckId(folderName) ? folderName : undefined;
  const result = parseDeckText(deckText.text, { folderName: idFolder, article: articleText.ok || articleText.missing ? article : false });
  problems.push(...result.problems);
  const loaded: LoadedDeck | null = result.deck !== null ? wholeDeck(result.deck, { dir, file, article, ...(result.sources ? { sources: result.sources } : {}) }) : null;
  if (cache !== null && key !== null && result.deck !== null && problems.length === 0) cache.write(key, describeDeck(result.deck, deckBytes.bytes, result.sources));
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

export async function loadAllDecks(questionsDir: string, options: LoadOptions = {}): Promise<DeckReport[]> {
  const dirs = await listDeckDirs(questionsDir);
  return Promise.all(dirs.map((dir) => loadDeck(dir, options)));
}
