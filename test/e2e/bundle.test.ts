// The installed command as it really starts: bin/factdeck.cjs running the bundle (dist/factdeck.cjs) with
// V8's code cache, kept per user in $XDG_CACHE_HOME/factdeck (or ~/.cache/factdeck), never in the package.
// Each test works in a throwaway install and a throwaway cache folder, so the caches it damages or removes
// are never the ones the other tests use.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { BIN, ROOT, tempDirs } from '../helpers/cli-run.js';
import { killLeftovers, makeSandbox, runRaw, type RawResult, type Sandbox } from '../helpers/sandbox.js';

const STACK_TRACE = /\n\s+at .+:\d+:\d+/;
const sha1 = (data: Buffer): string => createHash('sha1').update(data).digest('hex');

let sandbox: Sandbox;
let cacheHome: string;
const dirs = tempDirs('factdeck-cache-home-');
beforeEach(async () => {
  sandbox = await makeSandbox();
  cacheHome = await dirs.make();
});
afterEach(async () => {
  killLeftovers();
  await sandbox.remove();
  await dirs.removeAll();
});

const cacheFolder = (): string => join(cacheHome, 'factdeck');

/** Where this Node keeps the cache of the sandbox's bundle for a kind of run (quiz() is a plain quiz). */
async function cacheFile(kind = 'quiz-plain'): Promise<string> {
  const bundle = await readFile(join(sandbox.root, 'dist', 'factdeck.cjs'));
  return join(cacheFolder(), `code-${process.version}-${process.arch}-${sha1(bundle)}-${kind}.bin`);
}

/** What a cache folder holds, but the deck cache's own folder (decks/, see src/bank/deck-cache.ts). */
async function codeCacheEntries(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name !== 'decks');
}

/** Runs the sandbox's command with the test's cache folder. */
function run(args: readonly string[], env: Record<string, string | undefined> = {}, input = ''): Promise<RawResult> {
  return runRaw(args, { bin: sandbox.bin, cwd: sandbox.root, input, env: { XDG_CACHE_HOME: cacheHome, ...env } });
}

/** A quiz of two questions in plain mode, both answered "don't know": enough to touch deck, store and grading. */
async function quiz(env: Record<string, string | undefined> = {}): Promise<RawResult> {
  const result = await run(['quiz', '--plain', '-n', '2', '--seed', '3', '--deck', join(ROOT, 'questions', 'blinken-visit-beijing'), '--data', await sandbox.dataDir()], env, '\n\n');
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  expect(result.out).toMatch(/Score: 0\/2/);
  return result;
}

function header(bytes: Buffer): string {
  return bytes.subarray(0, bytes.indexOf(10)).toString('latin1');
}

/** A whole cache for this Node, the sandbox's bundle and a kind of run. */
async function expectValidCache(bytes: Buffer, kind: string): Promise<void> {
  const bundle = await readFile(join(sandbox.root, 'dist', 'factdeck.cjs'));
  const data = bytes.subarray(bytes.indexOf(10) + 1);
  expect(header(bytes)).toBe(`factdeck-code-cache 3 ${process.version} ${process.arch} ${sha1(bundle)} ${kind} ${sha1(data)}`);
  expect(data.length).toBeGreaterThan(10_000);
}

/** Every file under a folder, with its size and modification time. */
async function listing(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => !entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(files.sort().map(async (file) => `${file} ${(await stat(file)).size} ${(await stat(file)).mtimeMs}`));
}

