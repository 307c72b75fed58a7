// Makes the data the benchmark runs on, under .bench/ (not committed): a deck of 10,000 facts with its
// article, and histories of 1,000 and 365,000 answers (about 200 a day for five years), written through
// the real storage code (the same events and the same adding-up as the program), each with its database
// file checkpointed at the end of the log. One answer in 20 is on the built-in deck, so a learner with
// five years behind them also has a history on the deck a quiz of the built-in deck asks about.
//
// Where Mnemosyne 2 is installed (Debian: `apt-get install mnemosyne`), the same size of collection is
// made for it through its own library (bench/drive_mnemosyne.py): 10,000 cards, 365,000 repetitions.
//
// A learner's factdeck.json was written by the factdeck they run, which trusts its own file (checksum
// and all) rather than validating it again; this generator's is another program's. So at every start of
// the benchmark (each build is a new program), each history is put back as generated and settled: one
// quiz run by the measured build (input closed: one abandoned session) checkpoints it as the learner's
// would be (with FACTDECK_CHECKPOINT_EVERY=1: a run of a few events writes no checkpoint by itself).
//
// Runs that write (a quiz saves its session, study a rating) change a data folder; restoreData() puts it
// back as settled between runs (append-only logs are cut back to their length, other files copied
// back), so every run of a figure starts from the same state.

import { spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = (path) => join(root, 'dist', path);
const { applyEvents, serializeEvents } = await import(dist('storage/history.js'));
const { emptyDatabase, validateDatabase } = await import(dist('storage/schema.js'));
const { ratingEvent } = await import(dist('storage/progress.js'));

export const BENCH = join(root, '.bench');
export const FACTS = 10_000;
const VERSION = 'v4-1';
const BUILT_IN = join(root, 'questions', 'blinken-visit-beijing');

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

/** The built-in deck's facts, each with one of its questions: one answer in 20 is on them. */
function builtInFacts() {
  const deck = JSON.parse(readFileSync(join(BUILT_IN, 'deck.json'), 'utf8'));
  return deck.facts
    .map((fact) => ({ deckId: deck.id, factId: fact.id, question: deck.questions.find((q) => q.factId === fact.id) }))
    .filter((fact) => fact.question !== undefined);
}

/** A history of `answers` answers: one session of 10 answers at a time, about 200 a day. */
function makeHistory(name, answers) {
  const dir = join(BENCH, name);
  if (existsSync(join(dir, `.${VERSION}`))) return dir;
  rmSync(dir, { recursive: true, force: true });
  rmSync(pristineDir(dir), { recursive: true, force: true });
  mkdirSync(join(dir, 'backups'), { recursive: true });
  const data = emptyDatabase();
  const log = openSync(join(dir, 'history.jsonl'), 'w');
  const start = Date.UTC(2021, 0, 1, 8);
  const perDay = 200;
  const other = builtInFacts();
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
    // Sessions of ten answers, every twentieth session on the built-in deck.
    const onBuiltIn = Math.floor(n / 10) % 20 === 19;
    if (n % 10 === 0) {
      if (session) save([{ type: 'session', session: { ...session, status: 'finished', endedAt: at.toISOString(), answered: 10, correct: 7 } }]);
      session = { id: id('s', n), profile: 'default', deckId: onBuiltIn ? other[0].deckId : 'deck-10k', mode: 'quiz', startedAt: at.toISOString(), endedAt: null, status: 'active', correct: 0, answered: 0, planned: 10, seed: n };
      save([{ type: 'session', session }]);
    }
    const correct = n % 10 < 7;
    const attemptId = id('a', n);
    let target;
    if (onBuiltIn) {
      const fact = other[(n * 7919) % other.length];
      target = { deckId: fact.deckId, factId: fact.factId, questionId: fact.question.id, kind: fact.question.kind };
    } else {
      const fact = (n * 7919) % FACTS;
      target = { deckId: 'deck-10k', factId: id('f', fact), questionId: id('c', fact), kind: 'cloze' };
    }
    // The card must be rated against the state so far: add up what is pending first.
    if (chunk.length > 2000) flush();
    save([
      {
        type: 'attempt',
        attempt: { id: attemptId, sessionId: session.id, profile: 'default', deckId: target.deckId, questionId: target.questionId, factId: target.factId, kind: target.kind, given: correct ? 'x' : 'y', correct, at: at.toISOString(), ms: 3000 },
      },
      ratingEvent(data, { id: id('r', n), profile: 'default', deckId: target.deckId, factId: target.factId, rating: correct ? 'good' : 'again', now: at, attemptId, source: 'quiz' }),
    ]);
  }
  if (session) save([{ type: 'session', session: { ...session, status: 'finished', endedAt: session.startedAt, answered: 10, correct: 7 } }]);
  flush();
  closeSync(log);
  data.logBytes = statSync(join(dir, 'history.jsonl')).size;
  const problems = validateDatabase(data);
  if (problems.length > 0) throw new Error(`generated an invalid database: ${problems.slice(0, 3).join('; ')}`);
  writeFileSync(join(dir, 'factdeck.json'), `${JSON.stringify(data, null, 2)}\n`);
  keepPristine(dir, generatedDir(dir));
  writeFileSync(join(dir, `.${VERSION}`), '');
  return dir;
}

