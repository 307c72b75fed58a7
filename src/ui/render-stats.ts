// Pure renderers for `factdeck stats`: a sparkline of scores, horizontal bars, the due forecast, a
// calendar heatmap of activity and the count of cards by state. They return text; the caller writes it.
// Labels are untrusted (topic names come from decks) and pass through printable() here. Each chart has
// an ASCII form (NO_COLOR, --plain, screen readers, pipes) in which every character the chart itself draws
// is printable ASCII; the user's own label text is kept as it is. Dates are YYYY-MM-DD strings handled with
// Date.UTC, so the output never depends on the machine's time zone or clock.
// Free of Inquirer on purpose, like style.ts and printable.ts: plain and JSON output pay nothing for it.

import { printable } from './printable.js';
import type { Style } from './style.js';

const clean = (text: string): string => printable(text, { singleLine: true });

/** Width in terminal cells, counted as code points (good enough for the labels a deck has). */
const widthOf = (text: string): number => [...text].length;

const padEnd = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - widthOf(text)));
const padStart = (text: string, width: number): string => ' '.repeat(Math.max(0, width - widthOf(text))) + text;

// ---------------------------------------------------------------------------------------------- sparkline

const SPARK_UNICODE = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/**
 * One character per score (0-100), oldest first. Unicode: eight heights ▁..█ in equal steps of 12.5
 * (0 is ▁, 100 is █). ASCII: the tens digit of the score, 0-9, with 100 shown as 9 ("7" means 70-79),
 * which reads well aloud and in a log. Scores are clamped to 0-100; a value that is not a number leaves a
 * space (a gap, not a false zero).
 */
export function renderSparkline(values: readonly number[], ascii: boolean): string {
  return values
    .map((value) => {
      if (!Number.isFinite(value)) return ' ';
      const score = Math.min(100, Math.max(0, value));
      if (ascii) return String(Math.min(9, Math.floor(score / 10)));
      return SPARK_UNICODE[Math.min(7, Math.floor((score * 8) / 100))] ?? ' ';
    })
    .join('');
}

// ---------------------------------------------------------------------------------------------- bars

export interface BarRow {
  label: string;
  value: number;
  /** What a full bar stands for; by default 100 with `percent`, else the largest value of the rows. */
  max?: number;
  /** Shown dim after the value, e.g. "12 of 16". */
  note?: string;
}

export interface BarOptions {
  /** Cells for a full bar; 30 by default. */
  width?: number;
  ascii: boolean;
  style: Style;
  /** Print the value as "73%" (rounded) rather than as the number. */
  percent?: boolean;
}

/** Partial blocks for 1..7 eighths of a cell. */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'] as const;
const FULL_BLOCK = '█';
const ASCII_BLOCK = '#';

const DEFAULT_BAR_WIDTH = 30;

