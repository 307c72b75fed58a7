import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type LockHolder, acquireLock, lockFilePath, lockOwnerPath, lockTakeoverPath, ownerNote } from '../../src/storage/database-lock.js';
import { scopeOf, thisProcess } from '../../src/storage/process-identity.js';
import { assertStorageBuilt } from '../helpers/store-build.js';
import { useStoreTempDirs } from '../helpers/store-temp-dir.js';

/** A pid that was a process a moment ago and is not any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/** A lock left as a holder leaves it: the lock folder with its owner note inside, last refreshed `ageMs` ago. */
async function leftLock(file: string, owner: number | null, ageMs: number, host = hostname(), scope = thisProcess().scope): Promise<void> {
  await mkdir(lockFilePath(file));
  if (owner !== null) await writeFile(lockOwnerPath(file), ownerNote({ pid: owner, host, scope }));
  const when = new Date(Date.now() - ageMs);
  await utimes(lockFilePath(file), when, when);
}

describe('the database lock', () => {
  const tempDir = useStoreTempDirs();
  const timing = { staleMs: 10_000, updateMs: 2_500, waitMs: 1_500 };

  it('takes over at once a lock whose holder, named in it, was a process of this machine that is gone, however fresh', async () => {
    const file = join(await tempDir(), 'factdeck.json');
    await leftLock(file, deadPid(), 0);
    const started = Date.now();
    const held = await acquireLock(file, timing);
    expect(Date.now() - started).toBeLessThan(1_000);
    await held.release();
  });

  it('respects a lock whose holder is alive, however old its last refresh looks', async () => {
    const file = join(await tempDir(), 'factdeck.json');
    await leftLock(file, process.ppid, 4_000);
    await expect(acquireLock(file, timing)).rejects.toMatchObject({ code: 'ELOCKED' });
  });

  it('respects a lock whose note names a process of another machine (a shared folder) until it is stale', async () => {
    const file = join(await tempDir(), 'factdeck.json');
    await leftLock(file, deadPid(), 4_000, `not-${hostname()}`);
    await expect(acquireLock(file, timing)).rejects.toMatchObject({ code: 'ELOCKED' });
    const old = new Date(Date.now() - 11_000);
    await utimes(lockFilePath(file), old, old);
    const held = await acquireLock(file, timing);
    await held.release();
  });

  it('respects a lock whose holder is a pid of this machine it cannot see (another PID namespace: a container) until it is stale, and says so', async () => {
    const file = join(await tempDir(), 'factdeck.json');
    // A dead pid here stands for a live process of another namespace: from here the two look the same.
    const pid = deadPid();
    await leftLock(file, pid, 4_000, hostname(), scopeOf(hostname(), 'pid:[4026531999]'));
    const told: LockHolder[] = [];
    await expect(acquireLock(file, { ...timing, waitMs: 1_300 }, (holder) => told.push(holder))).rejects.toMatchObject({ code: 'ELOCKED' });
    expect(told).toEqual([{ owner: { pid, host: hostname() }, liveness: 'unseen' }]);
    const old = new Date(Date.now() - 11_000);
    await utimes(lockFilePath(file), old, old);
    const held = await acquireLock(file, timing);
    await held.release();
  });

  it('takes a note without a scope (an older factdeck\'s) for a holder it cannot check', async () => {
    const file = join(await tempDir(), 'factdeck.json');
    await leftLock(file, null, 0);
    await writeFile(lockOwnerPath(file), `${deadPid()} ${hostname()}\n`);
    await expect(acquireLock(file, { ...timing, waitMs: 300 })).rejects.toMatchObject({ code: 'ELOCKED' });
  });

  it('respects a lock with no note yet (its holder between making it and writing the note) until it is stale', async () => {
    const file = join(await tempDir(), 'factdeck.json');
    await leftLock(file, null, 4_000);
    await expect(acquireLock(file, timing)).rejects.toMatchObject({ code: 'ELOCKED' });
    const old = new Date(Date.now() - 11_000);
    await utimes(lockFilePath(file), old, old);
    const held = await acquireLock(file, timing);
    await held.release();
    expect(existsSync(lockFilePath(file))).toBe(false);
  });

  it('takes over a dead holder\'s lock with whatever else is in it (a .DS_Store, a folder of a sync tool)', async () => {
    const file = join(await tempDir(), 'factdeck.json');
    await leftLock(file, deadPid(), 0);
    await writeFile(join(lockFilePath(file), '.DS_Store'), 'x');
    await mkdir(join(lockFilePath(file), '.sync'));
    await writeFile(join(lockFilePath(file), '.sync', 'state'), 'x');
    const held = await acquireLock(file, timing);
    expect(await readFile(lockOwnerPath(file), 'utf8')).toBe(ownerNote());
    await held.release();
    expect(existsSync(lockFilePath(file))).toBe(false);
  });

  it('never takes a live holder\'s lock because of a stray file in it', async () => {
    const file = join(await tempDir(), 'factdeck.json');
    await leftLock(file, process.ppid, 60_000);
    await writeFile(join(lockFilePath(file), '.DS_Store'), 'x');
    await expect(acquireLock(file, { ...timing, waitMs: 300 })).rejects.toMatchObject({ code: 'ELOCKED' });
    expect(existsSync(join(lockFilePath(file), '.DS_Store'))).toBe(true);
  });

  it('releases its lock even when something was put in it meanwhile', async () => {
    const file = join(await tempDir(), 'factdeck.json');
    const held = await acquireLock(file, timing);
    await writeFile(join(lockFilePath(file), '.DS_Store'), 'x');
    await held.release();
    expect(existsSync(lockFilePath(file))).toBe(false);
  });

  it('refuses at once, naming it, a plain file where the lock folder goes, and leaves it', async () => {
    const file = join(await tempDir(), 'factdeck.json');
    await writeFile(lockFilePath(file), 'not ours');
    const started = Date.now();
    await expect(acquireLock(file, { ...timing, waitMs: 5_000 })).rejects.toMatchObject({ code: 'ENOTLOCK', file: lockFilePath(file) });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await readFile(lockFilePath(file), 'utf8')).toBe('not ours');
  });

  it('writes its own pid while held and removes the note before releasing', async () => {
    const file = join(await tempDir(), 'factdeck.json');
    const held = await acquireLock(file, timing);
    expect(await readFile(lockOwnerPath(file), 'utf8')).toBe(`${process.pid} ${hostname()}\nscope ${thisProcess().scope}\n`);
    await held.release();
    expect(existsSync(lockFilePath(file))).toBe(false);
  });

  it('takes over a stale lock only through the takeover gate: not while another waiter holds the gate', async () => {
    const file = join(await tempDir(), 'factdeck.json');
    await leftLock(file, deadPid(), 4_000);
    await mkdir(lockTakeoverPath(file)); // another waiter, in the middle of its takeover
    await expect(acquireLock(file, { ...timing, waitMs: 300 })).rejects.toMatchObject({ code: 'ELOCKED' });
    expect(existsSync(lockTakeoverPath(file))).toBe(true);
  });

  it('clears a takeover gate left by a waiter killed while taking over, then takes the lock', async () => {
    const file = join(await tempDir(), 'factdeck.json');
    await leftLock(file, deadPid(), 4_000);
    await mkdir(lockTakeoverPath(file));
    const old = new Date(Date.now() - 5_000);
    await utimes(lockTakeoverPath(file), old, old);
    const held = await acquireLock(file, timing);
    expect(existsSync(lockTakeoverPath(file))).toBe(false);
    expect(await readFile(lockOwnerPath(file), 'utf8')).toBe(`${process.pid} ${hostname()}\nscope ${thisProcess().scope}\n`);
    await held.release();
    expect(existsSync(lockFilePath(file))).toBe(false);
  });

  it('refreshes the lock while held, so a long hold is never taken for a dead one', async () => {
    const file = join(await tempDir(), 'factdeck.json');
    const held = await acquireLock(file, { staleMs: 400, updateMs: 50, waitMs: 1_000 });
    const first = (await stat(lockFilePath(file))).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await stat(lockFilePath(file))).mtimeMs).toBeGreaterThan(first);
    expect(held.compromised).toBeUndefined();
    await held.release();
  });

  it('marks the lock compromised when it changes hands while held, and then leaves the new holder\'s lock alone', async () => {
    const file = join(await tempDir(), 'factdeck.json');
    const held = await acquireLock(file, { staleMs: 10_000, updateMs: 50, waitMs: 1_000 });
    // Another process took it over (as if this one had stalled past the stale time): a new lock folder.
    await rm(lockFilePath(file), { recursive: true });
    await mkdir(lockFilePath(file));
    await writeFile(lockOwnerPath(file), `${process.ppid} ${hostname()}\n`);
    const theirs = new Date(Date.now() - 60_000);
    await utimes(lockFilePath(file), theirs, theirs);
    expect(held.compromised).toMatchObject({ code: 'ECOMPROMISED' });
    await held.release();
    expect(await readFile(lockOwnerPath(file), 'utf8')).toBe(`${process.ppid} ${hostname()}\n`);
  });

  it('six processes meeting one dead holder\'s lock at the same moment hold it one at a time', async () => {
    assertStorageBuilt();
    const dir = await tempDir();
    const file = join(dir, 'factdeck.json');
    const journal = join(dir, 'journal');
    const go = join(dir, 'go');
    await leftLock(file, deadPid(), 60_000);
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const fixture = join(import.meta.dirname, 'fixtures', 'take-lock-in-turn.mjs');
    const children = names.map((name) => spawn(process.execPath, [fixture, file, journal, name, go], { stdio: ['ignore', 'ignore', 'pipe'] }));
    const exits = children.map(
      (child) =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          let stderr = '';
          child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          child.on('close', (code) => resolve({ code, stderr }));
        }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // all six started and polling for the go file
    await writeFile(go, '');
    for (const result of await Promise.all(exits)) expect(result, result.stderr).toMatchObject({ code: 0 });
    const lines = (await readFile(journal, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(12);
    // Each "in" is followed by the same holder's "out": never two holders at once.
    for (let i = 0; i < lines.length; i += 2) {
      const [who, what] = (lines[i] as string).split(' ');
      expect(what).toBe('in');
      expect(lines[i + 1]).toBe(`${who} out`);
    }
    expect(new Set(lines.map((line) => line.split(' ')[0]))).toEqual(new Set(names));
    expect(existsSync(lockFilePath(file))).toBe(false);
    expect(existsSync(lockTakeoverPath(file))).toBe(false);
  }, 30_000);

  it('takes turns: a process taking the lock again and again (answers from a pipe) lets a waiter in within moments', async () => {
    assertStorageBuilt();
    const file = join(await tempDir(), 'factdeck.json');
    const fixture = join(import.meta.dirname, 'fixtures', 'greedy-holder.mjs');
    const greedy = spawn(process.execPath, [fixture, file, '3000'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const messages: { type: string; turns?: number }[] = [];
    const arrived = (type: string): Promise<void> =>
      new Promise((resolve) => {
        const look = (): void => (messages.some((m) => m.type === type) ? resolve() : void setTimeout(look, 5));
        look();
      });
    greedy.on('message', (message: { type: string }) => messages.push(message));
    await arrived('started');
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const asked = Date.now();
      const held = await acquireLock(file);
      waits.push(Date.now() - asked);
      await held.release();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await arrived('done');
    // The greedy process really was taking turns the whole time, and every wait was short.
    expect(messages.find((m) => m.type === 'done')?.turns).toBeGreaterThan(100);
    expect(Math.max(...waits), `waits: ${waits.join(', ')} ms`).toBeLessThan(250);
  }, 20_000);
});
