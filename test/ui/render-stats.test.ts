import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderBars, renderForecast, renderHeatmap, renderSparkline, renderStateCounts } from '../../src/ui/render-stats.js';
import { createStyle } from '../../src/ui/style.js';
import { SGR, hasOscOrBel } from './terminal-codes.js';

const plain = createStyle(false);
const coloured = createStyle(true);
const ESC = '\u001b';
const EVIL = `${ESC}[31mred${ESC}[0m${ESC}]0;pwned\u0007${ESC}[2J\u202e`;
const ONLY_ASCII = /^[\x20-\x7e\n]*$/;

describe('renderSparkline', () => {
  it('maps 0 and 100 to the lowest and the highest glyph', () => {
    expect(renderSparkline([0, 100], false)).toBe('▁█');
    expect(renderSparkline([0, 100], true)).toBe('09');
  });

  it('draws one glyph per score in eight equal Unicode steps, clamping out-of-range scores', () => {
    expect(renderSparkline([0, 12, 13, 25, 50, 62, 75, 87, 88, 100], false)).toBe('▁▁▂▃▅▅▇▇██');
    expect(renderSparkline([-20, 250], false)).toBe('▁█');
  });

  it('shows the tens digit of each score in ASCII, 100 as 9', () => {
    expect(renderSparkline([0, 9, 10, 55, 73, 99, 100], true)).toBe('0015799');
  });

  it('leaves a gap for a value that is not a number, and nothing for no values', () => {
    expect(renderSparkline([50, Number.NaN, 50], true)).toBe('5 5');
    expect(renderSparkline([], false)).toBe('');
  });
});

describe('renderBars', () => {
  it('scales a value to its max: 50 of 100 at width 10 is five #', () => {
    expect(renderBars([{ label: 'people', value: 50, max: 100 }], { width: 10, ascii: true, style: plain })).toBe('people  #####       50');
  });

  it('pads labels to the longest, right-aligns values and shows percentages and notes', () => {
    const out = renderBars(
      [
        { label: 'people', value: 50 },
        { label: 'places and dates', value: 100, note: '12 of 12' },
        { label: 'x', value: 3 },
      ],
      { width: 10, ascii: true, style: plain, percent: true },
    );
    expect(out).toBe(
      [
        'people            #####        50%',
        'places and dates  ##########  100%  12 of 12',
        'x                 #             3%', // 0.3 of a cell still shows: a little is not none
      ].join('\n'),
    );
  });

  it('scales to the largest value when no max is given (and not percent)', () => {
    const out = renderBars(
      [
        { label: 'a', value: 2 },
        { label: 'b', value: 8 },
        { label: 'c', value: 0 },
      ],
      { width: 4, ascii: true, style: plain },
    );
    expect(out).toBe(['a  #     2', 'b  ####  8', 'c        0'].join('\n'));
  });

  it('scales percentages to 100, not to the largest value', () => {
    expect(renderBars([{ label: 'a', value: 80 }], { width: 10, ascii: true, style: plain, percent: true })).toBe('a  ########    80%');
  });

  it('clamps values over the max and defaults to a width of 30', () => {
    expect(renderBars([{ label: 'a', value: 150, max: 100 }], { ascii: true, style: plain, percent: true })).toBe(`a  ${'#'.repeat(30)}  150%`);
  });

  it('draws eighths of a cell with Unicode blocks', () => {
    const out = renderBars(
      [
        { label: 'a', value: 5, max: 32 }, // 5/32 of 4 cells = 5/8 of a cell
        { label: 'b', value: 19, max: 32 }, // 19/32 of 4 cells = 2 cells and 3/8
        { label: 'c', value: 32, max: 32 },
      ],
      { width: 4, ascii: false, style: plain },
    );
    expect(out.split('\n')).toEqual(['a  ▋      5', 'b  ██▍   19', 'c  ████  32']);
  });

  it('shows the thinnest Unicode mark for a value too small for an eighth, and none for zero', () => {
    const out = renderBars(
      [
        { label: 'a', value: 1, max: 100 },
        { label: 'b', value: 0, max: 100 },
      ],
      { width: 4, ascii: false, style: plain },
    );
    expect(out.split('\n')).toEqual(['a  ▏     1', 'b        0']);
  });

  it('keeps hostile labels and notes from reaching the terminal', () => {
    const out = renderBars([{ label: `topic ${EVIL}\nnext`, value: 1, note: `note ${EVIL}` }], { width: 2, ascii: true, style: plain });
    expect(out).toBe('topic red next  ##  1  note red');
    expect(hasOscOrBel(out)).toBe(false);
    expect(out).not.toContain(ESC);
  });
});