describe('the code cache', () => {
  test('is not in the package: the build makes none, and a run writes its own in the user\'s cache folder, never in the package', async () => {
    expect((await readdir(join(sandbox.root, 'dist'))).filter((name) => name.includes('cache'))).toEqual([]);
    const before = await listing(join(sandbox.root, 'dist'));
    await quiz();
    expect(await listing(join(sandbox.root, 'dist'))).toEqual(before);
    await expectValidCache(await readFile(await cacheFile()), 'quiz-plain');
    // Private to the user, as the XDG spec asks of the folders it makes.
    expect((await stat(cacheFolder())).mode & 0o777).toBe(0o700);
    expect((await stat(await cacheFile())).mode & 0o777).toBe(0o600);
    expect((await readdir(cacheFolder())).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('each kind of run has a cache of its own, made by its first run and then left as it is, whatever else runs', async () => {
    await quiz();
    const file = await cacheFile();
    const made = await readFile(file);
    const madeAt = (await stat(file)).mtimeMs;
    await quiz();
    expect((await stat(file)).mtimeMs).toBe(madeAt);
    expect((await readFile(file)).equals(made)).toBe(true);

    // Another command (and the same one not in plain mode) makes its own; the quiz's stays as it was.
    const decks = await run(['decks']);
    expect(decks.code).toBe(0);
    await expectValidCache(await readFile(await cacheFile('decks')), 'decks');
    expect((await run(['stats', '--data', await sandbox.dataDir()])).code).toBe(0);
    await expectValidCache(await readFile(await cacheFile('stats')), 'stats');
    await quiz();
    expect((await readFile(file)).equals(made)).toBe(true);
    expect((await stat(file)).mtimeMs).toBe(madeAt);
    // Words that are no command (typos, refused) share one cache, not one each.
    for (const typo of ['stdy', 'quizz']) expect((await run([typo])).code).toBe(2);
    expect((await codeCacheEntries(cacheFolder())).sort()).toEqual([await cacheFile('decks'), await cacheFile('other'), await cacheFile('quiz-plain'), await cacheFile('stats')].map((f) => f.split('/').at(-1)).sort());
  });

  test('without XDG_CACHE_HOME (or with a relative one, which the XDG spec says to ignore), it is in ~/.cache/factdeck', async () => {
    const home = await dirs.make();
    await quiz({ XDG_CACHE_HOME: undefined, HOME: home });
    await quiz({ XDG_CACHE_HOME: 'relative/cache', HOME: home });
    expect(await codeCacheEntries(join(home, '.cache', 'factdeck'))).toEqual([(await cacheFile()).split('/').at(-1)]);
    expect(existsSync(cacheFolder())).toBe(false);
    expect(existsSync(join(sandbox.root, 'relative'))).toBe(false);
  });

  test('damaged (its bytes changed, its first line kept) never reaches V8: the run works and the cache is made again', async () => {
    await quiz();
    const file = await cacheFile();
    const good = await readFile(file);
    const damaged = Buffer.from(good);
    for (let i = damaged.length >> 1; i < (damaged.length >> 1) + 256; i++) damaged[i] = (damaged[i] as number) ^ 0xff;
    await writeFile(file, damaged);
    await quiz();
    const remade = await readFile(file);
    expect(remade.equals(damaged)).toBe(false);
    await expectValidCache(remade, 'quiz-plain');
  });

  test('cut short, or made for another bundle or another Node, is ignored and replaced', async () => {
    await quiz();
    const file = await cacheFile();
    const good = await readFile(file);
    const [magic, version, node, arch, bundle, kinds, data] = header(good).split(' ');
    const rest = good.subarray(good.indexOf(10) + 1);
    const others = [
      good.subarray(0, good.length >> 1),
      Buffer.concat([Buffer.from(`${magic} ${version} ${node} ${arch} ${'0'.repeat(40)} ${kinds} ${data}\n`), rest]),
      Buffer.concat([Buffer.from(`${magic} ${version} v1.0.0 ${arch} ${bundle} ${kinds} ${data}\n`), rest]),
      Buffer.concat([Buffer.from(`${magic} 1 ${node} ${arch} ${bundle} ${data}\n`), rest]),
      Buffer.from('not a cache at all'),
    ];
    for (const other of others) {
      await writeFile(file, other);
      await quiz();
      await expectValidCache(await readFile(file), 'quiz-plain');
    }
  });

  test('keeps the caches of the two bundles written last (other installs, other Node versions) beside its own, and removes older ones', async () => {
    await mkdir(cacheFolder(), { recursive: true });
    // Eight other bundles, one cache each (as an older factdeck named them, without a kind of run)...
    const old = Array.from({ length: 8 }, (_, i) => join(cacheFolder(), `code-v20.0.${i}-x64-${String(i).repeat(40)}.bin`));
    for (const [i, file] of old.entries()) {
      await writeFile(file, 'an old cache');
      await utimes(file, 1_000_000 + i, 1_000_000 + i);
    }
    // ...a second cache of the newest of them, older than its first: a bundle goes or stays whole...
    const sibling = join(cacheFolder(), `code-v20.0.7-x64-${'7'.repeat(40)}-stats.bin`);
    await writeFile(sibling, 'an old cache');
    await utimes(sibling, 999_000, 999_000);
    // ...and an old cache of this bundle, for another kind of run: kept, whatever its age.
    const mine = await cacheFile('decks');
    await writeFile(mine, 'an old cache');
    await utimes(mine, 999_000, 999_000);
    await writeFile(join(cacheFolder(), 'notes.txt'), 'not a cache: left alone');
    await quiz();
    const left = await codeCacheEntries(cacheFolder());
    expect(left.sort()).toEqual([...old.slice(6), sibling, mine, await cacheFile(), 'notes.txt'].map((file) => file.split('/').at(-1)).sort());
  });

  test('that cannot be written (a file where its folder would be) costs nothing but the cache: the run works', async () => {
    await writeFile(cacheFolder(), 'in the way');
    await quiz();
    expect(await readFile(cacheFolder(), 'utf8')).toBe('in the way');
    expect((await readdir(cacheHome)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('FACTDECK_CODE_CACHE=0: compiled as usual, no cache read or written', async () => {
    await quiz({ FACTDECK_CODE_CACHE: '0' });
    expect(existsSync(cacheFolder()) ? (await codeCacheEntries(cacheFolder())).filter((name) => name.startsWith('code-')) : []).toEqual([]);
  });

  test('without the bundle: a clear message and exit 1, no stack trace', async () => {
    await rm(join(sandbox.root, 'dist', 'factdeck.cjs'));
    const result = await run(['decks']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/compiled program is missing.*npm run build/);
    expect(result.err).not.toMatch(STACK_TRACE);
  });
});

describe('commands that load more of the bundle', () => {
  test('build loads its NLP library from the bundle and drafts a deck that check accepts', async () => {
    const out = join(await dirs.make(), 'drafted');
    const built = await runRaw(['build', join(ROOT, 'questions', 'blinken-visit-beijing', 'article.txt'), '--out', out, '--title', 'Drafted'], {
      bin: sandbox.bin,
      cwd: sandbox.root,
      timeoutMs: 60_000,
    });
    expect(built.err).toBe('');
    expect(built.code).toBe(0);
    expect(built.out).toMatch(/Drafted "Drafted": \d+ facts, \d+ questions/);
    const checked = execFileSync(process.execPath, [BIN, 'check', out], { encoding: 'utf8' });
    expect(checked).toMatch(/^ok /m);
  }, 90_000);
});
