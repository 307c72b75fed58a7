// An Anki export with the progress reads the review log in a worker thread (dist/worker.cjs) while
// it writes the notes: with the built program, the package is byte for byte the one made without the
// thread (FACTDECK_THREADS=0), and a damaged review log is refused the same way, with nothing written.

import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, runCli, stopAllCli, tempDirs } from '../helpers/cli-run.js';

beforeAll(requireBuild);
const dirs = tempDirs('factdeck-anki-thread-');
afterEach(async () => {
  await stopAllCli();
  await dirs.removeAll();
});

const DECK = 'blinken-visit-beijing';
const at = (day: number, hour = 9): string => new Date(Date.UTC(2026, 5, 1 + day, hour)).toISOString();
// Every event is written into factdeck.json at once: the damage below is then in the part of the log
// that the database file already sums up, which only the review log's reader reads again.
const ENV = { FACTDECK_CHECKPOINT_EVERY: '1' };

async function studied(): Promise<{ tmp: string; data: string }> {
  const tmp = await dirs.make();
  const data = join(tmp, 'data');
  for (const [when, input] of [
    [at(0), '\n3\n'.repeat(8)],
    [at(0, 10), '\n3\n'.repeat(8)],
  ] as const) {
    const run = await runCli(['study', '--plain', '--deck', DECK, '--data', data, '--new', when === at(0) ? '8' : '0'], { env: { ...ENV, FACTDECK_NOW: when }, input, timeoutMs: 60_000 });
    expect(run.code, run.stderr).toBe(0);
  }
  return { tmp, data };
}

function exportArgs(data: string, out: string): string[] {
  return ['export', '--format', 'apkg', '--deck', DECK, '--with-progress', '--data', data, '--out', out];
}

describe('export --format apkg --with-progress, the review log read in a thread', () => {
  it('gives the very bytes of the package made without the thread', async () => {
    const { tmp, data } = await studied();
    expect(existsSync(new URL('../../dist/worker.cjs', import.meta.url))).toBe(true);
    const threaded = join(tmp, 'threaded.apkg');
    const single = join(tmp, 'single.apkg');
    const env = { ...ENV, FACTDECK_NOW: at(1) };
    const a = await runCli(exportArgs(data, threaded), { env, timeoutMs: 60_000 });
    const b = await runCli(exportArgs(data, single), { env: { ...env, FACTDECK_THREADS: '0' }, timeoutMs: 60_000 });
    expect(a.stderr).toBe('');
    expect(a.stdout).toMatch(/with the schedule of 8 cards and 16 reviews/);
    expect(b.stdout.replace('single', 'threaded')).toBe(a.stdout);
    expect(readFileSync(threaded).equals(readFileSync(single))).toBe(true);
  }, 120_000);

  it('refuses a damaged review log as without the thread: the line named, no stack, no package written', async () => {
    const { tmp, data } = await studied();
    const log = join(data, 'history.jsonl');
    const text = await readFile(log, 'utf8');
    // A rating no program writes, of the same length: the database file's count of log bytes still holds.
    const damaged = text.replace('"rating":"good"', '"rating":"gold"');
    expect(damaged).not.toBe(text);
    await writeFile(log, damaged);
    const line = damaged.slice(0, damaged.indexOf('"rating":"gold"')).split('\n').length;
    const results = [];
    for (const threads of ['1', '0']) {
      const out = join(tmp, `out-${threads}.apkg`);
      const run = await runCli(exportArgs(data, out), { env: { ...ENV, FACTDECK_NOW: at(1), FACTDECK_THREADS: threads }, timeoutMs: 60_000 });
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(new RegExp(`a review in the history log is malformed \\(line ${line}\\)`));
      expect(run.stderr).toMatch(/factdeck doctor/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
      results.push({ code: run.code, stderr: run.stderr });
    }
    expect(results[0]).toEqual(results[1]);
  }, 120_000);
});
