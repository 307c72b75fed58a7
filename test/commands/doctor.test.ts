import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inspectDataDir, restoreBackup } from '../../src/storage/inspect.js';
import { Store } from '../../src/storage/store.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * Two runs of `answers` answers, a day apart. `checkpointEvery` per run: 1 leaves factdeck.json summing up
 * the whole log; by default (a checkpoint every 500 events) the answers are in the log only.
 */
async function dataWithAnswers(answers: number, checkpointEvery: [number?, number?] = []): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'factdeck-doctor-'));
  dirs.push(dir);
  for (let run = 0; run < 2; run++) {
    const every = checkpointEvery[run];
    const store = await Store.open(dir, { now: () => new Date(Date.UTC(2026, 5, 1 + run)), ...(every === undefined ? {} : { checkpointEvery: every }) });
    for (let i = 0; i < answers; i++) {
      await store.record(() => [
        {
          type: 'attempt',
          attempt: { id: `a${run}-${i}`, sessionId: 's', profile: 'ann', deckId: 'd', questionId: `q${i}`, factId: `f${i}`, kind: 'cloze', given: 'x', correct: i % 2 === 0, at: new Date(Date.UTC(2026, 5, 1 + run, 9, i)).toISOString(), ms: 100 },
        },
      ]);
    }
    await store.close();
  }
  return dir;
}

