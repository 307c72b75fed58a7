// The few file-system calls the storage layer makes, behind one small interface. The real one is the
// default; tests pass a wrapper that fails (ENOSPC, EROFS, ...) or "crashes" at a chosen call, because
// running as root makes permissions useless for provoking write failures.

import { constants } from 'node:fs';
import { copyFile, lstat, open, mkdir, readFile, readdir, readlink, realpath, rename, stat, truncate, unlink } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** The part of a node FileHandle the write path uses. */
export interface WritableFile {
  /** Writes all of `data` (looping over short writes) from the current position. */
  writeFile(data: Uint8Array): Promise<void>;
  /** fsync: the bytes are on the disk when this resolves. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface FileSystem {
  /** Opens for writing: 'wx' for a temp file that is never shared, 'a' to append to the history log. */
  open(path: string, flags: 'wx' | 'a'): Promise<WritableFile>;
  /** The size in bytes, or null when the file does not exist; EISDIR when it is a folder. */
  size(path: string): Promise<number | null>;
  /** The bytes from `offset` to the end, or at most `limit` of them. */
  readFrom(path: string, offset: number, limit?: number): Promise<Buffer>;
  /** Cuts the file to `length` bytes (a history line torn by a crash). */
  truncate(path: string, length: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  readdir(path: string): Promise<string[]>;
  /**
   * mkdir -p, failing with the real reason: EROFS or EACCES for the folder that could not be made, ENOTDIR
   * naming the file that stands where a folder should be.
   */
  mkdir(path: string): Promise<void>;
  /**
   * Copies a file and flushes the copy to disk (a clone where the file system can, so a large database
   * costs little to back up). Optional: where it is missing, the caller writes the bytes itself.
   */
  copy?(from: string, to: string): Promise<void>;
  /** Something that changes whenever the file is replaced or rewritten (inode, size, time); optional. */
  identity?(path: string): Promise<string | null>;
  /**
   * The file a path names, through symbolic links (a factdeck.json linked from elsewhere is written where
   * it is, and stays a link); the path itself when it is no link. Optional: where missing, no link is followed.
   */
  resolveLink?(path: string): Promise<string>;
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
  copy: async (from, to) => {
    await copyFile(from, to, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
    const handle = await open(to, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  identity: async (path) => {
    try {
      const info = await stat(path, { bigint: true });
      return `${info.ino}:${info.size}:${info.mtimeNs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  readFile: (path) => readFile(path),
  size: async (path) => {
    try {
      const info = await stat(path);
      // Every file the store sizes is one it reads or writes whole: a folder there is a problem to name.
      if (info.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path} is a folder`), { code: 'EISDIR', path });
      return info.size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  readFrom: async (path, offset, limit = Number.POSITIVE_INFINITY) => {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const buffer = Buffer.alloc(Math.max(0, Math.min(size - offset, limit)));
      let read = 0;
      while (read < buffer.length) {
        const { bytesRead } = await handle.read(buffer, read, buffer.length - read, offset + read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      return buffer.subarray(0, read);
    } finally {
      await handle.close();
    }
  },
  truncate: (path, length) => truncate(path, length),
  readdir: (path) => readdir(path),
  mkdir: (path) => makeFolders(path),
  resolveLink: (path) => followLinks(path),
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

/**
 * mkdir -p, one folder at a time. Node's recursive mkdir reports ENOENT for a folder it could not make on a
 * read-only file system (it looks at the folder after the failure, and it is not there), and EEXIST for a
 * file in the way: a message built on those would send the learner looking for the wrong thing.
 */
async function makeFolders(path: string): Promise<void> {
  try {
    await mkdir(path);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return isFolder(path);
    // ENOTDIR: a file further up; the walk up below finds which.
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    const parent = dirname(path);
    if (parent === path) throw error;
    await makeFolders(parent);
  }
  try {
    await mkdir(path);
  } catch (error) {
    // Made meanwhile by another process: as good.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    await isFolder(path);
  }
}

/** Resolves when `path` is a folder; ENOTDIR naming it when it is a file. */
async function isFolder(path: string): Promise<void> {
  if ((await stat(path)).isDirectory()) return;
  throw Object.assign(new Error(`ENOTDIR: ${path} is a file, not a folder`), { code: 'ENOTDIR', path });
}

/** The real path of `path`; for a link to a file not made yet, the path it will be made at. */
async function followLinks(path: string, depth = 0): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || depth > 40) throw error;
  }
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return path;
    throw error;
  }
  if (!info.isSymbolicLink()) return path;
  return followLinks(resolve(dirname(path), await readlink(path)), depth + 1);
}
