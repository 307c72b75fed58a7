// A profile's review history, read from the history log: every rating of a card that still counts (an
// undone rating does not, nor anything before the profile was reset), in the order it was saved. What
// `optimize` fits FSRS to and what an Anki export with --with-progress writes as its review log. The log
// is streamed, and lines that cannot hold such an event are skipped before they are parsed, so years of
// quiz answers cost little; a torn last line (a crash while writing) is left out, as the store does.

import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { StorageError, describeFsError, errorCode } from './errors.js';
import { parseLog } from './history.js';
import { HISTORY_FILE } from './history-log.js';
import type { ReviewRecord } from './schema.js';
import { validateEvent } from './schema.js';

export interface ReviewHistoryFilter {
  profile: string;
  /** Only these decks (all of the profile's decks when absent). */
  deckIds?: ReadonlySet<string>;
}

export async function readReviewHistory(dataDir: string, filter: ReviewHistoryFilter, historyFile = join(dataDir, HISTORY_FILE)): Promise<ReviewRecord[]> {
  const reviews = new Map<string, ReviewRecord>();
  const profileMark = `"profile":${JSON.stringify(filter.profile)}`;
  let lineNumber = 0;
  let pending: string | null = null;
  const take = (line: string): void => {
    const parsed = parseLog(`${line}\n`, lineNumber);
    if (!parsed.ok) throw damaged(historyFile, parsed.line, parsed.problem);
    for (const event of parsed.events) {
      if ((event as { profile?: unknown }).profile !== filter.profile && !(event.type === 'review' && event.review.profile === filter.profile)) continue;
      if (validateEvent(event as unknown as Record<string, unknown>).length > 0) throw damaged(historyFile, lineNumber, 'an event is malformed');
      if (event.type === 'reset') reviews.clear();
      else if (event.type === 'undo') reviews.delete(event.reviewId);
      else if (event.type === 'review' && (filter.deckIds === undefined || filter.deckIds.has(event.review.deckId))) reviews.set(event.review.id, event.review);
    }
  };
  try {
    const lines = createInterface({ input: createReadStream(historyFile, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
      // The line before this one was whole (a newline followed it): it counts.
      if (pending !== null) take(pending);
      pending = null;
      lineNumber++;
      if (!line.includes(profileMark)) continue;
      if (!line.includes('"review"') && !line.includes('"undo"') && !line.includes('"reset"')) continue;
      pending = line;
    }
  } catch (error) {
    if (error instanceof StorageError) throw error;
    if (errorCode(error) === 'ENOENT') return [];
    const problem = describeFsError(error, dataDir);
    throw new StorageError(`could not read ${historyFile}: ${problem.what}. ${problem.hint}`, { file: historyFile, hint: problem.hint, code: errorCode(error), cause: error });
  }
  // The last line counts only if it parses: one cut short by a crash was never acknowledged.
  if (pending !== null) {
    const parsed = parseLog(`${pending}\n`, lineNumber);
    if (parsed.ok) take(pending);
  }
  return [...reviews.values()];
}

function damaged(file: string, line: number, problem: string): StorageError {
  const hint = '`factdeck doctor` checks the whole log and says what to do.';
  return new StorageError(`cannot read ${file}: ${problem} (line ${line}); nothing was changed. ${hint}`, { file, hint, code: 'ECORRUPT' });
}
