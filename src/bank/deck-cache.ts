// Decks already checked, so that a deck is checked in full (every rule of validate-deck.ts) when it
// changes, not at every start. An entry, kept in the user's cache folder (decks/ in
// $XDG_CACHE_HOME/factdeck), says: these exact bytes (deck.json, its article, the name of its folder)
// passed every check with this program. It also keeps where each fact's quote sentence stands in the
// article, for feedback.
//
// An entry is never trusted unless it proves itself: its file name is the SHA-256 of all it vouches for
// (the program's own file included, so another build or version never uses it), and its first line
// repeats that name and gives the SHA-256 of the rest. A damaged, cut or stale entry is ignored and the
// deck is checked again. Writing one is best effort (a temp file, then a rename; no fsync, a torn one
// fails its checksum); any failure only means no entry. Only decks without a problem are remembered.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Fact, SentenceSpan } from '../domain/deck.js';

const MAGIC = 'factdeck-deck-check 1';
/** Entries kept: one per version of a deck recently used; the oldest go when a new one is written. */
export const DECK_CHECKS_KEPT = 32;
const ENTRY = /^[0-9a-f]{64}\.check$/;

/** What an entry vouches for: the bytes read, as read. An article is null when the folder has none. */
export interface DeckBytes {
  folderName: string;
  deck: Uint8Array;
  article: Uint8Array | null;
}

let programStamp: string | undefined;

/**
 * This program, as far as its checks go: the file its code was loaded from (the bundle, or this module),
 * by size, modification time and inode. Any build or install makes a new one.
 */
function program(): string {
  if (programStamp === undefined) {
    try {
      const info = statSync(fileURLToPath(import.meta.url));
      programStamp = `${info.size}:${info.mtimeMs}:${info.ino}`;
    } catch {
      programStamp = 'unknown';
    }
  }
  return programStamp;
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
    return sha256(`${MAGIC}\0${program()}\0${bytes.folderName}\0${bytes.deck.length}\0${article}\0`, bytes.deck, '\0', bytes.article ?? '');
  }

  /**
   * The entry for these bytes, if there is one that proves itself: the deck passed every check, and these
   * are its quote sentences (see sourcesFrom). Null when there is none, or it is damaged or stale.
   */
  lookup(key: string): RememberedCheck | null {
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
    try {
      const spans = (JSON.parse(body.toString('latin1')) as { spans?: unknown }).spans;
      return Array.isArray(spans) ? new RememberedCheck(spans) : null;
    } catch {
      return null;
    }
  }

  /** Remembers that the deck of these bytes passed every check, with its quote sentences. */
  write(key: string, facts: readonly Fact[], sources: ReadonlyMap<string, SentenceSpan> | undefined): void {
    const spans: number[] = [];
    for (const fact of facts) {
      const span = sources?.get(fact.id);
      spans.push(span?.start ?? -1, span?.end ?? -1);
    }
    const body = Buffer.from(JSON.stringify({ spans }), 'latin1');
    const file = join(this.dir, `${key}.check`);
    const temp = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      writeFileSync(temp, Buffer.concat([Buffer.from(`${MAGIC} ${key} ${sha256(body)}\n`, 'latin1'), body]), { mode: 0o600 });
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

/** An entry that proved itself: what it says about the deck. */
export class RememberedCheck {
  constructor(readonly spans: readonly unknown[]) {}

  /**
   * Each fact's quote sentence (two numbers per fact, in the deck's order; -1, -1 for none), by fact id;
   * null when they do not fit this deck and article, and the entry is then not trusted at all.
   */
  sourcesFor(facts: readonly Fact[], articleLength: number | null): Map<string, SentenceSpan> | null {
    const spans = this.spans;
    if (spans.length !== facts.length * 2) return null;
    const sources = new Map<string, SentenceSpan>();
    for (let i = 0; i < facts.length; i++) {
      const start = spans[2 * i];
      const end = spans[2 * i + 1];
      if (start === -1 && end === -1) continue;
      if (typeof start !== 'number' || typeof end !== 'number' || !Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return null;
      if (articleLength === null || start < 0 || start > end || end > articleLength) return null;
      sources.set((facts[i] as Fact).id, { start, end });
    }
    return sources;
  }
}
