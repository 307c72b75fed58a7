// The worker thread of worker-thread.ts, bundled on its own as dist/worker.cjs: runs one task and posts
// its result, or the error that stopped it (as the command would have reported it).

import { parentPort, workerData } from 'node:worker_threads';
import { StorageError } from '../storage/errors.js';
import { readPackedRevlog, type RevlogMessage, type RevlogRequest } from './export-revlog.js';
import type { WorkerPost, WorkerTask } from './worker-thread.js';

const port = parentPort;

function post<M>(value: M, transfer: ArrayBuffer[] = []): void {
  port?.postMessage({ value } satisfies WorkerPost<M>, transfer);
}

async function run(task: WorkerTask, request: unknown): Promise<void> {
  switch (task) {
    case 'revlog': {
      const packed = await readPackedRevlog(request as RevlogRequest);
      return post<RevlogMessage>({ packed }, [packed.numbers.buffer as ArrayBuffer]);
    }
  }
}

if (port !== null) {
  const { task, request } = workerData as { task: WorkerTask; request: unknown };
  run(task, request).catch((error: unknown) => {
    const storage = error instanceof StorageError;
    const message: WorkerPost<never> = {
      error: { message: error instanceof Error ? error.message : String(error), storage, ...(storage ? { file: error.file, hint: error.hint, code: error.code } : {}) },
    };
    port.postMessage(message);
  });
}
