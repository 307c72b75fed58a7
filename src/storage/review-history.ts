// A profile's review history, read from the history log: every rating of a card that still counts (an
// undone rating does not, nor anything before the profile was reset), in the order it was saved. What
// `optimize` fits FSRS to and what an Anki export with --with-progress writes as its review log. Lines
// that cannot hold such an event (another profile's, a session's) are skipped before they are parsed; a
// torn last line (a crash while writing) is left out, as the store does. The events were checked when
// they were saved; here only what is used is (a damaged line is refused with its number).
//
// The log can be a hundred megabytes: it is read through one buffer, and searched as bytes (Node's
// native search) for what decides whether a line is wanted, so that only the wanted lines are decoded
// and parsed. A line that is an answer and its rating, as the program saves them, has its rating parsed
// alone; for an Anki export (readRatingTimes), not even parsed: a regular expression of the rating as the
// program writes it takes the few fields a line of Anki's review log needs (a third of the time).

import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { RATINGS, type CardTimes } from '../scheduling/fsrs.js';
import { StorageError, describeFsError, errorCode } from './errors.js';
import type { HistoryEvent } from './history.js';
import { HISTORY_FILE } from './history-log.js';
import type { ReviewRecord } from './schema.js';

export interface ReviewHistoryFilter {
  profile: string;
  /** Only these decks (all of the profile's decks when absent). */
  deckIds?: ReadonlySet<string>;
}

/** The log is read through one buffer of this size (grown for a longer line): never the whole file in memory at once. */
const CHUNK_BYTES = 4 * 1024 * 1024;
const NEWLINE = 0x0a;
const QUOTE = 0x22;

/**
 * The next place a text occurs in the bytes read, from a line start on: searched once for a run of
 * lines, not once per line (a search that finds nothing says so up to the end of what was read).
 */
class NextMark {
  /**
   * The text without a leading `"`: the search skips ahead on its first byte, and a quote, the commonest
   * byte of JSON, would stop it at every field (a text that is nowhere costs a whole scan of the bytes
   * read, several times slower). A match is then one whose byte before is the quote.
   */
  readonly #needle: Buffer;
  readonly #quoted: boolean;
  #at = -1;

  constructor(text: string) {
    this.#quoted = text.startsWith('"') && text.length > 1;
    this.#needle = Buffer.from(this.#quoted ? text.slice(1) : text, 'utf8');
  }

  /** Forgets what was found: the bytes under it changed. */
  reset(): void {
    this.#at = -1;
  }

