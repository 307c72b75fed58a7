// A pseudo-terminal run of a sandbox's program (see test/helpers/sandbox.ts), keeping every byte written: the tests
// look for hostile sequences in the raw output, and wait on the text a reader sees (escapes stripped).

import { spawn, type IPty } from '@lydell/node-pty';
import { cliEnv, type EnvOverrides } from '../../helpers/cli-run.js';
import { stripAnsi } from '../../helpers/pty-session.js';

export interface RawPty {
  /** Everything written so far, escape codes and all. */
  raw(): string;
  /** Resolves with the stripped text from `from` (a raw offset) once it matches; rejects on exit or timeout. */
  waitFor(pattern: RegExp, from?: number, timeoutMs?: number): Promise<string>;
  /** The raw length now: a mark for waitFor. */
  mark(): number;
  write(keys: string): void;
  /** The exit code, or a failure after timeoutMs. */
  exited(timeoutMs?: number): Promise<number>;
  dispose(): void;
}

export function startRawPty(bin: string, args: readonly string[], options: { cwd: string; env?: EnvOverrides }): RawPty {
  const pty: IPty = spawn(process.execPath, [bin, ...args], {
    name: 'xterm-256color',
    cols: 120,
    rows: 40,
    cwd: options.cwd,
    // Colour allowed: factdeck's own escape codes are expected; the data's must still never appear.
    env: cliEnv({ NO_COLOR: undefined, ...options.env }),
  });
  let raw = '';
  let exitCode: number | undefined;
  const listeners = new Set<() => void>();
  pty.onData((data) => {
    raw += data;
    for (const listener of [...listeners]) listener();
  });
  const exit = new Promise<number>((resolve) => {
    pty.onExit(({ exitCode: code }) => {
      exitCode = code;
      for (const listener of [...listeners]) listener();
      resolve(code);
    });
  });
  const describe = (what: string, from: number): Error => new Error(`factdeck ${args.join(' ')}: ${what}\n--- output since the mark ---\n${stripAnsi(raw.slice(from)).slice(-3000)}`);
  return {
    raw: () => raw,
    mark: () => raw.length,
    waitFor: (pattern, from = 0, timeoutMs = 10_000) =>
      new Promise<string>((resolve, reject) => {
        const check = (): void => {
          const text = stripAnsi(raw.slice(from));
          if (pattern.test(text)) {
            finish();
            resolve(text);
          } else if (exitCode !== undefined) {
            finish();
            reject(describe(`ended (exit ${exitCode}) without showing ${String(pattern)}`, from));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(describe(`timed out waiting for ${String(pattern)}`, from));
        }, timeoutMs);
        const finish = (): void => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      }),
    write: (keys) => {
      pty.write(keys);
    },
    exited: async (timeoutMs = 10_000) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(describe(`did not exit within ${timeoutMs} ms`, 0)), timeoutMs);
      });
      try {
        return await Promise.race([exit, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    dispose: () => {
      if (exitCode === undefined) pty.kill('SIGKILL');
    },
  };
}
