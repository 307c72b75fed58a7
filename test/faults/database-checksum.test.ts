// The checksum at the head of factdeck.json, against the REAL program (the tester's O8): a flipped bit that
// keeps the JSON valid (a digit of a count) is refused as a damaged file is, named, with `doctor --restore
// latest` to go back, and not one byte changed; the restore brings every answer back. A file without a
// checksum (an older factdeck's) is accepted and gets one at the next save; the same data laid out by an
// editor (another indent, CRLF line ends) still matches.

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DB_FILE, STACK_TRACE, runCli } from '../helpers/cli-run.js';
import { snapshotDir, statsJson, useFaultSuite, verdictCount } from '../helpers/fault-run.js';

const suite = useFaultSuite('factdeck-checksum-');
const quizArgs = (dataDir: string): string[] => ['quiz', '--plain', '--deck', suite.deckDir, '--count', '3', '--data', dataDir];
const INPUT = 'true\ntrue\ntrue\n';

/**
 * A folder after two quizzes (so a backup holds the first one's database), checkpointed at every answer
 * (FACTDECK_CHECKPOINT_EVERY=1), so that factdeck.json itself holds the answers (by default, at 3 answers
 * a run, they would be in the log only).
 */
async function folder(): Promise<string> {
  const dataDir = join(await suite.dirs.make(), 'data');
  for (let i = 0; i < 2; i++) expect((await runCli(quizArgs(dataDir), { input: INPUT, env: { FACTDECK_CHECKPOINT_EVERY: '1' } })).code).toBe(0);
  return dataDir;
}

const CHECKSUM_LINE = /^\{\n {2}"checksum": "sha256:[0-9a-f]{64}",\n/;

describe('a bit flipped in factdeck.json that keeps the JSON valid', () => {
  test('refused, named, restore suggested, nothing changed; doctor --restore latest brings every answer back', async () => {
    const dataDir = await folder();
    const file = join(dataDir, DB_FILE);
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(CHECKSUM_LINE);
    // A session's "answered":3 -> "answered":2 (a digit's last bit: 0x33 ^ 0x01). Valid JSON, valid data, wrong.
    const at = text.search(/"answered":\d/);
    expect(at).toBeGreaterThan(0);
    const bytes = Buffer.from(text);
    const digit = at + '"answered":'.length;
    bytes.writeUInt8(bytes.readUInt8(digit) ^ 0x01, digit);
    await writeFile(file, bytes);
    const before = await snapshotDir(dataDir);

    const run = await runCli(quizArgs(dataDir), { input: INPUT });
    expect(run.code).toBe(1);
    expect(verdictCount(run.stdout)).toBe(0);
    const said = run.stderr.trim();
    expect(said).not.toMatch(STACK_TRACE);
    expect(said).toContain(`cannot open ${file}: its checksum does not match its contents`);
    expect(said).toContain(`factdeck doctor --restore latest --data ${dataDir}`);
    expect(await snapshotDir(dataDir)).toEqual(before);

    const doctor = await runCli(['doctor', '--data', dataDir]);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/error +\S*factdeck\.json: its checksum does not match its contents/);

    expect((await runCli(['doctor', '--restore', 'latest', '--yes', '--data', dataDir])).code).toBe(0);
    const again = await runCli(quizArgs(dataDir), { input: INPUT });
    expect(again.code, again.stderr).toBe(0);
    expect((await statsJson(dataDir, suite.deckDir)).attempts).toBe(9);
  });
});

describe('files the checksum must not refuse', () => {
  test('an older file without a checksum: accepted, and it has one after the next checkpoint', async () => {
    const dataDir = await folder();
    const file = join(dataDir, DB_FILE);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^ {2}"checksum": .*\n/m, ''));
    expect(await readFile(file, 'utf8')).not.toContain('checksum');
    expect((await statsJson(dataDir, suite.deckDir)).attempts).toBe(6);
    const run = await runCli(quizArgs(dataDir), { input: INPUT, env: { FACTDECK_CHECKPOINT_EVERY: '1' } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(await readFile(file, 'utf8')).toMatch(CHECKSUM_LINE);
    expect((await statsJson(dataDir, suite.deckDir)).attempts).toBe(9);
  });

  test('the same data laid out by an editor (4-space indent, CRLF line ends): accepted', async () => {
    const dataDir = await folder();
    const file = join(dataDir, DB_FILE);
    await writeFile(file, JSON.stringify(JSON.parse(await readFile(file, 'utf8')), null, 4).replaceAll('\n', '\r\n'));
    const stats = await runCli(['stats', '--json', '--deck', suite.deckDir, '--data', dataDir]);
    expect(stats.code, stats.stderr).toBe(0);
    expect((JSON.parse(stats.stdout) as { attempts: number }).attempts).toBe(6);
    expect((await runCli(['doctor', '--data', dataDir])).code).toBe(0);
  });
});
