// The built command in a real pseudo-terminal: spawn, read what the screen shows (escape codes stripped),
// wait for text to appear, press keys, and see how the process ended. Tests synchronise only on output:
// a wait resolves when the screen shows what is wanted, fails fast if the process ends first, and fails
// with the recent output after a timeout.

import { spawn, type IPty } from '@lydell/node-pty';
import { Terminal } from '@xterm/headless';
import { BIN, ROOT, cliEnv, type EnvOverrides } from './cli-run.js';

export const KEYS = {
  enter: '\r',
  ctrlC: '\x03',
  ctrlD: '\x04',
  up: '\x1b[A',
  down: '\x1b[B',
  space: ' ',
  backspace: '\x7f',
  escape: '\x1b',
} as const;

// CSI (ESC [ ... final), OSC/DCS/PM/APC strings (ended by BEL or ST), and two-byte escapes (ESC 7, ESC ( B).
// eslint-disable-next-line no-control-regex -- matching escape codes is the point
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[ -/]*[0-~]|\x9b[0-?]*[ -/]*[@-~]/g;

/** Text as a reader sees it: escape sequences and carriage returns removed. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '').replace(/\r/g, '');
}

export interface PtyExit {
  exitCode: number;
  /** The signal number that ended the process, if one did (0 or undefined otherwise). */
  signal: number | undefined;
}

export interface PtyOptions {
  /** The program to run (default: this checkout's bin/factdeck.cjs; a sandbox's has its own decks). */
  bin?: string;
  env?: EnvOverrides;
  cols?: number;
  rows?: number;
  cwd?: string;
  /** Another program to run in the terminal instead of factdeck (a shell, say): its path; `args` are its. */
  program?: string;
}

export interface WaitResult {
  /** The screen output from the mark to the end of the match, escape codes stripped. */
  text: string;
  match: RegExpMatchArray;
}

