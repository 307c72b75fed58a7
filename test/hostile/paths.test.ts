// Paths that point where they should not: --deck and check given ../ paths, a system file, a FIFO;
// import with a title or file name full of ../ (the deck folder is always a slug under the decks folder); export
// --out at a folder or into a folder that does not exist. Each is a clear message and a non-zero exit,
// never a stack trace, a hang, a write outside the intended folder, or a dump of the file read.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { STACK_TRACE } from '../helpers/cli-run.js';
import { hostileDeck, writeHostileDeck } from './helpers/hostile-deck.js';
import { killLeftovers, makeSandbox, runRaw, type RawResult, type Sandbox } from '../helpers/sandbox.js';

/** A file that is not a deck: its first word may be quoted (up to 20 characters), nothing more of it. */
const SECRET_WORD = 'secret-0123456789abcdef-and-more';
const SECRET = `${SECRET_WORD} and the rest of the first line\nsecond line: hidden words\n`;

let sandbox: Sandbox;
/** A folder beside the sandbox's root, reached with ../ from inside it. */
let outside: string;
/** A working folder two levels inside the sandbox, so ../../ lands at its root. */
let cwd: string;

beforeAll(async () => {
  sandbox = await makeSandbox();
  await writeHostileDeck(sandbox.questions, { id: 'only-deck', payload: 'plain' });
  outside = join(sandbox.root, 'outside');
  await mkdir(outside);
  await writeFile(join(outside, 'secret.txt'), SECRET);
  await writeFile(join(outside, 'secret.json'), SECRET);
  cwd = join(sandbox.root, 'work', 'here');
  await mkdir(cwd, { recursive: true });
});
afterAll(async () => {
  await sandbox.remove();
});
afterEach(() => {
  killLeftovers();
});

async function run(args: readonly string[], input?: string): Promise<RawResult> {
  const result = await runRaw(args, { bin: sandbox.bin, cwd, input, timeoutMs: 15_000 });
  expect(result.err).not.toMatch(STACK_TRACE);
  const shown = `${result.out}${result.err}`;
  for (const part of [SECRET_WORD, 'the rest of the first line', 'hidden words']) expect(shown).not.toContain(part);
  return result;
}

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name))).sort();
}

