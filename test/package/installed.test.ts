// The package as a user gets it: `npm pack` (of the build `npm test` made), then `npm install -g` of the
// tarball into a temporary prefix, the installed package made unwritable, and every command run from
// another folder as a new user would. The package must ship only what runs, install without a warning,
// and never be written to: as root, chmod stops nothing, so a snapshot of the package tree (paths, sizes,
// modification times, hashes) is taken before and after; and where a read-only bind mount can be made
// (root, with unshare), every command also runs with the package truly read-only.
//
// One pack and one install for the whole file; later tests (the learner's library, issue 14) can reuse
// installPackedTarball() from here.

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { lstat, mkdir, readFile, readdir, readlink, stat } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, cliEnv, requireBuild, tempDirs } from '../helpers/cli-run.js';

const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  files: string[];
  man: string[];
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** npm's own environment variables (set when the tests run under `npm test`) would steer the npm we run. */
function npmEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !/^npm_/i.test(key)) env[key] = value;
  return env;
}

interface Packed {
  tarball: string;
  files: { path: string; size: number }[];
  size: number;
  unpackedSize: number;
}

/** `npm pack` of the checkout as built; the checkout is only read. */
function pack(into: string): Packed {
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', into], { cwd: ROOT, env: npmEnv(), encoding: 'utf8' });
  const [info] = JSON.parse(out) as [{ filename: string; files: { path: string; size: number }[]; size: number; unpackedSize: number }];
  return { tarball: join(into, info.filename), files: info.files, size: info.size, unpackedSize: info.unpackedSize };
}

export interface Installed {
  prefix: string;
  /** The installed package's folder. */
  root: string;
  /** The `factdeck` command npm linked into the prefix's bin/. */
  command: string;
  /** What npm printed on stderr while installing. */
  installWarnings: string;
}