describe('renderForecast', () => {
  const days = [
    { label: 'today', count: 4 },
    { label: 'tmrw', count: 0 },
    { label: 'Sat 29', count: 8 },
  ];

  it('draws a bar per day scaled to the busiest day, with its count; an empty bar and 0 for a free day', () => {
    expect(renderForecast(days, { width: 8, ascii: true, style: plain }).split('\n')).toEqual([
      'today   ####      4',
      'tmrw              0',
      'Sat 29  ########  8',
    ]);
  });

  it('draws all zeros as empty bars', () => {
    expect(renderForecast([{ label: 'today', count: 0 }], { width: 3, ascii: false, style: plain })).toBe('today       0');
  });

  it('draws Unicode blocks when allowed', () => {
    expect(renderForecast(days, { width: 8, ascii: false, style: plain }).split('\n')[2]).toBe('Sat 29  ████████  8');
  });
});

/** The character at `column` of `line` (code points, so Unicode glyphs count as one). */
const at = (line: string | undefined, column: number): string | undefined => [...(line ?? '')][column];

/** Screen column of week `week` (0 = oldest) in the grid: "Mon " then one glyph and one space per week. */
const cell = (week: number): number => 4 + week * 2;

describe('renderHeatmap', () => {
  // Wednesday 2024-03-06. Four weeks: Mon 02-12, Mon 02-19, Mon 02-26 (holds Mar 1), Mon 03-04 (today's week).
  const today = '2024-03-06';
  const small = [
    { date: '2024-02-26', count: 25 }, // Mon, week 2, level 4
    { date: '2024-03-01', count: 7 }, // Fri, week 2, level 2
    { date: '2024-03-05', count: 3 }, // Tue, week 3, level 1
  ];

  it('draws a known small grid exactly', () => {
    expect(renderHeatmap(small, { weeks: 4, today, ascii: true, style: plain })).toBe(
      [
        '    Feb Mar',
        'Mon . . # .',
        '    . . . -',
        'Wed . . . .',
        '    . . .',
        'Fri . . +',
        '    . . .',
        '    . . .',
        '    less . - + * # more',
      ].join('\n'),
    );
  });

  it('puts each mark in the row of its weekday and the column of its week, with the thresholds 1/5/10/20', () => {
    // Saturday 2024-03-09: the 12 columns start on Mondays from 2023-12-18 to 2024-03-04.
    const days = [
      { date: '2023-12-18', count: 1 }, // Mon, week 0: level 1
      { date: '2024-01-10', count: 5 }, // Wed, week 3: level 2
      { date: '2024-01-27', count: 9 }, // Sat, week 5: still level 2
      { date: '2024-02-06', count: 19 }, // Tue, week 7: level 3
      { date: '2024-02-18', count: 10 }, // Sun, week 8: level 3
      { date: '2024-03-08', count: 20 }, // Fri, week 11 (today's): level 4
      { date: '2024-03-09', count: 4 }, // Sat = today: level 1
    ];
    const lines = renderHeatmap(days, { weeks: 12, today: '2024-03-09', ascii: true, style: plain }).split('\n');
    expect(lines).toHaveLength(9);
    const row = (weekday: number): string | undefined => lines[1 + weekday];
    expect(at(row(0), cell(0))).toBe('-');
    expect(at(row(2), cell(3))).toBe('+');
    expect(at(row(5), cell(5))).toBe('+');
    expect(at(row(1), cell(7))).toBe('*');
    expect(at(row(6), cell(8))).toBe('*');
    expect(at(row(4), cell(11))).toBe('#');
    expect(at(row(5), cell(11))).toBe('-');
    expect(at(row(6), cell(11))).toBeUndefined(); // Sunday 03-10 is after today: blank, line trimmed
    expect(at(row(6), cell(10))).toBe('.');
    const marks = lines.slice(1, 8).join('').replace(/[^-+*#]/g, '');
    expect(marks).toHaveLength(7);
  });

  it('labels the rows Mon, Wed and Fri and the months where they start', () => {
    const lines = renderHeatmap([], { weeks: 12, today: '2024-03-06', ascii: true, style: plain }).split('\n');
    // Columns start on Mondays from 2023-12-18; Jan 1 is in week 2, Feb 1 in week 6, Mar 1 in week 10.
    expect(lines[0]).toBe('    Dec Jan     Feb     Mar');
    expect(lines.slice(1, 8).map((line) => line.slice(0, 4))).toEqual(['Mon ', '    ', 'Wed ', '    ', 'Fri ', '    ', '    ']);
  });

  it('adds counts on the same date and ignores days outside the grid', () => {
    const days = [
      { date: '2024-03-04', count: 3 },
      { date: '2024-03-04', count: 3 }, // 6 in all: level 2
      { date: '2023-01-01', count: 50 }, // long before the grid
      { date: '2024-03-07', count: 50 }, // tomorrow
    ];
    const lines = renderHeatmap(days, { weeks: 2, today: '2024-03-06', ascii: true, style: plain }).split('\n');
    expect(at(lines[1], cell(1))).toBe('+');
    expect(lines.slice(1, 8).join('\n')).not.toMatch(/[-*#]/);
  });

  it('uses · and shades in Unicode', () => {
    const lines = renderHeatmap(small, { weeks: 4, today, ascii: false, style: plain }).split('\n');
    expect(lines[1]).toBe('Mon · · █ ·');
    expect(lines[8]).toBe('    less · ░ ▒ ▓ █ more');
  });

  it('does not depend on the time zone: a date is its own weekday everywhere', () => {
    const before = process.env['TZ'];
    try {
      const results = ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'].map((zone) => {
        process.env['TZ'] = zone;
        return renderHeatmap(small, { weeks: 4, today, ascii: true, style: plain });
      });
      expect(new Set(results).size).toBe(1);
    } finally {
      if (before === undefined) delete process.env['TZ'];
      else process.env['TZ'] = before;
    }
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => renderHeatmap([], { weeks: 4, today: '2024-02-30', ascii: true, style: plain })).toThrow(RangeError);
    expect(() => renderHeatmap([{ date: '03/06/2024', count: 1 }], { weeks: 4, today, ascii: true, style: plain })).toThrow(RangeError);
  });

  it('keeps column positions when colour is on', () => {
    const lines = renderHeatmap([], { weeks: 12, today: '2024-03-06', ascii: true, style: coloured }).split('\n');
    expect(lines[0]?.replace(new RegExp(SGR.source, 'g'), '')).toBe('    Dec Jan     Feb     Mar');
  });
});

describe('renderStateCounts', () => {
  it('counts cards by state on one line', () => {
    const counts = { new: 12, learning: 3, review: 20, relearning: 1 };
    expect(renderStateCounts(counts, plain)).toBe('new 12 · learning 3 · review 20 · relearning 1');
    expect(renderStateCounts(counts, plain, true)).toBe('new 12, learning 3, review 20, relearning 1');
    expect(renderStateCounts(counts, coloured)).toMatch(SGR);
  });
});

describe('ASCII mode', () => {
  it('draws only printable ASCII in every chart', () => {
    const outputs = [
      renderSparkline([0, 33, 66, 100], true),
      renderBars(
        [
          { label: 'people', value: 37, note: '3 of 8' },
          { label: 'places', value: 100 },
        ],
        { ascii: true, style: plain, percent: true },
      ),
      renderForecast(
        [
          { label: 'today', count: 3 },
          { label: 'tmrw', count: 0 },
        ],
        { ascii: true, style: plain },
      ),
      renderHeatmap(
        [
          { date: '2024-03-01', count: 1 },
          { date: '2024-03-02', count: 7 },
          { date: '2024-03-03', count: 12 },
          { date: '2024-03-04', count: 40 },
        ],
        { weeks: 12, today: '2024-03-06', ascii: true, style: plain },
      ),
      renderStateCounts({ new: 1, learning: 2, review: 3, relearning: 4 }, plain, true),
    ];
    for (const out of outputs) expect(out).toMatch(ONLY_ASCII);
  });

  it('draws no colour codes with the style off, and some with it on', () => {
    const bars = (style: typeof plain): string => renderBars([{ label: 'a', value: 1, note: 'n' }], { width: 2, ascii: false, style });
    expect(bars(plain)).not.toMatch(SGR);
    expect(bars(coloured)).toMatch(SGR);
  });
});

describe('render-stats module', () => {
  it('imports nothing from Inquirer, so plain and JSON output do not pay for it', async () => {
    const source = await readFile(new URL('../../src/ui/render-stats.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/from '@inquirer\//);
    expect(source).not.toMatch(/from '\.\/(prompts|prompt-kit|[a-z-]+-prompt)\.js'/);
  });
});
