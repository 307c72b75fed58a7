// `factdeck stats`: quiz scores over time, accuracy by topic and kind, missed facts, cards by state, the
// due forecast, a 12-week activity heatmap and the streak; `--json` gives the same numbers as data.

import { usableDecks } from '../bank/library.js';
import type { LoadedDeck } from '../domain/deck.js';
import { computeStats, HEATMAP_WEEKS, type Stats } from '../domain/stats.js';
import { suspendedIds } from '../domain/suspension.js';
import { addDays } from '../scheduling/study-day.js';
import { settingsFor } from '../storage/progress.js';
import type { Context } from '../context.js';
import { writeLine } from '../context.js';
import { printable } from '../ui/printable.js';
import { writeJson } from './json-output.js';
import { renderBars, renderForecast, renderHeatmap, renderSparkline, renderStateCounts } from '../ui/render-stats.js';
import { createStyle } from '../ui/style.js';
import { wrapText } from '../ui/wrap.js';
import { openDeck, openLibrary } from './open-deck.js';
import { checkProfile, readStore, scopeOf, terminalWidth, type ProgressOptions } from './run-session.js';
import { commandLine } from '../command-line.js';

export interface StatsOptions extends ProgressOptions {
  deck?: string;
  json?: boolean;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function dayLabel(day: string, today: string): string {
  if (day === today) return 'today';
  if (day === addDays(today, 1)) return 'tmrw';
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${String(d).padStart(2, ' ')}`;
}

async function decksFor(context: Context, options: StatsOptions): Promise<LoadedDeck[]> {
  if (options.deck !== undefined) return [await openDeck(context, options.deck, null, options)];
  const entries = usableDecks(await openLibrary(context, options));
  return entries.filter((e) => e.report.loaded !== null && e.report.problems.length === 0).map((e) => e.report.loaded as LoadedDeck);
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface StatsView {
  profile: string;
  /** "deck Blinken’s planned visit to Beijing", "3 decks": what the numbers cover. */
  scope: string;
  /** ASCII charts (--plain): screen readers and logs. */
  ascii: boolean;
  color: boolean;
  /** The width to fit (a terminal's); undefined: no limit. */
  width?: number;
  /** The commands suggested, as they can be pasted: quiz and review with this run's options. */
  quiz: string;
  review: string;
}

/** Cells for a bar, so that label, bar, value and note fit the width (between 5 and 40). */
function barCells(labels: readonly string[], notes: readonly string[], value: number, width: number | undefined): number {
  const longest = (texts: readonly string[]): number => Math.max(0, ...texts.map((t) => [...printable(t, { singleLine: true })].length));
  if (width === undefined) return 24;
  return Math.max(5, Math.min(40, width - 2 - longest(labels) - 2 - 2 - value - 2 - longest(notes)));
}

export function renderStats(stats: Stats, view: StatsView): string {
  const { ascii, width } = view;
  const style = createStyle(view.color);
  const out: string[] = [];
  const heading = (text: string): void => {
    out.push('', style.bold(text));
  };
  out.push(style.bold(`factdeck stats · profile ${printable(view.profile, { singleLine: true })} · ${printable(view.scope, { singleLine: true })} · ${stats.today}`));
  const later = Math.max(0, (stats.forecast[0]?.count ?? 0) - stats.due);
  const answers = stats.attempts === 0 ? 'no answers yet' : `${plural(stats.attempts, 'answer')}, ${stats.accuracy.percent}% right`;
  const due = `${plural(stats.due, 'card')} due now${later > 0 ? ` (${later} more later today: learning steps and today's reviews)` : ''}`;
  out.push(`${answers} · ${due} · streak ${plural(stats.streak, 'day')}`);

  heading('Quiz scores over time');
  if (stats.scores.length === 0) out.push(`  no quizzes yet: \`${printable(view.quiz, { singleLine: true })}\``);
  else {
    const recent = stats.scores.slice(-30);
    const last = recent[recent.length - 1] as Stats['scores'][number];
    const shown = `last ${last.correct}/${last.answered} (${last.percent}%), ${recent.length} quiz${recent.length === 1 ? '' : 'zes'} shown`;
    // In ASCII the scores themselves, as percentages: a row of digits would read as a number.
    if (ascii) out.push(`  ${recent.slice(-10).map((s) => `${s.percent}%`).join(' ')}  (${shown.replace(/\d+ quiz(zes)? shown/, `the last ${Math.min(10, recent.length)} of ${recent.length}`)})`);
    else out.push(`  ${renderSparkline(recent.map((s) => s.percent), ascii)}  ${shown}`);
  }