/** `npm install -g --prefix` of a tarball (dependencies from npm's cache where it has them). */
export function installPackedTarball(tarball: string, prefix: string): Installed {
  const run = spawnSync('npm', ['install', '-g', '--prefix', prefix, tarball, '--prefer-offline', '--no-audit', '--no-fund'], { env: npmEnv(), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm install -g of ${tarball} failed (exit ${run.status}):\n${run.stderr}`);
  return { prefix, root: join(prefix, 'lib', 'node_modules', 'factdeck'), command: join(prefix, 'bin', 'factdeck'), installWarnings: run.stderr };
}

/** Every file and folder under `dir`: path, type, size, modification time and, for files, a SHA-256. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  const walk = async (at: string): Promise<void> => {
    const info = await lstat(at);
    const path = relative(dir, at) || '.';
    if (info.isDirectory()) {
      entries.set(path, `dir ${info.mtimeMs}`);
      for (const name of (await readdir(at)).sort()) await walk(join(at, name));
    } else if (info.isSymbolicLink()) {
      entries.set(path, `link ${await readlink(at)} ${info.mtimeMs}`);
    } else {
      entries.set(path, `file ${info.size} ${info.mtimeMs} ${createHash('sha256').update(await readFile(at)).digest('hex')}`);
    }
  };
  await walk(dir);
  return entries;
}

/** Whether a read-only bind mount of a folder can be made here (root, unshare, mount), tried for real. */
function readOnlyMountWorks(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'factdeck-mount-probe-'));
  try {
    const run = spawnSync('unshare', ['-m', 'sh', '-c', 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" && ! touch "$1/write-probe" 2>/dev/null', 'sh', probe]);
    return run.status === 0 && !existsSync(join(probe, 'write-probe'));
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const READ_ONLY_MOUNT = readOnlyMountWorks();

const dirs = tempDirs('factdeck-package-');
let packed: Packed;
let installed: Installed;
let home: string;
let elsewhere: string;
let before: Map<string, string>;

beforeAll(async () => {
  requireBuild();
  const work = await dirs.make();
  packed = pack(work);
  installed = installPackedTarball(packed.tarball, join(work, 'prefix'));
  home = join(work, 'home');
  elsewhere = join(work, 'elsewhere');
  await mkdir(home);
  await mkdir(elsewhere);
  before = await snapshot(installed.root);
  // What a user without write access to the install has (root still writes through it; see above).
  execFileSync('chmod', ['-R', 'a-w', installed.root]);
}, 120_000);

afterAll(async () => {
  if (installed !== undefined) execFileSync('chmod', ['-R', 'u+w', installed.root]);
  await dirs.removeAll();
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the installed command from another folder, as a user with their own home (no XDG variables: the
 * defaults are what is tested), the package read-only when that can be arranged.
 */
function factdeck(args: string[], input = ''): Run {
  const env = cliEnv({ HOME: home, XDG_CACHE_HOME: undefined, XDG_DATA_HOME: undefined, PATH: `${dirname(process.execPath)}:/usr/bin:/bin` });
  const [file, argv] = READ_ONLY_MOUNT
    ? ['unshare', ['-m', 'sh', '-c', 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" && shift && exec "$@"', 'sh', installed.root, installed.command, ...args]]
    : [installed.command, args];
  const run = spawnSync(file, argv as string[], { cwd: elsewhere, env, input, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function expectOk(run: Run, stdout: RegExp): void {
  expect(run.stderr).toBe('');
  expect(run.stdout).toMatch(stdout);
  expect(run.code).toBe(0);
}

describe('the tarball', () => {
  test('ships only what runs: the bundle and its command, the man page, the completion scripts, the built-in deck and its schema, README and LICENSE', () => {
    const expected = ['LICENSE', 'README.md', 'package.json', ...pkg.files].sort();
    expect(packed.files.map((file) => file.path).sort()).toEqual(expected);
    // Before this was tidied: 107 files, 543 kB packed (99 unbundled dist/*.js beside the bundle, and a code cache).
    expect(packed.files.some((file) => /^dist\/(?!factdeck\.(cjs|1)$|worker\.cjs$)/.test(file.path))).toBe(false);
    // About 355 kB since the Anki packages' zip (yauzl, yazl), zstd and HTML-entity libraries are in the
    // bundle (installed instead, they took 1.6 MB of node_modules); 402 kB at the builder's round 16, its
    // rules being most of the growth since. The file list above is the guard on what ships; this one catches
    // a dependency or a data file swept into the bundle.
    expect(packed.size).toBeLessThan(450_000);
  });

  test('ships every deck git tracks under questions/, and no other', () => {
    const tracked = execFileSync('git', ['ls-files', 'questions'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').sort();
    expect(pkg.files.filter((file) => file.startsWith('questions/')).sort()).toEqual(tracked);
  });

  test('has as dependencies exactly what the bundle loads from node_modules at run time; the rest is bundled', async () => {
    const bundle = await readFile(join(installed.root, 'dist', 'factdeck.cjs'), 'utf8');
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    // require("x") for code; require.resolve("x/...") or createRequire(...).resolve("x/...") for a data file.
    // A module's own `const require = createRequire(...)` is renamed by esbuild (require2, require3...).
    const loads = /(?:\brequire\d*|\brequire\d*\.resolve|\)\.resolve)\("([^"]+)"\)/g;
    const required = new Set([...bundle.matchAll(loads)].map((match) => match[1] as string).filter((name) => !builtins.has(name)));
    expect([...required].map((name) => name.replace(/^(@[^/]+\/[^/]+|[^/]+).*$/, '$1')).sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });

  test('builds in prepack, not on install: no install-time script for npm to warn about, and none ran', () => {
    expect(pkg.scripts.prepack).toBe('npm run build');
    for (const script of ['prepare', 'preinstall', 'install', 'postinstall']) expect(pkg.scripts[script]).toBeUndefined();
    expect(installed.installWarnings).not.toMatch(/warn/i);
  });

  test('is made outside the checkout, which packing leaves as it was', () => {
    expect(dirname(packed.tarball)).not.toBe(ROOT);
    expect(existsSync(join(ROOT, `factdeck-${pkg.version}.tgz`))).toBe(false);
  });

  test('two builds of one commit are byte-identical: the bundle and man page made again equal the packed ones', async () => {
    const again = join(await dirs.make(), 'rebuilt');
    execFileSync(process.execPath, [join(ROOT, 'bin', 'bundle.mjs'), '--out-dir', again], { cwd: tmpdir(), env: cliEnv() });
    for (const file of ['factdeck.cjs', 'worker.cjs', 'factdeck.1']) {
      const packedBytes = await readFile(join(installed.root, 'dist', file));
      expect((await readFile(join(again, file))).equals(packedBytes), file).toBe(true);
    }
  });
});

describe('the installed package, from another folder, unwritable', () => {
  test('npm linked the command and the man page', async () => {
    expect((await stat(installed.command)).isFile()).toBe(true);
    const man = await readFile(join(installed.prefix, 'share', 'man', 'man1', 'factdeck.1'), 'utf8');
    expect(man).toMatch(/^\.TH FACTDECK 1 "" "factdeck \d+\.\d+\.\d+"/);
    expect(man).toMatch(/\\fBfactdeck quiz \[options\]\\fR/);
  });

  test('every command works, and the package is the same afterwards, byte for byte and time for time', async () => {
    const data = join(home, '.local', 'share', 'factdeck');
    const article = join(installed.root, 'questions', 'blinken-visit-beijing', 'article.txt');
    expectOk(factdeck(['--version']), new RegExp(`^${pkg.version.replace(/\./g, '\\.')}\n$`));
    expectOk(factdeck(['-v']), new RegExp(`^${pkg.version.replace(/\./g, '\\.')}\n$`));
    expectOk(factdeck(['--help']), /Usage: factdeck/);
    expectOk(factdeck(['quiz', '--plain', '-n', '3', '--seed', '1'], '\n\n\n'), /Score: 0\/3/);
    expectOk(factdeck(['review', '--plain'], '\n\n\n\n\n\n'), /factdeck review/);
    expectOk(factdeck(['study', '--plain'], '\n3\n\n3\nq\n'), /2 cards rated .*all saved/);
    expectOk(factdeck(['stats']), /factdeck stats · profile default/);
    expectOk(factdeck(['decks']), /blinken-visit-beijing/);
    expectOk(factdeck(['check']), /^ok /m);
    expectOk(factdeck(['build', article, '--out', join(elsewhere, 'drafted'), '--title', 'Drafted']), /Drafted "Drafted"/);
    expectOk(factdeck(['export', '--format', 'csv', '--out', join(elsewhere, 'deck.csv')]), /Exported/);
    expectOk(factdeck(['import', join(elsewhere, 'deck.csv'), '--out', join(data, 'decks', 'my-import')]), /Imported \d+ cards/);
    // Anki packages: the zip and HTML libraries from the bundle, SQLite's WebAssembly from node_modules.
    expectOk(factdeck(['export', '--format', 'apkg', '--deck', 'blinken-visit-beijing', '--with-progress', '--out', join(elsewhere, 'deck.apkg')]), /Exported \d+ notes .* with the schedule of/);
    expectOk(factdeck(['import', join(elsewhere, 'deck.apkg'), '--with-progress', '--out', join(data, 'decks', 'from-anki')]), /Imported \d+ cards \(Anki package, older format\)/);
    expectOk(factdeck(['optimize']), /Not enough history to fit FSRS/);
    expectOk(factdeck(['doctor']), /^ok /m);
    expectOk(factdeck(['profiles']), /^default /m);
    expectOk(factdeck(['config', '--new-per-day', '12']), /new cards a day +12/);
    expectOk(factdeck(['completion', 'bash']), /complete -F _factdeck_complete factdeck/);

    // Progress went to the user's data folder, the start-up cache to the user's cache folder...
    expect(existsSync(join(data, 'factdeck.json'))).toBe(true);
    // (a code cache per kind of run, all of the installed bundle)...
    const caches = (await readdir(join(home, '.cache', 'factdeck'))).filter((name) => /^code-.+\.bin$/.test(name));
    expect(new Set(caches.map((name) => name.replace(/-[a-z_][a-z-]*\.bin$/, ''))).size).toBe(1);
    expect(caches).toEqual(expect.arrayContaining([expect.stringMatching(/-study-plain\.bin$/), expect.stringMatching(/-stats\.bin$/), expect.stringMatching(/-doctor\.bin$/)]));
    // ...and nothing into the package.
    const after = await snapshot(installed.root);
    expect([...after.entries()].filter(([path, entry]) => before.get(path) !== entry)).toEqual([]);
    expect([...before.keys()].filter((path) => !after.has(path))).toEqual([]);
  }, 120_000);

  test.skipIf(!READ_ONLY_MOUNT)('ran truly read-only (a bind mount, as root with unshare): a write there fails', () => {
    const probe = spawnSync('unshare', ['-m', 'sh', '-c', 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" && touch "$1/probe"', 'sh', installed.root], { encoding: 'utf8' });
    expect(probe.status).not.toBe(0);
    expect(probe.stderr).toMatch(/Read-only file system/);
  });
});

