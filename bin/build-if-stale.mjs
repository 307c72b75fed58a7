// `npm start`, first step, in a source checkout: builds the program when dist/ is missing or older than
// what it is made from (src/, the build scripts, package.json, the TypeScript settings), so that
// `npm install && npm start` works in a fresh clone. `npm install` does not build (the build runs in
// `prepack`, for the package): this is the one place a checkout builds by itself. Not shipped.

import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outputs = ['dist/factdeck.cjs', 'dist/worker.cjs', 'dist/factdeck.1'].map((file) => join(root, file));
const inputs = ['src', 'bin/bundle.mjs', 'package.json', 'tsconfig.json', 'tsconfig.build.json'].map((file) => join(root, file));

/** The newest modification time under `path` (a file or a folder), 0 when it does not exist. */
function newest(path) {
  const info = statSync(path, { throwIfNoEntry: false });
  if (info === undefined) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), info.mtimeMs);
}

const builtAt = Math.min(...outputs.map((file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0));
if (builtAt === 0 || inputs.some((input) => newest(input) > builtAt)) {
  process.stderr.write(`factdeck: building (dist/ is ${builtAt === 0 ? 'missing' : 'older than src/'})...\n`);
  // Through the npm that runs us, when there is one; its output goes to stderr, leaving stdout to factdeck.
  const npm = process.env.npm_execpath;
  const stdio = ['ignore', 2, 2];
  const run = npm ? spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: root, stdio }) : spawnSync('npm', ['run', 'build'], { cwd: root, stdio, shell: process.platform === 'win32' });
  if (run.status !== 0) {
    process.stderr.write('factdeck: the build failed (see above); `npm run build` runs it again.\n');
    process.exit(run.status ?? 1);
  }
}
