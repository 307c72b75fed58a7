// The history log on disk: one JSON event per line, only ever appended. An append is flushed to disk
// (fsync) before it counts, so an answer is saved the moment its line is. A line cut short by a crash
// was never acknowledged: it is left out when read and cut off before the next append.

import { dirname } from 'node:path';
import { StorageError, describeFsError, errorCode } from './errors.js';
import type { FileSystem } from './file-system.js';
import { parseLog, serializeEach, serializeEvents, type HistoryEvent } from './history.js';
import { validateEvent } from './schema.js';

export const HISTORY_FILE = 'history.jsonl';

export interface LogTail {
  events: HistoryEvent[];
  /** The read stopped at its limit before the end of the file: read on from `end`. */
  more: boolean;
  /** Where the whole lines read end: the next append goes here. */
  end: number;
  /** Bytes after `end` that belong to a torn line. */
  tornBytes: number;
}

function countLines(bytes: Buffer, end: number): number {
  let lines = 0;
  for (let i = bytes.indexOf(10); i !== -1 && i < end; i = bytes.indexOf(10, i + 1)) lines++;
  return lines;
}

/** Reads the log from `offset` (a line start). Refuses a damaged line with its line number. */
/** A long tail (a log without its database, years of history) is read this much at a time. */
export const LOG_CHUNK_BYTES = 32 * 1024 * 1024;

export async function readLogFrom(fs: FileSystem, file: string, offset: number, limit = Number.POSITIVE_INFINITY): Promise<LogTail> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFrom(file, offset, limit);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { events: [], more: false, end: offset, tornBytes: 0 };
    const problem = describeFsError(error, dirname(file));
    throw new StorageError(`could not read ${file}: ${problem.what}. Nothing was changed; ${problem.hint}`, { file, hint: problem.hint, code: errorCode(error), cause: error });
  }
  const parsed = parseLog(bytes.toString('utf8'));
  // Line numbers count from the start of the file; working them out costs a read, so only on damage.
  const refuse = async (relativeLine: number, problem: string): Promise<never> => {
    const before = offset === 0 ? 0 : countLines((await fs.readFrom(file, 0)).subarray(0, offset), offset);
    const hint = 'the history log was left as it is; move it away to keep only the progress summed up in factdeck.json, or restore a backup.';
    throw new StorageError(`cannot read ${file}: ${problem} (line ${before + relativeLine}); ${hint}`, { file, hint, code: 'ECORRUPT' });
  };
  if (!parsed.ok) return refuse(parsed.line, parsed.problem);
  for (const [i, event] of parsed.events.entries()) {
    const problems = validateEvent(event as unknown as Record<string, unknown>);
    if (problems.length > 0) await refuse(parsed.lines[i] ?? i + 1, `an event is malformed: ${problems.slice(0, 2).join('; ')}`);
  }
  // A read cut at its limit ends mid-line by chance, not by a crash: that line is read next time.
  const more = bytes.length >= limit && (await fs.size(file) ?? 0) > offset + bytes.length;
  return { events: parsed.events, more, end: offset + parsed.bytes, tornBytes: more ? 0 : bytes.length - parsed.bytes };
}

/** Appends events as one line (one save; `each`: a line per event) and flushes it to disk; returns the bytes written. */
export async function appendEvents(fs: FileSystem, file: string, events: readonly HistoryEvent[], options: { each?: boolean } = {}): Promise<number> {
  const bytes = Buffer.from(options.each ? serializeEach(events) : serializeEvents(events), 'utf8');
  const sizeBefore = await fs.size(file);
  let handle;
  try {
    handle = await fs.open(file, 'a');
    await handle.writeFile(bytes);
    await handle.sync();
    const closing = handle;
    handle = undefined;
    await closing.close();
    // A new log's name must survive a power cut too.
    if (sizeBefore === null) await fs.syncDir(dirname(file));
  } catch (error) {
    if (handle !== undefined) await handle.close().catch(() => undefined);
    // Part of a batch may have reached the file: cut it off, so that nothing of a failed save counts.
    await fs.truncate(file, sizeBefore ?? 0).catch(() => undefined);
    const problem = describeFsError(error, dirname(file));
    throw new StorageError(`could not save progress to ${file}: ${problem.what}. Nothing was saved; ${problem.hint}`, {
      file,
      hint: problem.hint,
      code: errorCode(error),
      cause: error,
    });
  }
  return bytes.length;
}
