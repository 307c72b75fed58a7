// The backup taken at the start of a run is a whole copy of factdeck.json; on a nearly full disk it may not
// fit where the answers (a few hundred bytes each) still do. Against the REAL program, with the disk's
// refusal injected (FACTDECK_FAIL_FS: the copy, then the plain write it falls back to): the run warns
// once, naming the backup folder, and goes on; every answer is saved and acknowledged; no partial backup
// is left. (Before, it refused the whole run: "could not save a backup ... Nothing was saved".)

import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../helpers/cli-run.js';
import { attemptsIn, leftoverTempFiles, nthCall, readLogStrict, useFaultSuite, verdictCount } from '../helpers/fault-run.js';

const suite = useFaultSuite('factdeck-backup-no-room-');
const quizArgs = (dataDir: string): string[] => ['quiz', '--plain', '--deck', suite.deckDir, '--count', '3', '--data', dataDir];
const INPUT = 'true\ntrue\ntrue\n';

test.each([
  ['the usual start (the backup is written while the first question is read)', false],
  ['a start whose replay of the log makes a checkpoint due (the backup is taken at once, before it)', true],
])('%s: a warning, and the run saves every answer', async (_name, replay) => {
  const dataDir = join(await suite.dirs.make(), 'data');
  expect((await runCli(quizArgs(dataDir), { input: INPUT })).code).toBe(0);
  if (replay) {
    // Two runs' answers wait in the log (no checkpoint was due at 3 answers a run).
    expect((await runCli(quizArgs(dataDir), { input: INPUT })).code).toBe(0);
    // The newest backup is that same file (taken at the second start): gone, so a new one must be taken.
    for (const name of await readdir(join(dataDir, 'backups'))) await rm(join(dataDir, 'backups', name));
  }
  const backupsBefore = await readdir(join(dataDir, 'backups'));
  const trace = join(dataDir, '..', 'trace');
  // With a checkpoint due every 6 events, the 6 answers (and more sessions' events) replayed at the start make one due.
  const checkpoint = replay ? { FACTDECK_CHECKPOINT_EVERY: '6' } : {};
  const run = await runCli(quizArgs(dataDir), { input: INPUT, env: { FACTDECK_FAIL_FS: 'copy:ENOSPC:1,writeFile:ENOSPC:1', FACTDECK_TRACE_FS: trace, ...checkpoint } });
  const steps = await readFile(trace, 'utf8');
  await rm(trace);
  // The failures hit the backup: its copy, then the first write of its temp file.
  expect(nthCall(steps, 'copy', 1)).toMatchObject({ ended: false });
  expect(nthCall(steps, 'writeFile', 1)?.file).toMatch(/^\.factdeck-\d{6}-.*\.json\.\d+-[0-9a-f]{8}\.[0-9a-f]+\.tmp$/);
  expect(nthCall(steps, 'writeFile', 1)?.ended).toBe(false);

  expect(run.code, run.stderr).toBe(0);
  expect(verdictCount(run.stdout)).toBe(3);
  expect(run.stderr.trim()).toBe(
    `factdeck: warning: no room for the backup of ${join(dataDir, 'factdeck.json')} taken at the start of a run (in ${join(dataDir, 'backups')}): no space left on device (ENOSPC). ` +
      'Your answers are saved as you give them all the same; free some space so that backups are taken again.',
  );
  expect(attemptsIn((await readLogStrict(dataDir)).events)).toHaveLength(replay ? 9 : 6);
  expect(await readdir(join(dataDir, 'backups'))).toEqual(backupsBefore);
  expect(await leftoverTempFiles(dataDir)).toEqual([]);
});
