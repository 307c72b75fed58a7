// The installed command as it really starts: bin/factdeck.cjs running the bundle (dist/factdeck.cjs) with
// V8's code cache (dist/factdeck.cjs.cache). Each test works in a throwaway install, so the cache files it
// damages or removes are never the ones the other tests use.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { BIN, ROOT, tempDirs } from '../helpers/cli-run.js';
import { killLeftovers, makeSandbox, runRaw, type RawResult, type Sandbox } from '../helpers/sandbox.js';

const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await makeSandbox();
});
afterEach(async () => {
  killLeftovers();
  await sandbox.remove();
});

const cacheFile = (): string => join(sandbox.root, 'dist', 'factdeck.cjs.cache');

/** A quiz of two questions in plain mode, both answered "don't know": enough to touch deck, store and grading. */
async function quiz(env: Record<string, string> = {}): Promise<RawResult> {
  const result = await runRaw(['quiz', '--plain', '-n', '2', '--seed', '3', '--deck', join(ROOT, 'questions', 'blinken-visit-beijing'), '--data', await sandbox.dataDir()], {
    bin: sandbox.bin,
    cwd: sandbox.root,
    input: '\n\n',
    env,
  });
  expect(result.err).toBe('');
  expect(result.code).toBe(0);
  expect(result.out).toMatch(/Score: 0\/2/);
  return result;
}

function header(bytes: Buffer): string {
  return bytes.subarray(0, bytes.indexOf(10)).toString('latin1');
}

/** A whole cache for this Node and the sandbox's bundle: its first line names both, and its data's SHA-1. */
async function expectValidCache(bytes: Buffer): Promise<void> {
  const bundle = await readFile(join(sandbox.root, 'dist', 'factdeck.cjs'));
  const sha1 = (data: Buffer): string => createHash('sha1').update(data).digest('hex');
  const data = bytes.subarray(bytes.indexOf(10) + 1);
  expect(header(bytes)).toBe(`factdeck-code-cache 1 ${process.version} ${process.arch} ${sha1(bundle)} ${sha1(data)}`);
  expect(data.length).toBeGreaterThan(10_000);
}

describe('the code cache', () => {
  test('is made by the build: it names this Node and the bundle, and a run that accepts it leaves it as it is', async () => {
    const made = await readFile(cacheFile());
    await expectValidCache(made);
    const before = await stat(cacheFile());
    await quiz();
    const after = await stat(cacheFile());
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect((await readFile(cacheFile())).equals(made)).toBe(true);
  });

  test('when missing, is made at the end of a run, whole, with no temp file left', async () => {
    await rm(cacheFile());
    await quiz();
    await expectValidCache(await readFile(cacheFile()));
    expect((await readdir(join(sandbox.root, 'dist'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('damaged (its bytes changed, its first line kept) never reaches V8: the run works and the cache is made again', async () => {
    const good = await readFile(cacheFile());
    const damaged = Buffer.from(good);
    for (let i = damaged.length >> 1; i < (damaged.length >> 1) + 256; i++) damaged[i] = (damaged[i] as number) ^ 0xff;
    await writeFile(cacheFile(), damaged);
    await quiz();
    const remade = await readFile(cacheFile());
    expect(remade.equals(damaged)).toBe(false);
    await expectValidCache(remade);
  });

  test('cut short, or made for another bundle or another Node, is ignored and replaced', async () => {
    const good = await readFile(cacheFile());
    const [magic, version, node, arch, bundle, data] = header(good).split(' ');
    const rest = good.subarray(good.indexOf(10) + 1);
    const others = [
      good.subarray(0, good.length >> 1),
      Buffer.concat([Buffer.from(`${magic} ${version} ${node} ${arch} ${'0'.repeat(40)} ${data}\n`), rest]),
      Buffer.concat([Buffer.from(`${magic} ${version} v1.0.0 ${arch} ${bundle} ${data}\n`), rest]),
      Buffer.from('not a cache at all'),
    ];
    for (const other of others) {
      await writeFile(cacheFile(), other);
      await quiz();
      await expectValidCache(await readFile(cacheFile()));
    }
  });

  test('that cannot be written (a folder in its place) costs nothing but the cache: the run works', async () => {
    await rm(cacheFile());
    await mkdir(cacheFile());
    await quiz();
    expect((await stat(cacheFile())).isDirectory()).toBe(true);
    expect((await readdir(join(sandbox.root, 'dist'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('FACTDECK_CODE_CACHE=0: compiled as usual, no cache read or written', async () => {
    await rm(cacheFile());
    await quiz({ FACTDECK_CODE_CACHE: '0' });
    expect(existsSync(cacheFile())).toBe(false);
  });

  test('without the bundle: a clear message and exit 1, no stack trace', async () => {
    await rm(join(sandbox.root, 'dist', 'factdeck.cjs'));
    const result = await runRaw(['decks'], { bin: sandbox.bin, cwd: sandbox.root });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/compiled program is missing.*npm run build/);
    expect(result.err).not.toMatch(STACK_TRACE);
  });
});

describe('commands that load more of the bundle', () => {
  const dirs = tempDirs('factdeck-bundle-');
  afterEach(() => dirs.removeAll());

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