  /** Where the text next starts at or after `from` (`view.length` when nowhere). */
  from(view: Buffer, from: number): number {
    if (this.#at < from) {
      const skip = this.#quoted ? 1 : 0;
      let found = view.indexOf(this.#needle, from + skip);
      while (found !== -1 && skip === 1 && view[found - 1] !== QUOTE) found = view.indexOf(this.#needle, found + 1);
      this.#at = found === -1 ? view.length : found - skip;
    }
    return this.#at;
  }
}

/** How the program saves a review event. A raw `"` in JSON always delimits a string: found, this is where an event starts. */
const REVIEW_EVENT = '{"type":"review","review":';

export async function readReviewHistory(dataDir: string, filter: ReviewHistoryFilter, historyFile = join(dataDir, HISTORY_FILE)): Promise<ReviewRecord[]> {
  return readReviewHistoryAs(dataDir, filter, (record) => record, historyFile);
}

/**
 * As readReviewHistory, each rating kept as `keep` makes it when it is read: what a caller needs of
 * a hundred thousand ratings (an export: a few numbers each) is then all that stays in memory while the
 * log is read, not every record with its memory states, which the garbage collector would carry.
 */
export async function readReviewHistoryAs<T>(dataDir: string, filter: ReviewHistoryFilter, keep: (record: ReviewRecord) => T, historyFile = join(dataDir, HISTORY_FILE)): Promise<T[]> {
  return readHistory(dataDir, filter, keep, historyFile, JSON.parse);
}

/**
 * As readReviewHistoryAs, each rating read only for what a line of Anki's review log needs (RatingTimes):
 * a rating saved as the program saves it is read by quickRating, not parsed whole; any other is parsed.
 */
export async function readRatingTimes<T>(dataDir: string, filter: ReviewHistoryFilter, keep: (record: RatingTimes) => T, historyFile = join(dataDir, HISTORY_FILE)): Promise<T[]> {
  return readHistory(dataDir, filter, keep, historyFile, (text) => quickRating(text) ?? JSON.parse(text));
}

async function readHistory<T, R>(dataDir: string, filter: ReviewHistoryFilter, keep: (record: R) => T, historyFile: string, parseRating: (text: string) => unknown): Promise<T[]> {
  const reviews = new Map<string, T>();
  const cannotRead = (error: unknown): StorageError => {
    const problem = describeFsError(error, dataDir);
    return new StorageError(`could not read ${historyFile}: ${problem.what}. ${problem.hint}`, { file: historyFile, hint: problem.hint, code: errorCode(error), cause: error });
  };
  let handle: FileHandle;
  try {
    handle = await open(historyFile, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw cannotRead(error);
  }
  const profile = new NextMark(`"profile":${JSON.stringify(filter.profile)}`);
  const review = new NextMark('"review"');
  const undo = new NextMark('"undo"');
  const reset = new NextMark('"reset"');
  const reviewEvent = new NextMark(REVIEW_EVENT);
  const marks = [profile, review, undo, reset, reviewEvent];
  let line = 0;

  const take = (events: unknown): void => {
    for (const event of (Array.isArray(events) ? events : [events]) as HistoryEvent[]) {
      if (typeof event !== 'object' || event === null) throw damaged(historyFile, line, 'a line of the history log is not an event');
      if (event.type === 'review') {
        const record = event.review;
        if (record?.profile !== filter.profile) continue;
        if (typeof record.id !== 'string' || typeof record.at !== 'string' || typeof record.factId !== 'string' || !RATINGS.includes(record.rating)) {
          throw damaged(historyFile, line, 'a review in the history log is malformed');
        }
        if (filter.deckIds === undefined || filter.deckIds.has(record.deckId)) reviews.set(record.id, keep(record as R));
      } else if (event.type === 'undo' && event.profile === filter.profile) reviews.delete(event.reviewId);
      else if (event.type === 'reset' && event.profile === filter.profile) reviews.clear();
    }
  };

  const parse = (view: Buffer, start: number, end: number): unknown => {
    try {
      return JSON.parse(view.toString('utf8', start, end));
    } catch {
      throw damaged(historyFile, line, 'a line of the history log is not valid JSON');
    }
  };

  /** A line [start, end) that names the profile. */
  const readLine = (view: Buffer, start: number, end: number): void => {
    const undoOrReset = undo.from(view, start) < end || reset.from(view, start) < end;
    if (!undoOrReset && review.from(view, start) >= end) return;
    // An answer and its rating: `[{"type":"attempt",...},{"type":"review","review":{...}}]`, the rating
    // last and alone. Parsed alone, it must close the line exactly; anything else is parsed whole.
    const at = reviewEvent.from(view, start);
    if (!undoOrReset && at > start && at < end && reviewEvent.from(view, at + 1) >= end && view[start] === 0x5b && view[end - 2] === 0x7d && view[end - 1] === 0x5d) {
      let event: unknown;
      try {
        event = parseRating(view.toString('utf8', at, end - 1));
      } catch {
        event = undefined;
      }
      if (event !== undefined) return take(event);
    }
    take(parse(view, start, end));
  };

  try {
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let filled = 0;
    for (;;) {
      // A line longer than the buffer: a larger one, holding what was read of it.
      if (filled === buffer.length) buffer = Buffer.concat([buffer], buffer.length * 2);
      let read: number;
      try {
        ({ bytesRead: read } = await handle.read(buffer, filled, buffer.length - filled, null));
      } catch (error) {
        throw cannotRead(error);
      }
      // A last line without its newline was cut short by a crash, never acknowledged: left out.
      if (read === 0) break;
      filled += read;
      const view = buffer.subarray(0, filled);
      for (const mark of marks) mark.reset();
      let start = 0;
      for (let end = view.indexOf(NEWLINE, start); end !== -1; end = view.indexOf(NEWLINE, start)) {
        line++;
        if (profile.from(view, start) < end) readLine(view, start, end);
        start = end + 1;
      }
      buffer.copyWithin(0, start, filled);
      filled -= start;
    }
  } finally {
    await handle.close();
  }
  return [...reviews.values()];
}

function damaged(file: string, line: number, problem: string): StorageError {
  const hint = '`factdeck doctor` checks the whole log and says what to do.';
  return new StorageError(`cannot read ${file}: ${problem} (line ${line}); nothing was changed. ${hint}`, { file, hint, code: 'ECORRUPT' });
}

/** A rating, for what a line of Anki's review log needs of it (see revlogEntry). */
export interface RatingTimes {
  id: string;
  profile: string;
  deckId: string;
  factId: string;
  rating: ReviewRecord['rating'];
  at: string;
  before: CardTimes | null;
  after: CardTimes | null;
}

// A review event exactly as the program writes it (JSON.stringify of a ReviewRecord: these keys in this
// order, strings without escapes, JSON numbers), as one regular expression: matched, its fields are
// those JSON.parse would give, and the line is as valid as JSON.parse would find it. Anything else (an
// older or hand-edited log, a string with an escape) does not match and is parsed whole.
const TEXT = '"([^"\\\\\\u0000-\\u001f]*)"';
const SKIP_TEXT = '"[^"\\\\\\u0000-\\u001f]*"';
const NUMBER = '(-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)';
const SKIP_NUMBER = '-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?';
/** A MemoryCard: captures due, difficulty, scheduledDays and state. */
const CARD = `\\{"due":${TEXT},"stability":${SKIP_NUMBER},"difficulty":${NUMBER},"elapsedDays":${SKIP_NUMBER},"scheduledDays":${NUMBER},"learningSteps":${SKIP_NUMBER},"reps":${SKIP_NUMBER},"lapses":${SKIP_NUMBER},"state":${TEXT},"lastReview":(?:null|${SKIP_TEXT})\\}`;
const LOG = `\\{"state":${SKIP_TEXT},"due":${SKIP_TEXT},"stability":${SKIP_NUMBER},"difficulty":${SKIP_NUMBER},"scheduledDays":${SKIP_NUMBER},"learningSteps":${SKIP_NUMBER}\\}`;
const SAVED_RATING = new RegExp(
  `^\\{"type":"review","review":\\{"id":${TEXT},"profile":${TEXT},"deckId":${TEXT},"factId":${TEXT},"attemptId":(?:null|${SKIP_TEXT}),"source":${SKIP_TEXT},"rating":${TEXT},"at":${TEXT},"before":(?:null|${CARD}),"log":${LOG},"after":(?:null|${CARD})\\}\\}$`,
);

/** The review event `text` as RatingTimes when it is written as the program writes it (above), else null. */
export function quickRating(text: string): { type: 'review'; review: RatingTimes } | null {
  const m = SAVED_RATING.exec(text);
  if (m === null) return null;
  const card = (i: number): CardTimes | null =>
    m[i] === undefined ? null : { due: m[i] as string, difficulty: Number(m[i + 1]), scheduledDays: Number(m[i + 2]), state: m[i + 3] as CardTimes['state'] };
  return {
    type: 'review',
    review: { id: m[1] as string, profile: m[2] as string, deckId: m[3] as string, factId: m[4] as string, rating: m[5] as RatingTimes['rating'], at: m[6] as string, before: card(7), after: card(11) },
  };
}