/** A Python that has Mnemosyne's scripting library, or null. BENCH_MNEMOSYNE_PYTHON names one. */
export function mnemosynePython() {
  const candidates = process.env.BENCH_MNEMOSYNE_PYTHON ? [process.env.BENCH_MNEMOSYNE_PYTHON] : ['/usr/bin/python3', 'python3'];
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import mnemosyne.script'], { stdio: 'ignore', timeout: 60_000 });
    if (probe.status === 0) return python;
  }
  return null;
}

export const MNEMOSYNE_DRIVER = join(root, 'bench', 'drive_mnemosyne.py');

/** Mnemosyne's collection of the same size as the 365k history, made through its library. */
function makeMnemosyne(python, answers) {
  const dir = join(BENCH, `mnemosyne-${answers === 365_000 ? '365k' : answers}`);
  if (existsSync(join(dir, `.${VERSION}`))) return dir;
  rmSync(dir, { recursive: true, force: true });
  rmSync(pristineDir(dir), { recursive: true, force: true });
  const made = spawnSync(python, [MNEMOSYNE_DRIVER, 'make', dir, String(FACTS), String(answers)], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`making Mnemosyne's collection failed:\n${made.stderr}`);
  keepPristine(dir);
  writeFileSync(join(dir, `.${VERSION}`), '');
  return dir;
}

function pristineDir(dir) {
  return `${dir}.pristine`;
}

/** The folder as generated, before settle(). */
function generatedDir(dir) {
  return `${dir}.generated`;
}

/** The folder as generated, then as the measured build leaves it after one run (see the head of this file). */
function settle(dir) {
  // Data made before folders were settled: its pristine copy is the generated one.
  if (!existsSync(generatedDir(dir))) cpSync(pristineDir(dir), generatedDir(dir), { recursive: true });
  restoreData(dir, generatedDir(dir));
  const args = [join(root, 'bin', 'factdeck.cjs'), 'quiz', '--plain', '--deck', BUILT_IN, '--data', dir, '-n', '1', '--seed', '1'];
  const run = spawnSync(process.execPath, args, { input: '', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FACTDECK_CODE_CACHE: '0', FACTDECK_CHECKPOINT_EVERY: '1', XDG_CACHE_HOME: join(BENCH, 'xdg-settle') } });
  if (run.status !== 0) throw new Error(`settling ${dir}: factdeck quiz exited ${run.status}\n${run.stderr}`);
  keepPristine(dir);
}

function filesUnder(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

const isLog = (path) => path.endsWith('.jsonl');

/** A copy with the original's modification time: a file a run rewrote is then told by its time. */
function copySame(from, to) {
  copyFileSync(from, to);
  const { atime, mtime } = statSync(from);
  utimesSync(to, atime, mtime);
}

/** Remembers a data folder as generated: the length of its logs, a copy of everything else. */
function keepPristine(dir, keep = pristineDir(dir)) {
  rmSync(keep, { recursive: true, force: true });
  const manifest = {};
  for (const file of filesUnder(dir)) {
    const name = relative(dir, file);
    manifest[name] = statSync(file).size;
    if (isLog(file)) continue;
    mkdirSync(join(keep, name, '..'), { recursive: true });
    copySame(file, join(keep, name));
  }
  mkdirSync(keep, { recursive: true });
  writeFileSync(join(keep, '.manifest.json'), JSON.stringify(manifest));
}

/** Puts a data folder back as generated (untimed, between runs). */
export function restoreData(dir, keep = pristineDir(dir)) {
  const manifest = JSON.parse(readFileSync(join(keep, '.manifest.json'), 'utf8'));
  for (const file of filesUnder(dir)) {
    const name = relative(dir, file);
    if (name.startsWith('.v')) continue;
    if (!(name in manifest)) rmSync(file, { force: true });
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Folders a run made (a lock left by a killed run, say) go too.
    if (entry.isDirectory() && !Object.keys(manifest).some((name) => name.startsWith(`${entry.name}/`)) && entry.name !== 'backups') {
      rmSync(join(dir, entry.name), { recursive: true, force: true });
    }
  }
  for (const [name, size] of Object.entries(manifest)) {
    const file = join(dir, name);
    if (isLog(file)) {
      if (statSync(file).size !== size) truncateSync(file, size);
      continue;
    }
    const now = statSync(file, { throwIfNoEntry: false });
    const was = statSync(join(keep, name));
    if (now === undefined || now.size !== size || now.mtimeMs !== was.mtimeMs) {
      mkdirSync(join(file, '..'), { recursive: true });
      copySame(join(keep, name), file);
    }
  }
}

export function prepare(log = () => {}) {
  mkdirSync(BENCH, { recursive: true });
  log('deck of 10,000 facts');
  makeDeck();
  const sizes = { '1k': 1_000, '100k': 100_000, '365k': 365_000 };
  const dirs = {};
  for (const [name, answers] of Object.entries(sizes)) {
    log(`history of ${answers} answers`);
    dirs[name] = makeHistory(`data-${name}`, answers);
    settle(dirs[name]);
  }
  const python = mnemosynePython();
  if (python !== null) {
    log("Mnemosyne's collection of 10,000 cards and 365000 repetitions");
    dirs.mnemosyne = makeMnemosyne(python, 365_000);
  }
  return { dirs, python };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = Date.now();
  prepare((what) => console.log(`generating ${what}...`));
  console.log(`done in ${Date.now() - t} ms`);
}
