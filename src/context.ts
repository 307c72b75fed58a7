// What a command gets from the shell: streams, environment, the clock, colour, and where things live.
// Commands never touch process.* directly, so tests can run them with their own streams.

import type { Clock } from './clock.js';

export interface Context {
  stdin: NodeJS.ReadStream | NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  /** True when both stdin and stdout are terminals: interactive prompts are possible. */
  interactive: boolean;
  color: boolean;
  now: Clock;
  cwd: string;
  /** The package root: built-in decks live in its questions/ folder. */
  root: string;
  /** Aborted when the process is asked to stop (SIGTERM, SIGHUP): prompts give up, runs wind down. */
  stop?: AbortSignal;
}

/** Where prompts read and write, and when they must give up. The input is looked up when first read. */
export function promptContext(context: Context): { readonly input: NodeJS.ReadableStream; output: NodeJS.WritableStream; signal?: AbortSignal } {
  const streams = {
    get input() {
      return context.stdin;
    },
    output: context.stdout,
  };
  return context.stop === undefined ? streams : Object.assign(streams, { signal: context.stop });
}

export function writeLine(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}