describe('--deck and check with paths that lead elsewhere', () => {
  it('--deck ../../outside (a folder with no deck.json): "not a deck", exit 1', async () => {
    const result = await run(['quiz', '--plain', '--deck', '../../outside', '--data', await sandbox.dataDir()], '\n');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^factdeck: \/.*outside is not a deck: it holds no deck\.json\n {2}give a deck folder \(holding deck\.json\) or a deck id; `factdeck decks` lists them\n$/);
  });

  it('--deck ../../../../../../etc: the same kind of message, nothing from /etc shown', async () => {
    const result = await run(['export', '--format', 'csv', '--deck', '../../../../../../../../etc']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^factdeck: \/etc is not a deck: it holds no deck\.json\n/);
  });

  it('--deck ../../nowhere: "no deck at", exit 2', async () => {
    const result = await run(['quiz', '--plain', '--deck', '../../nowhere', '--data', await sandbox.dataDir()], '\n');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^factdeck: no deck at .*\/nowhere\n/);
  });

  it.each([
    ['a text file', '../../outside/secret.txt'],
    ['a .json file that is not JSON', '../../outside/secret.json'],
  ])('check %s: refused as invalid JSON at line 1, its content not shown', async (_name, path) => {
    const result = await run(['check', path]);
    expect(result.code).toBe(1);
    // At most the first word, cut at 20 characters, says what was found instead of JSON.
    expect(result.out).toMatch(/^error {2}\.\.\/\.\.\/outside\/secret\.(txt|json):1:1\n {7}invalid JSON: unexpected "secret-0123456789abc", expected a value\n/);
    expect(result.out).toContain('1 problem in 1 of 1 deck.');
  });

  it('check ../../../../etc/passwd (when there is one): refused, no line of it shown', async () => {
    if (!existsSync('/etc/passwd')) return;
    const passwd = await readFile('/etc/passwd', 'utf8');
    const result = await run(['check', '../../../../../../../../etc/passwd']);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/invalid JSON: unexpected /);
    for (const line of passwd.split('\n').filter((l) => l.length > 8)) expect(result.out).not.toContain(line);
    const quiz = await run(['quiz', '--plain', '--deck', '/etc/passwd', '--data', await sandbox.dataDir()], '\n');
    expect(quiz.code).toBe(1);
    expect(quiz.err).toMatch(/^factdeck: the deck \/etc\/passwd:1:1 has 1 problem, first: invalid JSON: /);
  });

  it('check /dev/zero, a folder, and a deck.json that is a FIFO: refused at once, no hang', async () => {
    const dir = join(await sandbox.dataDir(), 'fifo-deck');
    await mkdir(dir);
    execFileSync('mkfifo', [join(dir, 'deck.json')]);
    const fifo = await run(['check', dir]);
    expect(fifo.code).toBe(1);
    expect(fifo.out).toContain('deck.json is not a file');
    const zero = await run(['check', '/dev/zero']);
    expect(zero.code).toBe(1);
    expect(zero.out).toMatch(/\/dev\/zero\/deck\.json cannot be read \(ENOTDIR\)/);
    const folder = await run(['check', '../../outside']);
    expect(folder.code).toBe(1);
    expect(folder.out).toContain('outside/deck.json does not exist');
  });

  it('an article.txt that is a FIFO: reported, no hang', async () => {
    const { dir } = await writeHostileDeck(await sandbox.dataDir(), { id: 'fifo-article', payload: 'plain' });
    await rm(join(dir, 'article.txt'));
    execFileSync('mkfifo', [join(dir, 'article.txt')]);
    const result = await run(['check', dir]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('article.txt is not a file');
  });
});