interface Waiter {
  pattern: RegExp;
  from: number;
  resolve: (result: WaitResult) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class PtySession {
  readonly args: readonly string[];
  readonly exit: Promise<PtyExit>;
  #pty: IPty;
  #raw = '';
  #mark = 0;
  #exited: PtyExit | undefined;
  #waiters = new Set<Waiter>();
  #cols: number;
  #rows: number;
  #terminal: Terminal | undefined;
  #screenWaiters = new Set<() => void>();

  constructor(args: readonly string[], options: PtyOptions = {}) {
    this.args = args;
    this.#pty = spawn(options.program ?? process.execPath, options.program === undefined ? [options.bin ?? BIN, ...args] : [...args], {
      // node-pty sets TERM to this name, whatever env says.
      name: options.env?.TERM ?? 'xterm-256color',
      cols: options.cols ?? 100,
      rows: options.rows ?? 40,
      cwd: options.cwd ?? ROOT,
      env: cliEnv(options.env),
    });
    this.#cols = options.cols ?? 100;
    this.#rows = options.rows ?? 40;
    this.#pty.onData((data) => {
      this.#raw += data;
      this.#check();
      this.#terminal?.write(data, () => this.#checkScreen());
    });
    this.exit = new Promise<PtyExit>((resolve) => {
      // node-pty emits exit only after the pty's output is drained, so the output is complete here.
      this.#pty.onExit(({ exitCode, signal }) => {
        this.#exited = { exitCode, signal: signal === 0 ? undefined : signal };
        this.#check();
        resolve(this.#exited);
      });
    });
  }

  get pid(): number {
    return this.#pty.pid;
  }

  get exited(): PtyExit | undefined {
    return this.#exited;
  }

  /** Everything shown so far, stripped. */
  output(): string {
    return stripAnsi(this.#raw);
  }

  /** Everything the program wrote, escape codes and all. */
  rawOutput(): string {
    return this.#raw;
  }

  /** Everything shown since `from` (default: the current mark), stripped. */
  since(from = this.#mark): string {
    return stripAnsi(this.#raw.slice(from));
  }

  /** Later waits look only at output from here on; returns the position for `since`/`waitFor`. */
  mark(): number {
    this.#mark = this.#raw.length;
    return this.#mark;
  }

  /**
   * Resolves when the output since the mark (or `from`) contains `pattern`. Rejects, with the recent
   * output, after `timeoutMs` or as soon as the process has ended without showing it.
   */
  waitFor(pattern: string | RegExp, timeoutMs = 10_000, from = this.#mark): Promise<WaitResult> {
    const regex = typeof pattern === 'string' ? new RegExp(escapeRegExp(pattern)) : pattern;
    return new Promise<WaitResult>((resolve, reject) => {
      const waiter: Waiter = {
        pattern: regex,
        from,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#waiters.delete(waiter);
          reject(this.#failure(`timed out after ${timeoutMs} ms waiting for ${String(regex)}`, from));
        }, timeoutMs),
      };
      this.#waiters.add(waiter);
      this.#check();
    });
  }

  /**
   * Resolves with the row the cursor is on, as a terminal draws it (a headless xterm replays the output,
   * cursor movements and all), once it matches `pattern`; for line editors that redraw what they edit.
   */
  waitForCursorRow(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
    if (this.#terminal === undefined) {
      this.#terminal = new Terminal({ cols: this.#cols, rows: this.#rows, allowProposedApi: true });
      this.#terminal.write(this.#raw, () => this.#checkScreen());
    }
    const terminal = this.#terminal;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#screenWaiters.delete(check);
        reject(this.#failure(`timed out after ${timeoutMs} ms waiting for the cursor's row to match ${String(pattern)}; it reads ${JSON.stringify(cursorRow())}`, this.#mark));
      }, timeoutMs);
      const cursorRow = (): string => {
        const buffer = terminal.buffer.active;
        return buffer.getLine(buffer.baseY + buffer.cursorY)?.translateToString(true) ?? '';
      };
      const check = (): void => {
        const row = cursorRow();
        if (!pattern.test(row)) return;
        this.#screenWaiters.delete(check);
        clearTimeout(timer);
        resolve(row);
      };
      this.#screenWaiters.add(check);
      // Checked once the terminal has drawn everything written so far.
      terminal.write('', check);
    });
  }

  #checkScreen(): void {
    for (const check of [...this.#screenWaiters]) check();
  }

  /** Marks, then waits: for what a key press is expected to show. */
  async press(keys: string, expect: string | RegExp, timeoutMs?: number): Promise<WaitResult> {
    const from = this.mark();
    this.write(keys);
    return this.waitFor(expect, timeoutMs, from);
  }

  write(keys: string): void {
    if (this.#exited !== undefined) throw this.#failure(`cannot type ${JSON.stringify(keys)}: the process has ended`, this.#mark);
    this.#pty.write(keys);
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    if (this.#exited === undefined) this.#pty.kill(signal);
  }

  /** The exit, or a failure with the recent output if it does not come within `timeoutMs`. */
  async waitForExit(timeoutMs = 10_000): Promise<PtyExit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.#failure(`the process did not exit within ${timeoutMs} ms`, this.#mark)), timeoutMs);
    });
    try {
      return await Promise.race([this.exit, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** For afterEach: whatever state a failed test left it in, the process is gone afterwards. */
  async dispose(): Promise<void> {
    for (const waiter of this.#waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('session disposed'));
    }
    this.#waiters.clear();
    if (this.#exited === undefined) {
      this.#pty.kill('SIGKILL');
      await this.exit;
    }
  }

  #check(): void {
    for (const waiter of [...this.#waiters]) {
      const text = stripAnsi(this.#raw.slice(waiter.from));
      const match = waiter.pattern.exec(text);
      if (match !== null) {
        this.#waiters.delete(waiter);
        clearTimeout(waiter.timer);
        waiter.resolve({ text: text.slice(0, match.index + match[0].length), match });
      } else if (this.#exited !== undefined) {
        this.#waiters.delete(waiter);
        clearTimeout(waiter.timer);
        waiter.reject(this.#failure(`the process ended (${describeExit(this.#exited)}) without showing ${String(waiter.pattern)}`, waiter.from));
      }
    }
  }

  #failure(what: string, from: number): Error {
    const recent = stripAnsi(this.#raw.slice(from)).slice(-2500);
    const before = stripAnsi(this.#raw.slice(0, from)).slice(-800);
    return new Error(
      `factdeck ${this.args.join(' ')}: ${what}.\n--- output before the mark (end) ---\n${before}\n--- output since the mark ---\n${recent}\n---`,
    );
  }
}

function describeExit(exit: PtyExit): string {
  return exit.signal === undefined ? `exit code ${exit.exitCode}` : `signal ${exit.signal}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Starts `node bin/factdeck.cjs ...args` in a 100x40 pseudo-terminal. */
export function startPty(args: readonly string[], options: PtyOptions = {}): PtySession {
  return new PtySession(args, options);
}
