// Store: progress as commands see it. Two files in the data folder: factdeck.json (a lowdb database of
// what the learner's history adds up to: cards, per-fact progress, tallies, settings) and history.jsonl
// (every answer, rating and change, appended and fsynced as it happens). A change is recorded as events:
// under a lock across processes, the store first catches up with events other processes appended, then
// appends its own, then adds them up in memory. The database file is rewritten only now and then (a
// checkpoint: every CHECKPOINT_EVERY events or CHECKPOINT_BYTES of log, not at the end of every run), so
// neither an answer nor a run costs more as the history grows; on open, whatever the log holds beyond the
// last checkpoint is replayed (by readers too). A whole copy of the file goes to backups/ at the start of
// a run at most every BACKUP_EVERY_MS, and always before a migration writes over it. A file that fails
// to parse is never written over: the learner is told what is wrong and where the last good copy is.

import { basename, join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { DEFAULT_LOCK_TIMING, type LockHolder, type LockTiming, acquireLock } from './database-lock.js';
import { type BackupNames, backupNames } from './backups.js';
import { DurableJsonFile, cleanStaleTempFiles, tempFileName, writeFileDurably } from './durable-file.js';
import { NOTHING_SAVED, StorageError, describeFsError, errorCode } from './errors.js';
import { type FileSystem, realFileSystem } from './file-system.js';
import { ALL_DECKS, applyEvents, deckChangedBy, serializeEach, type HistoryEvent } from './history.js';
import { type DeckLists, TABLE_NAMES } from './tables.js';
import { HISTORY_FILE, LOG_CHUNK_BYTES, appendEvents, endLastLine, readLogFrom } from './history-log.js';
import { commandLine } from '../command-line.js';
import { type DatabaseData, type ParseResult, emptyDatabase, encodeDatabase, parseDatabase, parseDatabaseFile, validateDatabase, validateEvent } from './schema.js';

export interface StoreOptions {
  fs?: FileSystem;
  /** Names backups and tells when the next is due; pass the program's clock so FACTDECK_NOW applies. */
  now?: () => Date;
  /** Default 'factdeck.json'. A plain file name inside dataDir. */
  fileName?: string;
  /** Tests shorten the wait; the defaults are in DEFAULT_LOCK_TIMING. */
  lockTiming?: Partial<LockTiming>;
  /** Events between checkpoints of the database file (default CHECKPOINT_EVERY). */
  checkpointEvery?: number;
  /** Bytes of log beyond the database file that make a checkpoint due however few events (default CHECKPOINT_BYTES). */
  checkpointBytes?: number;
  /**
   * The start-up backup is taken when the newest backup is at least this old by `now` (default
   * BACKUP_EVERY_MS); 0 takes one at every open (before a command that deletes progress, say).
   */
  backupEveryMs?: number;
  /**
   * The decks whose cards, facts and tallies the command looks at (a quiz's, a study's): the others' are
   * read from the file only when something needs them (a checkpoint, a change another process made to
   * one), so a learner's other decks cost a run on one nothing. Without it, every deck's are read.
   * data() then holds these decks' records (and everything that is not per deck) until the rest is read.
   */
  decks?: readonly string[];
  /** Told once when a save waits more than a moment for another process's lock, with who holds it. */
  onLockWait?: (lockFile: string, holder: LockHolder) => void;
  /** Told of a problem that does not stop the run (a start-up backup did not fit on the disk). */
  onWarning?: (message: string) => void;
  /**
   * For commands that only look (stats, profiles, the menu's counts): nothing is written (no folder, no
   * backup, no checkpoint, no lock; a torn last log line is only left out), and record() is refused.
   */
  readOnly?: boolean;
}

export const DEFAULT_FILE_NAME = 'factdeck.json';
export const BACKUPS_KEPT = 5;
/** A checkpoint every so many events keeps replays on open short without rewriting the file per answer. */
export const CHECKPOINT_EVERY = 500;
/**
 * ...or once the log beyond the database file is this long, whatever the count: a few large events (long
 * typed answers, an import's batches) must not make every open replay megabytes. 1 MiB is parsed and
 * added up in a few ms (an answer's save is a few hundred bytes, so 500 events come first as a rule), far
 * less than rewriting a database of years of history (8 MB, ~130 ms), yet it caps what open replays.
 */
export const CHECKPOINT_BYTES = 1024 * 1024;
/** A start-up backup at most this often (Anki's default: every 30 minutes of use), and before every migration. */
export const BACKUP_EVERY_MS = 30 * 60 * 1000;

interface ReadResult {
  data: DatabaseData;
  /** The file's bytes as read: a backup copies them. */
  bytes: Buffer;
  migrated: boolean;
  history: HistoryEvent[];
  /** The other decks' records, when only StoreOptions.decks' were read. */
  rest: (() => DeckLists) | undefined;
  /** Written by this build with a matching checksum (so it was not validated record by record). */
  trusted: boolean;
}

export class Store {
  readonly file: string;
  readonly historyFile: string;
  readonly dataDir: string;
  readonly backupsDir: string;
  readonly #fs: FileSystem;
  readonly #now: () => Date;
  readonly #lockTiming: LockTiming;
  readonly #checkpointEvery: number;
  readonly #checkpointBytes: number;
  readonly #backupEveryMs: number;
  readonly #onLockWait: ((lockFile: string, holder: LockHolder) => void) | undefined;
  readonly #onWarning: ((message: string) => void) | undefined;
  readonly #readOnly: boolean;
  /** StoreOptions.decks; null: every deck. */
  readonly #scope: ReadonlySet<string> | null;
  /** The records of the decks outside #scope, not read yet (see #readRest). */
  #rest: (() => DeckLists) | null = null;
  /** A save failed: close() then leaves the database file alone (the log has all that was saved). */
  #saveFailed = false;
  readonly #low: Low<DatabaseData>;
  readonly #backupNames: BackupNames;
  /** The current state: the database file plus every log event up to #logEnd. */
  #data: DatabaseData = emptyDatabase();
  /** Bytes of the history log included in #data. */
  #logEnd = 0;
  /** Events in #data not yet in the database file (as far as this process knows). */
  #pending = 0;
  /** Bytes of the log included in the database file when this process last read or wrote it. */
  #checkpointed = 0;
  /**
   * The file was written by another build (an upgrade, another install) or has no right checksum: it was
   * validated in full, as it would be at every open until rewritten, so close() rewrites it once.
   */
  #restamp = false;
  #lastText: Omit<ReadResult, 'data'> | undefined;
  #newestBackup: string | undefined;
  /** The database file's identity when this process last read or wrote it. */
  #known: string | null = null;
  /** Changes from this process run one at a time; the file lock orders them against other processes. */
  #queue: Promise<unknown> = Promise.resolve();
  /**
   * The backup taken at open, when nothing had to be written at once: it is made while the first question
   * is read, and every change waits for it (a failed backup refuses them, as a failed open would).
   */
  #backup: Promise<void> = Promise.resolve();
  #closed = false;

  private constructor(dataDir: string, options: StoreOptions) {
    const fileName = options.fileName ?? DEFAULT_FILE_NAME;
    if (fileName !== basename(fileName) || fileName === '' || fileName.startsWith('.')) {
      throw new TypeError(`Store fileName must be a plain file name, not ${JSON.stringify(fileName)}`);
    }
    this.dataDir = resolve(dataDir);
    this.file = join(this.dataDir, fileName);
    this.historyFile = join(this.dataDir, fileName === DEFAULT_FILE_NAME ? HISTORY_FILE : `${fileName.replace(/\.json$/i, '')}.${HISTORY_FILE}`);
    this.backupsDir = join(this.dataDir, 'backups');
    this.#fs = options.fs ?? realFileSystem;
    this.#now = options.now ?? (() => new Date());
    this.#lockTiming = { ...DEFAULT_LOCK_TIMING, ...options.lockTiming };
    this.#checkpointEvery = options.checkpointEvery ?? CHECKPOINT_EVERY;
    this.#checkpointBytes = options.checkpointBytes ?? CHECKPOINT_BYTES;
    this.#backupEveryMs = options.backupEveryMs ?? BACKUP_EVERY_MS;
    this.#onLockWait = options.onLockWait;
    this.#onWarning = options.onWarning;
    this.#readOnly = options.readOnly === true;
    this.#scope = options.decks === undefined ? null : new Set(options.decks);
    this.#backupNames = backupNames(fileName.replace(/\.json$/i, ''));
    const adapter = new DurableJsonFile<DatabaseData>(this.file, { parse: (bytes, text) => this.#parse(bytes, text), serialize: encodeDatabase, fs: this.#fs });
    this.#low = new Low(adapter, emptyDatabase());
  }

  /**
   * Opens (creating when missing) the database in dataDir, backs it up when a backup is due, replays the
   * history log past the last checkpoint (writing it into the file when a checkpoint is due), and returns
   * the store. Throws StorageError when the folder cannot be made, a file cannot be read or does not
   * parse (it is then left byte for byte as it was), or the lock cannot be had within lockTiming.waitMs.
   */
  static async open(dataDir: string, options: StoreOptions = {}): Promise<Store> {
    const store = new Store(dataDir, options);
    await store.#start();
    return store;
  }

  /** Resolves when the backup taken at open is written; rejects as a change would if it failed. */
  async backedUp(): Promise<void> {
    await this.#backup;
  }

  /**
   * The current state, as of the last open or change: to be treated as read-only. Opened with
   * StoreOptions.decks, it may hold only those decks' cards, facts and tallies.
   */
  data(): DatabaseData {
    return this.#data;
  }

  /**
   * Records a change: `build` (synchronous: the lock is held while it runs, never while waiting for the
   * learner) looks at the current state, including what other processes recorded, and returns the
   * events to record. They are flushed to the history log before this resolves, then added to the
   * state. If `build` throws, nothing is saved.
   */
  async record(build: (data: DatabaseData) => HistoryEvent[]): Promise<HistoryEvent[]> {
    if (this.#readOnly) throw new TypeError('Store.record() on a store opened read-only');
    if (this.#closed) {
      throw new StorageError(`the database ${this.file} was already closed; nothing was saved.`, { file: this.file, code: 'ECLOSED' });
    }
    const run = this.#queue.then(() => this.#backup).then(() =>
      this.#withLock(async () => {
        await this.#catchUp();
        const events = build(this.#data);
        if (isThenable(events)) throw new TypeError('Store.record() takes a synchronous change: the lock must not be held across an await');
        if (events.length === 0) return events;
        // Check the events first, so a bug can never put a line in the log that the next run would
        // refuse to read. (The whole database is checked at each checkpoint.)
        this.#refuseInvalidEvents(events);
        this.#logEnd += await appendEvents(this.#fs, this.historyFile, events).catch((error: unknown) => {
          this.#saveFailed = true;
          throw error;
        });
        this.#apply(events);
        this.#pending += events.length;
        // The events are saved (in the log) whatever happens next. A checkpoint that fails now stays due:
        // it is tried again at the next save and at close, which report it.
        if (this.#checkpointDue()) await this.#checkpoint().catch(() => undefined);
        return events;
      }),
    );
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Writes what is recorded into the database file (it is in the history log already). */
  async checkpoint(): Promise<void> {
    const run = this.#queue.then(() => this.#backup).then(() =>
      this.#withLock(async () => {
        await this.#catchUp();
        await this.#checkpoint();
      }),
    );
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Refuses later changes, checkpointing first when one is due (see #checkpointDue): a run of a few
   * answers leaves the database file as it was, its answers in the log, replayed by the next open. A file
   * another build wrote is rewritten here once (#restamp), so that later opens read it the fast way.
   */
  async close(): Promise<void> {
    if (this.#readOnly) {
      this.#closed = true;
      return;
    }
    if (this.#closed) return this.#queue.then(() => undefined);
    this.#closed = true;
    // Changes asked for before close() may still be queued: whether a checkpoint is due is known only
    // once they have run.
    const run = this.#queue.then(() => this.#backup).then(() =>
      (this.#checkpointDue() || this.#restamp) && !this.#saveFailed
        ? this.#withLock(async () => {
            await this.#catchUp();
            await this.#checkpoint();
          })
        : undefined,
    );
    this.#queue = run.catch(() => undefined);
    await run;
  }

  /** Whether the log beyond the database file has grown enough to be written into it. */
  #checkpointDue(): boolean {
    if (this.#pending === 0) return false;
    return this.#pending >= this.#checkpointEvery || this.#logEnd - this.#checkpointed >= this.#checkpointBytes;
  }

  /** Read-only: the file as it is and the log beyond it, added up in memory; nothing touched. */
  async #startReading(): Promise<void> {
    this.#newestBackup = (await this.#listBackups().catch(() => [])).at(-1);
    const found = await this.#read();
    this.#data = found?.data ?? emptyDatabase();
    this.#rest = found?.rest ?? null;
    this.#logEnd = found?.data.logBytes ?? 0;
    await this.#catchUp();
  }

  async #start(): Promise<void> {
    if (this.#readOnly) return this.#startReading();
    for (const [dir, what] of [
      [this.dataDir, 'the data folder'],
      [this.backupsDir, 'the folder of backups'],
    ] as const) {
      try {
        await this.#fs.mkdir(dir);
      } catch (error) {
        const problem = describeFsError(error, this.dataDir);
        throw new StorageError(`could not create ${what} ${dir}: ${problem.what}. ${capitalize(problem.hint)}`, {
          file: dir,
          hint: problem.hint,
          code: errorCode(error),
          cause: error,
        });
      }
    }
    await this.#withLock(async () => {
      await this.#guard(this.dataDir, () => cleanStaleTempFiles(this.dataDir, { fs: this.#fs }));
      await this.#guard(this.backupsDir, () => cleanStaleTempFiles(this.backupsDir, { fs: this.#fs }));
      const backups = await this.#listBackups();
      this.#newestBackup = backups.at(-1);

      const found = await this.#read();
      if (found === null) {
        this.#data = emptyDatabase();
        // A history log without its database (moved away, say): everything in it is replayed.
        this.#logEnd = 0;
        await this.#catchUp();
        await this.#checkpoint();
        return;
      }
      this.#known = await this.#identity(this.file);
      this.#data = found.data;
      this.#rest = found.rest ?? null;
      this.#logEnd = found.data.logBytes;
      this.#checkpointed = found.data.logBytes;
      // The bytes as they are now are the last good copy: backed up before anything writes over them.
      if (found.migrated) {
        await this.#backUp(found.bytes, backups);
        // An older file: its answers move to the history log, then the file is rewritten as today's.
        await this.#dropInterruptedMigration(found.history);
        await this.#catchUp();
        if (found.history.length > 0) this.#logEnd += await appendEvents(this.#fs, this.historyFile, found.history, { each: true });
        await this.#checkpoint();
        return;
      }
      this.#restamp = !found.trusted;
      // The log beyond the file (the last runs' answers, or a run cut short by a crash) is replayed; it
      // is written into the file only when a checkpoint is due, as during a run.
      await this.#catchUp();
      const backupDue = this.#backupDue(backups);
      if (this.#checkpointDue()) {
        // The bytes as they are now are the last good copy: backed up (when due) before the checkpoint.
        if (backupDue) await this.#startupBackup(found.bytes, backups);
        await this.#checkpoint();
        return;
      }
      if (!backupDue) return;
      // Nothing is written now: the backup goes on after the lock is released, and changes wait for it.
      // (Taken outside the lock, it may copy a newer checkpoint by another process: a good copy too.)
      this.#backup = this.#startupBackup(found.bytes, backups);
      this.#backup.catch(() => undefined); // Reported by the first change, which awaits it.
    });
  }

  /**
   * A migration cut short by a crash (after its events reached the log, before the new file replaced the
   * old one) left all or part of these same lines as the whole log: the old file still holds those
   * answers, so they are cut off and appended again, rather than counted twice.
   */
  async #dropInterruptedMigration(history: HistoryEvent[]): Promise<void> {
    const size = await this.#guard(this.historyFile, () => this.#fs.size(this.historyFile));
    if (size === null || size === 0 || history.length === 0) return;
    const moved = Buffer.from(serializeEach(history), 'utf8');
    if (size > moved.length) return;
    const head = await this.#guard(this.historyFile, () => this.#fs.readFrom(this.historyFile, 0));
    if (moved.subarray(0, head.length).equals(head)) await this.#guard(this.historyFile, () => this.#fs.truncate(this.historyFile, 0));
  }

  /**
   * Adds to the state the log events past #logEnd (appended by other processes, or not yet in the
   * database file after a crash), and cuts off a line torn by a crash. Returns how many were added.
   */
  async #catchUp(): Promise<number> {
    const found = await this.#guard(this.historyFile, () => this.#fs.size(this.historyFile));
    if (found === null && this.#logEnd > 0) {
      // The log was moved away (as the advice for a damaged one says): the database file keeps what
      // it added up to, and a new log starts empty.
      if (this.#readOnly) return 0;
      const previous = this.#logEnd;
      this.#logEnd = 0;
      try {
        await this.#checkpoint();
      } catch (error) {
        // Until the file says the log starts afresh, nothing may be appended to a new one.
        this.#logEnd = previous;
        throw error;
      }
      return 0;
    }
    const size = found ?? 0;
    if (size === this.#logEnd) return 0;
    if (size < this.#logEnd) {
      const hint = 'restore the history log from a backup of the data folder, or move it away to keep only the progress summed up in factdeck.json.';
      throw new StorageError(`the history log ${this.historyFile} is shorter than ${this.file} says (${size} of ${this.#logEnd} bytes); it was cut or replaced. Nothing was changed; ${hint}`, {
        file: this.historyFile,
        hint,
        code: 'ECORRUPT',
      });
    }
    // In chunks, so a long tail (years of history behind a lost database file) never has to fit in memory.
    let added = 0;
    for (;;) {
      const tail = await readLogFrom(this.#fs, this.historyFile, this.#logEnd, LOG_CHUNK_BYTES);
      let end = tail.end;
      if (!this.#readOnly) {
        // Only a save cut short by a crash is cut off; a whole last line without its line end gets one.
        if (tail.tornBytes > 0) await this.#guard(this.historyFile, () => this.#fs.truncate(this.historyFile, tail.end));
        if (tail.unterminated) end += await endLastLine(this.#fs, this.historyFile);
      }
      if (tail.events.length > 0) {
        this.#apply(tail.events);
        this.#pending += tail.events.length;
        added += tail.events.length;
      }
      this.#logEnd = end;
      if (!tail.more) return added;
    }
  }

  /** Adds events to the state, reading the other decks' records first when an event changes theirs. */
  #apply(events: readonly HistoryEvent[]): void {
    const scope = this.#scope;
    if (this.#rest !== null && scope !== null) {
      for (const event of events) {
        const deck = deckChangedBy(event);
        if (deck !== null && (deck === ALL_DECKS || !scope.has(deck))) {
          this.#readRest();
          break;
        }
      }
    }
    applyEvents(this.#data, events);
  }

  /** The records of the decks outside StoreOptions.decks, read now and added to the state. */
  #readRest(): void {
    const rest = this.#rest;
    if (rest === null) return;
    const more = rest();
    this.#rest = null;
    for (const name of TABLE_NAMES) {
      const list = this.#data[name] as unknown[];
      for (const record of more[name]) list.push(record);
    }
  }

  async #checkpoint(): Promise<void> {
    // The file is written whole: with every deck's records.
    this.#readRest();
    this.#data.logBytes = this.#logEnd;
    this.#refuseInvalid(this.#data);
    await this.#refuseDamagedFile();
    this.#low.data = this.#data;
    try {
      await this.#low.write();
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      // Everything recorded is in the history log already: say so, rather than "nothing was saved".
      const what = describeFsError(error.cause ?? error, this.dataDir).what;
      const hint = `factdeck brings it up to date from the log next time; ${error.hint ?? 'check the disk'}`;
      throw new StorageError(`your progress is saved in ${this.historyFile}, but ${this.file} could not be brought up to date: ${what}. Nothing is lost: ${hint}`, {
        file: this.file,
        hint,
        code: error.code,
        cause: error,
      });
    }
    this.#known = await this.#identity(this.file);
    this.#pending = 0;
    this.#checkpointed = this.#logEnd;
    this.#restamp = false;
  }

  /** What the database file looks like on disk (size and inode), to notice when someone else changed it. */
  async #identity(file: string): Promise<string | null> {
    return this.#fs.identity === undefined ? null : this.#fs.identity(file).catch(() => null);
  }

  /**
   * A checkpoint writes over the database file. If the file changed since this process last read or
   * wrote it and no longer parses (edited by hand, damaged), it must be left alone: refuse instead.
   */
  async #refuseDamagedFile(): Promise<void> {
    if (this.#known === null) return;
    const now = await this.#identity(this.file);
    if (now === this.#known || now === null) return;
    let text: string;
    try {
      text = (await this.#fs.readFile(this.file)).toString('utf8');
    } catch {
      return;
    }
    const result = parseDatabase(text);
    if (!result.ok) throw this.#unreadable(result);
  }

  #refuseInvalid(data: DatabaseData): void {
    const problems = validateDatabase(data);
    if (problems.length > 0) {
      const shown = problems.slice(0, 3).join('; ');
      throw new StorageError(
        `refused to save progress to ${this.file}: the change would leave it invalid (${shown}). ${NOTHING_SAVED}; this is a bug in factdeck, please report it.`,
        { file: this.file, code: 'EINVALID' },
      );
    }
  }

  #refuseInvalidEvents(events: readonly HistoryEvent[]): void {
    const sound = new WeakSet<object>();
    for (const event of events) {
      const problems = validateEvent(event as unknown as Record<string, unknown>, sound);
      if (problems.length > 0) {
        throw new StorageError(
          `refused to save progress to ${this.historyFile}: an event is malformed (${problems.slice(0, 3).join('; ')}). ${NOTHING_SAVED}; this is a bug in factdeck, please report it.`,
          { file: this.historyFile, code: 'EINVALID' },
        );
      }
    }
  }

  async #withLock<R>(work: () => Promise<R>): Promise<R> {
    const onWait = this.#onLockWait;
    const held = await acquireLock(this.file, this.#lockTiming, onWait === undefined ? undefined : (holder) => onWait(`${this.file}.lock`, holder));
    try {
      const result = await work();
      if (held.compromised !== undefined) {
        // We stalled long enough for another process to take the lock over; our write may have raced
        // with theirs. Rare (the event loop blocked for staleMs), but the learner should hear of it.
        const hint = `check your recent answers in \`${commandLine('stats', { data: this.dataDir })}\` and answer again if one is missing.`;
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
  #takeLastText(): Omit<ReadResult, 'data'> | undefined {
    const read = this.#lastText;
    this.#lastText = undefined;
    return read;
  }

  #parse(bytes: Buffer, text: () => string): DatabaseData {
    const result = parseDatabaseFile(bytes, text, this.#scope === null ? {} : { decks: this.#scope });
    if (!result.ok) throw this.#unreadable(result);
    this.#lastText = { bytes, migrated: result.migrated, history: result.history, rest: result.rest, trusted: result.trusted };
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
        ? `there is no backup yet: repair the file by hand, or move it away and factdeck rebuilds it from ${this.historyFile}.`
        : `the last good copy is ${this.#newestBackup}; to go back to it, run \`${commandLine('doctor --restore latest', { data: this.dataDir })}\` (answers saved since are added back from ${this.historyFile}).`;
    return new StorageError(`cannot open ${this.file}: ${result.problem}. The file was left exactly as it is; ${hint}`, {
      file: this.file,
      hint,
      code: 'ECORRUPT',
    });
  }

  /** Backups, oldest first (by their sequence numbers, see backups.ts). */
  async #listBackups(): Promise<string[]> {
    const names = await this.#guard(this.backupsDir, () => this.#fs.readdir(this.backupsDir));
    return this.#backupNames.order(names).map((name) => join(this.backupsDir, name));
  }

  /**
   * Whether the start-up backup is due: there is none yet, or the newest was taken at least
   * #backupEveryMs ago by this run's clock. A newest backup dated after now (the clock was set back, or
   * FACTDECK_NOW names an earlier time) says nothing of how long ago it was taken: one is taken then.
   */
  #backupDue(backups: readonly string[]): boolean {
    const newest = backups.at(-1);
    if (newest === undefined) return true;
    const takenAt = this.#backupNames.takenAt(basename(newest));
    if (takenAt === null) return true;
    const elapsed = this.#now().getTime() - takenAt.getTime();
    return !(elapsed >= 0 && elapsed < this.#backupEveryMs);
  }

  /**
   * The backup taken at the start of a run, when due. When the disk has no room for it (a whole copy of the
   * database), the run goes on with a warning: an answer needs a few hundred bytes of the log, and a
   * nearly full disk must not keep the learner from saving them. (A migration's backup stays required: it
   * is the only copy of the file as the older version wrote it.)
   */
  async #startupBackup(bytes: Buffer, backups: string[]): Promise<void> {
    try {
      await this.#backUp(bytes, backups);
    } catch (error) {
      const code = errorCode(error);
      if (this.#onWarning === undefined || (code !== 'ENOSPC' && code !== 'EDQUOT')) throw error;
      const problem = describeFsError(error instanceof StorageError ? (error.cause ?? error) : error, this.dataDir);
      this.#onWarning(
        `no room for the backup of ${this.file} taken at the start of a run (in ${this.backupsDir}): ${problem.what}. Your answers are saved as you give them all the same; free some space so that backups are taken again.`,
      );
    }
  }

  async #backUp(bytes: Buffer, backups: string[]): Promise<void> {
    const newest = backups.at(-1);
    if (newest !== undefined && (await this.#guard(newest, () => this.#fs.size(newest))) === bytes.length) {
      const previous = await this.#guard(newest, () => this.#fs.readFile(newest));
      if (previous.equals(bytes)) return;
    }
    // Named after the folder as it is now: another process may have added a backup since it was listed.
    const names = await this.#guard(this.backupsDir, () => this.#fs.readdir(this.backupsDir));
    const targetName = this.#backupNames.next(names, this.#now());
    const target = join(this.backupsDir, targetName);
    // A copy made by the file system (a clone where it can) costs little however large the file; it
    // goes to a temp name first, so a crash never leaves a half-copied "last good copy".
    let copied = false;
    if (this.#fs.copy !== undefined && (await this.#fs.size(this.file).catch(() => null)) === bytes.length) {
      const temp = join(this.backupsDir, tempFileName(target));
      copied = await this.#fs
        .copy(this.file, temp)
        .then(() => this.#fs.rename(temp, target))
        .then(() => this.#fs.syncDir(this.backupsDir))
        .then(
          () => true,
          async () => {
            await this.#fs.unlink(temp).catch(() => undefined);
            return false;
          },
        );
    }
    if (!copied) await writeFileDurably(target, bytes, { fs: this.#fs, what: 'a backup of your progress' });
    this.#newestBackup = target;
    const kept = this.#backupNames.order([...new Set([...names, targetName])]).map((name) => join(this.backupsDir, name));
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

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
