// The worker thread of export-revlog.ts, bundled on its own as dist/revlog-worker.cjs: reads a profile's
// review log and sends it back packed (or the error, as the command would have reported it).

import { parentPort, workerData } from 'node:worker_threads';
import { StorageError } from '../storage/errors.js';
import { readPackedRevlog, type RevlogMessage, type RevlogRequest } from './export-revlog.js';

const port = parentPort;
if (port !== null) {
  readPackedRevlog(workerData as RevlogRequest).then(
    (packed) => port.postMessage({ ok: true, packed } satisfies RevlogMessage, [packed.numbers.buffer as ArrayBuffer]),
    (error: unknown) => {
      const storage = error instanceof StorageError;
      const message: RevlogMessage = {
        ok: false,
        error: { message: error instanceof Error ? error.message : String(error), storage, ...(storage ? { file: error.file, hint: error.hint, code: error.code } : {}) },
      };
      port.postMessage(message);
    },
  );
}
