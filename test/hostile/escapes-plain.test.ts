// Escape sequences and control characters from data never reach the terminal: a deck whose every text is
// laced with CSI, OSC (window title, hyperlink), BEL, backspace, bare CR, NUL, C1 CSI and bidi overrides,
// run through the BUILT program without a terminal (NO_COLOR=1). The raw bytes written to stdout and stderr
// are checked: in plain mode nothing of the kind may appear at all, since factdeck adds no colour there.
// Export to a pipe is the exception by design: the exact data, for the file or program reading it.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { firstForbidden, forbiddenBytes, HOSTILE, SEQUENCES, writeHostileDeck } from './helpers/hostile-deck.js';
import { killLeftovers, makeSandbox, runRaw, type RawResult, type Sandbox } from '../helpers/sandbox.js';
import { expectClean as expectCleanOutput } from './helpers/expect-clean.js';

let sandbox: Sandbox;
let deckDir: string;

beforeAll(async () => {
  sandbox = await makeSandbox();
  deckDir = (await writeHostileDeck(sandbox.questions)).dir;
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

/** Clean (see helpers/expect-clean.ts), and not even the hostile title's word shows. */
function expectClean(result: RawResult): void {
  expectCleanOutput(result);
  expect(result.out).not.toContain('pwned');
}

/** JSON output holds the data JSON-escaped ("\u001b]0;pwned" as text is harmless): no raw character may be there. */
function expectCleanJson(result: RawResult): void {
  expect(forbiddenBytes(result.stdout), 'stdout bytes').toEqual([]);
  expect(firstForbidden(result.out), 'stdout').toBeNull();
  expect(result.err).toBe('');
}

describe('plain output of a hostile deck (NO_COLOR=1, no terminal)', () => {
  it('check: the deck is valid, and its report is clean', async () => {
    const all = await run(['check']);
    expect(all.err).toBe('');
    expect(all.out).toContain('ok  questions/hostile/deck.json  (3 facts, 6 questions)');
    expect(all.code).toBe(0);
    expectClean(all);
    const one = await run(['check', deckDir]);
    expect(one.code).toBe(0);
    expectClean(one);
  });

  it('decks: title and topics shown without their escapes', async () => {
    const result = await run(['decks']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Hostile');
    expect(result.out).toMatch(/topics: visit .*talks/);
    expectClean(result);
  });

  it('quiz --plain, every question answered "don\'t know": prompts, options, feedback, source and summary are clean', async () => {
    const data = await sandbox.dataDir('quiz');
    const result = await run(['quiz', '--plain', '--count', '6', '--seed', '3', '--data', data], '\n'.repeat(6));
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    // The hostile text was shown (its safe part), so the check below saw it.
    expect(result.out).toContain('Which city did the minister visit');
    expect(result.out).toContain('Source:');
    expect(result.out).toMatch(/Score: 0\/6/);
    expect(result.out.match(/^Wrong \(don't know\)\./gm)).toHaveLength(6);
    expectClean(result);
  });

  it('quiz --plain with answers typed back (right and wrong): clean', async () => {
    const data = await sandbox.dataDir('quiz-answers');
    // Numbers for choices, t for true/false, text for typed answers: whatever the order, each is a valid
    // answer to some kind; unparseable lines are answered with a message and asked again.
    const input = ['1', 't', 'Beijing', 'three hours', '1 2', '1,2', '2', 'f', 'xyzzy', 'wrong', '2 1', '3'].join('\n');
    const result = await run(['quiz', '--plain', '--count', '6', '--seed', '4', '--data', data], `${input}\n`);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Score: \d\/\d/);
    expectClean(result);
  });

  it('review --plain of the missed facts, and stats (plain and not): clean', async () => {
    const data = await sandbox.dataDir('review');
    const quiz = await run(['quiz', '--plain', '--count', '6', '--seed', '5', '--data', data], '\n'.repeat(6));
    expect(quiz.code).toBe(0);
    const review = await run(['review', '--plain', '--data', data], '\n'.repeat(12));
    expect(review.code).toBe(0);
    expect(review.out).toContain('Review of missed facts');
    expectClean(review);
    for (const flags of [['--plain'], []]) {
      const stats = await run(['stats', ...flags, '--data', data]);
      expect(stats.code).toBe(0);
      expect(stats.out).toContain('Missed facts (3)');
      expect(stats.out).toMatch(/visit .*iso/);
      expectClean(stats);
    }
  });

  it('study --plain: fronts, backs and sources are clean', async () => {
    const data = await sandbox.dataDir('study');
    const result = await run(['study', '--plain', '--data', data], '\n3\n'.repeat(3));
    expect(result.code).toBe(0);
    expect(result.out).toContain('Source:');
    expectClean(result);
  });

  it('export --out FILE: the message is clean, the file holds the exact data', async () => {
    const out = join(await sandbox.dataDir('export'), 'deck.csv');
    const result = await run(['export', '--format', 'csv', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Exported 3 cards of "Hostile .*deck" to /);
    expectClean(result);
    const written = await readFile(out, 'utf8');
    expect(written).toContain(SEQUENCES.setTitle);
  });

  it.each(['csv', 'anki', 'json'])('export --format %s to a pipe is the exact data, escapes and all (by design; JSON keeps them escaped)', async (format) => {
    const result = await run(['export', '--format', format]);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    if (format === 'json') expect(result.out).toBe(await readFile(join(deckDir, 'deck.json'), 'utf8'));
    else expect(result.out).toContain(SEQUENCES.hyperlink);
  });

  // The hint of "no questions match --kind/--topic" lists the deck's topics: data, so printable().
  it('quiz --plain --topic <none of them>: the hint listing the topics is clean', async () => {
    const result = await run(['quiz', '--plain', '--topic', 'nothing', '--data', await sandbox.dataDir()], '\n');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^factdeck: no questions match --kind\/--topic in this deck\n {2}the topics are: visit/);
    expectClean(result);
  });

  it('check --json and decks --json: the data JSON-escaped, no raw control, C1 or bidi character', async () => {
    for (const args of [['check', '--json', deckDir], ['decks', '--json']]) {
      const result = await run(args);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.out)).toBeTruthy();
      expectCleanJson(result);
    }
    const decks = JSON.parse((await run(['decks', '--json'])).out) as { decks: { title: string }[] };
    expect(decks.decks[0]?.title).toBe(`Hostile ${HOSTILE} deck`);
  });

  // --json output goes through printableJson(): JSON.stringify alone leaves C1 and bidi characters raw.
  it('stats --json: topic labels JSON-escaped, no raw C1 or bidi character', async () => {
    const data = await sandbox.dataDir('stats-json');
    expect((await run(['quiz', '--plain', '--count', '6', '--seed', '3', '--data', data], '\n'.repeat(6))).code).toBe(0);
    const result = await run(['stats', '--json', '--data', data]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toBeTruthy();
    expectCleanJson(result);
  });
});

