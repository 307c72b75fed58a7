// A profile's review history, read from the history log: every rating of a card that still counts (an
// undone rating does not, nor anything before the profile was reset), in the order it was saved. What
// `optimize` fits FSRS to and what an Anki export with --with-progress writes as its review log. Lines
// that cannot hold such an event (another profile's, a session's) are skipped before they are parsed; a
// torn last line (a crash while writing) is left out, as the store does. The events were checked when
// they were saved; here only what is used is (a damaged line is refused with its number).

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RATINGS } from '../scheduling/fsrs.js';
import { StorageError, describeFsError, errorCode } from './errors.js';
import type { HistoryEvent } from './history.js';
import { HISTORY_FILE } from './history-log.js';
import type { ReviewRecord } from './schema.js';

export interface ReviewHistoryFilter {
  profile: string;
  /** Only these decks (all of the profile's decks when absent). */
  deckIds?: ReadonlySet<string>;
}

export async function readReviewHistory(dataDir: string, filter: ReviewHistoryFilter, historyFile = join(dataDir, HISTORY_FILE)): Promise<ReviewRecord[]> {
  const reviews = new Map<string, ReviewRecord>();
  const profileMark = `"profile":${JSON.stringify(filter.profile)}`;
  let text: string;
  try {
    text = await readFile(historyFile, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    const problem = describeFsError(error, dataDir);
    throw new StorageError(`could not read ${historyFile}: ${problem.what}. ${problem.hint}`, { file: historyFile, hint: problem.hint, code: errorCode(error), cause: error });
  }
  let line = 0;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    // A last line without its newline was cut short by a crash, never acknowledged: left out.
    if (newline === -1) break;
    line++;
    const from = start;
    start = newline + 1;
    const at = text.indexOf(profileMark, from);
    if (at === -1 || at > newline) continue;
    const raw = text.slice(from, newline);
    if (!raw.includes('"review"') && !raw.includes('"undo"') && !raw.includes('"reset"')) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw damaged(historyFile, line, 'a line of the history log is not valid JSON');
    }
    for (const event of (Array.isArray(value) ? value : [value]) as HistoryEvent[]) {
      if (typeof event !== 'object' || event === null) throw damaged(historyFile, line, 'a line of the history log is not an event');
      if (event.type === 'review') {
        const review = event.review;
        if (review?.profile !== filter.profile) continue;
        if (typeof review.id !== 'string' || typeof review.at !== 'string' || typeof review.factId !== 'string' || !RATINGS.includes(review.rating)) {
          throw damaged(historyFile, line, 'a review in the history log is malformed');
        }
        if (filter.deckIds === undefined || filter.deckIds.has(review.deckId)) reviews.set(review.id, review);
      } else if (event.type === 'undo' && event.profile === filter.profile) reviews.delete(event.reviewId);
      else if (event.type === 'reset' && event.profile === filter.profile) reviews.clear();
    }
  }
  return [...reviews.values()];
}

function damaged(file: string, line: number, problem: string): StorageError {
  const hint = '`factdeck doctor` checks the whole log and says what to do.';
  return new StorageError(`cannot read ${file}: ${problem} (line ${line}); nothing was changed. ${hint}`, { file, hint, code: 'ECORRUPT' });
}