function formatValue(value: number, percent: boolean): string {
  if (!Number.isFinite(value)) return '-';
  if (percent) return `${Math.round(value)}%`;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/**
 * The bar for `fraction` (0-1) of `width` cells, padded with spaces to the full width. Unicode draws
 * eighths of a cell; ASCII rounds to whole '#' cells. Any value above zero shows at least the smallest
 * mark, so "a little" never looks like "none".
 */
function bar(fraction: number, width: number, ascii: boolean): string {
  const share = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  if (ascii) {
    let cells = Math.round(share * width);
    if (share > 0 && cells === 0) cells = 1;
    return ASCII_BLOCK.repeat(cells) + ' '.repeat(width - cells);
  }
  let eighths = Math.round(share * width * 8);
  if (share > 0 && eighths === 0) eighths = 1;
  const full = Math.floor(eighths / 8);
  const partial = EIGHTHS[eighths % 8] ?? '';
  const drawn = FULL_BLOCK.repeat(full) + partial;
  return drawn + ' '.repeat(width - widthOf(drawn));
}

function barWidth(width: number | undefined): number {
  if (width === undefined || !Number.isFinite(width)) return DEFAULT_BAR_WIDTH;
  return Math.max(1, Math.floor(width));
}

/**
 * Horizontal bars, one row each: the label padded to the longest, the bar, the value right-aligned
 * (as "73%" with `percent`), then the note if any. Example (ASCII, width 10):
 *   people  #####       50%
 *   places  ##########  100%
 */
export function renderBars(rows: readonly BarRow[], options: BarOptions): string {
  const { ascii, style } = options;
  const percent = options.percent === true;
  const width = barWidth(options.width);
  const largest = Math.max(0, ...rows.map((row) => (Number.isFinite(row.value) ? row.value : 0)));
  const labels = rows.map((row) => clean(row.label));
  const values = rows.map((row) => formatValue(row.value, percent));
  const labelWidth = Math.max(0, ...labels.map(widthOf));
  const valueWidth = Math.max(0, ...values.map(widthOf));
  return rows
    .map((row, i) => {
      const max = row.max ?? (percent ? 100 : largest);
      const fraction = max > 0 ? row.value / max : 0;
      const note = row.note === undefined ? '' : clean(row.note);
      const line = `${padEnd(labels[i] ?? '', labelWidth)}  ${style.cyan(bar(fraction, width, ascii))}  ${padStart(values[i] ?? '', valueWidth)}`;
      return note === '' ? line : `${line}  ${style.dim(note)}`;
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------- forecast

export interface ForecastDay {
  /** e.g. "today", "tmrw", "Sat 29". */
  label: string;
  count: number;
}

export type ForecastOptions = Omit<BarOptions, 'percent'>;

/**
 * Cards due per day, one bar per day given (the caller passes the next 14), scaled to the busiest day;
 * the count is printed after each bar, and a day with nothing due shows an empty bar and 0.
 */
export function renderForecast(days: readonly ForecastDay[], options: ForecastOptions): string {
  return renderBars(
    days.map((day) => ({ label: day.label, value: day.count })),
    { width: options.width, ascii: options.ascii, style: options.style, percent: false },
  );
}

// ---------------------------------------------------------------------------------------------- heatmap

export interface HeatmapDay {
  /** YYYY-MM-DD */
  date: string;
  count: number;
}

export interface HeatmapOptions {
  /** Week columns, the last one holding `today`; 12 by default. */
  weeks?: number;
  /** YYYY-MM-DD: the last day drawn; days after it in its week are left blank. */
  today: string;
  ascii: boolean;
  style: Style;
}

/**
 * Fixed thresholds of answers (or reviews) a day, so a square means the same thing from one month to the
 * next and a light learner still sees their days: 0 none, 1-4 level 1, 5-9 level 2, 10-19 level 3,
 * 20 or more level 4. (A quiz is 10 questions by default: one quiz makes a level-3 day.)
 */
export const HEATMAP_THRESHOLDS = [1, 5, 10, 20] as const;

const HEAT_UNICODE = ['·', '░', '▒', '▓', '█'] as const;
const HEAT_ASCII = ['.', '-', '+', '*', '#'] as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const ROW_LABELS = ['Mon', '', 'Wed', '', 'Fri', '', ''] as const;
const ROW_LABEL_WIDTH = 4; // "Mon "

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a YYYY-MM-DD string; throws RangeError for anything else. */
function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(clean(date))}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return ms / DAY_MS;
}

/** 0 for Monday ... 6 for Sunday. */
function weekdayOf(day: number): number {
  return (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
}

function levelOf(count: number): number {
  let level = 0;
  for (const threshold of HEATMAP_THRESHOLDS) if (count >= threshold) level++;
  return level;
}

/**
 * A GitHub-style calendar: 7 rows (Monday to Sunday, labelled Mon, Wed, Fri) by `weeks` columns, the
 * last column being the week (Monday to Sunday) of `today`. Each day is one glyph for its level (see
 * HEATMAP_THRESHOLDS), columns one space apart; days after `today` are blank. Counts on the same date
 * add up; dates outside the grid are ignored; a malformed date throws RangeError. Above the grid, a
 * month's abbreviation stands over the column holding its 1st (the first column is named after its
 * Monday's month when there is room). Below, the legend. Example (ASCII, weeks 4, today Wednesday
 * 2024-03-06; 25 answers on Mon 02-26, 7 on Fri 03-01, 3 on Tue 03-05):
 *       Feb Mar
 *   Mon . . # .
 *       . . . -
 *   Wed . . . .
 *       . . .
 *   Fri . . +
 *       . . .
 *       . . .
 *       less . - + * # more
 */
export function renderHeatmap(days: readonly HeatmapDay[], options: HeatmapOptions): string {
  const { ascii, style } = options;
  const weeks = options.weeks === undefined || !Number.isFinite(options.weeks) ? 12 : Math.max(1, Math.floor(options.weeks));
  const today = dayNumber(options.today);
  const glyphs = ascii ? HEAT_ASCII : HEAT_UNICODE;
  const first = today - weekdayOf(today) - (weeks - 1) * 7; // the Monday of the first column

  const counts = new Map<number, number>();
  for (const entry of days) {
    const day = dayNumber(entry.date);
    if (!Number.isFinite(entry.count)) continue; // days outside the grid are never looked up
    counts.set(day, (counts.get(day) ?? 0) + entry.count);
  }

  const rows = ROW_LABELS.map((rowLabel, row) => {
    const cells: string[] = [];
    for (let column = 0; column < weeks; column++) {
      const day = first + column * 7 + row;
      if (day > today) {
        cells.push(' ');
        continue;
      }
      const level = levelOf(counts.get(day) ?? 0);
      const glyph = glyphs[level] ?? ' ';
      cells.push(level === 0 ? style.dim(glyph) : style.green(glyph));
    }
    return `${padEnd(rowLabel, ROW_LABEL_WIDTH)}${cells.join(' ')}`.trimEnd();
  });

  const legend = `${' '.repeat(ROW_LABEL_WIDTH)}${style.dim('less')} ${glyphs.join(' ')} ${style.dim('more')}`;
  return [monthHeader(first, weeks, today, style), ...rows, legend].join('\n');
}

/** Month abbreviations over the columns that hold a 1st of the month (up to today). */
function monthHeader(first: number, weeks: number, today: number, style: Style): string {
  const labels = new Map<number, string>();
  const startsMonth = (column: number): string | undefined => {
    for (let row = 0; row < 7; row++) {
      const day = first + column * 7 + row;
      if (day > today) return undefined;
      const date = new Date(day * DAY_MS);
      if (date.getUTCDate() === 1) return MONTHS[date.getUTCMonth()];
    }
    return undefined;
  };
  for (let column = 0; column < weeks; column++) {
    const month = startsMonth(column);
    if (month !== undefined) labels.set(column, month);
  }
  // A label is 3 cells and columns are 2 apart: column 0 gets its own month only if column 1 has no label.
  if (!labels.has(0) && !labels.has(1)) labels.set(0, MONTHS[new Date(first * DAY_MS).getUTCMonth()] ?? '');
  let line = '';
  let used = 0; // cells written so far (the styled line is longer than what shows)
  for (const [column, month] of [...labels].sort(([a], [b]) => a - b)) {
    const at = ROW_LABEL_WIDTH + column * 2;
    line += ' '.repeat(Math.max(0, at - used)) + style.dim(month);
    used = Math.max(used, at) + widthOf(month);
  }
  return line;
}

// ---------------------------------------------------------------------------------------------- states

export interface StateCounts {
  new: number;
  learning: number;
  review: number;
  relearning: number;
}

const STATES = ['new', 'learning', 'review', 'relearning'] as const;

/** "new 12 · learning 3 · review 20 · relearning 1"; with `ascii`, "new 12, learning 3, ...". */
export function renderStateCounts(counts: StateCounts, style: Style, ascii = false): string {
  const separator = ascii ? ', ' : ' · ';
  return STATES.map((state) => `${state} ${style.bold(String(counts[state]))}`).join(style.dim(separator));
}
