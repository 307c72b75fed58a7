// The inter-process lock around a read-change-write of the database, so two factdeck processes never
// lose each other's answers. proper-lockfile makes `<file>.lock` (a directory: mkdir is atomic) and
// keeps its mtime fresh while held; a lock whose holder died stops being refreshed and is taken over
// once it is `stale`. We retry ourselves, with a deadline, rather than through its retry options, so the
// longest wait is a number of milliseconds rather than a sum of backoffs.

import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { lock } from 'proper-lockfile';
import { StorageError, describeFsError, errorCode } from './errors.js';

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
 * Beside the lock, the holder's pid. proper-lockfile cannot tell a dead holder from a slow one, so it waits
 * for the full stale time; when the named holder is gone (killed), a waiter may take the lock over as soon
 * as its last refresh is a little older than a live holder ever lets it get. A fresh lock whose holder has
 * not written its pid yet is never at risk: it was refreshed a moment ago.
 */
export function lockOwnerPath(file: string): string {
  return `${file}.lock-owner`;
}

function ownerIsGone(file: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lockOwnerPath(file), 'utf8').trim());
  } catch {
    return false;
  }
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return errorCode(error) === 'ESRCH';
  }
}

/** How long a wait goes unmentioned: a save by another process takes milliseconds. */
const QUIET_WAIT_MS = 1_000;

/**
 * Takes the lock on `file`, waiting (with backoff) while another process holds it. `onWait` is called
 * once if the wait goes on past a second: a lock left by a killed process is taken over only once stale,
 * and the learner should know why nothing happens meanwhile.
 */
export async function acquireLock(file: string, timing: LockTiming = DEFAULT_LOCK_TIMING, onWait?: () => void): Promise<HeldLock> {
  const started = Date.now();
  const deadline = started + timing.waitMs;
  let told = false;
  let compromised: Error | undefined;
  let delay = 5;
  for (;;) {
    // A dead holder's lock is stale once older than a refresh interval and a margin.
    const stale = ownerIsGone(file) ? Math.min(timing.staleMs, timing.updateMs + 500) : timing.staleMs;
    try {
      const release = await lock(file, {
        realpath: false,
        stale,
        update: timing.updateMs,
        retries: 0,
        // The default throws from a timer and kills the process; we refuse the write instead.
        onCompromised: (error) => {
          compromised = error;
        },
      });
      try {
        writeFileSync(lockOwnerPath(file), `${process.pid}\n`);
      } catch {
        // Without the note, a waiter simply waits the full stale time, as proper-lockfile alone would.
      }
      return {
        release: async () => {
          // Removed before the lock is released, never after: by then it may be the next holder's.
          try {
            unlinkSync(lockOwnerPath(file));
          } catch {
            // Gone already, or never written.
          }
          await release();
        },
        get compromised() {
          return compromised;
        },
      };
    } catch (error) {
      if (errorCode(error) !== 'ELOCKED') {
        const problem = describeFsError(error, lockFilePath(file));
        throw new StorageError(`could not lock ${file} for saving: ${problem.what}. Nothing was saved; ${problem.hint}`, {
          file,
          hint: problem.hint,
          code: errorCode(error),
          cause: error,
        });
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        const hint = `close other factdeck windows and try again; if none is running, delete ${lockFilePath(file)}.`;
        throw new StorageError(
          `could not save progress to ${file}: another factdeck process has held its lock for over ${Math.round(timing.waitMs / 1000)} s. Nothing was saved; ${hint}`,
          { file, hint, code: 'ELOCKED', cause: error },
        );
      }
      if (!told && onWait !== undefined && Date.now() - started >= QUIET_WAIT_MS) {
        told = true;
        onWait();
      }
      // Jitter keeps two waiters from polling in step; the cap keeps a short hold from costing a long wait.
      await new Promise((resolve) => setTimeout(resolve, Math.min(left, delay * (0.5 + Math.random()))));
      delay = Math.min(delay * 2, 100);
    }
  }
}
