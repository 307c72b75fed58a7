// The inter-process lock around a read-change-write of the database, so two factdeck processes never
// lose each other's answers. The lock is a directory, `<file>.lock` (mkdir is atomic: one process makes
// it, the others get EEXIST); its holder keeps its mtime fresh while it holds it, and notes its pid, host
// and scope inside it (`<file>.lock/owner`, see process-identity.ts). A lock whose holder died is taken
// over: at once when the note names a process of this machine and PID namespace that is gone, after
// `staleMs` without a refresh when that cannot be told (no note yet, another host, another PID namespace
// such as another container on this machine, whose pids cannot be seen from here).
//
// A stale lock is taken over whatever it holds (a Finder's .DS_Store, a sync tool's file): the folder is
// removed with its contents. A plain file at the lock's path is not something factdeck makes, so it is not
// taken for a lock at all: the save is refused at once, with the file named and what to do (it may be
// another program's lock on the database; deleting it behind that program's back is not ours to decide).
//
// Taking over is the one racy step of such locks (two waiters judge the same lock stale, the first
// removes it and takes a new one, the second removes that): here only the holder of a second directory,
// `<file>.lock-takeover`, may remove a stale lock, and it looks again, under that gate, before it does.
//
// Fair turns: a process saving answers as fast as they come (piped input) would otherwise take the lock
// again a fraction of a millisecond after releasing it, before any waiter looks. So a waiter touches the
// holder's owner note (its mtime only); a holder that finds its note touched when it releases stands back
// for YIELD_MS before taking the lock again, and waiters look at least that often.
//
// The file-system calls are synchronous: each is a few microseconds of metadata, cheaper than a round
// trip to the thread pool, and the lock is taken for every save.