describe('factdeck doctor', () => {
  it('finds a healthy folder healthy, with the log and the file in agreement, and lists the backups', async () => {
    const dir = await dataWithAnswers(3, [1, 1]);
    const inspection = await inspectDataDir(dir);
    expect(inspection.findings.filter((f) => f.level !== 'ok')).toEqual([]);
    expect(inspection.findings.some((f) => /agrees with the history log \(6 answers, 0 cards, as `factdeck profiles` counts them\)/.test(f.what))).toBe(true);
    expect(inspection.findings.some((f) => /newer than/.test(f.what))).toBe(false);
    expect(inspection.events).toBe(6);
    expect(inspection.backups.length).toBeGreaterThanOrEqual(1);
    expect(inspection.backups.every((b) => b.problem === null)).toBe(true);
  });

  it('finds the usual folder healthy: the file agrees with the part of the log it sums up, and the rest is added by every run', async () => {
    // The first run's answers checkpointed, the second's in the log only (no checkpoint was due).
    const dir = await dataWithAnswers(3, [1]);
    const summed = (JSON.parse(await readFile(join(dir, 'factdeck.json'), 'utf8')) as { logBytes: number }).logBytes;
    const size = (await readFile(join(dir, 'history.jsonl'))).length;
    expect(summed).toBeGreaterThan(0);
    expect(size).toBeGreaterThan(summed);
    const inspection = await inspectDataDir(dir);
    expect(inspection.findings.filter((f) => f.level !== 'ok')).toEqual([]);
    expect(inspection.findings.map((f) => f.what)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`agrees with the part of the history log it sums up \\(its first ${summed} bytes\\) \\(3 answers, 0 cards, as \`factdeck profiles\` counts them\\)`)),
        expect.stringMatching(new RegExp(`^${size - summed} bytes of the log are newer than .*factdeck\\.json: every run adds them as it starts$`)),
      ]),
    );
    expect(inspection.events).toBe(6);
  });

  it('warns when the file does not add up to the part of the log it sums up', async () => {
    const dir = await dataWithAnswers(3, [1]);
    const log = join(dir, 'history.jsonl');
    // The first answer, summed up in the file, put on another fact in the log (the same length: the file's logBytes still fit).
    const text = await readFile(log, 'utf8');
    const changed = text.replace('"factId":"f0"', '"factId":"g0"');
    expect(changed).not.toBe(text);
    await writeFile(log, changed);
    const inspection = await inspectDataDir(dir);
    expect(inspection.findings).toContainEqual({ level: 'warning', what: expect.stringMatching(/factdeck\.json does not add up to what the part of the history log it sums up \(its first \d+ bytes\) holds/) });
  });

  /** Line `index` of the log replaced by garbage of the same length (so the log keeps its size). */
  async function spoilLine(log: string, index: number): Promise<void> {
    const lines = (await readFile(log, 'utf8')).split('\n');
    lines[index] = '{"type": "attempt", broken'.padEnd(Buffer.byteLength(lines[index] ?? ''), ' ').replace(/ $/, 'x');
    await writeFile(log, lines.join('\n'));
  }

  it('names the line of a damaged history log, an error in the part every run reads', async () => {
    const dir = await dataWithAnswers(3);
    const log = join(dir, 'history.jsonl');
    // Three answers more, appended by another process and not yet summed up in factdeck.json.
    const lines = (await readFile(log, 'utf8')).split('\n').filter((line) => line !== '');
    await writeFile(log, `${lines.join('\n')}\n${lines.slice(-3).join('\n')}\n`);
    await spoilLine(log, lines.length + 1);
    const inspection = await inspectDataDir(dir);
    expect(inspection.findings).toContainEqual({ level: 'error', what: expect.stringContaining(`cannot read ${log}: a line of the history log is not valid JSON (line ${lines.length + 2});`) });
    // As the store says it.
    await expect(Store.open(dir, { readOnly: true })).rejects.toThrow(`a line of the history log is not valid JSON (line ${lines.length + 2})`);
  });

  it('names the line of damage in the part factdeck.json already sums up as a warning: runs go on, a restore would stop there', async () => {
    const dir = await dataWithAnswers(3, [1, 1]);
    const log = join(dir, 'history.jsonl');
    await spoilLine(log, 2);
    const inspection = await inspectDataDir(dir);
    expect(inspection.findings).toContainEqual({ level: 'warning', what: expect.stringMatching(/a line of the history log is not valid JSON \(line 3\);.*already summed up in .*factdeck\.json, so runs go on/) });
    expect(inspection.findings.filter((f) => f.level === 'error')).toEqual([]);
    const store = await Store.open(dir);
    await store.close();
  });

  it('reports a damaged database file, and a torn last log line as a warning only', async () => {
    const dir = await dataWithAnswers(2);
    await writeFile(join(dir, 'factdeck.json'), '{"schemaVersion": 3, "sessions": [');
    await writeFile(join(dir, 'history.jsonl'), `${await readFile(join(dir, 'history.jsonl'), 'utf8')}[{"type":"att`);
    const inspection = await inspectDataDir(dir);
    expect(inspection.findings.find((f) => f.what.includes('factdeck.json'))?.level).toBe('error');
    expect(inspection.findings.some((f) => f.level === 'warning' && /cut short by a crash/.test(f.what))).toBe(true);
  });

  it('restores a backup, keeps the replaced file, and the next open adds back what the log holds since', async () => {
    const dir = await dataWithAnswers(3);
    const before = await Store.open(dir);
    const facts = structuredClone(before.data().facts);
    await before.close();
    await writeFile(join(dir, 'factdeck.json'), 'garbage');
    const [oldest] = (await inspectDataDir(dir)).backups;
    const { keptAs } = await restoreBackup(dir, oldest!.file, new Date(Date.UTC(2026, 5, 3)));
    expect(keptAs).not.toBeNull();
    expect(await readFile(keptAs!, 'utf8')).toBe('garbage');
    const after = await Store.open(dir);
    expect(after.data().facts).toEqual(facts);
    await after.close();
    expect((await readdir(join(dir, 'backups'))).some((name) => name.endsWith('.json.old'))).toBe(true);
  });

  it('refuses a backup that does not parse', async () => {
    const dir = await dataWithAnswers(1);
    const bad = join(dir, 'backups', 'factdeck-2020-01-01T00-00-00.000Z.json');
    await writeFile(bad, '{');
    await expect(restoreBackup(dir, bad, new Date())).rejects.toThrow(/cannot be used/);
  });
});
