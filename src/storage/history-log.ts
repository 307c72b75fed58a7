// The history log on disk: one JSON event per line, only ever appended. An append is flushed to disk
// (fsync) before it counts, so an answer is saved the moment its line is. A line cut short by a crash
// was never acknowledged: it is left out when read and cut off before the next append.

import { dirname } from 'node:path';
import { NOTHING_SAVED, StorageError, describeFsError, errorCode } from './errors.js';
import type { FileSystem } from './file-system.js';
import { parseLog, serializeEach, serializeEvents, type HistoryEvent } from './history.js';
import { validateEvent } from './schema.js';
import { MAX_LINE_BYTES, countLineEnds } from './log-lines.js';

export const HISTORY_FILE = 'history.jsonl';

export interface LogTail {
  events: HistoryEvent[];
  /** The read stopped at its limit before the end of the file: read on from `end`. */
  more: boolean;
  /** Where the whole lines read end: the next append goes here. */
  end: number;
  /** Bytes after `end` that belong to a save cut short by a crash. */
  tornBytes: number;
  /** The last line of the file is whole but has no line end (`end` is the end of the file): add one before appending. */
  unterminated: boolean;
}

/** A long tail (a log without its database, years of history) is read this much at a time. */
export const LOG_CHUNK_BYTES = 32 * 1024 * 1024;

/** How many lines end before `offset` (a line start), read a chunk at a time. */
async function linesBefore(fs: FileSystem, file: string, offset: number): Promise<number> {
  let lines = 0;
  let endsInCr = false;
  for (let at = 0; at < offset; ) {
    const bytes = await fs.readFrom(file, at, Math.min(LOG_CHUNK_BYTES, offset - at));
    if (bytes.length === 0) break;
    // A CRLF split between two chunks is one line end.
    lines += countLineEnds(bytes) - (endsInCr && bytes[0] === 0x0a ? 1 : 0);
    endsInCr = bytes[bytes.length - 1] === 0x0d;
    at += bytes.length;
  }
  return lines;
}

/**
 * Reads the log from `offset` (a line start), at most `limit` bytes of it. Refuses a damaged line, with
 * its line number in the whole file and the file left as it is.
 */
export async function readLogFrom(fs: FileSystem, file: string, offset: number, limit = Number.POSITIVE_INFINITY): Promise<LogTail> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFrom(file, offset, limit);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { events: [], more: false, end: offset, tornBytes: 0, unterminated: false };
    const problem = describeFsError(error, dirname(file));
    throw new StorageError(`could not read ${file}: ${problem.what}. Nothing was changed; ${problem.hint}`, { file, hint: problem.hint, code: errorCode(error), cause: error });
  }
  // A read cut at its limit ends mid-line by chance, not by a crash: that line is read next time.
  const more = bytes.length >= limit && ((await fs.size(file)) ?? 0) > offset + bytes.length;
  const parsed = parseLog(bytes, { atEnd: !more });
  const refuse = async (relativeLine: number, problem: string): Promise<never> => {
    // Line numbers count from the start of the file; working them out costs a read, so only on damage.
    const line = (offset === 0 ? 0 : await linesBefore(fs, file, offset)) + relativeLine;
    const hint = 'the history log was left as it is; repair or delete that line, or move the log away to keep only the progress summed up in factdeck.json.';
    throw new StorageError(`cannot read ${file}: ${problem} (line ${line}); ${hint}`, { file, hint, code: 'ECORRUPT' });
  };
  if (!parsed.ok) return refuse(parsed.line, parsed.problem);
  for (const [i, event] of parsed.events.entries()) {
    const problems = validateEvent(event as unknown as Record<string, unknown>);
    if (problems.length > 0) await refuse(parsed.lines[i] ?? i + 1, `an event is malformed: ${problems.slice(0, 2).join('; ')}`);
  }
  return { events: parsed.events, more, end: offset + parsed.bytes, tornBytes: parsed.torn, unterminated: parsed.unterminated };
}

/** Ends the log's last line, which is whole but has none (written by hand, or its "\n" lost), before anything is appended. */
export async function endLastLine(fs: FileSystem, file: string): Promise<number> {
  return appendBytes(fs, file, Buffer.from('\n'), 'a line end');
}

/** Appends events as one line (one save; `each`: a line per event) and flushes it to disk; returns the bytes written. */
export async function appendEvents(fs: FileSystem, file: string, events: readonly HistoryEvent[], options: { each?: boolean } = {}): Promise<number> {
  const text = options.each ? serializeEach(events) : serializeEvents(events);
  const bytes = Buffer.from(text, 'utf8');
  // Never a line the next read would refuse as too long.
  if (bytes.length > MAX_LINE_BYTES && (!options.each || events.some((event) => Buffer.byteLength(serializeEvents([event])) > MAX_LINE_BYTES))) {
    throw new StorageError(`refused to save progress to ${file}: one save would be over ${MAX_LINE_BYTES / 1024 / 1024} MB (an answer that long?). ${NOTHING_SAVED}.`, { file, code: 'EINVALID' });
  }
  return appendBytes(fs, file, bytes, 'progress');
}

async function appendBytes(fs: FileSystem, file: string, bytes: Buffer, what: string): Promise<number> {
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
    throw new StorageError(`could not save ${what} to ${file}: ${problem.what}. ${NOTHING_SAVED}; ${problem.hint}`, {
      file,
      hint: problem.hint,
      code: errorCode(error),
      cause: error,
    });
  }
  return bytes.length;
}
