// `node bench/same-import.mjs OLD_CLI [NEW_CLI]`: whether two builds import Anki packages byte for byte
// alike: the deck folder, the history log and the database file written by `import --with-progress` of
// the benchmark's package (.bench/deck-10k.apkg, made by `node bench/run.mjs anki`) and of the test
// suite's real packages. NEW_CLI defaults to this tree's bin/factdeck.cjs. The database file names the
// build that wrote it (`writtenBy`, and the checksum that covers it): those two lines are left out of
// the comparison, nothing else. Exits 1 on any difference. For speed work on the import: build the
// old version into a copy, change, build, run this.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const [oldCli, newCli = join(root, 'bin', 'factdeck.cjs')] = process.argv.slice(2);
if (oldCli === undefined) {
  console.error('usage: node bench/same-import.mjs OLD_CLI [NEW_CLI]');
  process.exit(2);
}
const fixtures = join(root, 'test', 'fixtures', 'anki');
const packages = readdirSync(fixtures)
  .filter((name) => name.endsWith('.apkg'))
  .sort()
  .map((name) => join(fixtures, name));
const bench = join(root, '.bench', 'deck-10k.apkg');
if (existsSync(bench)) packages.unshift(bench);
else console.log(`(no ${bench}: run \`node bench/run.mjs anki\` once to include the 10,000-card package)`);

const work = join(root, '.bench', 'same-import');
// A fixed clock: the import's "now" decides due times of cards Anki left without one.
const env = { ...process.env, NO_COLOR: '1', FACTDECK_NOW: '2026-03-01T10:00:00Z', XDG_CACHE_HOME: join(work, 'cache') };
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
// Longer histories: the benchmark's five years of answers (365,000), exported by the old build.
const deck = join(root, '.bench', 'deck-10k');
const years = join(root, '.bench', 'data-365k.pristine');
if (existsSync(deck) && existsSync(years)) {
  const apkg = join(work, 'deck-10k-365k.apkg');
  const data = join(work, 'data-365k');
  cpSync(years, data, { recursive: true });
  const run = spawnSync(process.execPath, [oldCli, 'export', '--format', 'apkg', '--deck', deck, '--with-progress', '--data', data, '--out', apkg], { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`export of ${years} exited ${run.status}\n${run.stderr}`);
  packages.push(apkg);
}

function importWith(cli, apkg, side) {
  const dir = join(work, side);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const run = spawnSync(process.execPath, [cli, 'import', apkg, '--with-progress', '--data', join(dir, 'data'), '--out', join(dir, 'imported')], { env, encoding: 'utf8' });
  const read = (path) => (existsSync(join(dir, path)) ? readFileSync(join(dir, path)) : null);
  const database = read('data/factdeck.json');
  return {
    // What it said, and how it ended (a package it refuses too), with the folder's name taken out.
    output: Buffer.from(`${run.status}\n${run.stdout}\n${run.stderr}`.replaceAll(`${side}/`, '<side>/')),
    deck: read('imported/deck.json'),
    history: read('data/history.jsonl'),
    database: database === null ? null : Buffer.from(database.toString('utf8').replace(/^ {2}"(checksum|writtenBy)": .*\n/gm, '')),
  };
}

let differ = 0;
for (const apkg of packages) {
  const before = importWith(oldCli, apkg, 'old');
  const after = importWith(newCli, apkg, 'new');
  const unlike = Object.keys(before).filter((part) => (before[part] === null) !== (after[part] === null) || (before[part] !== null && !before[part].equals(after[part])));
  const size = (before.history?.length ?? 0).toLocaleString('en');
  console.log(`${unlike.length === 0 ? 'same' : 'DIFFERENT'}  ${apkg.slice(root.length)}  (history ${size} bytes)${unlike.length === 0 ? '' : `: ${unlike.join(', ')}`}`);
  if (unlike.length > 0) differ++;
}
rmSync(work, { recursive: true, force: true });
process.exit(differ === 0 ? 0 : 1);
