// Every --json output against its documented shape: docs/json.md holds one JSON Schema per command (a
// fenced block "json schema <command>"); each command with a --json option (read from the same commander
// definitions as --help) must have one, and its real output, from the built program, must match it,
// "version" first.

import { Ajv } from 'ajv';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { planApkgExport, revlogEntry } from '../src/bank/interop/anki-package.js';
import { describeProgram } from '../src/cli.js';
import { writeAnkiPackage } from '../src/commands/anki-package-file.js';
import { DEFAULT_PARAMETERS } from '../src/scheduling/fsrs.js';
import { ROOT, requireBuild, runCli, tempDirs, type CliResult } from './helpers/cli-run.js';
import { learnerDeck, simulateLearner } from './helpers/synthetic-learner.js';

const DECK = join(ROOT, 'questions', 'blinken-visit-beijing');

/** The schemas of docs/json.md, by command name. */
async function documentedShapes(): Promise<Map<string, object>> {
  const text = await readFile(join(ROOT, 'docs', 'json.md'), 'utf8');
  const shapes = new Map<string, object>();
  for (const match of text.matchAll(/^```json schema ([a-z-]+)\n([\s\S]*?)^```$/gm)) {
    const [, name = '', body = ''] = match;
    if (shapes.has(name)) throw new Error(`docs/json.md describes ${name} twice`);
    shapes.set(name, JSON.parse(body) as object);
  }
  return shapes;
}

/** The commands that take --json, from the command definitions. */
function commandsWithJson(): string[] {
  return describeProgram(ROOT)
    .commands.filter((command) => command.options.some((option) => option.long === '--json'))
    .map((command) => command.name())
    .sort();
}

const dirs = tempDirs('factdeck-json-');
let work: string;
let data: string;
beforeAll(async () => {
  requireBuild();
  work = await dirs.make();
  data = join(work, 'data');
  // Some progress, so that stats, profiles and reset have something to say.
  const quiz = await runCli(['quiz', '--plain', '--deck', DECK, '--data', data, '-n', '4', '--seed', '5', '--profile', 'ana'], { input: '1\ntrue\nBeijing\n\n' });
  expect(quiz.code).toBe(0);
});
afterAll(() => dirs.removeAll());

/**
 * How to make each command print its JSON: one or more runs (a success and, where the document differs,
 * a failure) and the exit codes they must end with.
 */
/** import --json of an Anki package, with its schedule and without, and of a file that is not a package. */
async function apkgImports(): Promise<Array<{ args: string[]; code: number }>> {
  const apkg = join(work, 'seed.apkg');
  const made = await runCli(['export', '--deck', DECK, '--format', 'apkg', '--with-progress', '--data', data, '--profile', 'ana', '--out', apkg]);
  expect(made.code).toBe(0);
  await writeFile(join(work, 'broken.apkg'), 'PK\u0003\u0004 not a zip');
  return [
    { args: ['import', apkg, '--out', join(work, 'imported', 'seed'), '--json'], code: 0 },
    { args: ['import', apkg, '--with-progress', '--data', join(work, 'apkg-data'), '--out', join(work, 'imported', 'seed-scheduled'), '--json'], code: 0 },
    { args: ['import', join(work, 'broken.apkg'), '--out', join(work, 'imported', 'broken'), '--json'], code: 1 },
  ];
}

