// The review log an Anki export carries (`export --format apkg --with-progress`), read from the history
// log in a worker thread while the command reads the deck and the progress. Years of ratings are a log of
// a hundred megabytes, and parsing its ratings was a third of such an export; on a second core it costs
// the export only what the rest does not cover.
//
// A worker's objects come back through a structured clone, which for 100,000 ratings costs more than
// parsing them here. So the worker turns each rating into the numbers of its revlog line (revlogEntry,
// the same function as without a worker) and sends them as one Float64Array, moved rather than copied,
// with the deck and fact ids as two short lists of strings.
//
// The worker is started by worker-thread.ts. Where there is none (the program run from its sources, as the
// unit tests do) or FACTDECK_THREADS=0, the log is read here, in turns with the rest, with the same result.

import { revlogEntry, type RevlogEntry } from '../bank/interop/anki-package.js';
import { readRatingTimes, type RatingTimes } from '../storage/review-history.js';
import { startWorker } from './worker-thread.js';

/** Numbers per rating in a packed revlog: deck index, fact index, then the RevlogEntry's fields. */
const STRIDE = 8;

/** Ratings as the numbers of their revlog lines, and the ids they name by index. */
export interface PackedRevlog {
  deckIds: string[];
  factIds: string[];
  numbers: Float64Array;
}

/** What the worker sends back. */
export interface RevlogMessage {
  packed: PackedRevlog;
}

export interface RevlogRequest {
  dataDir: string;
  profile: string;
}

export function packRevlog(reviews: readonly RatingTimes[]): PackedRevlog {
  const packer = revlogPacker();
  return packer.pack(reviews.map(packer.line));
}

/** A rating as its revlog line: its deck's and fact's indexes, then the RevlogEntry's fields. */
type PackedLine = readonly [number, number, ...number[]];

/** Ratings packed in two steps: each to its line as it is read (`line`), then the lines kept into one array. */
function revlogPacker(): { line: (review: RatingTimes) => PackedLine; pack: (lines: readonly PackedLine[]) => PackedRevlog } {
  const deckIds: string[] = [];
  const factIds: string[] = [];
  const deckIndex = new Map<string, number>();
  const factIndex = new Map<string, number>();
  return {
    line(review) {
      let deck = deckIndex.get(review.deckId);
      if (deck === undefined) deckIndex.set(review.deckId, (deck = deckIds.push(review.deckId) - 1));
      let fact = factIndex.get(review.factId);
      if (fact === undefined) factIndex.set(review.factId, (fact = factIds.push(review.factId) - 1));
      const entry = revlogEntry(review);
      return [deck, fact, entry.at, entry.ease, entry.ivl, entry.lastIvl, entry.factor, entry.type];
    },
    pack(lines) {
      const numbers = new Float64Array(lines.length * STRIDE);
      lines.forEach((line, i) => numbers.set(line, i * STRIDE));
      return { deckIds, factIds, numbers };
    },
  };
}

/** One deck's ratings per fact, each fact's oldest first (as revlogByFact gives them). */
export function unpackRevlog(packed: PackedRevlog, deckId: string): Map<string, RevlogEntry[]> {
  const byFact = new Map<string, RevlogEntry[]>();
  const deck = packed.deckIds.indexOf(deckId);
  if (deck === -1) return byFact;
  const n = packed.numbers;
  for (let i = 0; i < n.length; i += STRIDE) {
    if (n[i] !== deck) continue;
    const factId = packed.factIds[n[i + 1] as number] as string;
    const entry: RevlogEntry = { at: n[i + 2] as number, ease: n[i + 3] as number, ivl: n[i + 4] as number, lastIvl: n[i + 5] as number, factor: n[i + 6] as number, type: n[i + 7] as number };
    const list = byFact.get(factId);
    if (list === undefined) byFact.set(factId, [entry]);
    else list.push(entry);
  }
  for (const list of byFact.values()) list.sort((a, b) => a.at - b.at);
  return byFact;
}

/** What the worker does, and what runs here without one: the profile's ratings, packed. */
export async function readPackedRevlog(request: RevlogRequest): Promise<PackedRevlog> {
  const packer = revlogPacker();
  return packer.pack(await readRatingTimes(request.dataDir, { profile: request.profile }, packer.line));
}

/** A read of the review log under way: `entries` waits for it; `cancel` stops it when the export fails first. */
export interface RevlogRead {
  entries(deckId: string): Promise<Map<string, RevlogEntry[]>>;
  cancel(): void;
}

/** Starts reading the profile's review log (in a worker when there is one): see the top of this file. */
export function startRevlogRead(request: RevlogRequest, env: Record<string, string | undefined>): RevlogRead {
  const worker = startWorker<RevlogMessage>('revlog', request, env);
  const reading = worker === null ? readPackedRevlog(request) : worker.result.then((message) => message.packed);
  reading.catch(() => undefined); // Reported by entries(), or not at all when the export fails first.
  return { entries: async (deckId) => unpackRevlog(await reading, deckId), cancel: () => worker?.stop() };
}
