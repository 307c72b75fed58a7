// `npm run build`, second step: bundles the compiled program (dist/cli.js and everything it imports, the
// dependencies included) into one CommonJS file, dist/factdeck.cjs (and the worker thread of the Anki
// package commands into dist/worker.cjs), which bin/factdeck.cjs loads with
// V8's code cache (kept per user, see bin/factdeck.cjs). One file instead of ~150 modules, and no compiling
// at start once the cache exists: that is what makes start-up cheap on Node 20, which has no compile cache
// of its own. Then writes the man page, dist/factdeck.1, from the same command definitions as --help.
//
// The packing rule: a package in package.json's "dependencies" is loaded from node_modules at run time
// (left out of the bundle here, installed with factdeck); every other package the program imports is
// copied into the bundle and is only needed to build it, so it belongs in "devDependencies". To add a
// dependency loaded at run time (a large library used by one command, a data file read from its package),
// put it in "dependencies" and nothing else: this script reads the list. Such a package must have a
// CommonJS entry point (the bundle require()s it; Node 20 cannot require an ES module).
//
// The output depends only on the sources: two builds of one commit are byte-identical (test/package).
// `node bin/bundle.mjs --out-dir DIR` writes the bundle and the man page to DIR instead of dist/.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const outFlag = process.argv.indexOf('--out-dir');
const outDir = outFlag === -1 ? join(root, 'dist') : resolve(process.argv[outFlag + 1] ?? '');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const runTimeDependencies = Object.keys(pkg.dependencies ?? {});

mkdirSync(outDir, { recursive: true });
const bundled = await build({
  absWorkingDir: root,
  // The program, and the worker thread of the Anki package commands (a bundle of its own: a few modules,
  // started in a few ms; see src/commands/worker-thread.ts).
  entryPoints: { factdeck: join(root, 'dist', 'cli.js'), worker: join(root, 'dist', 'commands', 'worker.js') },
  outdir: outDir,
  outExtension: { '.js': '.cjs' },
  write: false,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: runTimeDependencies.flatMap((name) => [name, `${name}/*`]),
  // import() from code compiled with a V8 code cache fails on Node 20 ("A dynamic import callback was not
  // specified"): the bundle asks for its run-time dependencies with require() instead.
  // esbuild takes Node 20 for short of some Unicode property escapes and rewrites every regular expression
  // with \p{...} into `new RegExp("...")`, built afresh at each call: in the builder's loops over a long
  // article that cost about an eighth of a 10,000-word `factdeck build` (1410 -> 1233 ms, run alternately
  // on a loaded machine). The program uses only general categories
  // (\p{L}, \p{Lu}, \p{Ll}, \p{M}, \p{N}), which every supported Node knows: they stay literals.
  supported: { 'dynamic-import': false, 'regexp-unicode-property-escapes': true },
  // The program finds its package folder from its own location (src/paths.ts); in a CommonJS bundle that
  // is the bundle's file name, which the loader passes in.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'eof',
  // yazl's CRC-32 dependency, swapped for the same functions on Node's native zlib.crc32 (see the file).
  alias: { 'buffer-crc32': join(root, 'bin', 'native-crc32.cjs') },
  plugins: [lazyChildProcessForCommander()],
  logLevel: 'warning',
});
// ASCII only: esbuild escapes strings but leaves regular expressions as written (’ “ — ...). A bundle with
// one such character is read as a string of two bytes per character, twice the memory, and decoded and
// compiled slower at every start. \uXXXX means the same in a regular expression (with or without the u
// flag; an astral character is its two surrogates), a comment or a string.
for (const file of bundled.outputFiles) {
  const ascii = file.text.replace(/[^\0-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(file.path, ascii);
}

const { describeProgram } = await import(pathToFileURL(join(root, 'dist', 'cli.js')).href);
const { renderManPage } = await import(pathToFileURL(join(root, 'dist', 'ui', 'man-page.js')).href);
writeFileSync(join(outDir, 'factdeck.1'), renderManPage(describeProgram(root), pkg.version));

/**
 * commander requires node:child_process at load, for subcommands run as separate programs, which factdeck
 * does not have; loading it (with net, dgram and streams) costs more than a millisecond of every start.
 * Here commander gets a stand-in that loads the real module only if spawn is ever called.
 */
function lazyChildProcessForCommander() {
  return {
    name: 'lazy-child-process-for-commander',
    setup(bundler) {
      bundler.onResolve({ filter: /^node:child_process$/ }, (args) =>
        /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process-on-demand', namespace: 'factdeck' } : undefined,
      );
      bundler.onLoad({ filter: /.*/, namespace: 'factdeck' }, () => ({
        contents: "exports.spawn = (...args) => require('node:child_process').spawn(...args);",
        loader: 'js',
      }));
    },
  };
}
