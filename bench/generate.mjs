// Makes the data the benchmark runs on, under .bench/ (not committed): a deck of 10,000 facts with its
// article, and histories of 1,000, 100,000 and 365,000 answers (about 200 a day for five years), written
// through the real storage code (the same events and the same adding-up as the program), each with its
// database file checkpointed at the end of the log.

import { existsSync, mkdirSync, rmSync, writeFileSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = (path) => join(root, 'dist', path);
const { applyEvents, serializeEvents } = await import(dist('storage/history.js'));
const { emptyDatabase, validateDatabase } = await import(dist('storage/schema.js'));
const { ratingEvent } = await import(dist('storage/progress.js'));

export const BENCH = join(root, '.bench');
export const FACTS = 10_000;
const VERSION = 'v3-2';

const PLACES = ['Lisbon', 'Nairobi', 'Oslo', 'Quito', 'Hanoi', 'Tunis', 'Lima', 'Riga', 'Accra', 'Perth'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Deterministic ids: the benchmark must compare like with like from one run to the next. */
const id = (prefix, n) => `${prefix}${n.toString(36).padStart(8, '0')}`;

export function deckDir() {
  return join(BENCH, 'deck-10k');
}

function makeDeck() {
  const dir = deckDir();
  if (existsSync(join(dir, `.${VERSION}`))) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sentences = ['A Long Report On Ten Thousand Facts'];
  const facts = [];
  const questions = [];
  for (let i = 0; i < FACTS; i++) {
    const place = PLACES[i % PLACES.length];
    const month = MONTHS[i % 12];
    const who = `Delegate ${i + 1}`;
    const quote = `${who} arrived in ${place} in ${month}`;
    sentences.push(`${quote} with ${(i % 90) + 10} advisers.`);
    const factId = id('f', i);
    facts.push({ id: factId, statement: `${who} arrived in ${place} in ${month}.`, quote, topic: `topic ${i % 12}` });
    questions.push({ id: id('c', i), factId, kind: 'cloze', prompt: `${who} arrived in _____ in ${month}.`, answer: place, accept: [], explanation: `The report says ${place}.` });
    const other = PLACES[(i + 3) % PLACES.length];
    questions.push({ id: id('t', i), factId, kind: 'true-false', prompt: `True or false: ${who} arrived in ${other}.`, answer: false, explanation: `It was ${place}.` });
  }
  writeFileSync(join(dir, 'article.txt'), `${sentences[0]}\n${sentences.slice(1).join(' ')}\n`);
  const deck = { schemaVersion: 1, id: 'deck-10k', title: 'Ten thousand facts', source: { headline: sentences[0], dateline: '', date: '' }, origin: 'generated', facts, questions };
  writeFileSync(join(dir, 'deck.json'), `${JSON.stringify(deck)}\n`);
  writeFileSync(join(dir, `.${VERSION}`), '');
}

/** A history of `answers` answers: one session of 10 answers at a time, about 200 a day. */
function makeHistory(name, answers) {
  const dir = join(BENCH, name);
  if (existsSync(join(dir, `.${VERSION}`))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'backups'), { recursive: true });
  const data = emptyDatabase();
  const log = openSync(join(dir, 'history.jsonl'), 'w');
  const start = Date.UTC(2021, 0, 1, 8);
  const perDay = 200;
  // Saves as the program makes them: a session's start or end, and each answer with its card's rating.
  let chunk = [];
  let saves = [];
  const save = (events) => {
    saves.push(events);
    chunk.push(...events);
  };
  const flush = () => {
    applyEvents(data, chunk);
    writeSync(log, saves.map((events) => serializeEvents(events)).join(''));
    chunk = [];
    saves = [];
  };
  let session;
  for (let n = 0; n < answers; n++) {
    const at = new Date(start + Math.floor(n / perDay) * 86_400_000 + (n % perDay) * 60_000);
    if (n % 10 === 0) {
      if (session) save([{ type: 'session', session: { ...session, status: 'finished', endedAt: at.toISOString(), answered: 10, correct: 7 } }]);
      session = { id: id('s', n), profile: 'default', deckId: 'deck-10k', mode: 'quiz', startedAt: at.toISOString(), endedAt: null, status: 'active', correct: 0, answered: 0, planned: 10, seed: n };
      save([{ type: 'session', session }]);
    }
    const fact = (n * 7919) % FACTS;
    const correct = n % 10 < 7;
    const attemptId = id('a', n);
    // The card must be rated against the state so far: add up what is pending first.
    if (chunk.length > 2000) flush();
    save([
      {
        type: 'attempt',
        attempt: { id: attemptId, sessionId: session.id, profile: 'default', deckId: 'deck-10k', questionId: id('c', fact), factId: id('f', fact), kind: 'cloze', given: correct ? 'x' : 'y', correct, at: at.toISOString(), ms: 3000 },
      },
      ratingEvent(data, { id: id('r', n), profile: 'default', deckId: 'deck-10k', factId: id('f', fact), rating: correct ? 'good' : 'again', now: at, attemptId, source: 'quiz' }),
    ]);
  }
  if (session) save([{ type: 'session', session: { ...session, status: 'finished', endedAt: session.startedAt, answered: 10, correct: 7 } }]);
  flush();
  closeSync(log);
  data.logBytes = statSync(join(dir, 'history.jsonl')).size;
  const problems = validateDatabase(data);
  if (problems.length > 0) throw new Error(`generated an invalid database: ${problems.slice(0, 3).join('; ')}`);
  writeFileSync(join(dir, 'factdeck.json'), `${JSON.stringify(data, null, 2)}\n`);
  writeFileSync(join(dir, `.${VERSION}`), '');
  return dir;
}

export function prepare(log = () => {}) {
  mkdirSync(BENCH, { recursive: true });
  log('deck of 10,000 facts');
  makeDeck();
  const sizes = { empty: 0, '1k': 1_000, '100k': 100_000, '365k': 365_000 };
  const dirs = {};
  for (const [name, answers] of Object.entries(sizes)) {
    log(`history of ${answers} answers`);
    dirs[name] = makeHistory(`data-${name}`, answers);
  }
  return dirs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = Date.now();
  prepare((what) => console.log(`generating ${what}...`));
  console.log(`done in ${Date.now() - t} ms`);
}
