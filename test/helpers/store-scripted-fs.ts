// A FileSystem for storage tests that does the real thing until told otherwise: fail the next call of a
// kind with an errno (ENOSPC, EROFS, ...), or "crash" at the n-th write-path call, after which every
// call fails, as if the process had died there. It also records the write-path calls it saw, so a test
// can find the steps of a history-log append, of a backup and of a database checkpoint. copy (a backup)
// and identity (has the database file changed under us?) pass through to the real file system too.

import { readFile, writeFile } from 'node:fs/promises';
import type { FileSystem, WritableFile } from '../../src/storage/file-system.js';
import { realFileSystem } from '../../src/storage/file-system.js';

/** Calls that change what is on the disk, in the order the storage layer makes them. */
export type WriteStep = 'open' | 'writeFile' | 'sync' | 'close' | 'rename' | 'syncDir' | 'truncate' | 'copy';
export type FsCall = WriteStep | 'unlink' | 'readFile' | 'readdir' | 'mkdir' | 'size' | 'readFrom' | 'identity';

const { copy: realCopy, identity: realIdentity } = requireOptional(realFileSystem);

/** The real file system's optional calls, which these tests need it to have. */
function requireOptional(fs: FileSystem): Required<Pick<FileSystem, 'copy' | 'identity'>> {
  const { copy, identity } = fs;
  if (copy === undefined || identity === undefined) throw new Error('the real file system lacks copy or identity');
  return { copy, identity };
}

/** Thrown by a crashed file system: the process "died" at this call. */
export class SimulatedCrash extends Error {
  override readonly name = 'SimulatedCrash';
}

/** before: the call never happens; after: it happens, then the crash; torn: writeFile writes half (copy copies half). */
export type CrashTiming = 'before' | 'after' | 'torn';

export interface SeenStep {
  step: WriteStep;
  path: string;
  /** open's flags: 'wx' for a temp file, 'a' for the history log. */
  flags?: 'wx' | 'a';
}

export class ScriptedFileSystem implements FileSystem {
  /** Write-path calls seen, in order, with their paths. */
  readonly steps: SeenStep[] = [];
  #failures: Array<{ call: FsCall; code: string; when: (path: string) => boolean }> = [];
  #crash: { at: number; timing: CrashTiming } | undefined;
  #dead = false;

  /** The next `call` whose path passes `when` fails with an errno-style error (the next `times` such calls). */
  failNext(call: FsCall, code: string, when: (path: string) => boolean = () => true, times = 1): void {
    for (let i = 0; i < times; i += 1) this.#failures.push({ call, code, when });
  }

  /** Crash at the write-path call numbered `at` (0-based, counted from now). */
  crashAt(at: number, timing: CrashTiming): void {
    this.#crash = { at: this.steps.length + at, timing };
  }

  get crashed(): boolean {
    return this.#dead;
  }

  /** The steps seen since `from` (an earlier `steps.length`), as "step flags? name" for readable asserts. */
  stepsSince(from: number, name: (path: string) => string): string[] {
    return this.steps.slice(from).map(({ step, path, flags }) => [step, flags, name(path)].filter((part) => part !== undefined).join(' '));
  }

  async open(path: string, flags: 'wx' | 'a'): Promise<WritableFile> {
    const opening = this.#enter('open', path, flags);
    const handle = await realFileSystem.open(path, flags);
    try {
      this.#leave(opening);
    } catch (crash) {
      await handle.close(); // the kernel closes a dead process's files
      throw crash;
    }
    return {
      writeFile: async (data) => {
        const step = this.#enter('writeFile', path);
        if (this.#crash?.at === step && this.#crash.timing === 'torn') {
          await handle.writeFile(data.subarray(0, Math.floor(data.length / 2)));
          throw this.#die();
        }
        await handle.writeFile(data);
        this.#leave(step);
      },
      sync: async () => {
        const step = this.#enter('sync', path);
        await handle.sync();
        this.#leave(step);
      },
      close: async () => {
        if (this.#dead) return handle.close(); // the kernel closes a dead process's files
        let step: number;
        try {
          step = this.#enter('close', path);
        } catch (failure) {
          await handle.close(); // a failed close(2) still releases the descriptor
          throw failure;
        }
        await handle.close();
        this.#leave(step);
      },
    };
  }

  async rename(from: string, to: string): Promise<void> {
    const step = this.#enter('rename', from);
    await realFileSystem.rename(from, to);
    this.#leave(step);
  }

  async syncDir(path: string): Promise<void> {
    const step = this.#enter('syncDir', path);
    await realFileSystem.syncDir(path);
    this.#leave(step);
  }

  async truncate(path: string, length: number): Promise<void> {
    const step = this.#enter('truncate', path);
    await realFileSystem.truncate(path, length);
    this.#leave(step);
  }

  /** Recorded with the path it copies to (a temp file in backups/). */
  async copy(from: string, to: string): Promise<void> {
    const step = this.#enter('copy', to);
    if (this.#crash?.at === step && this.#crash.timing === 'torn') {
      const bytes = await readFile(from);
      await writeFile(to, bytes.subarray(0, Math.floor(bytes.length / 2)), { flag: 'wx' });
      throw this.#die();
    }
    await realCopy(from, to);
    this.#leave(step);
  }

  async identity(path: string): Promise<string | null> {
    this.#check('identity', path);
    return realIdentity(path);
  }

  async size(path: string): Promise<number | null> {
    this.#check('size', path);
    return realFileSystem.size(path);
  }

  async readFrom(path: string, offset: number): Promise<Buffer> {
    this.#check('readFrom', path);
    return realFileSystem.readFrom(path, offset);
  }

  async unlink(path: string): Promise<void> {
    this.#check('unlink', path);
    return realFileSystem.unlink(path);
  }

  async readFile(path: string): Promise<Buffer> {
    this.#check('readFile', path);
    return realFileSystem.readFile(path);
  }

  async readdir(path: string): Promise<string[]> {
    this.#check('readdir', path);
    return realFileSystem.readdir(path);
  }

  async mkdir(path: string): Promise<void> {
    this.#check('mkdir', path);
    return realFileSystem.mkdir(path);
  }

  /** Any call: a dead process does nothing; a scripted failure throws. */
  #check(call: FsCall, path: string): void {
    if (this.#dead) throw new SimulatedCrash(`the process already crashed (${call} ${path})`);
    const index = this.#failures.findIndex((failure) => failure.call === call && failure.when(path));
    if (index >= 0) {
      const [failure] = this.#failures.splice(index, 1);
      throw Object.assign(new Error(`${failure?.code}: simulated failure, ${call} '${path}'`), { code: failure?.code, syscall: call, path });
    }
  }

  /** A write-path call: checked, recorded, and crashed "before" when it is the chosen one. Returns its number. */
  #enter(step: WriteStep, path: string, flags?: 'wx' | 'a'): number {
    this.#check(step, path);
    const index = this.steps.length;
    this.steps.push(flags === undefined ? { step, path } : { step, path, flags });
    if (this.#crash?.at === index && this.#crash.timing === 'before') throw this.#die();
    return index;
  }

  /** The call numbered `index` has happened: crash now if it was chosen for "after". */
  #leave(index: number): void {
    if (this.#crash?.at === index && this.#crash.timing !== 'before') throw this.#die();
  }

  #die(): SimulatedCrash {
    this.#dead = true;
    return new SimulatedCrash('simulated crash');
  }
}
