// A deck.json held open while a command uses it: hashed in chunks through one small buffer (a large deck
// is never copied whole into memory just to be recognised), then read only where asked. Reading through
// the descriptor opened first, every read sees the file that was hashed even if an editor saves a new one
// in its place meanwhile. The descriptor is closed once the whole file is read, or when the deck is
// garbage-collected (process exit closes it anyway).

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

const CHUNK = 256 * 1024;
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Closed already.
  }
});

export class DeckFile {
  #fd: number | null;
  #whole: Buffer | undefined;

  private constructor(
    fd: number,
    readonly size: number,
  ) {
    this.#fd = fd;
    closer.register(this, fd, this);
  }

  /**
   * Opens a regular file; throws as openSync and fstatSync do (ENOENT...), and with code ENOTFILE for
   * anything else. Opened without waiting: a FIFO would otherwise hold the open until a writer came.
   */
  static open(path: string): DeckFile {
    const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const info = fstatSync(fd);
      if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOTFILE' });
      return new DeckFile(fd, info.size);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** The file's bytes, chunk by chunk (each chunk valid until the next is asked for). */
  *chunks(): Generator<Uint8Array> {
    if (this.#whole !== undefined) {
      yield this.#whole;
      return;
    }
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, this.size)));
    for (let at = 0; at < this.size; ) {
      const read = readSync(this.#open(), buffer, 0, Math.min(buffer.length, this.size - at), at);
      if (read === 0) break;
      at += read;
      yield buffer.subarray(0, read);
    }
  }

  /** The bytes from `start` to just before `end`. */
  read(start: number, end: number): Buffer {
    if (this.#whole !== undefined) return this.#whole.subarray(start, end);
    const buffer = Buffer.allocUnsafe(end - start);
    let done = 0;
    while (done < buffer.length) {
      const read = readSync(this.#open(), buffer, done, buffer.length - done, start + done);
      if (read === 0) break;
      done += read;
    }
    return buffer.subarray(0, done);
  }

  /** All of it (kept; the file is then closed). */
  all(): Buffer {
    if (this.#whole === undefined) {
      this.#whole = this.read(0, this.size);
      this.close();
    }
    return this.#whole;
  }

  close(): void {
    if (this.#fd === null) return;
    closer.unregister(this);
    try {
      closeSync(this.#fd);
    } finally {
      this.#fd = null;
    }
  }

  #open(): number {
    if (this.#fd === null) throw new Error('deck file read after it was closed');
    return this.#fd;
  }
}
