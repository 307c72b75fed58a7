// `factdeck stats`: quiz scores over time, accuracy by topic and kind, missed facts, cards by state, the
// due forecast, a 12-week activity heatmap and the streak; `--json` gives the same numbers as data.

import { usableDecks } from '../bank/library.js';
import type { Deck } from '../domain/deck.js';
import { computeStats, HEATMAP_WEEKS, type Stats } from '../domain/stats.js';
import { suspendedIds } from '../domain/suspension.js';
import { addDays } from '../scheduling/study-day.js';
import { settingsFor } from '../storage/progress.js';
import type { Context } from '../context.js';
import { writeLine } from '../context.js';
import { printable, printableJson } from '../ui/printable.js';
import { renderBars, renderForecast, renderHeatmap, renderSparkline, renderStateCounts } from '../ui/render-stats.js';
import { createStyle } from '../ui/style.js';
import { wrapText } from '../ui/wrap.js';
import { openDeck, openLibrary } from './open-deck.js';
import { checkProfile, readStore, type ProgressOptions } from './run-session.js';

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

async function decksFor(context: Context, options: StatsOptions): Promise<Deck[]> {
  if (options.deck !== undefined) return [(await openDeck(context, options.deck, null, options)).deck];
  const entries = usableDecks(await openLibrary(context, options));
  return entries.filter((e) => e.report.loaded !== null && e.report.problems.length === 0).map((e) => (e.report.loaded as { deck: Deck }).deck);
}

export function renderStats(stats: Stats, profile: string, ascii: boolean, color: boolean): string {
  const style = createStyle(color);
  const out: string[] = [];
  const heading = (text: string): void => {
    out.push('', style.bold(text));
  };
  out.push(style.bold(`factdeck stats · profile ${printable(profile, { singleLine: true })} · ${stats.today}`));
  out.push(`${stats.attempts} answers, ${stats.accuracy.percent}% right · ${stats.due} card${stats.due === 1 ? '' : 's'} due now · streak ${stats.streak} day${stats.streak === 1 ? '' : 's'}`);

  heading('Quiz scores over time');
  if (stats.scores.length === 0) out.push('  no quizzes yet: `factdeck quiz`');
  else {
    const recent = stats.scores.slice(-30);
    const last = recent[recent.length - 1] as Stats['scores'][number];
    out.push(`  ${renderSparkline(recent.map((s) => s.percent), ascii)}  last ${last.correct}/${last.answered} (${last.percent}%), ${recent.length} quiz${recent.length === 1 ? '' : 'zes'} shown`);
  }

  const bars = (rows: Stats['byTopic']): string =>
    renderBars(
      rows.map((row) => ({ label: row.label, value: row.percent, max: 100, note: `${row.correct}/${row.total}` })),
      { ascii, style, percent: true, width: 24 },
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
  if (stats.missed.length > 15) out.push(`  ... and ${stats.missed.length - 15} more: \`factdeck review\``);

  heading('Cards by state');
  out.push(`  ${renderStateCounts(stats.cards, style, ascii)}`);

  heading('Due in the next 14 days');
  out.push(
    renderForecast(
      stats.forecast.map((d) => ({ label: dayLabel(d.day, stats.today), count: d.count })),
      { ascii, style, width: 24 },
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
  return out.join('\n');
}

export async function statsCommand(context: Context, options: StatsOptions): Promise<void> {
  const profile = checkProfile(options.profile);
  const decks = await decksFor(context, options);
  const store = await readStore(context, options);
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
    now: context.now(),
    dayStartHour: settings.dayStartHour,
  });
  // Suspended questions of these decks (ones no longer in a deck are not counted).
  const suspended = decks.reduce((sum, deck) => sum + deck.questions.filter((q) => suspendedIds(data.suspended, profile, deck.id).has(q.id)).length, 0);
  if (options.json) {
    writeLine(context.stdout, printableJson({ profile, decks: [...deckIds], suspended, ...stats }));
    return;
  }
  const ascii = options.plain === true || Boolean(context.env.NO_COLOR);
  let text = renderStats(stats, profile, ascii, context.color && !options.plain);
  if (suspended > 0) text += `\n\n${suspended} question${suspended === 1 ? '' : 's'} suspended: \`factdeck suspended\` lists ${suspended === 1 ? 'it' : 'them'}.`;
  writeLine(context.stdout, context.stdout.isTTY && !options.plain ? wrapText(text, Math.min(context.stdout.columns ?? 100, 100) - 1) : text);
}
