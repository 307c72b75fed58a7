// `npm run bench`: how factdeck's costs grow with a learner's history, each figure the median of several
// fresh processes run alternately with its baseline in the same run, printed with the ratio and the
// target it is held to. The data (a 10,000-fact deck and histories of 1k, 100k and 365k answers) is made
// once under .bench/ by generate.mjs.
//
// `node bench/run.mjs start-up first-question` runs only those sections (also: commit, stats, build, anki);
// `npm run bench` runs them all. BENCH_RUNS sets how many runs make each median (default 7).

import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH, deckDir, prepare } from './generate.mjs';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'bin', 'factdeck.cjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const rssHook = join(root, 'bench', 'report-rss.mjs');
// The program's start-up cache (V8's compiled code, kept per user): a folder of the benchmark's own,
// emptied at the start, so every run starts alike and ~/.cache is left alone. The warm-up run before each
// figure (see compare) makes it, as a user's first run does.
const CACHE_HOME = join(BENCH, 'xdg-cache');

/** Runs a command; resolves with its wall time in ms (or the time until `until` shows on stdout) and peak RSS. */
function time(command, args, { until, input, env = {}, rss = false } = {}) {
  return new Promise((resolve, reject) => {
    const rssFile = join(BENCH, `rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const start = process.hrtime.bigint();
    const child = spawn(command, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: CACHE_HOME, ...(rss ? { NODE_OPTIONS: `--import=${rssHook}`, FACTDECK_RSS_FILE: rssFile } : {}), ...env },
    });
    let out = '';
    let err = '';
    let done = false;
    const finish = (ms) => {
      if (done) return;
      done = true;
      resolve({ ms, rssFile });
    };
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (until && !done && out.includes(until)) {
        finish(Number(process.hrtime.bigint() - start) / 1e6);
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (until && !done) return reject(new Error(`${args.join(' ')}: "${until}" never appeared (exit ${code})\n${err}`));
      if (!until && code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}\n${err}`));
      finish(Number(process.hrtime.bigint() - start) / 1e6);
    });
    if (input !== undefined) child.stdin.end(input);
  }).then(({ ms, rssFile }) => {
    let rss = null;
    if (existsSync(rssFile)) {
      rss = Number(readFileSync(rssFile, 'utf8')) / 1024;
      rmSync(rssFile, { force: true });
    }
    return { ms, rss };
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Runs baseline and target alternately, RUNS times each; returns their medians. */
async function compare(baseline, target, runs = RUNS) {
  const b = [];
  const t = [];
  const rss = [];
  await baseline();
  await target(); // warm the file cache for both
  for (let i = 0; i < runs; i++) {
    b.push((await baseline()).ms);
    const r = await target();
    t.push(r.ms);
    if (r.rss !== null) rss.push(r.rss);
  }
  return { base: median(b), target: median(t), rss: rss.length > 0 ? Math.max(...rss) : null };
}

const rows = [];
function report(name, baseName, result, limit, unit = 'ms') {
  const value = result.target / result.base;
  const ok = value <= limit;
  rows.push({ name, baseName, ...result, unit, ratio: value, limit, ok });
  const rss = result.rss === null || unit !== 'ms' ? '' : `  peak ${result.rss.toFixed(0)} MB`;
  console.log(
    `${name.padEnd(34)} ${result.target.toFixed(1).padStart(8)} ${unit}   vs ${baseName.padEnd(24)} ${result.base.toFixed(1).padStart(8)} ${unit}   ratio ${value.toFixed(2).padStart(5)} (target <= ${limit})  ${ok ? 'ok' : 'MISSED'}${rss}`,
  );
}

/** A fresh copy of a history for runs that write (a commit), so every run starts from the same state. */
function scratchCopy(name) {
  const dir = join(BENCH, `scratch-${name}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(BENCH, `data-${name}`), dir, { recursive: true });
  return dir;
}

/** The issue's goal for each of the export and the import of the 10,000-card package, whole commands. */
const ANKI_GOAL_MS = 3000;

const SECTIONS = ['start-up', 'first-question', 'commit', 'stats', 'build', 'anki'];
const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!SECTIONS.includes(name)) {
    console.error(`bench: no section "${name}"; the sections are: ${SECTIONS.join(', ')}`);
    process.exit(2);
  }
}
const runs = (section) => wanted.length === 0 || wanted.includes(section);

async function main() {
  console.log(`factdeck benchmark: ${RUNS} runs each, medians; node ${process.version}`);
  const dirs = prepare((what) => console.log(`  preparing ${what}...`));
  rmSync(CACHE_HOME, { recursive: true, force: true });
  const deck = deckDir();
  const node = process.execPath;
  const bare = () => time(node, ['-e', '']);

  if (runs('start-up')) {
    console.log('\nstart-up');
    report('factdeck --version', 'node -e ""', await compare(bare, () => time(node, [cli, '--version'])), 1.2);
    report('factdeck --help', 'node -e ""', await compare(bare, () => time(node, [cli, '--help'])), 1.5);
  }

  if (runs('first-question')) {
    console.log('\nstart to first question (quiz --plain, 10,000-fact deck)');
    const first = (data, deckPath = deck) => () => time(node, [cli, 'quiz', '--plain', '--deck', deckPath, '--data', data, '-n', '1', '--seed', '1'], { until: 'Question 1 of' });
    const firstEmpty = await compare(first(dirs.empty), first(dirs['365k']));
    report('first question, 365k answers', 'empty database', firstEmpty, 1.5);
    const firstBuiltIn = await compare(bare, first(dirs.empty, join(root, 'questions', 'blinken-visit-beijing')));
    report('first question, built-in deck', 'node -e ""', firstBuiltIn, 1.5);
  }

  if (runs('commit')) {
    console.log('\ncommitting one answer (an attempt and its card rating, fsynced)');
    const commit = (name) => async () => {
      const dir = scratchCopy(name);
      const { ms } = await time(node, [join(root, 'bench', 'commit-one.mjs'), dir, deck]);
      const measured = Number(readFileSync(join(dir, 'commit-ms'), 'utf8'));
      rmSync(dir, { recursive: true, force: true });
      return { ms: measured, rss: null, wall: ms };
    };
    const commitRuns = Math.max(3, Math.min(RUNS, 5));
    report('commit at 100k answers', 'commit at 1k answers', await compare(commit('1k'), commit('100k'), commitRuns), 1.5);
    report('commit at 365k answers', 'commit at 1k answers', await compare(commit('1k'), commit('365k'), commitRuns), 1.5);
  }

  if (runs('stats')) {
    console.log('\nfactdeck stats --json (10,000-fact deck)');
    const stats = (name) => () => time(node, [cli, 'stats', '--json', '--deck', deck, '--data', dirs[name]], { rss: true });
    report('stats at 100k answers', 'stats at 1k answers', await compare(stats('1k'), stats('100k')), 2);
    const stats365 = await compare(stats('1k'), stats('365k'));
    report('stats at 365k answers', 'stats at 1k answers', stats365, 2);
    report('stats at 365k: peak memory', 'the 200 MB budget', { base: 200, target: stats365.rss ?? 0, rss: stats365.rss }, 1, 'MB');
  }

  if (runs('build')) {
    console.log('\nfactdeck build of a 10,000-word article');
    const article = join(BENCH, 'long-article.txt');
    writeFileSync(article, longArticle(10_000));
    const out = join(BENCH, 'built');
    // The program require()s compromise (the bundle has no import()): the baseline loads it the same way.
    const loadNlp = () => time(node, ['-e', "require('compromise')"], { env: { NODE_PATH: join(root, 'node_modules') } });
    const build = () => time(node, [cli, 'build', article, '--out', out, '--force', '--title', 'Long article']);
    report('build, 10,000 words', 'loading compromise', await compare(loadNlp, build, Math.max(3, Math.min(RUNS, 5))), 3);
  }

  if (runs('anki')) {
    // Whole commands, each the median of several fresh processes run alternately with bare node: the goal
    // (the issue's) is absolute, under 3 s each; the ratio to bare node is printed to compare machines.
    console.log('\nAnki package of the 10,000-fact deck (20,000 notes) with the progress of 100k answers (10,000 cards, 100,000 reviews)');
    const apkg = join(BENCH, 'deck-10k.apkg');
    rmSync(apkg, { force: true });
    const exportApkg = () => time(node, [cli, 'export', '--format', 'apkg', '--deck', deck, '--with-progress', '--data', dirs['100k'], '--out', apkg, '--force']);
    const imported = join(BENCH, 'imported-10k');
    const importData = join(BENCH, 'scratch-import');
    const importApkg = async () => {
      rmSync(imported, { recursive: true, force: true });
      rmSync(importData, { recursive: true, force: true });
      return time(node, [cli, 'import', apkg, '--with-progress', '--data', importData, '--out', imported]);
    };
    const ankiRuns = Math.max(3, Math.min(RUNS, 5));
    const goal = (name, result) => {
      const ok = result.target < ANKI_GOAL_MS;
      rows.push({ name, baseName: 'node -e ""', ...result, unit: 'ms', ratio: result.target / result.base, limit: ANKI_GOAL_MS, ok });
      console.log(
        `${name.padEnd(34)} ${result.target.toFixed(1).padStart(8)} ms   vs ${'node -e ""'.padEnd(24)} ${result.base.toFixed(1).padStart(8)} ms   ratio ${(result.target / result.base).toFixed(1).padStart(5)}   (goal < ${ANKI_GOAL_MS} ms)  ${ok ? 'ok' : 'MISSED'}`,
      );
    };
    goal('export apkg --with-progress, 10k', await compare(bare, exportApkg, ankiRuns));
    goal('import apkg --with-progress, 10k', await compare(bare, importApkg, ankiRuns));
    rmSync(imported, { recursive: true, force: true });
    rmSync(importData, { recursive: true, force: true });
  }

  const missed = rows.filter((r) => !r.ok);
  console.log(`\n${rows.length - missed.length} of ${rows.length} targets met${missed.length > 0 ? `; missed: ${missed.map((r) => r.name).join(', ')}` : ''}.`);
  mkdirSync(BENCH, { recursive: true });
  writeFileSync(join(BENCH, 'last-run.json'), JSON.stringify({ at: new Date().toISOString(), node: process.version, runs: RUNS, rows }, null, 2));
}

/** A plain-text article of about `words` words, made from the builder's test articles. */
function longArticle(words) {
  const dir = join(root, 'test', 'fixtures', 'articles');
  const texts = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => existsSync(join(dir, name, 'article.txt')))
        .sort()
        .map((name) => readFileSync(join(dir, name, 'article.txt'), 'utf8'))
    : [];
  if (texts.length === 0) texts.push(readFileSync(join(root, 'questions', 'blinken-visit-beijing', 'article.txt'), 'utf8'));
  const [headline] = texts[0].split('\n');
  const body = [];
  let count = 0;
  for (let round = 0; count < words; round++) {
    for (const text of texts) {
      const paragraph = text.split('\n').slice(1).join('\n').trim();
      body.push(paragraph);
      count += paragraph.split(/\s+/).length;
      if (count >= words) break;
    }
  }
  return `${headline}\n${body.join('\n')}\n`;
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
