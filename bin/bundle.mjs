// `npm run build`, second step: bundles the compiled program (dist/cli.js and everything it imports, the
// dependencies included) into one CommonJS file, dist/factdeck.cjs, which bin/factdeck.cjs loads with
// V8's code cache. One file instead of ~150 modules, and no compiling at start once the cache exists: that
// is what makes start-up cheap on Node 20, which has no compile cache of its own.
//
// Left out of the bundle: compromise (the NLP library, loaded only by `factdeck build` and `learn`, when it is
// needed), and linkedom with @mozilla/readability (loaded only to read an article from a saved web page).
//
// The cache is then made by a training run (a short plain-mode quiz on a throw-away data folder), so the
// functions a quiz needs are in it from the first real run. If that run fails, the build still succeeds:
// the program works without a cache, and makes one at its first run.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const bundle = join(root, 'dist', 'factdeck.cjs');

await build({
  entryPoints: [join(root, 'dist', 'cli.js')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['compromise', 'linkedom', '@mozilla/readability'],
  // import() from code compiled with a V8 code cache fails on Node 20 ("A dynamic import callback was not
  // specified"): the bundle asks for compromise with require() instead (its package has a CommonJS build).
  supported: { 'dynamic-import': false },
  // The program finds its package folder from its own location (src/paths.ts); in a CommonJS bundle that
  // is the bundle's file name, which the loader passes in.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'eof',
  plugins: [lazyChildProcessForCommander()],
  logLevel: 'warning',
});

// A cache made for the previous bundle would be refused anyway (it names the bundle it was made for).
rmSync(`${bundle}.cache`, { force: true });

const data = mkdtempSync(join(tmpdir(), 'factdeck-warm-'));
try {
  // The built-in deck by name, and a data folder of its own: other decks (built-in or a learner's) change nothing.
  const run = spawnSync(process.execPath, [join(root, 'bin', 'factdeck.cjs'), 'quiz', '--plain', '--deck', 'blinken-visit-beijing', '-n', '3', '--seed', '1', '--data', data], {
    input: '1\nBeijing\n1\n',
    env: { ...process.env, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (run.status !== 0) {
    process.stderr.write(`bundle: the training run for the start-up cache failed (exit ${run.status}); the program makes its cache at its first run instead.\n${run.stderr ?? ''}`);
  }
} finally {
  rmSync(data, { recursive: true, force: true });
}

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
