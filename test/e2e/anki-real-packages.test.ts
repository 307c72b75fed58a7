// Shared decks made by Anki, imported by the built program: one in the current format (collection.anki21b,
// zstd, schema 18, whose tables use Anki's own "unicase" collation) and one in the older format (schema 11,
// a note type with two cards per note). Each becomes a deck with one question per note, the counts
// exactly those of the package (test/fixtures/anki/README.md), and no HTML left in any text.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/domain/deck.js';
import { requireBuild, runCli, stopAllCli, tempDirs } from '../helpers/cli-run.js';

beforeAll(requireBuild);
const dirs = tempDirs('factdeck-anki-real-');
afterEach(async () => {
  await stopAllCli();
  await dirs.removeAll();
});

const FIXTURES = new URL('../fixtures/anki/', import.meta.url).pathname;

/** A tag, an entity or a no-break space: what Anki's fields hold and a text question must not. */
const MARKUP = /<\/?[a-z][^>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);|\u00a0/i;

function texts(deck: Deck): string[] {
  return [
    deck.title,
    ...deck.facts.flatMap((fact) => [fact.statement, fact.quote, fact.topic]),
    ...deck.questions.flatMap((q) => [q.prompt, q.explanation, JSON.stringify(q.answer), ...('accept' in q ? q.accept : [])]),
  ];
}

async function importPackage(file: string, extra: string[] = []): Promise<{ report: Record<string, unknown>; deck: Deck }> {
  const data = await dirs.make();
  const out = join(await dirs.make(), 'deck');
  const result = await runCli(['import', join(FIXTURES, file), '--json', '--data', data, '--out', out, ...extra], { timeoutMs: 60_000 });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const report = JSON.parse(result.stdout) as Record<string, unknown>;
  const deck = JSON.parse(await readFile(join(out, 'deck.json'), 'utf8')) as Deck;
  return { report, deck };
}

describe('shared decks made by Anki import with the right counts and clean text', () => {
  it('example_music_intervals.apkg (current format): 340 notes, 340 questions, the four subdecks\' parent as title', async () => {
    const { report, deck } = await importPackage('example_music_intervals.apkg');
    expect(report).toMatchObject({ ok: true, format: 'apkg', facts: 340, questions: 340, skipped: [] });
    expect(deck.title).toBe('Music Intervals');
    expect(deck.questions).toHaveLength(340);
    expect(new Set(deck.questions.map((q) => q.kind))).toEqual(new Set(['short-answer']));
    // The answers are headings in Anki (<h1>G</h1>): the text alone comes through.
    expect(deck.questions.find((q) => q.prompt === 'The perfect 5th of C is...')).toMatchObject({ answer: 'G' });
    expect(texts(deck).filter((text) => MARKUP.test(text))).toEqual([]);
    expect(texts(deck).filter((text) => text.trim() === '')).toEqual([]);
  });

  it('ap_gov_vocab_anki11.apkg (older format, two cards a note): 242 notes, 242 questions, "&nbsp;" gone', async () => {
    const { report, deck } = await importPackage('ap_gov_vocab_anki11.apkg');
    expect(report).toMatchObject({ ok: true, format: 'apkg (older format)', facts: 242, questions: 242, skipped: [] });
    expect(deck.title).toBe('Gov Vocab');
    expect(deck.questions.find((q) => q.prompt === 'New Jersey Plan')).toMatchObject({ answer: 'Proposal to create a weak national government.' });
    expect(deck.questions.find((q) => q.prompt === 'restrictive rule')?.explanation).toBe(
      'An order from the House Rules Committee that permits certain kinds of amendments but not others to be made into a bill on the floor.',
    );
    expect(texts(deck).filter((text) => MARKUP.test(text))).toEqual([]);
    // The chapter tags become the topics.
    expect(new Set(deck.facts.map((fact) => fact.topic)).size).toBeGreaterThan(10);
  });

  it('--with-progress brings no schedule from a deck never studied (every card is new)', async () => {
    const { report } = await importPackage('example_music_intervals.apkg', ['--with-progress']);
    expect(report.schedule).toMatchObject({ cards: 0, ratings: 0 });
  });
});
