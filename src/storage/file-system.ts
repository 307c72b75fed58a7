// The few file-system calls the storage layer makes, behind one small interface. The real one is the
// default; tests pass a wrapper that fails (ENOSPC, EROFS, ...) or "crashes" at a chosen call, because
// running as root makes permissions useless for provoking write failures.

import { open, mkdir, readFile, readdir, rename, unlink } from 'node:fs/promises';

/** The part of a node FileHandle the write path uses. */
export interface WritableFile {
  /** Writes all of `data` (looping over short writes) from the current position. */
  writeFile(data: Uint8Array): Promise<void>;
  /** fsync: the bytes are on the disk when this resolves. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface FileSystem {
  /** Opens for writing; the write path uses 'wx' so a temp file is never shared. */
  open(path: string, flags: 'wx'): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  readdir(path: string): Promise<string[]>;
  /** mkdir -p. */
  mkdir(path: string): Promise<void>;
  /** fsync a directory, so a rename inside it survives a power cut. */
  syncDir(path: string): Promise<void>;
}

/**
 * Codes with which a file system says "directories cannot be fsynced here" (Windows, some network and
 * FUSE file systems). The rename is then as durable as that file system can make it; failing the save
 * over it would only stop the learner from saving anything at all.
 */
const DIR_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EPERM', 'EBADF']);

export const realFileSystem: FileSystem = {
  open: (path, flags) => open(path, flags),
  rename: (from, to) => rename(from, to),
  unlink: (path) => unlink(path),
  readFile: (path) => readFile(path),
  readdir: (path) => readdir(path),
  mkdir: async (path) => {
    await mkdir(path, { recursive: true });
  },
  syncDir: async (path) => {
    let handle;
    try {
      handle = await open(path, 'r');
      await handle.sync();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === undefined || !DIR_SYNC_UNSUPPORTED.has(code)) throw error;
    } finally {
      await handle?.close();
    }
  },
};
