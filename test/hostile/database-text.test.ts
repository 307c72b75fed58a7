// Text from the progress database reaches the terminal only through printable(): profile names and
// question kinds in a hand-written factdeck.json, and the messages about a database that cannot be read
// (which quote what the file holds). The built program, no terminal, NO_COLOR=1; raw bytes checked.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { STACK_TRACE } from '../helpers/cli-run.js';
import { databaseWithProfiles } from './helpers/database.js';
import { BEL, ESC, forbiddenBytes, HOSTILE, writeHostileDeck } from './helpers/hostile-deck.js';
import { killLeftovers, makeSandbox, runRaw, type RawResult, type Sandbox } from '../helpers/sandbox.js';
import { expectClean } from './helpers/expect-clean.js';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await makeSandbox();
  await writeHostileDeck(sandbox.questions);
});
afterAll(async () => {
  await sandbox.remove();
});
afterEach(() => {
  killLeftovers();
});

function run(args: readonly string[], input?: string): Promise<RawResult> {
  return runRaw(args, { bin: sandbox.bin, cwd: sandbox.root, input });
}


async function dataWith(text: string, dirName?: string): Promise<string> {
  const dir = await sandbox.dataDir(dirName);
  await writeFile(join(dir, 'factdeck.json'), text);
  return dir;
}

const EVIL_NAMES = [`mallory${HOSTILE}`, `${ESC}]0;pwned${BEL}eve`, '\u202eevil\u2066', 'bob\r\u0000\b'];

describe('hostile text inside a valid database', () => {
  it('profiles: the names are listed without their escapes', async () => {
    const data = await dataWith(JSON.stringify(databaseWithProfiles(EVIL_NAMES, { deckId: 'hostile', factId: 'f-visit' })));
    const result = await run(['profiles', '--data', data]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^mallory.*2 answers/m);
    expect(result.out).toMatch(/^eve +2 answers/m);
    expect(result.out).toMatch(/^bob +2 answers/m);
    expectClean(result);
  });

  // JSON.stringify escapes only C0 controls: --json output goes through printableJson().
  it('profiles --json: the names are JSON-escaped, no raw C1 or bidi character', async () => {
    const data = await dataWith(JSON.stringify(databaseWithProfiles(EVIL_NAMES, { deckId: 'hostile', factId: 'f-visit' })));
    const result = await run(['profiles', '--json', '--data', data]);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.out) as { profiles: { name: string }[] }).profiles.map((p) => p.name).sort()).toEqual([...EVIL_NAMES].sort());
    expectClean(result);
  });

  it('stats: a question kind made of escapes is shown as a clean label', async () => {
    const data = await dataWith(JSON.stringify(databaseWithProfiles(['default'], { deckId: 'hostile', factId: 'f-visit', kind: `multiple${HOSTILE}` })));
    for (const flags of [[], ['--plain']]) {
      const result = await run(['stats', ...flags, '--data', data]);
      expect(result.code).toBe(0);
      expect(result.out).toContain('2 answers, 50% right');
      expect(result.out).toMatch(/^ {2}multiple.*iso /m);
      expectClean(result);
    }
  });
});

// A StorageError's message quotes the file (a bad value, or the character where the JSON breaks):
// cli.ts reportError() passes every message through printable().
describe('messages about a database that cannot be read', () => {
  it.each([
    ['a schemaVersion made of escapes', '{"schemaVersion": "\u009b2J\u202ex\u2066"}'],
    ['a raw bidi override where JSON breaks', '{"schemaVersion": \u202e3}'],
    ['a raw C1 CSI where JSON breaks', '{"schemaVersion": \u009b2J}'],
    ['a profile name of the wrong type next to escapes', JSON.stringify({ ...databaseWithProfiles(['a']), profiles: [{ name: '\u009b2J\u202e', desiredRetention: 'x', newPerDay: 1, dayStartHour: 1 }] })],
  ])('%s: refused (exit 1) with a one-line message, no stack trace', async (_name, text) => {
    const data = await dataWith(text);
    const result = await run(['stats', '--data', data]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^factdeck: cannot open .*factdeck\.json: /);
    expect(forbiddenBytes(result.stdout)).toEqual([]);
    expect(result.err).not.toMatch(STACK_TRACE);
  });

  it.each([
    ['a schemaVersion made of escapes', '{"schemaVersion": "\u009b2J\u202ex\u2066"}'],
    ['a raw bidi override where JSON breaks', '{"schemaVersion": \u202e3}'],
    ['a raw C1 CSI where JSON breaks', '{"schemaVersion": \u009b2J}'],
  ])('%s: no raw C1 or bidi character on stderr', async (_name, text) => {
    const data = await dataWith(text);
    const result = await run(['stats', '--data', data]);
    expectClean(result);
  });

  // The same gap: the message names the file, and a folder's name may hold escapes (FACTDECK_DATA, --data).
  it('a data folder whose name holds escapes: the corrupt-file message is clean', async () => {
    const dir = join(await sandbox.dataDir(), `data${ESC}]0;pwned${BEL}`);
    await mkdir(dir);
    await writeFile(join(dir, 'factdeck.json'), '{');
    const result = await run(['stats', '--data', dir]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^factdeck: cannot open /);
    expect(result.err).not.toContain(`${ESC}]0;pwned`);
    expectClean(result);
  });
});
