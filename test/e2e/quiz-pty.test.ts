// The built CLI in a real pseudo-terminal, against a real database file in a fresh temp folder: a whole
// quiz answered key by key, Ctrl+C and a killed process mid-quiz, review of missed facts, "I was right",
// the menu. Each run names the built-in deck: other decks in questions/ change nothing here.

import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { STACK_TRACE, readDb, requireBuild, runCli, stopAllCli, tempDirs, type Db } from '../helpers/cli-run.js';
import { expectedGiven, plainBlocks, plainQuestion, theBuiltInDeck, type DeckFile } from '../helpers/cli-deck.js';
import { KEYS, startPty, type PtySession } from '../helpers/pty-session.js';
import { answerNext, answerWith, goOn, waitForQuestion, type Answered } from '../helpers/pty-quiz.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let deck: DeckFile;
const dirs = tempDirs();
const sessions: PtySession[] = [];

function start(args: string[]): PtySession {
  const session = startPty(args);
  sessions.push(session);
  return session;
}

beforeAll(async () => {
  requireBuild();
  deck = await theBuiltInDeck();
});

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.dispose()));
  await stopAllCli();
  await dirs.removeAll();
});

/** Answers `pattern.length` questions in a row (right or wrong as the pattern says), leaving the last feedback up. */
async function answerSeveral(session: PtySession, pattern: readonly boolean[]): Promise<Answered[]> {
  const answered: Answered[] = [];
  for (const [i, right] of pattern.entries()) {
    if (i > 0) goOn(session);
    const result = await answerNext(session, deck, right);
    expect(result.correct, `question ${i + 1} (${result.asked.question.id}, ${result.asked.question.kind}) was graded against the plan`).toBe(right);
    answered.push(result);
  }
  return answered;
}

function expectAttemptsMatch(db: Db, answered: readonly Answered[], sessionId: string): void {
  const attempts = db.attempts.filter((a) => a.sessionId === sessionId);
  expect(attempts).toHaveLength(answered.length);
  attempts.forEach((attempt, i) => {
    const { asked, plan, correct } = answered[i] as Answered;
    expect(attempt).toMatchObject({
      sessionId,
      profile: 'default',
      deckId: deck.id,
      questionId: asked.question.id,
      factId: asked.question.factId,
      kind: asked.question.kind,
      given: expectedGiven(plan, asked.options),
      correct,
    });
    expect(attempt.id).toMatch(/^\S{8,}$/);
    expect(attempt.at).toMatch(ISO);
    expect(typeof attempt.ms).toBe('number');
    expect(Number.isInteger(attempt.ms) && attempt.ms >= 0).toBe(true);
  });
}

