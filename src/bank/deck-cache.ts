// Decks already checked, so that a deck is checked in full (every rule of validate-deck.ts) when it
// changes, not at every start. An entry, kept in the user's cache folder (decks/ in
// $XDG_CACHE_HOME/factdeck), says: these exact bytes (deck.json, its article, the name of its folder)
// passed every check with this program. It also keeps the deck's outline (ids, topics, kinds) and where
// each fact and question stands in deck.json, so that a quiz parses only what it shows (outlined-deck.ts),
// and where each fact's quote sentence stands in the article, for feedback.
//
// An entry is never trusted unless it proves itself: its file name is the SHA-256 of all it vouches for
// (the program's own file included, so another build or version never uses it), and its first line
// repeats that name and gives the SHA-256 of the rest. A damaged, cut or stale entry is ignored and the
// deck is checked again. Writing one is best effort (a temp file, then a rename; no fsync, a torn one
// fails its checksum); any failure only means no entry. Only decks without a problem are remembered.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { endianness } from 'node:os';
import { programStamp } from '../program-stamp.js';

const MAGIC = 'factdeck-deck-check 3';
/** Entries kept: one per version of a deck recently used; the oldest go when a new one is written. */
export const DECK_CHECKS_KEPT = 32;
const ENTRY = /^[0-9a-f]{64}\.check$/;

/** What an entry vouches for: the bytes read, as read. An article is null when the folder has none. */
export interface DeckBytes {
  folderName: string;
  /** deck.json's bytes, in chunks, and how many there are in all. */
  deck: Iterable<Uint8Array>;
  deckLength: number;
  article: Uint8Array | null;
}

/** What an entry holds: data, and numbers kept as 32-bit integers (fast to read back). */
export interface EntryBody {
  data: unknown;
  numbers: Int32Array;
}

function sha256(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

export class DeckCache {
  constructor(readonly dir: string) {}

  /** The name of the entry for these bytes with this program. */
  keyOf(bytes: DeckBytes): string {
    const article = bytes.article === null ? 'none' : `${bytes.article.length}`;
    const hash = createHash('sha256').update(`${MAGIC}\0${endianness()}\0${programStamp()}\0${bytes.folderName}\0${bytes.deckLength}\0${article}\0`);
    for (const chunk of bytes.deck) hash.update(chunk);
    return hash.update('\0').update(bytes.article ?? '').digest('hex');
  }

  /**
   * What the entry for these bytes says, if there is one that proves itself (its reader,
   * outlined-deck.ts, then checks it against the deck); null when there is none, or it is damaged or
   * stale. An entry holds data (JSON) and numbers (32-bit integers in this machine's byte order).
   */
  lookup(key: string): EntryBody | null {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(this.dir, `${key}.check`));
    } catch {
      return null;
    }
    const newline = bytes.indexOf(10);
    if (newline < 0) return null;
    const body = bytes.subarray(newline + 1);
    if (bytes.subarray(0, newline).toString('latin1') !== `${MAGIC} ${key} ${sha256(body)}`) return null;
    // The data, a line of JSON padded with spaces so that the numbers after it start at a multiple of 4.
    const end = body.indexOf(10);
    if (end < 0 || (body.length - end - 1) % 4 !== 0) return null;
    let data: unknown;
    try {
      data = JSON.parse(body.toString('utf8', 0, end));
    } catch {
      return null;
    }
    const raw = body.subarray(end + 1);
    // Copied only when they do not start where 32-bit numbers can be read in place.
    const aligned = raw.byteOffset % 4 === 0 ? raw : Buffer.from(raw);
    return { data, numbers: new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4) };
  }

  /** Remembers that the deck of these bytes passed every check, with what `body` says of it. */
  write(key: string, body: EntryBody): void {
    const json = JSON.stringify(body.data);
    const head = Buffer.from(json, 'utf8');
    const padding = (4 - ((head.length + 1) % 4)) % 4;
    const numbers = Buffer.from(body.numbers.buffer, body.numbers.byteOffset, body.numbers.byteLength);
    const bytes = Buffer.concat([head, Buffer.from(`${' '.repeat(padding)}\n`, 'latin1'), numbers]);
    const file = join(this.dir, `${key}.check`);
    const temp = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      writeFileSync(temp, Buffer.concat([Buffer.from(`${MAGIC} ${key} ${sha256(bytes)}\n`, 'latin1'), bytes]), { mode: 0o600 });
      renameSync(temp, file);
      this.#prune(file);
    } catch {
      try {
        unlinkSync(temp);
      } catch {
        // Never made.
      }
    }
  }

  /** Keeps the newest entries (by modification time); a temp file left by a killed run goes once old. */
  #prune(current: string): void {
    const dated = readdirSync(this.dir)
      .filter((name) => ENTRY.test(name) || name.endsWith('.tmp'))
      .map((name) => join(this.dir, name))
      .filter((file) => file !== current)
      .map((file) => ({ file, mtime: statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
      .sort((a, b) => b.mtime - a.mtime);
    const newest = statSync(current).mtimeMs;
    const old = [
      ...dated.filter(({ file }) => !file.endsWith('.tmp')).slice(DECK_CHECKS_KEPT - 1),
      // Another run's write in progress is younger than this.
      ...dated.filter(({ file, mtime }) => file.endsWith('.tmp') && newest - mtime > 60_000),
    ];
    for (const { file } of old) {
      try {
        unlinkSync(file);
      } catch {
        // Gone already (another run pruned it).
      }
    }
  }
}