  const bars = (rows: Stats['byTopic']): string =>
    renderBars(
      rows.map((row) => ({ label: row.label, value: row.percent, max: 100, note: `${row.correct}/${row.total}` })),
      { ascii, style, percent: true, width: barCells(rows.map((row) => row.label), rows.map((row) => `${row.correct}/${row.total}`), 4, width) },
    )
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n');
  heading('Accuracy by topic');
  out.push(stats.byTopic.length === 0 ? '  no answers yet' : bars(stats.byTopic));
  heading('Accuracy by question kind');
  out.push(stats.byKind.length === 0 ? '  no answers yet' : bars(stats.byKind));

  heading(`Missed facts (${stats.missed.length})`);
  if (stats.missed.length === 0) out.push('  none');
  for (const fact of stats.missed.slice(0, 15)) out.push(`  - ${printable(fact.statement, { singleLine: true })}`);
  if (stats.missed.length > 15) out.push(`  ... and ${stats.missed.length - 15} more: \`${printable(view.review, { singleLine: true })}\``);

  heading('Cards by state');
  out.push(`  ${renderStateCounts(stats.cards, style, ascii)}`);
  const desired = `desired ${Math.round(stats.retention.desired * 1000) / 10}%`;
  out.push(
    stats.retention.percent === null
      ? `  true retention: no reviews of learnt cards yet (${desired})`
      : `  true retention ${stats.retention.percent}% of ${stats.retention.reviewed} review${stats.retention.reviewed === 1 ? '' : 's'} of learnt cards (${desired})`,
  );

  heading('Due in the next 14 days');
  out.push(
    renderForecast(
      stats.forecast.map((d) => ({ label: dayLabel(d.day, stats.today), count: d.count })),
      { ascii, style, width: barCells(['today'], [], Math.max(1, ...stats.forecast.map((d) => String(d.count).length)), width) },
    )
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n'),
  );

  heading(`Activity, last ${HEATMAP_WEEKS} weeks`);
  out.push(
    renderHeatmap(
      stats.activity.map((d) => ({ date: d.day, count: d.count })),
      { weeks: HEATMAP_WEEKS, today: stats.today, ascii, style },
    )
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n'),
  );
  return wrapText(out.join('\n'), width);
}

export async function statsCommand(context: Context, options: StatsOptions): Promise<void> {
  const profile = checkProfile(options.profile);
  const loaded = await decksFor(context, options);
  // Counted from the decks' outlines; only the missed facts' statements are read in full.
  const decks = loaded.map((l) => l.outline);
  const byId = new Map(loaded.map((l) => [l.outline.id, l]));
  // Only the counted decks' sections of the database are read (all of them when no --deck is given).
  const store = await readStore(context, options, options.deck === undefined ? undefined : decks.map((d) => d.id));
  const data = store.data();
  await store.close();
  const deckIds = new Set(decks.map((d) => d.id));
  const mine = <T extends { profile: string; deckId: string }>(records: readonly T[]): T[] => records.filter((r) => r.profile === profile && deckIds.has(r.deckId));
  const settings = settingsFor(data, profile);
  const stats = computeStats({
    decks,
    facts: mine(data.facts),
    kinds: mine(data.kinds),
    days: mine(data.days),
    sessions: mine(data.sessions),
    cards: mine(data.cards),
    statementOf: (deckId, factId) => byId.get(deckId)?.fact(factId)?.statement,
    now: context.now(),
    dayStartHour: settings.dayStartHour,
    desiredRetention: settings.desiredRetention,
  });
  // Suspended questions of these decks (ones no longer in a deck are not counted).
  const suspended = decks.reduce((sum, deck) => {
    const ids = suspendedIds(data.suspended, profile, deck.id);
    return ids.size === 0 ? sum : sum + deck.questions.filter((q) => ids.has(q.id)).length;
  }, 0);
  if (options.json) {
    writeJson(context, { profile, decks: [...deckIds], suspended, ...stats });
    return;
  }
  // NO_COLOR takes the colour away, nothing else: ASCII charts are --plain's.
  const ascii = options.plain === true;
  const width = context.stdout.isTTY && !options.plain ? terminalWidth(context) : undefined;
  const scope = scopeOf(context, options, { argument: options.deck });
  const text = renderStats(stats, {
    profile,
    scope: decks.length === 1 ? `deck ${decks[0]?.title ?? ''}` : `${decks.length} decks`,
    ascii,
    color: context.color && !options.plain,
    width,
    quiz: commandLine('quiz', scope),
    review: commandLine('review', scope),
  });
  writeLine(context.stdout, text);
  if (suspended > 0) {
    const line = `${suspended} question${suspended === 1 ? '' : 's'} suspended: \`${commandLine('suspended', scope)}\` lists ${suspended === 1 ? 'it' : 'them'}.`;
    writeLine(context.stdout, `\n${width === undefined ? line : wrapText(line, width)}`);
  }
}
