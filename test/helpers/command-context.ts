// A Context for running a command in the test process, its output collected, and a temp project root
// holding a copy of the real questions/ folder (the seed deck and the schema): the real one is only read.

import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import type { Context } from '../../src/context.js';

export const REAL_ROOT = new URL('../../', import.meta.url).pathname;

export interface TestContext extends Context {
  out: () => string;
  err: () => string;
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

export function makeContext(root: string, cwd: string, now = new Date('2026-06-01T09:00:00Z')): TestContext {
  const stdout = collector();
  const stderr = collector();
  return {
    stdin: new PassThrough(),
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: {},
    interactive: false,
    color: false,
    now: () => now,
    cwd,
    root,
    out: stdout.text,
    err: stderr.text,
  };
}

/** `root` with a copy of the real questions/ folder in it. */
export async function copyOfProjectRoot(root: string): Promise<string> {
  await cp(join(REAL_ROOT, 'questions'), join(root, 'questions'), { recursive: true });
  return root;
}
