#!/usr/bin/env node
'use strict';
// The installed command. It runs the bundled program, dist/factdeck.cjs (made by `npm run build`), with
// V8's code cache: compiling the program costs more than running it to the first question, and Node 20
// keeps no compiled code between runs. The cache (dist/factdeck.cjs.cache) is made by the build and, when
// it is missing or was made for another bundle or Node, again at the end of a run (if the folder can be
// written; if not, the program simply compiles as usual). FACTDECK_CODE_CACHE=0 turns it off.
//
// A damaged cache must never reach V8, which trusts it (it aborts on a corrupt one): the file's first line
// names the Node, the bundle (its SHA-1) and the cache's own SHA-1, and anything that does not match is ignored.
//
// `--version` alone is answered here, without loading the program, so scripts asking for it pay no more
// than Node's own start.

const { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const args = process.argv.slice(2);
const root = join(__dirname, '..');

if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
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
        ? 'factdeck: the compiled program is missing (dist/). Run `npm install` or `npm run build` first.\n'
        : `factdeck: could not start: cannot read ${bundle}: ${error.message}\n`,
    );
    process.exitCode = 1;
    return;
  }
  const vm = require('node:vm');
  const Module = require('node:module');
  const useCache = process.env.FACTDECK_CODE_CACHE !== '0';
  const cacheFile = `${bundle}.cache`;
  const stamp = useCache ? `factdeck-code-cache 1 ${process.version} ${process.arch} ${sha1(code)}` : '';
  const cachedData = useCache ? readCache(cacheFile, stamp) : undefined;

  // The bundle has no import(): code compiled from a cache cannot use it on Node 20 (bin/bundle.mjs).
  const script = new vm.Script(Module.wrap(code.toString('utf8')), { filename: bundle, cachedData });
  if (useCache && (cachedData === undefined || script.cachedDataRejected)) {
    // Made at exit, so that it holds every function this run compiled, not just the top level.
    process.once('exit', () => writeCache(cacheFile, stamp, script));
  }
  const module = { exports: {}, filename: bundle, id: bundle, loaded: false };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, join(root, 'dist'));
  module.loaded = true;
  module.exports.main(args);
}

function sha1(bytes) {
  return require('node:crypto').createHash('sha1').update(bytes).digest('hex');
}

/** The cached data, if the file is whole and was made by this Node for this bundle; otherwise undefined. */
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
  return header === `${stamp} ${sha1(data)}` ? data : undefined;
}

/** Writes the cache whole or not at all (temp file, fsync, rename); any failure only means no cache. */
function writeCache(file, stamp, script) {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const data = script.createCachedData();
    const fd = openSync(temp, 'w');
    try {
      writeFileSync(fd, Buffer.concat([Buffer.from(`${stamp} ${sha1(data)}\n`, 'latin1'), data]));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // Never made.
    }
  }
}
