// SIGTERM and SIGHUP in --plain mode end the run as they do in a terminal: "Stopped: N answers saved." and
// 143 / 129, not the summary of a run that ended at the end of its input (the tester's O3). Every answer
// acknowledged before the signal is on disk.

import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { startCli } from '../helpers/cli-run.js';
import { attemptsIn, readLogStrict, useFaultSuite, verdictCount } from '../helpers/fault-run.js';

const suite = useFaultSuite('factdeck-signals-plain-');

describe.each([
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const)('%s during quiz --plain', (signal, code) => {
  test(`"Stopped: 2 answers saved.", exit ${code}, no score summary`, async () => {
    const dataDir = join(await suite.dirs.make(), 'data');
    const run = startCli(['quiz', '--plain', '--deck', suite.deckDir, '--count', '5', '--seed', '3', '--data', dataDir]);
    run.write('true\nfalse\n');
    await run.waitForStdout(/^(Correct|Wrong)\b[\s\S]*^(Correct|Wrong)\b[\s\S]*Question 3 of 5/m);
    process.kill(run.pid as number, signal);
    const result = await run.result;
    expect(result.code, result.stderr).toBe(code);
    expect(verdictCount(result.stdout)).toBe(2);
    expect(result.stderr.trim()).toBe('Stopped: 2 answers saved.');
    expect(result.stdout).not.toMatch(/^Score:/m);
    expect(attemptsIn((await readLogStrict(dataDir)).events)).toHaveLength(2);
  });
});

test('SIGTERM during study --plain: "Stopped: 1 card rated ...", exit 143', async () => {
  const dataDir = join(await suite.dirs.make(), 'data');
  const run = startCli(['study', '--plain', '--deck', suite.deckDir, '--seed', '3', '--data', dataDir]);
  run.write('\n3\n');
  await run.waitForStdout(/\(saved\)/);
  process.kill(run.pid as number, 'SIGTERM');
  const result = await run.result;
  expect(result.code, result.stderr).toBe(143);
  expect(result.stderr.trim()).toMatch(/^Stopped: 1 card rated \(again 0, hard 0, good 1, easy 0\), all saved\.$/);
  expect(result.stdout).not.toMatch(/^Done:/m);
});
