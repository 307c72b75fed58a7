// Store: the progress database as commands see it. It owns the order of things around the file: a lock
// across processes, a fresh read under that lock, one synchronous change, a validated durable write,
// and a ring of backups taken at the start of each run. A file that fails to parse is never written
// over: the learner is told what is wrong and where the last good copy is.

import { basename, join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { DEFAULT_LOCK_TIMING, type LockTiming, acquireLock } from './database-lock.js';
import { DurableJsonFile, cleanStaleTempFiles, writeFileDurably } from './durable-file.js';
import { StorageError, describeFsError, errorCode } from './errors.js';
import { type FileSystem, realFileSystem } from './file-system.js';
import { type DatabaseData, type ParseResult, emptyDatabase, parseDatabase, validateDatabase } from './schema.js';

export interface StoreOptions {
  fs?: FileSystem;
  /** Names backups; pass the program's clock so FACTDECK_NOW applies. */
  now?: () => Date;
  /** Default 'factdeck.json'. A plain file name inside dataDir. */
  fileName?: string;
  /** Tests shorten the wait; the defaults are in DEFAULT_LOCK_TIMING. */
  lockTiming?: Partial<LockTiming>;
}

export const DEFAULT_FILE_NAME = 'factdeck.json';
export const BACKUPS_KEPT = 5;

interface ReadResult {
  data: DatabaseData;
  text: string;
  migrated: boolean;
}

export class Store {
  readonly file: string;
  readonly dataDir: string;
  readonly backupsDir: string;
  readonly #fs: FileSystem;
  readonly #now: () => Date;
  readonly #lockTiming: LockTiming;
  readonly #low: Low<DatabaseData>;
  readonly #backupName: RegExp;
  readonly #backupStem: string;
  #snapshot: DatabaseData = emptyDatabase();
  #lastText: { text: string; migrated: boolean } | undefined;
  #newestBackup: string | undefined;
  /** Updates from this process run one at a time; the file lock orders them against other processes. */
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  private constructor(dataDir: string, options: StoreOptions) {
    const fileName = options.fileName ?? DEFAULT_FILE_NAME;
    if (fileName !== basename(fileName) || fileName === '' || fileName.startsWith('.')) {
      throw new TypeError(`Store fileName must be a plain file name, not ${JSON.stringify(fileName)}`);
    }
    this.dataDir = resolve(dataDir);
    this.file = join(this.dataDir, fileName);
    this.backupsDir = join(this.dataDir, 'backups');
    this.#fs = options.fs ?? realFileSystem;
    this.#now = options.now ?? (() => new Date());
    this.#lockTiming = { ...DEFAULT_LOCK_TIMING, ...options.lockTiming };
    this.#backupStem = fileName.replace(/\.json$/i, '');
    this.#backupName = new RegExp(`^${escapeRegExp(this.#backupStem)}-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}(\\.\\d+)?Z\\.json$`);
    const adapter = new DurableJsonFile<DatabaseData>(this.file, { parse: (text) => this.#parse(text), fs: this.#fs });
    this.#low = new Low(adapter, emptyDatabase());
  }

  /**
   * Opens (creating when missing) the database in dataDir, backs it up, and returns the store.
   * Throws StorageError when the folder cannot be made, the file cannot be read or does not parse
   * (it is then left byte for byte as it was), or the lock cannot be had within lockTiming.waitMs.
   */
  static async open(dataDir: string, options: StoreOptions = {}): Promise<Store> {
    const store = new Store(dataDir, options);
    await store.#start();
    return store;
  }

  /** The database as last read or saved by this store: validated, to be treated as read-only. */
  data(): DatabaseData {
    return this.#snapshot;
  }

  /**
   * Re-reads the file under the lock (another process may have saved since), applies `change`, saves
   * durably, and returns what `change` returned. `change` must be synchronous: the lock is held while it
   * runs, and never while waiting for the learner. If it throws, nothing is saved.
   */
  async update<R>(change: (data: DatabaseData) => R): Promise<R> {
    if (this.#closed) {
      throw new StorageError(`the database ${this.file} was already closed; nothing was saved.`, { file: this.file, code: 'ECLOSED' });
    }
    const run = this.#queue.then(() => this.#withLock(() => this.#apply(change)));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Waits for pending updates; later updates are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#queue;
  }

  async #start(): Promise<void> {
    try {
      await this.#fs.mkdir(this.backupsDir);
    } catch (error) {
      const problem = describeFsError(error, this.dataDir);
      throw new StorageError(`could not create the data folder ${this.dataDir}: ${problem.what}. ${capitalize(problem.hint)}`, {
        file: this.dataDir,
        hint: problem.hint,
        code: errorCode(error),
        cause: error,
      });
    }
    await this.#withLock(async () => {
      await this.#guard(this.dataDir, () => cleanStaleTempFiles(this.dataDir, { fs: this.#fs }));
      await this.#guard(this.backupsDir, () => cleanStaleTempFiles(this.backupsDir, { fs: this.#fs }));
      const backups = await this.#listBackups();
      this.#newestBackup = backups.at(-1);

      const found = await this.#read();
      if (found === null) {
        this.#low.data = emptyDatabase();
        await this.#low.write();
        this.#snapshot = this.#low.data;
        return;
      }
      // The bytes as they are now are the last good copy: a backup before anything else is written.
      await this.#backUp(found.text, backups);
      if (found.migrated) await this.#low.write();
      this.#snapshot = found.data;
    });
  }

  async #apply<R>(change: (data: DatabaseData) => R): Promise<R> {
    const found = await this.#read();
    // An older factdeck may have written the file since we opened it: keep its bytes before upgrading them.
    if (found?.migrated === true) await this.#backUp(found.text, await this.#listBackups());
    const data = found?.data ?? emptyDatabase();
    this.#low.data = data;
    const result = change(data);
    if (isThenable(result)) {
      throw new TypeError('Store.update() takes a synchronous change: the lock must not be held across an await');
    }
    const problems = validateDatabase(data);
    if (problems.length > 0) {
      const shown = problems.slice(0, 3).join('; ');
      throw new StorageError(
        `refused to save progress to ${this.file}: the change would leave it invalid (${shown}). Nothing was saved; this is a bug in factdeck, please report it.`,
        { file: this.file, code: 'EINVALID' },
      );
    }
    await this.#low.write();
    this.#snapshot = data;
    return result;
  }

  async #withLock<R>(work: () => Promise<R>): Promise<R> {
    const held = await acquireLock(this.file, this.#lockTiming);
    try {
      const result = await work();
      if (held.compromised !== undefined) {
        // We stalled long enough for another process to take the lock over; our write may have raced
        // with theirs. Rare (the event loop blocked for staleMs), but the learner should hear of it.
        const hint = 'check your recent answers in `factdeck stats` and answer again if one is missing.';
        throw new StorageError(`lost the lock on ${this.file} while saving (this process stalled); ${hint}`, {
          file: this.file,
          hint,
          code: 'ECOMPROMISED',
          cause: held.compromised,
        });
      }
      return result;
    } finally {
      // A failed release is not reported: the save above already succeeded or failed on its own, and a
      // lock left behind stops being refreshed and is taken over after staleMs.
      await held.release().catch(() => undefined);
    }
  }

  /** The file parsed, migrated and validated; null when it does not exist. */
  async #read(): Promise<ReadResult | null> {
    this.#lastText = undefined;
    // Low.read() keeps the old data when the adapter returns null; start from a blank so it cannot.
    this.#low.data = emptyDatabase();
    await this.#low.read();
    const read = this.#takeLastText();
    return read === undefined ? null : { data: this.#low.data, ...read };
  }

  /** What #parse saw during the last read (the adapter hands back only the data). */
  #takeLastText(): { text: string; migrated: boolean } | undefined {
    const read = this.#lastText;
    this.#lastText = undefined;
    return read;
  }

  #parse(text: string): DatabaseData {
    const result = parseDatabase(text);
    if (!result.ok) throw this.#unreadable(result);
    this.#lastText = { text, migrated: result.migrated };
    return result.data;
  }

  #unreadable(result: Extract<ParseResult, { ok: false }>): StorageError {
    if (result.newer === true) {
      const hint = 'upgrade factdeck (npm install -g factdeck@latest), or point --data at another folder.';
      return new StorageError(`cannot open ${this.file}: ${result.problem}. The file was left as it is; ${hint}`, {
        file: this.file,
        hint,
        code: 'ENEWER',
      });
    }
    const hint =
      this.#newestBackup === undefined
        ? `there is no backup yet: repair the file by hand, or move it away to start with fresh progress.`
        : `the last good copy is ${this.#newestBackup}; to go back to it, copy it over ${this.file}.`;
    return new StorageError(`cannot open ${this.file}: ${result.problem}. The file was left exactly as it is; ${hint}`, {
      file: this.file,
      hint,
      code: 'ECORRUPT',
    });
  }

  /** Backups, oldest first. Their names sort by time. */
  async #listBackups(): Promise<string[]> {
    const names = await this.#guard(this.backupsDir, () => this.#fs.readdir(this.backupsDir));
    return names
      .filter((name) => this.#backupName.test(name))
      .sort()
      .map((name) => join(this.backupsDir, name));
  }

  async #backUp(text: string, backups: string[]): Promise<void> {
    const newest = backups.at(-1);
    if (newest !== undefined) {
      const previous = await this.#guard(newest, () => this.#fs.readFile(newest));
      if (previous.equals(Buffer.from(text, 'utf8'))) return;
    }
    const stamp = this.#now().toISOString().replaceAll(':', '-');
    const target = join(this.backupsDir, `${this.#backupStem}-${stamp}.json`);
    await writeFileDurably(target, text, { fs: this.#fs, what: 'a backup of your progress' });
    this.#newestBackup = target;
    const kept = [...new Set([...backups, target])].sort();
    for (const old of kept.slice(0, Math.max(0, kept.length - BACKUPS_KEPT))) {
      await this.#guard(old, async () => {
        try {
          await this.#fs.unlink(old);
        } catch (error) {
          if (errorCode(error) !== 'ENOENT') throw error;
        }
      });
    }
  }

  /** Runs a file-system step whose raw errors would mean nothing to a learner, wrapping them. */
  async #guard<R>(where: string, step: () => Promise<R>): Promise<R> {
    try {
      return await step();
    } catch (error) {
      if (error instanceof StorageError) throw error;
      const problem = describeFsError(error, this.dataDir);
      throw new StorageError(`could not use ${where}: ${problem.what}. ${capitalize(problem.hint)}`, {
        file: where,
        hint: problem.hint,
        code: errorCode(error),
        cause: error,
      });
    }
  }
}

function isThenable(value: unknown): boolean {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
