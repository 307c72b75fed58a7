// DurableJsonFile: the lowdb adapter that owns how one JSON file reaches the disk. A save either lands
// whole or not at all: write a temp file of our own, fsync it, rename it over the target, fsync the
// folder. steno (lowdb's writer) skips the fsyncs and lets two processes share one temp name, so we
// don't use it. Reading never "repairs": text that fails to parse is reported and left as it is.

import { randomBytes } from 'node:crypto';
import { TextDecoder } from 'node:util';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { commandLine } from '../command-line.js';
import { NOTHING_SAVED, StorageError, describeFsError, errorCode } from './errors.js';
import { type FileSystem, type WritableFile, realFileSystem } from './file-system.js';
import { type NamedProcess, type ProcessIdentity, livenessOf, thisProcess } from './process-identity.js';

export interface DurableJsonFileOptions<T> {
  /**
   * Turns the file into data: its bytes, and `text()` decoding them (as strict UTF-8; a file that is not
   * is refused there), for a parser that needs all of them as text. It throws when the file is not
   * acceptable: a StorageError is passed on as it is (so it can say where the last good copy is), anything
   * else is wrapped in one.
   */
  parse: (bytes: Buffer, text: () => string) => T;
  fs?: FileSystem;
  /** Turns data into the file's text (or its bytes); default serialize(). */
  serialize?: (data: T) => string | Uint8Array;
  /** What a failed save lost, for the message: "could not save <what> to <file>". */
  what?: string;
}

/** Far beyond any learner's database (10,000 facts with five years of answers take about 8 MB): larger files are refused unread. */
export const MAX_DATABASE_BYTES = 64 * 1024 * 1024;

/**
 * `.<name>.<pid>-<scope>.<random>.tmp`: whose it is (see process-identity.ts), so a stale one can be told
 * from a live one. (Older versions wrote no scope.)
 */
const TEMP_NAME = /^\.(.+)\.(\d+)(?:-([0-9a-f]{8}))?\.([0-9a-f]+)\.tmp$/;

export function tempFileName(target: string, owner: ProcessIdentity = thisProcess()): string {
  return `.${basename(target)}.${owner.pid}-${owner.scope}.${randomBytes(6).toString('hex')}.tmp`;
}

export class DurableJsonFile<T> implements Adapter<T> {
  readonly file: string;
  readonly #parse: (bytes: Buffer, text: () => string) => T;
  readonly #fs: FileSystem;
  readonly #what: string;
  readonly #serialize: (data: T) => string | Uint8Array;

  constructor(file: string, options: DurableJsonFileOptions<T>) {
    this.file = file;
    this.#parse = options.parse;
    this.#fs = options.fs ?? realFileSystem;
    this.#what = options.what ?? 'progress';
    this.#serialize = options.serialize ?? serialize;
  }

  /** The parsed file, or null when there is no file yet. */
  async read(): Promise<T | null> {
    let bytes: Buffer;
    try {
      // Checked before reading: a huge file (not ours, or damaged) must not exhaust memory.
      const size = await this.#fs.size(this.file);
      if (size !== null && size > MAX_DATABASE_BYTES) {
        const hint = 'the file was left as it is; it is not a factdeck database, or it is damaged: move it away, or point --data at another folder.';
        throw new StorageError(`cannot open ${this.file}: it is ${Math.round(size / 1024 / 1024)} MB, far larger than a database of progress (the limit is ${MAX_DATABASE_BYTES / 1024 / 1024} MB); ${hint}`, {
          file: this.file,
          hint,
          code: 'ECORRUPT',
        });
      }
      bytes = await this.#fs.readFile(this.file);
    } catch (error) {
      if (error instanceof StorageError) throw error;
      if (errorCode(error) === 'ENOENT') return null;
      const problem = describeFsError(error, dirname(this.file));
      throw new StorageError(`could not read ${this.file}: ${problem.what}. Nothing was changed; ${problem.hint}`, {
        file: this.file,
        hint: problem.hint,
        code: errorCode(error),
        cause: error,
      });
    }
    const text = (): string => {
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        const hint = `the file was left as it is; restore a backup (\`${commandLine('doctor', { data: dirname(this.file) })}\`) or move it away.`;
        throw new StorageError(`cannot open ${this.file}: it is not UTF-8 text (damaged, or not a factdeck database); ${hint}`, { file: this.file, hint, code: 'ECORRUPT' });
      }
    };
    try {
      return this.#parse(bytes, text);
    } catch (error) {
      if (error instanceof StorageError) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      const hint = 'the file was left as it is; repair it or move it away.';
      throw new StorageError(`could not read ${this.file}: ${detail}. ${hint}`, { file: this.file, hint, code: 'ECORRUPT', cause: error });
    }
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.file, this.#serialize(data), { fs: this.#fs, what: this.#what });
  }
}

