// StorageError: everything that can go wrong with the progress database, said in words a learner can act on.
// Kept here rather than in src/errors.ts so the storage layer stands alone (its child-process tests load
// only the compiled storage folder).

import { statSync } from 'node:fs';
import { dirname } from 'node:path';

export interface StorageErrorOptions {
  /** The file the problem is about (the database, a backup, the lock). */
  file?: string;
  /** What to do about it. The message already ends with it; it is kept apart for callers that style it. */
  hint?: string;
  /** An errno code (ENOSPC, EROFS, ...) or ECORRUPT, ENEWER, ELOCKED, ECLOSED. */
  code?: string;
  cause?: unknown;
}

/** A database or data-folder problem. `message` is complete: what, where, and what to do. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly file?: string;
  readonly hint?: string;
  readonly code?: string;

  constructor(message: string, options: StorageErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.file = options.file;
    this.hint = options.hint;
    this.code = options.code;
  }
}

/** What a failed save says of itself: true of that save, not always of the run it ends (see savedSoFar). */
export const NOTHING_SAVED = 'Nothing was saved';

/**
 * A save that failed after earlier saves of the same run succeeded: "Nothing was saved" would be read as
 * "all my answers are lost", so it becomes `<failed> was not saved; the N <noun>s before it are saved`.
 */
export function savedSoFar(error: unknown, saved: number, noun: string, failed: string): unknown {
  if (!(error instanceof StorageError) || saved <= 0) return error;
  const at = error.message.indexOf(NOTHING_SAVED);
  if (at === -1) return error;
  const before = `the ${saved === 1 ? `${noun} before it is` : `${saved} ${noun}s before it are`} saved`;
  const message = `${error.message.slice(0, at)}${failed} was not saved; ${before}${error.message.slice(at + NOTHING_SAVED.length)}`;
  return new StorageError(message, { file: error.file, hint: error.hint, code: error.code, cause: error });
}

interface FsProblem {
  what: string;
  hint: string;
}

/** The errno code of a Node fs error, if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** The path a Node fs error names, if any. */
function pathOf(error: unknown): string | undefined {
  const path = typeof error === 'object' && error !== null ? (error as { path?: unknown }).path : undefined;
  return typeof path === 'string' ? path : undefined;
}

/** Plain words for the fs failures a user can do something about; the code stays visible for searching. */
export function describeFsError(error: unknown, dir: string): FsProblem {
  const code = errorCode(error);
  const tagged = (what: string): string => (code === undefined ? what : `${what} (${code})`);
  switch (code) {
    case 'ENOSPC':
      return { what: tagged('no space left on device'), hint: 'free some space and try again.' };
    case 'EDQUOT':
      return { what: tagged('disk quota exceeded'), hint: 'free some space and try again.' };
    case 'EACCES':
    case 'EPERM':
      return {
        what: tagged('permission denied'),
        hint: `check that you may read and write files in ${dir}, or choose another folder with --data DIR or FACTDECK_DATA.`,
      };
    case 'EROFS':
      return {
        what: tagged('the file system is read-only'),
        hint: 'choose a writable folder with --data DIR or FACTDECK_DATA.',
      };
    case 'ENOENT':
      return { what: tagged('the folder is missing'), hint: `check that ${dir} exists, then try again.` };
    case 'ENOTDIR': {
      const file = fileInTheWay(pathOf(error));
      if (file !== null) {
        return { what: tagged(`${file} is a file, not a folder`), hint: 'move that file away, or choose another folder with --data DIR or FACTDECK_DATA.' };
      }
      return {
        what: tagged(`a file stands where a folder should be${pathOf(error) === undefined ? '' : ` (in ${pathOf(error)})`}`),
        hint: `check that ${dir} and the folders above it are folders, not files, or choose another folder with --data DIR or FACTDECK_DATA.`,
      };
    }
    case 'EISDIR':
      return {
        what: tagged(`${pathOf(error) ?? 'it'} is a folder, not a file`),
        hint: 'move that folder away (factdeck makes the file again where it can), or choose another folder with --data DIR or FACTDECK_DATA.',
      };
    case 'EEXIST':
      return {
        what: tagged(`${pathOf(error) ?? 'it'} is a file, not a folder`),
        hint: 'move that file away (factdeck makes the folder), or choose another folder with --data DIR or FACTDECK_DATA.',
      };
    case 'EIO':
      return {
        what: tagged('input/output error'),
        hint: 'the disk may be failing: copy the data folder somewhere safe.',
      };
    case 'EMFILE':
    case 'ENFILE':
      return { what: tagged('too many open files'), hint: 'close some programs and try again.' };
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return { what: tagged(detail), hint: 'try again; if it keeps failing, report it with this message.' };
    }
  }
}

/** For an ENOTDIR on `path`: the file (not a folder) at `path` or above it, nearest the root; null if none is found. */
export function fileInTheWay(path: string | undefined): string | null {
  if (path === undefined) return null;
  const chain: string[] = [];
  for (let at = path; ; at = dirname(at)) {
    chain.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const at of chain) {
    try {
      if (!statSync(at).isDirectory()) return at;
    } catch {
      return null;
    }
  }
  return null;
}
