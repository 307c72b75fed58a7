// Work a command hands to a second core: a worker thread running dist/worker.cjs (worker.ts, a bundle
// of its own beside the program's, see bin/bundle.mjs) on one task, sending back a stream of messages.
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

/** What the thread posts: a value of the task's stream, or the error that stopped it. */
export type WorkerPost<M> = { value: M } | { error: { message: string; storage: boolean; file?: string; hint?: string; code?: string } };

export interface WorkerStream<M> {
  /** The task's next message, in order; rejects with the thread's error, or when it stopped early. */
  next(): Promise<M>;
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

export function startWorker<M>(task: WorkerTask, request: unknown, env: Record<string, string | undefined>): WorkerStream<M> | null {
  const file = env.FACTDECK_THREADS === '0' ? null : workerFile();
  if (file === null) return null;
  const worker = new Worker(file, { workerData: { task, request } });
  const queue: M[] = [];
  const waiting: { resolve: (value: M) => void; reject: (error: unknown) => void }[] = [];
  let failed: unknown = null;
  const fail = (error: unknown): void => {
    failed ??= error;
    for (const waiter of waiting.splice(0)) waiter.reject(failed);
  };
  worker.on('message', (post: WorkerPost<M>) => {
    if ('error' in post) return fail(postedError(post.error));
    const waiter = waiting.shift();
    if (waiter === undefined) queue.push(post.value);
    else waiter.resolve(post.value);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the ${task} thread stopped (exit ${code}) before its work was done`)));
  return {
    next: () => {
      if (queue.length > 0) return Promise.resolve(queue.shift() as M);
      if (failed !== null) return Promise.reject(failed);
      return new Promise<M>((resolve, reject) => waiting.push({ resolve, reject }));
    },
    stop: () => void worker.terminate(),
  };
}