/** JSON with a 2-space indent and a trailing newline: readable, diffable, and what an editor would save. */
export function serialize(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * Replace `file` with `text` so that, whatever happens, the file holds either the old bytes or the new
 * ones. On failure the temp file is removed (best effort) and a StorageError says what to do.
 */
export async function writeFileDurably(
  file: string,
  text: string | Uint8Array,
  options: { fs?: FileSystem; what?: string } = {},
): Promise<void> {
  const fs = options.fs ?? realFileSystem;
  // Through a symbolic link: the rename below would otherwise put a plain file in the link's place, and
  // the file it points to would never be written again.
  file = fs.resolveLink === undefined ? file : await fs.resolveLink(file).catch(() => file);
  const dir = dirname(file);
  const temp = join(dir, tempFileName(file));
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  let handle: WritableFile | undefined;
  let renamed = false;
  try {
    handle = await fs.open(temp, 'wx');
    await handle.writeFile(bytes);
    await handle.sync();
    const closing = handle;
    handle = undefined;
    await closing.close();
    await fs.rename(temp, file);
    renamed = true;
    await fs.syncDir(dir);
  } catch (error) {
    if (handle !== undefined) await handle.close().catch(() => undefined);
    const problem = describeFsError(error, dir);
    const what = options.what ?? 'progress';
    if (renamed) {
      // The new bytes are in place and every process sees them; only their survival of a power cut is
      // in doubt. Saying "nothing was saved" here would be false.
      const hint = 'it may be lost if the computer loses power now; check the disk and try again.';
      throw new StorageError(`saved ${what} to ${file}, but could not make sure it reached the disk: ${problem.what}; ${hint}`, {
        file,
        hint,
        code: errorCode(error),
        cause: error,
      });
    }
    // Best effort: the failure that matters is the one above; a temp file left behind is cleaned up
    // by cleanStaleTempFiles on a later run once this process has exited.
    await fs.unlink(temp).catch(() => undefined);
    throw new StorageError(`could not save ${what} to ${file}: ${problem.what}. ${NOTHING_SAVED}; ${problem.hint}`, {
      file,
      hint: problem.hint,
      code: errorCode(error),
      cause: error,
    });
  }
}

/**
 * Remove temp files left in `dir` by writers that died mid-save. A temp file is removed only when its
 * writer is certainly gone (this machine and PID namespace, and no such process): one whose writer
 * cannot be checked (another container, another machine, a name without a scope) may be another factdeck
 * saving right now.
 */
export async function cleanStaleTempFiles(
  dir: string,
  options: { fs?: FileSystem; isGone?: (writer: NamedProcess) => boolean } = {},
): Promise<string[]> {
  const fs = options.fs ?? realFileSystem;
  const isGone = options.isGone ?? ((writer: NamedProcess) => livenessOf(writer) === 'gone');
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (match === null) continue;
    const pid = Number(match[2]);
    const scope = match[3];
    if (!Number.isSafeInteger(pid) || pid <= 0 || !isGone(scope === undefined ? { pid } : { pid, scope })) continue;
    try {
      await fs.unlink(join(dir, name));
      removed.push(name);
    } catch (error) {
      // Another process cleaning the same folder got there first.
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  }
  return removed;
}
