// The same hostile deck in a real pseudo-terminal, colour on: factdeck's own escape codes are expected,
// but the deck's sequences (window title, hyperlink, clear screen, red, BEL, backspace, NUL, C1 CSI, bidi
// overrides) must never be among the bytes written. Export to a terminal goes through printable() too.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FORBIDDEN_IN_TTY, writeHostileDeck } from './helpers/hostile-deck.js';
import { startRawPty, type RawPty } from './helpers/pty.js';
import { makeSandbox, type Sandbox } from '../helpers/sandbox.js';

let sandbox: Sandbox;
const ptys: RawPty[] = [];

beforeAll(async () => {
  sandbox = await makeSandbox();
  await writeHostileDeck(sandbox.questions);
});
afterAll(async () => {
  await sandbox.remove();
});
afterEach(() => {
  for (const pty of ptys.splice(0)) pty.dispose();
});

function start(args: readonly string[]): RawPty {
  // Local noon: a card rated Good is due again in 10 minutes, the same study day (which starts at 04:00),
  // so study waits for it whatever the time of day the tests run at.
  const pty = startRawPty(sandbox.bin, args, { cwd: sandbox.root, env: { FACTDECK_NOW: '2026-06-01T12:00:00' } });
  ptys.push(pty);
  return pty;
}

/** The hostile sequences found in what the terminal was sent, with some context: none expected. */
function hostileIn(raw: string): string[] {
  return FORBIDDEN_IN_TTY.filter((sequence) => raw.includes(sequence)).map((sequence) => {
    const at = raw.indexOf(sequence);
    return `${JSON.stringify(sequence)} at ${at}: ${JSON.stringify(raw.slice(Math.max(0, at - 60), at + 20))}`;
  });
}

const PROMPT_END = /(t\/1 true · f\/2 false · 0\/d don't know|pick at once · 0\/d don't know|Enter on an empty line: don't know|type the order · Enter submit · d don't know|tick that one · Enter submit · d don't know)/;
const FEEDBACK_END = /Enter: next question[^\n]*q: quit/;

describe('a hostile deck in a terminal (colour on)', () => {
  it('quiz: six questions of every kind, answered "don\'t know", feedback and summary: no hostile sequence is sent', async () => {
    const pty = start(['quiz', '--count', '6', '--seed', '3', '--data', await sandbox.dataDir()]);
    for (let n = 1; n <= 6; n++) {
      const from = pty.mark();
      const screen = await pty.waitFor(PROMPT_END, from);
      expect(screen).toContain(`Question ${n} of 6`);
      const typed = /Enter on an empty line/.test(screen.slice(screen.lastIndexOf(`Question ${n} of 6`)));
      const feedbackFrom = pty.mark();
      pty.write(typed ? '\r' : 'd');
      await pty.waitFor(FEEDBACK_END, feedbackFrom);
      pty.write('\r');
    }
    const text = await pty.waitFor(/Score: 0\/6/);
    expect(await pty.exited()).toBe(0);
    // The deck's text was on screen (its safe part): the check below looked at it.
    expect(text).toContain('Hostile');
    expect(text).toMatch(/Source:/);
    // Colour was on: factdeck's own SGR codes are there.
    expect(pty.raw()).toMatch(/\u001b\[\d+m/); // eslint-disable-line no-control-regex
    expect(hostileIn(pty.raw())).toEqual([]);
  });

  it('study: fronts and backs of the flashcards: no hostile sequence is sent', async () => {
    const pty = start(['study', '--data', await sandbox.dataDir()]);
    for (let n = 0; n < 3; n++) {
      let from = pty.mark();
      await pty.waitFor(/Space\/Enter: show answer/, from);
      from = pty.mark();
      pty.write(' ');
      await pty.waitFor(/1-4: rate/, from);
      from = pty.mark();
      pty.write('3');
      await pty.waitFor(/Good/, from);
    }
    // The cards rated Good are due again in 10 minutes: study waits for them (learn-ahead); q stops.
    const from = pty.mark();
    await pty.waitFor(/The next card \(learning\) in \d+:\d\d/, from);
    pty.write('q');
    expect(await pty.exited()).toBe(0);
    expect(pty.raw()).toContain('Source:');
    expect(hostileIn(pty.raw())).toEqual([]);
  });

  it.each([
    ['export --format csv', ['export', '--format', 'csv'], /front,back,tags/],
    ['export --format anki', ['export', '--format', 'anki'], /#separator:tab/],
    ['check', ['check'], /1 deck checked: no problems/],
    ['decks', ['decks'], /topics: /],
  ])('%s: no hostile sequence is sent', async (_name, args, expected) => {
    const pty = start(args);
    await pty.waitFor(expected);
    expect(await pty.exited()).toBe(0);
    expect(hostileIn(pty.raw())).toEqual([]);
  });

  it('stats after a quiz: no hostile sequence is sent', async () => {
    const data = await sandbox.dataDir();
    const quiz = start(['quiz', '--count', '1', '--seed', '3', '--data', data]);
    const screen = await quiz.waitFor(PROMPT_END);
    quiz.write(/Enter on an empty line/.test(screen) ? '\r' : 'd');
    await quiz.waitFor(FEEDBACK_END);
    quiz.write('\r');
    expect(await quiz.exited()).toBe(0);
    const stats = start(['stats', '--data', data]);
    await stats.waitFor(/Missed facts \(1\)[\s\S]*Activity/);
    expect(await stats.exited()).toBe(0);
    expect(hostileIn(stats.raw())).toEqual([]);
  });
});

describe('two hostile decks in a terminal', () => {
  let twoDecks: Sandbox;

  beforeAll(async () => {
    twoDecks = await makeSandbox();
    await writeHostileDeck(twoDecks.questions, { id: 'hostile-a' });
    await writeHostileDeck(twoDecks.questions, { id: 'hostile-b' });
  });
  afterAll(async () => {
    await twoDecks.remove();
  });

  it('quiz without --deck: the "Which deck?" menu of their titles sends no hostile sequence', async () => {
    const pty = startRawPty(twoDecks.bin, ['quiz', '--count', '1', '--seed', '1', '--data', await twoDecks.dataDir()], { cwd: twoDecks.root });
    ptys.push(pty);
    const menu = await pty.waitFor(/Which deck\?[\s\S]*Hostile[\s\S]*Hostile/);
    expect(menu).toContain('6 questions');
    const from = pty.mark();
    pty.write('\r');
    await pty.waitFor(PROMPT_END, from);
    pty.write('\u0003');
    await pty.exited();
    expect(hostileIn(pty.raw())).toEqual([]);
  });
});

