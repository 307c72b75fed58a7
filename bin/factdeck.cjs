#!/usr/bin/env node
'use strict';
// The installed command. It runs the bundled program, dist/factdeck.cjs (made by `npm run build`), with
// V8's code cache: compiling the program costs more than running it to the first question, and Node 20
// keeps no compiled code between runs.
//
// The cache is the user's, never the package's: $XDG_CACHE_HOME/factdeck (or ~/.cache/factdeck), one file
// per Node version, architecture and bundle (its SHA-1), so a read-only install works, two builds of one
// commit are byte-identical, and several installs and Node versions side by side do not spoil each
// other's cache. It is made at the end of a run, so that it holds every function the run compiled, and made
// again when a kind of run it has not seen yet (another command, --help) compiled more; the newest few
// files are kept. Any failure (no home folder, a read-only disk) only means no cache.
// FACTDECK_CODE_CACHE=0 turns it off.
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

const MAGIC = 'factdeck-code-cache 2';
/** Cache files kept in the folder, the one just written included. */
const KEEP = 6;
/** The most kinds of run one cache is extended for; beyond that it stays as it is. */
const MAX_KINDS = 24;

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
    cache = {
      folder,
      file: join(folder, `code-${process.version}-${process.arch}-${bundleSha1}.bin`),
      stamp: `${MAGIC} ${process.version} ${process.arch} ${bundleSha1}`,
      kind: runKind(args),
    };
  }
  const found = cache === null ? undefined : readCache(cache.file, cache.stamp);

  // The bundle has no import(): code compiled from a cache cannot use it on Node 20 (bin/bundle.mjs).
  const script = new vm.Script(Module.wrap(code.toString('utf8')), { filename: bundle, cachedData: found?.data });
  if (cache !== null) {
    const usable = found !== undefined && !script.cachedDataRejected;
    const kinds = usable ? found.kinds : [];
    if (!usable || (!kinds.includes(cache.kind) && kinds.length < MAX_KINDS)) {
      process.once('exit', () => writeCache(cache, [...kinds, cache.kind], script));
    }
  }
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
 * What part of the program a run exercises, for the cache: the command, or "help" (every command's help
 * runs the same code). Words that are not command-like (a typo with odd characters) count as the menu's.
 */
function runKind(argv) {
  const first = argv.find((arg) => !arg.startsWith('-'));
  if (argv.includes('--help') || argv.includes('-h') || first === 'help') return 'help';
  return first !== undefined && /^[a-z_][a-z-]{0,20}$/.test(first) ? first : 'menu';
}

function sha1(bytes) {
  return require('node:crypto').createHash('sha1').update(bytes).digest('hex');
}

/** The cached data and the kinds of run it was made from, if whole and made by this Node for this bundle. */
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
  if (!header.startsWith(`${stamp} `)) return undefined;
  const [kinds, dataSha1] = header.slice(stamp.length + 1).split(' ');
  if (dataSha1 !== sha1(data)) return undefined;
  return { data, kinds: kinds.split(',') };
}

/**
 * Writes the cache under a temp name, then renames it into place; any failure only means no cache. Not
 * fsynced: a file cut short by a crash fails its checksum and is made again, so exit need not wait.
 */
function writeCache(cache, kinds, script) {
  const temp = `${cache.file}.${process.pid}.tmp`;
  try {
    mkdirSync(cache.folder, { recursive: true, mode: 0o700 });
    const data = script.createCachedData();
    writeFileSync(temp, Buffer.concat([Buffer.from(`${cache.stamp} ${kinds.join(',')} ${sha1(data)}\n`, 'latin1'), data]), { mode: 0o600 });
    renameSync(temp, cache.file);
    pruneCaches(cache.folder, cache.file);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // Never made.
    }
  }
}

/** Keeps the newest few caches (other installs, other Node versions); older bundles' caches go. */
function pruneCaches(folder, current) {
  const caches = readdirSync(folder)
    .filter((name) => name.startsWith('code-') && name.endsWith('.bin'))
    .map((name) => join(folder, name))
    .filter((file) => file !== current)
    .map((file) => ({ file, mtime: statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { file } of caches.slice(KEEP - 1)) {
    try {
      unlinkSync(file);
    } catch {
      // Gone already (another run pruned it).
    }
  }
}
