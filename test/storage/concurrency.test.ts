// Several processes on one data folder, as when a learner has two terminals open. The store runs in
// real child processes (the compiled dist/storage), so the lock and the log are tested across processes.

import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_FILE } from '../../src/storage/history-log.js';
import { DEFAULT_FILE_NAME, Store } from '../../src/storage/store.js';
import { assertStorageBuilt } from '../helpers/store-build.js';
import { eventId, factCounts, freshData, logEvents, logSaves, readDatabaseFile, readOnlyData, storageRejection } from '../helpers/store-files.js';
import { attemptEvent } from '../helpers/store-records.js';
import { useStoreTempDirs } from '../helpers/store-temp-dir.js';

const fixture = (name: string): string => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

interface Message {
  type: string;
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

describe('two processes on one data folder', () => {
  const tempDir = useStoreTempDirs();
  const children: ChildProcess[] = [];
  const start = (script: string, args: string[]): ChildProcess => {
    const child = fork(fixture(script), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
    return child;
  };

  beforeAll(() => {
    assertStorageBuilt();
  });

  afterAll(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  const perChild = 200;
  const rounds = 20;
  it.each([
    ['never checkpointing (every answer in the log only)', 1_000_000],
    ['checkpointing every 7 events, between the other’s appends', 7],
  ])('lose nothing, %s: 2 x 200 overlapping answers give 400', async (_name, checkpointEvery) => {
    const dataDir = await tempDir();
    const pair = ['left', 'right'].map((label) => start('append-attempts.mjs', [dataDir, label, String(checkpointEvery)]));
    await Promise.all(pair.map((child) => nextMessage(child, 'ready')));
    // Both children record at once in every round, so their records overlap throughout.
    for (let round = 0; round < rounds; round += 1) {
      const did = pair.map((child) => nextMessage(child, 'did'));
      for (const child of pair) child.send({ type: 'go', count: perChild / rounds });
      await Promise.all(did);
    }
    const done = pair.map((child) => nextMessage(child, 'done'));
    for (const child of pair) child.send({ type: 'finish' });
    await Promise.all(done);
    expect(await Promise.all(pair.map(exited))).toEqual([0, 0]);

    // The history log: one line per save (each child saves its answers two at a time), never a line
    // holding both children's events, and exactly 400 answers, every id once, each child's in its order.
    const saves = await logSaves(join(dataDir, HISTORY_FILE));
    expect(saves).toHaveLength(perChild);
    for (const save of saves) {
      const [first, second] = save.map(eventId);
      expect(save).toHaveLength(2);
      expect(first?.split('-')[0]).toBe(second?.split('-')[0]);
      expect(Number(second?.split('-')[1])).toBe(Number(first?.split('-')[1]) + 1);
    }
    const ids = saves.flat().map(eventId);
    expect(ids).toEqual((await logEvents(join(dataDir, HISTORY_FILE))).map(eventId));
    expect(ids.every((id) => /^(left|right)-\d+$/.test(id))).toBe(true);
    expect(ids).toHaveLength(2 * perChild);
    expect(new Set(ids).size).toBe(2 * perChild);
    for (const label of ['left', 'right']) {
      expect(ids.filter((id) => id.startsWith(`${label}-`))).toEqual(Array.from({ length: perChild }, (_, i) => `${label}-${i}`));
    }
    // They did interleave: every round holds both children's saves.
    const switches = ids.filter((id, i) => i > 0 && id.split('-')[0] !== ids[i - 1]?.split('-')[0]).length;
    expect(switches).toBeGreaterThanOrEqual(rounds);

    // A fresh store and a reader (the file plus the log beyond it, as the program reads them): 400.
    const expected = Array.from({ length: 10 }, (_, f) => {
      const answers = Array.from({ length: perChild }, (_, i) => i).filter((i) => i % 10 === f);
      return `default/blinken-beijing/f${f}=${2 * answers.length}/${2 * answers.filter((i) => i % 3 !== 0).length}`;
    }).sort();
    const fresh = await freshData(dataDir);
    expect(factCounts(fresh)).toEqual(expected);
    expect(fresh.facts.reduce((sum, fact) => sum + fact.attempts, 0)).toBe(2 * perChild);
    expect(fresh.kinds).toEqual([{ profile: 'default', deckId: 'blinken-beijing', kind: 'choice', attempts: 400, correct: expected.reduce((sum, line) => sum + Number(line.split('/').at(-1)), 0) }]);
    expect(factCounts(await readOnlyData(dataDir))).toEqual(expected);
    // The database file alone is exactly what the log up to its logBytes adds up to: checkpoints taken
    // between the other's appends never dropped or doubled an answer (the part after it is replayed).
    const file = await readDatabaseFile(join(dataDir, DEFAULT_FILE_NAME));
    if (checkpointEvery === 7) expect(file.logBytes).toBeGreaterThan(0);
    const prefixDir = await tempDir();
    await writeFile(join(prefixDir, HISTORY_FILE), (await readFile(join(dataDir, HISTORY_FILE))).subarray(0, file.logBytes));
    expect(factCounts(file)).toEqual(factCounts(await readOnlyData(prefixDir)));
  }, 60_000);

  it('a lock holder killed with SIGKILL blocks another process for less than 15 s', async () => {
    const dataDir = await tempDir();
    const store = await Store.open(dataDir, { lockTiming: { waitMs: 300 } });
    const holder = start('hold-lock.mjs', [store.file]);
    await nextMessage(holder, 'locked');

    // While the holder lives, its lock is respected.
    const refused = await storageRejection(store.record(() => [attemptEvent({ id: 'refused' })]));
    expect(refused.code).toBe('ELOCKED');
    expect(refused.message).toContain(`delete ${store.file}.lock`);
    expect((await logEvents(store.historyFile)).length).toBe(0);

    holder.kill('SIGKILL');
    await exited(holder);
    expect(existsSync(`${store.file}.lock`)).toBe(true);

    // Opening takes the lock too: it waits until the dead holder's lock is stale, then takes it over.
    const startedAt = Date.now();
    const reopened = await Store.open(dataDir);
    await reopened.record(() => [attemptEvent({ id: 'after-the-crash' })]);
    const waited = Date.now() - startedAt;
    // The note inside the lock names a process of this machine that is gone: taken over at once, rather
    // than after the full 10 s stale time.
    expect(waited).toBeLessThan(1_000);
    expect(existsSync(`${store.file}.lock`)).toBe(false);
    await reopened.close();
    expect((await logSaves(store.historyFile)).map((save) => save.map(eventId))).toEqual([['after-the-crash']]);
    await store.close();
  }, 30_000);
});
