// Several processes on one database, as when a learner has two terminals open. The store runs in real
// child processes (compiled from src/storage by the helper), so the lock is tested across processes.

import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StorageError } from '../../src/storage/errors.js';
import { Store } from '../../src/storage/store.js';
import { anAttempt } from '../helpers/store-records.js';
import { type BuiltStorage, buildStorage } from '../helpers/store-build.js';
import { useStoreTempDirs } from '../helpers/store-temp-dir.js';

const fixture = (name: string): string => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

interface Message {
  type: string;
}

function start(script: string, args: string[]): ChildProcess {
  return fork(fixture(script), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** Resolves with the child's next message of this type; rejects if it exits first. */
function nextMessage(child: ChildProcess, type: string): Promise<Message> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Message) => {
      if (message.type !== type) return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolve(message);
    };
    const onExit = (code: number | null, signal: string | null) => {
      child.off('message', onMessage);
      reject(new Error(`child exited (code ${code}, signal ${signal}) before sending "${type}"`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('two processes on one database', () => {
  const tempDir = useStoreTempDirs();
  const children: ChildProcess[] = [];
  let built: BuiltStorage;

  beforeAll(async () => {
    built = await buildStorage();
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await built?.remove();
  });

  it('lose nothing: 2 x 200 overlapping updates give 400 attempts with unique ids', async () => {
    const dataDir = await tempDir();
    const perChild = 200;
    const pair = ['left', 'right'].map((label) => start('append-attempts.mjs', [built.moduleUrl('store'), dataDir, label, String(perChild)]));
    children.push(...pair);
    await Promise.all(pair.map((child) => nextMessage(child, 'ready')));
    const done = pair.map((child) => nextMessage(child, 'done'));
    for (const child of pair) child.send({ type: 'go' });
    await Promise.all(done);
    expect(await Promise.all(pair.map(exited))).toEqual([0, 0]);

    const store = await Store.open(dataDir);
    const ids = store.data().attempts.map((attempt) => attempt.id);
    expect(ids).toHaveLength(2 * perChild);
    expect(new Set(ids).size).toBe(2 * perChild);
    for (const label of ['left', 'right']) {
      // Each child's own updates kept their order.
      const own = ids.filter((id) => id.startsWith(`${label}-`));
      expect(own).toEqual(Array.from({ length: perChild }, (_, i) => `${label}-${i}`));
    }
  }, 60_000);

  it('a lock holder killed with SIGKILL blocks another process for less than 15 s', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { lockTiming: { waitMs: 300 } });
    const holder = start('hold-lock.mjs', [built.moduleUrl('database-lock'), store.file]);
    children.push(holder);
    await nextMessage(holder, 'locked');

    // While the holder lives, its lock is respected.
    const refused = await store.update((data) => data.attempts.push(anAttempt({ id: 'refused' }))).catch((reason: unknown) => reason);
    expect(refused).toBeInstanceOf(StorageError);
    expect((refused as StorageError).code).toBe('ELOCKED');
    expect((refused as StorageError).message).toContain(`delete ${store.file}.lock`);

    holder.kill('SIGKILL');
    await exited(holder);
    expect(existsSync(`${store.file}.lock`)).toBe(true);

    // Opening takes the lock too: it waits until the dead holder's lock is stale, then takes it over.
    const startedAt = Date.now();
    const reopened = await Store.open(dataDir);
    await reopened.update((data) => data.attempts.push(anAttempt({ id: 'after-the-crash' })));
    const waited = Date.now() - startedAt;
    // Refreshed at most 2.5 s before the kill, the lock is stale no sooner than 7.5 s after it.
    expect(waited).toBeGreaterThan(5_000);
    expect(waited).toBeLessThan(15_000);
    expect(reopened.data().attempts.map((a) => a.id)).toEqual(['after-the-crash']);
  }, 30_000);
});
