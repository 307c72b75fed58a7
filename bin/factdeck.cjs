#!/usr/bin/env node
'use strict';
// The installed command. It runs the bundled program, dist/factdeck.cjs (made by `npm run build`), with
// V8's code cache: compiling the program costs more than running it to the first question, and Node 20
// keeps no compiled code between runs.
//
// The cache is the user's, never the package's: $XDG_CACHE_HOME/factdeck (or ~/.cache/factdeck), one file
// per Node version, architecture, bundle (its SHA-1) and kind of run (see runKind), so a
// read-only install works, two builds of one commit are byte-identical, and several installs and Node
// versions side by side do not spoil each other's cache. A kind's cache is made at the end of its first
// run, so that it holds every function that run compiled, and kept as it is after. One cache for every
// kind was tried: made again at the end of each new kind of run, it lost the code of the others whenever
// that run was a long one (V8 drops the compiled code of functions a long run no longer uses), and a quiz
// after an export or a doctor then started 50-70 ms slower, for good. The caches of the current bundle
// are kept, and those of the few newest other bundles; any failure (no home folder, a read-only disk)
// only means no cache. FACTDECK_CODE_CACHE=0 turns it off.
//
// A damaged cache must never reach V8, which trusts it (it aborts on a corrupt one): the file's first line
// names the Node, the bundle and the cache's own SHA-1, and anything that does not match is ignored.
//
// `--version` alone is answered here, without loading the program, so scripts asking for it pay no more
// than Node's own start.

const { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const { isAbsolute, join } = require('node:path');

const args = process.argv.slice(2);
const root = join(__dirname, '..');

const MAGIC = 'factdeck-code-cache 3';
/** The program's commands, each a kind of run of its own (test/ui/command-line.test.ts holds it to src/cli.ts). */
const COMMANDS = new Set(['check', 'decks', 'rm', 'learn', 'edit', 'suspended', 'unsuspend', 'quiz', 'review', 'study', 'build', 'export', 'import', 'doctor', 'stats', 'config', 'optimize', 'profiles', 'reset', 'completion']);
/**
 * Other bundles (other installs, other Node versions) whose caches are kept beside the current one's: a
 * bundle's caches are a file per kind of run (some 0.5 MB each), and those of an older version are dead
 * weight after an upgrade.
 */
const KEEP_OTHER_BUNDLES = 2;

if (args.length === 1 && (args[0] === '--version' || args[0] === '-v' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`);
} else {
  start();
}

function start() {
  const bundle = join(root, 'dist', 'factdeck.cjs');
  let code;
  try {
    code = readFileSync(bundle);
  } catch (error) {
    process.stderr.write(
      error.code === 'ENOENT'
        ? 'factdeck: the compiled program is missing (dist/). Run `npm run build` first (`npm start` builds it when needed).\n'
        : `factdeck: could not start: cannot read ${bundle}: ${error.message}\n`,
    );
    process.exitCode = 1;
    return;
  }
  const vm = require('node:vm');
  const Module = require('node:module');
  const folder = process.env.FACTDECK_CODE_CACHE === '0' ? null : cacheFolder(process.env);
  let cache = null;
  if (folder !== null) {
    const bundleSha1 = sha1(code);
    const kind = runKind(args);
    cache = {
      folder,
      bundle: `${process.version}-${process.arch}-${bundleSha1}`,
      file: join(folder, `code-${process.version}-${process.arch}-${bundleSha1}-${kind}.bin`),
      stamp: `${MAGIC} ${process.version} ${process.arch} ${bundleSha1} ${kind}`,
    };
  }
  const found = cache === null ? undefined : readCache(cache.file, cache.stamp);

  // The bundle has no import(): code compiled from a cache cannot use it on Node 20 (bin/bundle.mjs).
  const script = new vm.Script(Module.wrap(code.toString('utf8')), { filename: bundle, cachedData: found?.data });
  if (cache !== null && (found === undefined || script.cachedDataRejected)) process.once('exit', () => writeCache(cache, script));
  const module = { exports: {}, filename: bundle, id: bundle, loaded: false };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, join(root, 'dist'));
  module.loaded = true;
  module.exports.main(args);
}

/** $XDG_CACHE_HOME/factdeck (a relative one is ignored, as the XDG spec says), else ~/.cache/factdeck. */
function cacheFolder(env) {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'factdeck');
  let home;
  try {
    home = require('node:os').homedir();
  } catch {
    return null;
  }
  return home ? join(home, '.cache', 'factdeck') : null;
}

/**
 * What part of the program a run exercises, for the cache: the command, with `-plain` for a run in plain
 * mode (another way of asking), "help" (every command's help runs the same code), the menu (no command),
 * or "other" (a word that is no command: a typo, refused).
 */
function runKind(argv) {
  const first = argv.find((arg) => !arg.startsWith('-'));
  if (argv.includes('--help') || argv.includes('-h') || first === 'help') return 'help';
  const command = first === undefined ? 'menu' : COMMANDS.has(first) ? first : 'other';
  return argv.includes('--plain') ? `${command}-plain` : command;
}

function sha1(bytes) {
  return require('node:crypto').createHash('sha1').update(bytes).digest('hex');
}

/** The cached data, if whole and made by this Node for this bundle and this kind of run. */
function readCache(file, stamp) {
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const newline = bytes.indexOf(10);
  if (newline < 0) return undefined;
  const header = bytes.subarray(0, newline).toString('latin1');
  const data = bytes.subarray(newline + 1);
  if (header !== `${stamp} ${sha1(data)}`) return undefined;
  return { data };
}

/**
 * Writes the cache under a temp name, then renames it into place; any failure only means no cache. Not
 * fsynced: a file cut short by a crash fails its checksum and is made again, so exit need not wait.
 */
function writeCache(cache, script) {
  const temp = `${cache.file}.${process.pid}.tmp`;
  try {
    mkdirSync(cache.folder, { recursive: true, mode: 0o700 });
    const data = script.createCachedData();
    writeFileSync(temp, Buffer.concat([Buffer.from(`${cache.stamp} ${sha1(data)}\n`, 'latin1'), data]), { mode: 0o600 });
    renameSync(temp, cache.file);
    pruneCaches(cache.folder, cache.bundle);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // Never made.
    }
  }
}

/**
 * Keeps the caches of the current bundle and of the few bundles (other installs, other Node versions)
 * whose caches were written last; older bundles' caches go.
 */
function pruneCaches(folder, current) {
  const newest = new Map();
  const files = [];
  for (const name of readdirSync(folder)) {
    const match = /^code-(v[^-]+-[^-]+-[0-9a-f]{40})(?:-[a-z_][a-z-]*)?\.bin$/.exec(name);
    if (match === null || match[1] === current) continue;
    const file = join(folder, name);
    const mtime = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    files.push({ file, bundle: match[1] });
    newest.set(match[1], Math.max(newest.get(match[1]) ?? 0, mtime));
  }
  const kept = new Set([...newest].sort((a, b) => b[1] - a[1]).slice(0, KEEP_OTHER_BUNDLES).map(([bundle]) => bundle));
  for (const { file, bundle } of files) {
    if (kept.has(bundle)) continue;
    try {
      unlinkSync(file);
    } catch {
      // Gone already (another run pruned it).
    }
  }
}