describe("import: the deck folder is a slug under the learner's decks folder, whatever the title or file name", () => {
  // No --data: the sandbox is a source checkout, so its data/ (and data/decks/) is used.
  const library = (): string => join(sandbox.root, 'data', 'decks');
  afterEach(async () => {
    // Decks made by an import are removed, so each test sees the folders as they were.
    await rm(join(sandbox.root, 'data'), { recursive: true, force: true });
    expect(await readdir(sandbox.questions)).toEqual(['only-deck']);
  });

  it.each([
    ['--title "../../x"', ['--title', '../../x'], 'x'],
    ['--title "/etc/cron.d/evil"', ['--title', '/etc/cron.d/evil'], 'etc-cron-d-evil'],
    ['--title ".."', ['--title', '..'], 'imported-deck'],
    ['--title with escapes', ['--title', '\u001b]0;pwned\u0007 ../ deck'], '0-pwned-deck'],
  ])('%s', async (_name, flags, slug) => {
    const before = await filesUnder(sandbox.root);
    const file = join(await sandbox.dataDir(), 'cards.csv');
    await writeFile(file, 'front,back\r\nCapital of France?,Paris\r\n');
    const result = await run(['import', file, ...flags]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(new RegExp(`^Imported 1 card \\(csv\\) into \\S*/data/decks/${slug}\\.$`, 'm'));
    expect(existsSync(join(library(), slug, 'deck.json'))).toBe(true);
    // The only new file (besides the one imported) is that deck.json.
    const added = (await filesUnder(sandbox.root)).filter((path) => !before.includes(path));
    expect(added.sort()).toEqual([relative(sandbox.root, file), join('data', 'decks', slug, 'deck.json')].sort());
  });

  it('a file named "../../evil name.csv" without --title: the slug of its stem', async () => {
    const dir = join(await sandbox.dataDir(), 'a', 'b');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dirname(dirname(dir)), 'evil name.csv'), 'front,back\r\nQ?,A\r\n');
    const result = await runRaw(['import', '../../evil name.csv'], { bin: sandbox.bin, cwd: dir });
    expect(result.code).toBe(0);
    expect(existsSync(join(library(), 'evil-name', 'deck.json'))).toBe(true);
  });

  it('a JSON deck whose id is "../../../tmp/pwn": goes to the slug of its title, with a note', async () => {
    const file = join(await sandbox.dataDir(), 'deck.json');
    const { deck } = hostileDeck({ id: 'x', payload: 'plain' });
    await writeFile(file, JSON.stringify({ ...deck, id: '../../../tmp/pwn', title: '../../pwn' }));
    const result = await run(['import', file]);
    expect(result.code).toBe(0);
    expect(existsSync(join(library(), 'pwn', 'deck.json'))).toBe(true);
    expect(JSON.parse(await readFile(join(library(), 'pwn', 'deck.json'), 'utf8'))).toMatchObject({ id: 'pwn' });
    expect(result.out).toMatch(/note: /);
  });

  it.each([
    ['../../x/..', 'the sandbox itself'],
    ['../x/..', 'work'],
  ])('--out %s (%s once resolved): a folder that is there and not empty, refused with nothing written', async (out) => {
    const file = join(await sandbox.dataDir(), 'cards.csv');
    await writeFile(file, 'front,back\r\nQ?,A\r\n');
    const before = await filesUnder(sandbox.root);
    const result = await run(['import', file, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^factdeck: \S+ already exists: nothing was imported\n/);
    expect(await filesUnder(sandbox.root)).toEqual(before);
  });

  it('--out ../../Evil_Name, not a deck id: written there (the user chose it), its id made from the file name and said', async () => {
    const file = join(await sandbox.dataDir(), 'cards.csv');
    await writeFile(file, 'front,back\r\nQ?,A\r\n');
    const result = await run(['import', file, '--out', '../../Evil_Name']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('the deck\'s id is "cards"');
    expect(JSON.parse(await readFile(join(sandbox.root, 'Evil_Name', 'deck.json'), 'utf8'))).toMatchObject({ id: 'cards' });
    await rm(join(sandbox.root, 'Evil_Name'), { recursive: true });
  });
});

describe('export --out', () => {
  it('at a folder: "is a folder", exit 2, nothing written', async () => {
    const before = await filesUnder(outside);
    const result = await run(['export', '--format', 'csv', '--out', '../../outside', '--deck', 'only-deck']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^factdeck: --out .*outside is a folder\n {2}give the path of a file to write/);
    expect(await filesUnder(outside)).toEqual(before);
  });

  it('at "." and at "/": the same refusal', async () => {
    for (const out of ['.', '/']) {
      const result = await run(['export', '--format', 'anki', '--out', out, '--deck', 'only-deck']);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/is a folder/);
    }
  });

  it('into a folder that does not exist: a clear message, exit 1', async () => {
    const result = await run(['export', '--format', 'csv', '--out', '../../no/such/folder/deck.csv', '--deck', 'only-deck']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^factdeck: could not save the csv export to .*no\/such\/folder\/deck\.csv: the folder is missing \(ENOENT\)\. Nothing was saved/);
    expect(result.err.trim().split('\n')).toHaveLength(1);
  });

  it('through ../ to a file beside the sandbox: written there (the user chose it), and said so', async () => {
    const result = await run(['export', '--format', 'csv', '--out', '../../outside/deck.csv', '--deck', 'only-deck']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Exported 3 cards of "Hostile plain deck" to \.\.\/\.\.\/outside\/deck\.csv \(csv\)\.$|to \/.*outside\/deck\.csv \(csv\)\.$/m);
    expect(await readFile(join(outside, 'deck.csv'), 'utf8')).toMatch(/^front,back,tags\r\n/);
  });
});
