// FACTDECK_NOW values a time cannot be stored as, met by the REAL program (the year-lt-1000 script):
// before 1970 (the year 999 once saved an answer that stopped every later run), past 9999, the extremes
// of JavaScript's dates, a day that is not on the calendar. Each is refused before anything is opened:
// exit 2, one clear message, no data folder made; and the next run on the real clock works.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { STACK_TRACE, requireBuild, runCli, tempDirs } from '../helpers/cli-run.js';

const dirs = tempDirs('factdeck-clock-values-');
beforeAll(() => {
  requireBuild();
});
afterAll(async () => {
  await dirs.removeAll();
});

test.each([
  ['0999-06-01T12:00:00Z', 'it is outside the years 1970 to 9999'],
  ['1000-01-01T02:00Z', 'it is outside the years 1970 to 9999'],
  ['+275760-09-13T00:00:00Z', 'it is not an ISO date or time'],
  ['-000001-01-01T00:00:00Z', 'it is not an ISO date or time'],
  ['2024-02-30', '2024-02-30 is not a day of the calendar'],
])('FACTDECK_NOW=%s is refused at once (%s), and the next run works', async (now, why) => {
  const dataDir = join(await dirs.make(), 'data');
  const run = await runCli(['quiz', '--plain', '--count', '1', '--data', dataDir], { input: '1\n', env: { FACTDECK_NOW: now } });
  expect(run.code).toBe(2);
  expect(run.stderr).toBe(`factdeck: FACTDECK_NOW=${JSON.stringify(now)} cannot be used: ${why}\n  use an ISO time between the years 1970 and 9999, such as 2026-06-01T09:00:00Z, or unset it\n`);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(existsSync(dataDir)).toBe(false);

  const next = await runCli(['quiz', '--plain', '--count', '1', '--data', dataDir], { input: '1\n' });
  expect(next.code, next.stderr).toBe(0);
});
