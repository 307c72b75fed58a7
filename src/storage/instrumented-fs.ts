// A FileSystem that reports and fails on request, for the fault suites that run the real program in
// child processes (root ignores permissions, so failures must be injected at this layer):
//   FACTDECK_TRACE_FS=<file>  appends "<step> <op> <name>" before and after each call, so a suite that
//                             kills the process can tell whether the kill landed in a write, an fsync or
//                             a rename;
//   FACTDECK_FAIL_FS=<op>:<CODE>[:<n>]  makes the n-th call (default 1st) of op (writeFile, sync, rename,
//                             open, append, copy, ...) fail with that errno code, as a full disk would;
//                             several, separated by commas, fail several calls.
// Without either variable the real file system is used untouched.

import { appendFileSync } from 'node:fs';
import { basename } from 'node:path';
import { realFileSystem, type FileSystem, type WritableFile } from './file-system.js';

interface Failure {
  op: string;
  code: string;
  nth: number;
}

/** One failure, or several separated by commas (a full disk fails the copy and then the plain write). */
function parseFailures(spec: string | undefined): Failure[] {
  if (spec === undefined || spec === '') return [];
  return spec.split(',').flatMap((one) => {
    const [op, code, nth] = one.trim().split(':');
    if (!op || !code) return [];
    return [{ op, code, nth: nth === undefined ? 1 : Math.max(1, Number(nth) || 1) }];
  });
}

export function fileSystemFor(env: Record<string, string | undefined>): FileSystem {
  const traceFile = env.FACTDECK_TRACE_FS;
  const failures = parseFailures(env.FACTDECK_FAIL_FS);
  if (!traceFile && failures.length === 0) return realFileSystem;
  const calls = new Map<string, number>();
  const trace = (step: 'begin' | 'end', op: string, path: string): void => {
    if (traceFile) appendFileSync(traceFile, `${step} ${op} ${basename(path)}\n`);
  };
  const step = async <T>(op: string, path: string, run: () => Promise<T>): Promise<T> => {
    const n = (calls.get(op) ?? 0) + 1;
    calls.set(op, n);
    trace('begin', op, path);
    const failure = failures.find((f) => f.op === op && f.nth === n);
    if (failure !== undefined) {
      const error = new Error(`${failure.code}: injected failure, ${op} '${path}'`) as NodeJS.ErrnoException;
      error.code = failure.code;
      throw error;
    }
    const result = await run();
    trace('end', op, path);
    return result;
  };
  const wrapFile = (file: WritableFile, path: string, mode: string): WritableFile => ({
    writeFile: (data) => step(mode === 'a' ? 'append' : 'writeFile', path, () => file.writeFile(data)),
    sync: () => step('sync', path, () => file.sync()),
    close: () => step('close', path, () => file.close()),
  });
  const real = realFileSystem;
  return {
    open: async (path, flags) => wrapFile(await step('open', path, () => real.open(path, flags)), path, flags),
    size: (path) => real.size(path),
    readFrom: (path, offset, limit) => real.readFrom(path, offset, limit),
    truncate: (path, length) => step('truncate', path, () => real.truncate(path, length)),
    rename: (from, to) => step('rename', to, () => real.rename(from, to)),
    unlink: (path) => real.unlink(path),
    readFile: (path) => real.readFile(path),
    readdir: (path) => real.readdir(path),
    mkdir: (path) => real.mkdir(path),
    syncDir: (path) => step('syncDir', path, () => real.syncDir(path)),
    ...(real.copy ? { copy: (from: string, to: string) => step('copy', to, () => (real.copy as NonNullable<FileSystem['copy']>)(from, to)) } : {}),
    ...(real.resolveLink ? { resolveLink: (path: string) => (real.resolveLink as NonNullable<FileSystem['resolveLink']>)(path) } : {}),
    ...(real.identity ? { identity: (path: string) => (real.identity as NonNullable<FileSystem['identity']>)(path) } : {}),
  };
}
