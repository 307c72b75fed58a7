// factdeck as users get it: the package packed (npm pack) and installed globally into a temporary prefix,
// run from another folder with a home of its own. Two promises are held here:
//  - after `npm install -g` of a new version, every deck the learner made and all their progress are
//    still there (they live in the user's data folder, never in the package);
//  - nothing is ever written inside the installed package: every command is run, and every file of the
//    package is the same before and after (as root, a read-only folder would not stop a write, so the
//    files themselves are compared; the package is also made read-only, which stops any other user).
// The harness is small on purpose: the `package` branch brings a shared one, which this should move to.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cliEnv, requireBuild, tempDirs } from '../helpers/cli-run.js';
import { runRaw, type RawResult } from '../helpers/sandbox.js';

const dirs = tempDirs('factdeck-install-');
let work: string;
let prefix: string;
let home: string;
let tarballs: { first: string; second: string };

const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });

/** Packs the built checkout as it is (dist/ included), then the same files as version 9.9.9. */
async function pack(): Promise<{ first: string; second: string }> {
  const out = join(work, 'tarballs');
  await mkdir(out);
  const first = npm(['pack', '--ignore-scripts', '--pack-destination', out, ROOT], work).trim().split('\n').at(-1) ?? '';
  const next = join(work, 'next');
  for (const part of ['package.json', 'bin', 'dist', 'questions', 'README.md']) await cp(join(ROOT, part), join(next, part), { recursive: true });
  const manifest = JSON.parse(await readFile(join(next, 'package.json'), 'utf8')) as { version: string };
  await writeFile(join(next, 'package.json'), JSON.stringify({ ...manifest, version: '9.9.9' }, null, 2));
  const second = npm(['pack', '--ignore-scripts', '--pack-destination', out, next], work).trim().split('\n').at(-1) ?? '';
  return { first: join(out, first), second: join(out, second) };
}

function install(tarball: string): void {
  npm(['install', '--global', '--prefix', prefix, '--prefer-offline', '--ignore-scripts', tarball], work);
}

const installed = (): string => join(prefix, 'lib', 'node_modules', 'factdeck');

/** The installed command, from the learner's own folder, with their home. */
function factdeck(args: readonly string[], input = ''): Promise<RawResult> {
  return runRaw(args, { bin: join(installed(), 'bin', 'factdeck.cjs'), cwd: join(home, 'articles'), input, env: { ...cliEnv(), HOME: home, XDG_DATA_HOME: undefined }, timeoutMs: 60_000 });
}

/** Every file of the installed package with its size and SHA-1. */
async function fingerprint(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return Promise.all(
    files.sort().map(async (file) => `${file} ${(await stat(file)).size} ${createHash('sha1').update(await readFile(file)).digest('hex')}`),
  );
}

beforeAll(async () => {
  requireBuild();
  work = await dirs.make();
  prefix = join(work, 'prefix');
  home = join(work, 'home');
  await mkdir(join(home, 'articles'), { recursive: true });
  await cp(join(ROOT, 'test', 'fixtures', 'html', 'wire-service.html'), join(home, 'articles', 'storm.html'));
  await cp(join(ROOT, 'test', 'fixtures', 'interop', 'cards.csv'), join(home, 'articles', 'cards.csv'));
  tarballs = await pack();
  install(tarballs.first);
}, 300_000);

afterAll(async () => {
  await chmod(installed(), 0o755).catch(() => undefined);
  await dirs.removeAll();
});

const STORM = 'storm-helena';
const data = (): string => join(home, '.local', 'share', 'factdeck');

describe('installed globally', () => {
  it('every command runs, and not one byte of the installed package changes', async () => {
    const before = await fingerprint(installed());
    await chmod(installed(), 0o555);
    const runs: [string[], string, number][] = [
      [['--version'], '', 0],
      [['--help'], '', 0],
      [['decks'], '', 0],
      [['check'], '', 0],
      [['learn', 'storm.html', '--plain', '--count', '2', '--seed', '1'], '\n1\n', 0],
      [['build', 'storm.html', '--title', 'Storm as text', '--json'], '', 0],
      [['import', 'cards.csv'], '', 0],
      [['quiz', '--plain', '--deck', 'blinken-visit-beijing', '--count', '2', '--seed', '2'], '1\n:x\n\n', 0],
      [['review', '--plain', '--deck', 'blinken-visit-beijing'], '\n\n', 0],
      [['study', '--plain', '--deck', STORM], '\n3\nq\n', 0],
      [['edit', 'blinken-visit-beijing', '--plain'], 'd\nq\n', 0],
      [['edit', STORM, '--plain'], 'd\nq\n', 0],
      [['export', '--format', 'csv', '--deck', 'cards'], '', 0],
      [['stats', '--plain'], '', 0],
      [['suspended'], '', 0],
      [['unsuspend', '--all'], '', 0],
      [['config', '--new-per-day', '12'], '', 0],
      [['profiles'], '', 0],
      [['doctor'], '', 0],
      [['rm', 'cards', '--yes'], '', 0],
      [['decks', '--json'], '', 0],
    ];
    for (const [args, input, code] of runs) {
      const result = await factdeck(args, input);
      expect(result.code, `factdeck ${args.join(' ')}: ${result.err}`).toBe(code);
    }
    expect(await fingerprint(installed())).toEqual(before);
    // Everything went to the user's data folder.
    expect((await readdir(join(data(), 'decks'))).sort()).toEqual(['.replaced', 'blinken-visit-beijing', 'storm-as-text', STORM]);
    expect(await readdir(data())).toEqual(expect.arrayContaining(['factdeck.json', 'history.jsonl', 'decks']));
  }, 240_000);

  it('after npm install -g of a new version, every deck and all progress are still there', async () => {
    await chmod(installed(), 0o755);
    const decksBefore = JSON.parse((await factdeck(['decks', '--json'])).out) as { decks: unknown[] };
    const statsBefore = JSON.parse((await factdeck(['stats', '--json'])).out) as { attempts: number };
    expect(statsBefore.attempts).toBeGreaterThan(0);
    const deckFiles = await fingerprint(join(data(), 'decks'));

    install(tarballs.second);
    expect((await factdeck(['--version'])).out.trim()).toBe('9.9.9');
    expect(await fingerprint(join(data(), 'decks'))).toEqual(deckFiles);
    expect(JSON.parse((await factdeck(['decks', '--json'])).out)).toEqual(decksBefore);
    expect(JSON.parse((await factdeck(['stats', '--json'])).out)).toMatchObject({ attempts: statsBefore.attempts });
    // And the learner carries on where they were.
    const quiz = await factdeck(['quiz', '--plain', '--deck', STORM, '--count', '1'], '\n');
    expect(quiz.code).toBe(0);
  }, 240_000);
});
