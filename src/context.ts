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
}

export function writeLine(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}