import { mkdirSync, readFileSync, readdirSync, rmSync, rmdirSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { NOTHING_SAVED, StorageError, describeFsError, errorCode } from './errors.js';
import { type NamedProcess, type ProcessIdentity, livenessOf, thisProcess } from './process-identity.js';

export interface LockTiming {
  /** A lock not refreshed for this long belongs to a dead process and is taken over. */
  staleMs: number;
  /** How often a holder refreshes its lock. */
  updateMs: number;
  /** Give up waiting after this long. Must exceed staleMs, or a crashed holder would never be outlived. */
  waitMs: number;
}

export const DEFAULT_LOCK_TIMING: LockTiming = { staleMs: 10_000, updateMs: 2_500, waitMs: 30_000 };

export interface HeldLock {
  release(): Promise<void>;
  /** Set when the lock was lost while held (the process stalled past staleMs): do not write. */
  readonly compromised: Error | undefined;
}

export function lockFilePath(file: string): string {
  return `${file}.lock`;
}

/**
 * Inside the lock, "<pid> <host>" of its holder: it comes and goes with the lock (it is removed before the
 * lock is), so whatever it names is the holder of this very lock, never a previous one.
 */
export function lockOwnerPath(file: string): string {
  return `${lockFilePath(file)}/owner`;
}

/** The gate a waiter must hold to remove a stale lock. */
export function lockTakeoverPath(file: string): string {
  return `${file}.lock-takeover`;
}

/** How long a holder that was waited for stands back after releasing; also the longest gap between a waiter's looks. */
const YIELD_MS = 10;

/** Per lock file: until when this process stands back (it was waited for when it last released). */
const standBackUntil = new Map<string, number>();

/** A waiter's sign to the holder: its owner note, touched. Gone (released) or unwritable: no matter. */
function signalWaiting(file: string): void {
  try {
    const now = new Date();
    utimesSync(lockOwnerPath(file), now, now);
  } catch {
    // Released meanwhile, or no note yet: the next look tries again.
  }
}

/** A takeover gate older than this was left by a process killed while taking over (it takes microseconds). */
const TAKEOVER_STALE_MS = 2_000;

/** The note a holder writes: "<pid> <host>" and, on a line of its own, the scope its pid means something in. */
export function ownerNote(owner: ProcessIdentity = thisProcess()): string {
  return `${owner.pid} ${owner.host}\nscope ${owner.scope}\n`;
}

/** The holder named in the lock's note, or null when there is no note (yet) or it cannot be read. */
function lockOwner(file: string): NamedProcess | null {
  let text: string;
  try {
    text = readFileSync(lockOwnerPath(file), 'utf8');
  } catch {
    return null;
  }
  const [first = '', second = ''] = text.split('\n');
  const [noted = '', ...rest] = first.trim().split(' ');
  const scope = /^scope ([0-9a-f]+)$/.exec(second.trim())?.[1];
  return { pid: Number(noted), host: rest.join(' '), ...(scope === undefined ? {} : { scope }) };
}

/** True only when the lock's note names a process of this machine and PID namespace that no longer exists. */
function ownerIsGone(file: string): boolean {
  const owner = lockOwner(file);
  return owner !== null && livenessOf(owner) === 'gone';
}

/** Who holds the lock, as far as a waiter can tell: for the message that says why it waits. */
export interface LockHolder {
  /** The holder's pid and host, when its note could be read. */
  owner: { pid: number; host: string } | null;
  /**
   * 'alive': a live process of this machine; 'gone': one that no longer exists (its lock is taken over at
   * once); 'unseen': a pid of this machine that cannot be seen from here (another PID namespace: another
   * container); 'other-host': another machine's; 'unnamed': no note. 'unseen', 'other-host' and
   * 'unnamed' are taken over once the lock goes unrefreshed for staleMs.
   */
  liveness: 'alive' | 'gone' | 'unseen' | 'other-host' | 'unnamed';
}

function lockHolder(file: string): LockHolder {
  const owner = lockOwner(file);
  if (owner === null) return { owner: null, liveness: 'unnamed' };
  return { owner: { pid: owner.pid, host: owner.host ?? '' }, liveness: livenessOf(owner) };
}

/** What is at the lock's path, for `doctor`: nothing, a lock folder (who holds it, how old, what else is in it), or something else. */
export type LockState =
  | { kind: 'none' }
  | { kind: 'folder'; holder: LockHolder; ageMs: number; strays: string[] }
  | { kind: 'not-a-folder' };

export function inspectLock(file: string): LockState {
  const path = lockFilePath(file);
  let info;
  try {
    info = statSync(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'none' };
    throw error;
  }
  if (!info.isDirectory()) return { kind: 'not-a-folder' };
  const strays = readdirSync(path).filter((name) => name !== 'owner');
  return { kind: 'folder', holder: lockHolder(file), ageMs: Math.max(0, Date.now() - info.mtimeMs), strays };
}

/** The lock's mtime in ms, or null when there is no lock. */
function lockMtime(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/** What the lock's path holds when it is not a folder: refused at once (see the header), never waited out. */
function notALock(file: string): StorageError {
  const path = lockFilePath(file);
  const hint = `factdeck never makes a file there (its lock is a folder), so no factdeck run can save until it is gone: if no other program uses it, delete it (rm ${path}) and run again.`;
  return new StorageError(`could not lock ${file} for saving: ${path} is a file, not the lock folder factdeck makes. ${NOTHING_SAVED}; ${hint}`, {
    file: path,
    hint,
    code: 'ENOTLOCK',
  });
}

/** The lock's mtime, as lockMtime, refusing a lock path that is not a folder. */
function lockFolderMtime(file: string): number | null {
  const path = lockFilePath(file);
  let info;
  try {
    info = statSync(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
  if (!info.isDirectory()) throw notALock(file);
  return info.mtimeMs;
}

/** mkdir as a test: true when this call made the directory, false when it was there already. */
function makeDir(path: string): boolean {
  try {
    mkdirSync(path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

function removeDir(path: string): void {
  try {
    rmdirSync(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

/** One attempt: true when the lock is now ours. */
function tryLock(file: string, timing: LockTiming): boolean {
  const path = lockFilePath(file);
  if (makeDir(path)) return true;
  const isStale = (mtime: number | null): boolean => mtime === null || ownerIsGone(file) || Date.now() - mtime > timing.staleMs;
  if (!isStale(lockFolderMtime(file))) return false;

  const gate = lockTakeoverPath(file);
  if (!makeDir(gate)) {
    const gateMtime = lockMtime(gate);
    if (gateMtime !== null && Date.now() - gateMtime > TAKEOVER_STALE_MS) removeDir(gate);
    return false;
  }
  try {
    // Looked at again under the gate: another waiter may have taken the lock over since.
    const mtime = lockFolderMtime(file);
    if (!isStale(mtime)) return false;
    // With whatever else is in it: a stray file must not keep every later run out.
    if (mtime !== null) rmSync(path, { recursive: true, force: true });
    return makeDir(path);
  } finally {
    removeDir(gate);
  }
}

/**
 * The lock, held: refreshed every updateMs. Marked compromised when it changed hands meanwhile (looked at
 * by every refresh, every read of `compromised` and the release), and then never removed by this process.
 */
function holdLock(file: string, timing: LockTiming): HeldLock {
  const path = lockFilePath(file);
  let compromised: Error | undefined;
  let released = false;
  let noteMtime: number | null = null;
  const note = ownerNote();
  try {
    writeFileSync(lockOwnerPath(file), note);
    noteMtime = lockMtime(lockOwnerPath(file));
  } catch {
    // Without the note, a waiter simply waits the full stale time.
  }
  const stillOurNote = (): boolean => {
    try {
      return readFileSync(lockOwnerPath(file), 'utf8') === note;
    } catch {
      return false;
    }
  };
  // Read after the note is in: making it changed the folder's mtime.
  let mtime = lockMtime(path);
  let refreshedAt = Date.now();
  const lost = (why: string): void => {
    compromised ??= Object.assign(new Error(`the lock ${path} ${why}`), { code: 'ECOMPROMISED' });
    clearInterval(timer);
  };
  /** Still ours? Only this process changes the folder's mtime while it holds it (a waiter touches the note). */
  const verify = (): void => {
    if (compromised !== undefined) return;
    let now: number | null;
    try {
      now = lockMtime(path);
    } catch {
      return; // Cannot tell now; the next look may.
    }
    if (now === null) lost('was removed while held');
    else if (now !== mtime) {
      // A file put into the folder (a file manager's .DS_Store) changes its mtime too; a takeover removes
      // the folder and with it our note, which no other process writes.
      if (stillOurNote()) mtime = now;
      else lost('was taken over while held');
    }
  };
  const timer = setInterval(() => {
    verify();
    if (compromised !== undefined) return;
    if (Date.now() - refreshedAt > timing.staleMs) return lost('was not refreshed in time (this process stalled)');
    try {
      const when = new Date();
      utimesSync(path, when, when);
      mtime = lockMtime(path);
      refreshedAt = Date.now();
    } catch {
      // Tried again at the next tick; a lock left unrefreshed past staleMs is reported above.
    }
  }, timing.updateMs);
  timer.unref();
  return {
    release: async () => {
      if (released) return;
      verify();
      released = true;
      clearInterval(timer);
      if (compromised !== undefined) return; // Not ours any more: never remove another holder's lock.
      // The note goes first: the folder can only be removed empty.
      try {
        if (noteMtime !== null && lockMtime(lockOwnerPath(file)) !== noteMtime) standBackUntil.set(file, Date.now() + YIELD_MS);
        removeFile(lockOwnerPath(file));
      } catch {
        // Unreadable: removing the folder below says so if it matters.
      }
      try {
        removeDir(path);
      } catch (error) {
        // Something else was put in our lock while we held it (a file manager's .DS_Store): ours to clear.
        if (errorCode(error) !== 'ENOTEMPTY' && errorCode(error) !== 'EEXIST') throw error;
        rmSync(path, { recursive: true, force: true });
      }
    },
    get compromised() {
      if (!released) verify();
      return compromised;
    },
  };
}

/** How long a wait goes unmentioned: a save by another process takes milliseconds. */
const QUIET_WAIT_MS = 1_000;

/**
 * Takes the lock on `file`, waiting (with backoff) while another process holds it. `onWait` is called
 * once if the wait goes on past a second: a lock left by a killed process is taken over only once stale,
 * and the learner should know why nothing happens meanwhile.
 */
export async function acquireLock(file: string, timing: LockTiming = DEFAULT_LOCK_TIMING, onWait?: (holder: LockHolder) => void): Promise<HeldLock> {
  const standBack = (standBackUntil.get(file) ?? 0) - Date.now();
  standBackUntil.delete(file);
  if (standBack > 0) await new Promise((resolve) => setTimeout(resolve, standBack));
  const started = Date.now();
  const deadline = started + timing.waitMs;
  let told = false;
  let delay = 2;
  for (;;) {
    let taken: boolean;
    try {
      taken = tryLock(file, timing);
    } catch (error) {
      if (error instanceof StorageError) throw error;
      const problem = describeFsError(error, lockFilePath(file));
      throw new StorageError(`could not lock ${file} for saving: ${problem.what}. ${NOTHING_SAVED}; ${problem.hint}`, {
        file,
        hint: problem.hint,
        code: errorCode(error),
        cause: error,
      });
    }
    if (taken) return holdLock(file, timing);
    signalWaiting(file);
    const left = deadline - Date.now();
    if (left <= 0) {
      const hint = `close other factdeck windows and try again; if none is running, delete ${lockFilePath(file)}.`;
      throw new StorageError(
        `could not save progress to ${file}: another factdeck process has held its lock for over ${Math.round(timing.waitMs / 1000)} s. ${NOTHING_SAVED}; ${hint}`,
        { file, hint, code: 'ELOCKED' },
      );
    }
    if (!told && onWait !== undefined && Date.now() - started >= QUIET_WAIT_MS) {
      told = true;
      onWait(lockHolder(file));
    }
    // Jitter keeps two waiters from looking in step; the cap keeps them within a holder's stand-back.
    await new Promise((resolve) => setTimeout(resolve, Math.min(left, delay * (0.5 + Math.random()))));
    delay = Math.min(delay * 2, YIELD_MS);
  }
}