describe('quiz in a terminal', () => {
  // Seeds 5 and 10 ask, between them, every kind of question (on the deck as it is today); the test
  // below asks each kind on purpose.
  test.each([5, 10])('a whole quiz of 4 (seed %i): answered key by key as each prompt asks, graded, saved', async (seed) => {
    const dir = await dirs.make();
    const before = Date.now();
    const session = start(['quiz', '--deck', 'blinken-visit-beijing', '--count', '4', '--seed', String(seed), '--data', dir]);
    const pattern = [true, false, true, true];
    const answered = await answerSeveral(session, pattern);
    expect(answered.map((a) => [a.asked.number, a.asked.total])).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    for (const a of answered) expect(a.feedback).toMatch(a.correct ? /✔ Correct\./ : /✘ Wrong/);
    goOn(session);
    await session.waitFor(/Score: 3\/4 \(75%\)/);
    expect(await session.waitForExit()).toEqual({ exitCode: 0, signal: undefined });

    const screen = session.output();
    for (let n = 1; n <= 4; n++) expect(screen).toContain(`Question ${n} of 4`);
    expect(screen).not.toMatch(STACK_TRACE);

    const db = await readDb(dir);
    expect(db.sessions).toHaveLength(1);
    const [record] = db.sessions;
    expect(record).toMatchObject({ profile: 'default', deckId: deck.id, mode: 'quiz', status: 'finished', answered: 4, correct: 3, planned: 4, seed });
    expect(record?.endedAt).toMatch(ISO);
    expect(db.attempts).toHaveLength(4);
    expectAttemptsMatch(db, answered, record?.id as string);
    for (const attempt of db.attempts) {
      const at = Date.parse(attempt.at);
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    }
  });

  test.each(['choice', 'true-false', 'cloze', 'short-answer', 'order', 'multi-select'])(
    'a %s question is answered with its keys: once right, once wrong, each graded and saved as such',
    async (kind) => {
      const dir = await dirs.make();
      const session = start(['quiz', '--deck', 'blinken-visit-beijing', '--kind', kind, '--count', '2', '--seed', '1', '--data', dir]);
      const answered = await answerSeveral(session, [true, false]);
      expect(answered.map((a) => a.asked.question.kind)).toEqual([kind, kind]);
      goOn(session);
      await session.waitFor(/Score: 1\/2 \(50%\)/);
      expect(await session.waitForExit()).toEqual({ exitCode: 0, signal: undefined });
      const db = await readDb(dir);
      expectAttemptsMatch(db, answered, db.sessions[0]?.id as string);
    },
  );

  test('Ctrl+C at the third question: "Stopped: 2 answers saved", exit 130, both answers on disk', async () => {
    const dir = await dirs.make();
    const session = start(['quiz', '--deck', 'blinken-visit-beijing', '--count', '4', '--seed', '3', '--data', dir]);
    const answered = await answerSeveral(session, [true, false]);
    goOn(session);
    await waitForQuestion(session, deck);
    const { text } = await session.press(KEYS.ctrlC, /Stopped: 2 answers saved\./);
    expect(await session.waitForExit()).toEqual({ exitCode: 130, signal: undefined });
    expect(session.output()).not.toMatch(STACK_TRACE);
    expect(text).not.toMatch(/Question 4 of 4/);

    const db = await readDb(dir);
    expect(db.attempts).toHaveLength(2);
    expect(db.sessions).toHaveLength(1);
    expect(db.sessions[0]).toMatchObject({ status: 'abandoned', answered: 2, correct: 1, planned: 4 });
    expect(db.sessions[0]?.endedAt).toMatch(ISO);
    expectAttemptsMatch(db, answered, db.sessions[0]?.id as string);
  });

  // SIGHUP is what a closed terminal window sends.
  test.each(['SIGTERM', 'SIGHUP'] as const)('%s after two answers: the process ends and a fresh process finds both answers', async (signal) => {
    const dir = await dirs.make();
    const session = start(['quiz', '--deck', 'blinken-visit-beijing', '--count', '4', '--seed', '4', '--data', dir]);
    const answered = await answerSeveral(session, [true, false]);
    goOn(session);
    await waitForQuestion(session, deck);
    session.kill(signal);
    const exit = await session.waitForExit();
    expect(exit.signal !== undefined || exit.exitCode !== 0, `ended by ${signal}, not finished: ${JSON.stringify(exit)}`).toBe(true);

    // The file parses and holds what was acknowledged.
    const db = await readDb(dir);
    expect(db.attempts).toHaveLength(2);
    expect(db.sessions).toHaveLength(1);
    expectAttemptsMatch(db, answered, db.sessions[0]?.id as string);

    // A fresh process opens it and adds to it. It may first have to outwait a lock the dying process left
    // behind (a race on the way out, reported as a bug): hence the long timeout.
    const fresh = await runCli(['quiz', '--deck', 'blinken-visit-beijing', '--plain', '--count', '1', '--data', dir], { input: '\n', timeoutMs: 25_000 });
    expect(fresh.stderr).toBe('');
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toMatch(/Wrong \(don't know\)\./);
    const after = await readDb(dir);
    expect(after.attempts).toHaveLength(3);
    expect(after.attempts.slice(0, 2)).toEqual(db.attempts);
  });
});

describe('review in a terminal', () => {
  test('after three misses: a miss comes back later marked (again); answered right, nothing is left to review', async () => {
    const dir = await dirs.make();
    const quiz = await runCli(['quiz', '--deck', 'blinken-visit-beijing', '--plain', '--count', '3', '--seed', '2', '--data', dir], { input: '\n\n\n' });
    expect(quiz.code).toBe(0);
    const missedFacts = new Set((await readDb(dir)).attempts.map((a) => a.factId));
    expect(missedFacts.size).toBe(3);

    const session = start(['review', '--deck', 'blinken-visit-beijing', '--data', dir, '--seed', '1']);
    await session.waitFor(/Review of missed facts · 3 questions/);
    const first = await answerNext(session, deck, false);
    expect(first.correct).toBe(false);
    expect([first.asked.number, first.asked.total, first.asked.retry]).toEqual([1, 3, false]);
    const answered = [first];
    for (let n = 2; n <= 4; n++) {
      goOn(session);
      const result = await answerNext(session, deck, true);
      expect(result.correct).toBe(true);
      expect([result.asked.number, result.asked.total]).toEqual([n, 4]);
      answered.push(result);
    }
    const [, second, third, again] = answered as [Answered, Answered, Answered, Answered];
    // Other questions came in between, then the missed fact again, marked as such.
    expect([second.asked.retry, third.asked.retry, again.asked.retry]).toEqual([false, false, true]);
    expect(again.asked.screen).toMatch(/Question 4 of 4 .*\(again\)/);
    expect(again.asked.question.factId).toBe(first.asked.question.factId);
    expect(new Set(answered.map((a) => a.asked.question.factId))).toEqual(missedFacts);

    goOn(session);
    const { text } = await session.waitFor(/Nothing left to review\. Well done\./);
    expect(text).toMatch(/Score: 3\/4 \(75%\)/);
    expect(text).toMatch(/Learned this time \(3\):/);
    expect(await session.waitForExit()).toEqual({ exitCode: 0, signal: undefined });

    const db = await readDb(dir);
    const review = db.sessions.find((s) => s.mode === 'review');
    expect(review).toMatchObject({ status: 'finished', answered: 4, correct: 3 });
    expectAttemptsMatch(db, answered, review?.id as string);

    const again2 = start(['review', '--deck', 'blinken-visit-beijing', '--data', dir]);
    await again2.waitFor('Nothing missed: nothing to review. Well done.');
    expect(await again2.waitForExit()).toEqual({ exitCode: 0, signal: undefined });
    expect(again2.output()).not.toMatch(/Question \d+ of/);
  });
});

describe('"I was right"', () => {
  test('a typed answer judged wrong, claimed with r: saved as right with an alias, and accepted next time', async () => {
    const dir = await dirs.make();
    const mine = 'the American president';
    const session = start(['quiz', '--deck', 'blinken-visit-beijing', '--kind', 'short-answer', '--count', '1', '--seed', '5', '--data', dir]);
    const asked = await waitForQuestion(session, deck);
    expect(asked.shownKind).toBe('typed');
    expect(asked.question.kind).toBe('short-answer');
    const result = await answerWith(session, asked, { kind: 'typed', text: mine });
    expect(result.correct).toBe(false);
    expect(result.feedback).toMatch(/r: I was right/);

    await session.press('r', `Counted as right. "${mine}" will be accepted from now on.`);
    await session.waitFor(/Score: 1\/1 \(100%\)/);
    expect(await session.waitForExit()).toEqual({ exitCode: 0, signal: undefined });

    const db = await readDb(dir);
    expect(db.attempts).toHaveLength(1);
    expect(db.attempts[0]).toMatchObject({ questionId: asked.question.id, given: mine, correct: true, claimed: true });
    expect(db.sessions[0]).toMatchObject({ status: 'finished', answered: 1, correct: 1 });
    expect(db.aliases).toEqual([{ profile: 'default', deckId: deck.id, questionId: asked.question.id, text: mine, at: expect.stringMatching(ISO) }]);

    // The same seed again, every short-answer question answered with that text: the claimed one is right.
    const shortAnswers = deck.questions.filter((q) => q.kind === 'short-answer').length;
    const second = await runCli(['quiz', '--deck', 'blinken-visit-beijing', '--plain', '--kind', 'short-answer', '--count', '100', '--seed', '5', '--data', dir], {
      input: `${mine}\n`.repeat(shortAnswers),
    });
    expect(second.code).toBe(0);
    const block = plainBlocks(second.stdout).find((b) => plainQuestion(deck, b).id === asked.question.id);
    expect(block, second.stdout).toBeDefined();
    expect(block?.text).toMatch(/^Correct\./m);
    const after = await readDb(dir);
    const secondSession = after.sessions[1]?.id;
    const regraded = after.attempts.filter((a) => a.sessionId === secondSession && a.questionId === asked.question.id);
    expect(regraded).toHaveLength(1);
    expect(regraded[0]).toMatchObject({ given: mine, correct: true });
    expect(regraded[0]?.claimed).toBeUndefined();
  });
});

describe('starting up', () => {
  test('with one deck and no --deck, a quiz starts at once with that deck (no picker)', async () => {
    // A data folder of its own: no decks of a learner's, only the built-in one.
    const dir = await dirs.make();
    const listed = await runCli(['decks', '--json', '--data', dir]);
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { decks: unknown[] }).decks).toHaveLength(1);

    const session = start(['quiz', '--count', '1', '--seed', '3', '--data', dir]);
    const asked = await waitForQuestion(session, deck);
    const shown = session.output();
    expect(shown).not.toMatch(/Which deck\?/);
    expect(shown.indexOf(deck.title)).toBeGreaterThanOrEqual(0);
    expect(shown.indexOf(deck.title)).toBeLessThan(shown.indexOf('Question 1 of 1'));
    expect(asked.question).toBeDefined();
    await session.press(KEYS.ctrlC, 'Stopped: 0 answers saved.');
    expect((await session.waitForExit()).exitCode).toBe(130);
  });

  test('no command: the menu; q quits with exit 0', async () => {
    const dir = await dirs.make();
    const session = start(['--deck', 'blinken-visit-beijing', '--data', dir]);
    const { text } = await session.waitFor(/q quit/);
    expect(text).toContain(`factdeck · ${deck.title}`);
    expect(text).toMatch(/1\) Quiz/);
    expect(text).toMatch(/Review missed \(0\)/);
    session.write('q');
    expect(await session.waitForExit()).toEqual({ exitCode: 0, signal: undefined });
    expect(session.output()).not.toMatch(STACK_TRACE);
  });
});
