// Work a command hands to a second core: a worker thread running dist/worker.cjs (worker.ts, a bundle
// of its own beside the program's, see bin/bundle.mjs) on one task, sending back its result.
// What goes both ways is packed into numbers and text by the caller (a structured clone of many small
// objects costs more than the work it would save). A storage error in the thread comes back as the
// StorageError it was, so that the learner reads the same message as without the thread.
//
// There is no thread where there is no worker bundle (the program run from its sources, as unit tests do)
// or with FACTDECK_THREADS=0: the caller then does the work itself, with the same result.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { StorageError } from '../storage/errors.js';

/** The tasks the thread knows (see worker.ts). */
export type WorkerTask = 'revlog';

/** What the thread posts: the task's result, or the error that stopped it. */
export type WorkerPost<M> = { value: M } | { error: { message: string; storage: boolean; file?: string; hint?: string; code?: string } };

export interface WorkerRun<M> {
  /** The task's result; rejects with the thread's error, or when it stopped without one. */
  result: Promise<M>;
  /** Stops the thread (when the command stops first); harmless once it is done. */
  stop(): void;
}

/** The worker bundle beside the running program, or null (see the top of this file). */
function workerFile(): string | null {
  const file = join(dirname(fileURLToPath(import.meta.url)), 'worker.cjs');
  return existsSync(file) ? file : null;
}

/** The error posted by the thread, as the command would have thrown it. */
export function postedError(error: Extract<WorkerPost<unknown>, { error: unknown }>['error']): Error {
  return error.storage ? new StorageError(error.message, { file: error.file, hint: error.hint, code: error.code }) : new Error(error.message);
}

export function startWorker<M>(task: WorkerTask, request: unknown, env: Record<string, string | undefined>): WorkerRun<M> | null {
  const file = env.FACTDECK_THREADS === '0' ? null : workerFile();
  if (file === null) return null;
  const worker = new Worker(file, { workerData: { task, request } });
  const result = new Promise<M>((resolve, reject) => {
    worker.once('message', (post: WorkerPost<M>) => ('error' in post ? reject(postedError(post.error)) : resolve(post.value)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the ${task} thread stopped (exit ${code}) before its work was done`)));
  });
  return { result, stop: () => void worker.terminate() };
}