const RUNS: Record<string, () => Promise<Array<{ args: string[]; code: number }>>> = {
  decks: async () => [{ args: ['decks', '--data', data, '--profile', 'ana', '--json'], code: 0 }],
  check: async () => {
    const broken = join(work, 'broken');
    await mkdir(broken, { recursive: true });
    await writeFile(join(broken, 'deck.json'), '{ "schemaVersion": 1, "id": "broken", "facts": [], "questions": [ { "id": 1 } ] }\n');
    return [
      { args: ['check', DECK, '--json'], code: 0 },
      { args: ['check', broken, '--json'], code: 1 },
    ];
  },
  build: async () => [{ args: ['build', join(DECK, 'article.txt'), '--out', join(work, 'built', 'drafted'), '--title', 'Drafted', '--explain', '--json'], code: 0 }],
  import: async () => {
    const good = join(work, 'cards.csv');
    const bad = join(work, 'bad.csv');
    await writeFile(good, 'front,back,tags\nCapital of France?,Paris,geography\nCapital of Peru?,Lima,geography\n');
    await writeFile(bad, 'front,back\nCapital of France?,\n,Lima\n');
    return [
      { args: ['import', good, '--out', join(work, 'imported', 'capitals'), '--json'], code: 0 },
      { args: ['import', bad, '--out', join(work, 'imported', 'nothing'), '--json'], code: 1 },
      ...(await apkgImports()),
    ];
  },
  export: async () => [{ args: ['export', '--deck', DECK, '--format', 'csv', '--out', join(work, 'export.csv'), '--json'], code: 0 }],
  stats: async () => [{ args: ['stats', '--data', data, '--profile', 'ana', '--json'], code: 0 }],
  suspended: async () => {
    // One question suspended (`:x` after its answer), so the list has a row to check.
    const quiz = await runCli(['quiz', '--plain', '--deck', DECK, '--data', data, '-n', '2', '--seed', '5', '--profile', 'sue'], { input: '1\n:x\n' });
    expect(quiz.code).toBe(0);
    return [
      { args: ['suspended', '--data', data, '--profile', 'sue', '--json'], code: 0 },
      { args: ['suspended', '--data', data, '--profile', 'nobody', '--json'], code: 0 },
    ];
  },
  profiles: async () => [{ args: ['profiles', '--data', data, '--json'], code: 0 }],
  config: async () => [{ args: ['config', '--data', data, '--profile', 'ana', '--new-per-day', '15', '--json'], code: 0 }],
  doctor: async () => [{ args: ['doctor', '--data', data, '--json'], code: 0 }],
  optimize: async () => {
    // Too little history in ana's; enough in a learner's two months of reviews, brought in from Anki.
    const learnt = join(work, 'learnt');
    const start = Date.UTC(2026, 0, 5, 12);
    const now = new Date(start + 60 * 86_400_000);
    const learner = simulateLearner(DEFAULT_PARAMETERS, 60, { start, days: 60, seed: 3 });
    const plan = planApkgExport(learnerDeck('items', 60), null, { cards: learner.cards, reviews: new Map([...learner.reviews].map(([id, list]) => [id, list.map(revlogEntry)])), desiredRetention: 0.9, dayStart: now.getTime() - 5 * 3_600_000 }, now);
    await writeFile(join(work, 'items.apkg'), await writeAnkiPackage(plan, now, null));
    const imported = await runCli(['import', join(work, 'items.apkg'), '--with-progress', '--data', learnt, '--out', join(work, 'items')]);
    expect(imported.code, imported.stderr).toBe(0);
    return [
      { args: ['optimize', '--data', data, '--profile', 'ana', '--json'], code: 0 },
      { args: ['optimize', '--data', learnt, '--json', '--yes'], code: 0 },
    ];
  },
  reset: async () => [
    { args: ['reset', '--data', data, '--profile', 'nobody', '--yes', '--json'], code: 0 },
    { args: ['reset', '--data', data, '--profile', 'ana', '--yes', '--json'], code: 0 },
  ],
};

describe('docs/json.md', () => {
  test('describes every command that takes --json, and no other', async () => {
    const shapes = await documentedShapes();
    expect([...shapes.keys()].sort()).toEqual(commandsWithJson());
    expect(Object.keys(RUNS).sort()).toEqual(commandsWithJson());
  });

  test('holds schemas that compile, each requiring "version"', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    for (const [name, schema] of await documentedShapes()) {
      expect(() => ajv.compile(schema), name).not.toThrow();
      const variants = (schema as { oneOf?: object[] }).oneOf ?? [schema];
      for (const variant of variants) expect((variant as { required?: string[] }).required, name).toContain('version');
    }
  });
});

describe('every --json output matches its documented shape', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });

  test.each(commandsWithJson())('%s --json', async (name) => {
    const schema = (await documentedShapes()).get(name);
    expect(schema, `no schema for ${name} in docs/json.md`).toBeDefined();
    const validate = ajv.compile(schema as object);
    const runs = await (RUNS[name] as () => Promise<Array<{ args: string[]; code: number }>>)();
    // The runs of one command follow each other (reset deletes what the one before checked).
    for (const { args, code } of runs) {
      const result: CliResult = await runCli(args, { timeoutMs: 60_000 });
      expect(result.code, `factdeck ${args.join(' ')}\n${result.stderr}`).toBe(code);
      const document = JSON.parse(result.stdout) as Record<string, unknown>;
      expect(Object.keys(document)[0]).toBe('version');
      const valid = validate(document);
      expect(valid ? [] : validate.errors, `factdeck ${args.join(' ')}`).toEqual([]);
    }
  }, 90_000);
});
