// printable(): the one gate between untrusted text (decks, articles, imports, the database) and the terminal.
// It owns the rule "no raw escape or control characters from data, ever" (DESIGN.md, style rule 6).
// A small scanner rather than regexes: escape sequences have structure (CSI parameters, OSC strings ended
// by BEL or ST) and the whole sequence must go, not only its ESC, or its payload would print as garbage.

export interface PrintableOptions {
  /** Fold newlines and tabs to single spaces (for menu entries, answers, one-line labels). */
  singleLine?: boolean;
}

const BEL = 0x07;
const TAB = 0x09;
const LF = 0x0a;
const ESC = 0x1b;
const DEL = 0x7f;
const C1_DCS = 0x90;
const C1_SOS = 0x98;
const C1_CSI = 0x9b;
const C1_ST = 0x9c;
const C1_OSC = 0x9d;
const C1_PM = 0x9e;
const C1_APC = 0x9f;
const BACKSLASH = 0x5c;

/** Introducers (after ESC) of string sequences that run until ST or BEL: DCS P, SOS X, OSC ], PM ^, APC _. */
const ESC_STRING_INTRODUCERS = new Set([0x50, 0x58, 0x5d, 0x5e, 0x5f]);
const C1_STRING_INTRODUCERS = new Set([C1_DCS, C1_SOS, C1_OSC, C1_PM, C1_APC]);

/** Characters that are dropped wherever they appear outside an escape sequence. */
function isDropped(code: number): boolean {
  if (code < 0x20) return code !== LF && code !== TAB; // C0 controls, bare CR included (CRLF -> LF)
  if (code >= DEL && code <= 0x9f) return true; // DEL and the C1 controls
  // Bidi marks, embeddings, overrides and isolates: they can make text read differently from what it is.
  if (code === 0x061c || code === 0x200e || code === 0x200f) return true;
  if (code >= 0x202a && code <= 0x202e) return true;
  return code >= 0x2066 && code <= 0x2069;
}

/** Index just past a CSI sequence whose parameters start at `i`. */
function skipCsi(text: string, i: number): number {
  let j = i;
  while (j < text.length && inRange(text.charCodeAt(j), 0x30, 0x3f)) j++; // parameter bytes
  while (j < text.length && inRange(text.charCodeAt(j), 0x20, 0x2f)) j++; // intermediate bytes
  if (j < text.length && inRange(text.charCodeAt(j), 0x40, 0x7e)) j++; // final byte
  return j;
}

/**
 * Index just past a string sequence (OSC, DCS, ...) whose payload starts at `i`. A terminated one goes
 * whole; an unterminated one loses only its introducer, so a stray "ESC ]" does not swallow an article.
 */
function skipString(text: string, i: number): number {
  for (let j = i; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code === BEL || code === C1_ST) return j + 1;
    if (code === ESC) return text.charCodeAt(j + 1) === BACKSLASH ? j + 2 : j;
  }
  return i;
}

/** Index just past an escape sequence whose ESC is at `i - 1`. */
function skipEscape(text: string, i: number): number {
  if (i >= text.length) return i;
  const next = text.charCodeAt(i);
  if (next === 0x5b) return skipCsi(text, i + 1); // ESC [
  if (ESC_STRING_INTRODUCERS.has(next)) return skipString(text, i + 1);
  let j = i;
  while (j < text.length && inRange(text.charCodeAt(j), 0x20, 0x2f)) j++; // e.g. ESC ( B
  if (j < text.length && inRange(text.charCodeAt(j), 0x30, 0x7e)) j++; // e.g. ESC c, ESC 7
  return j;
}

function inRange(code: number, low: number, high: number): boolean {
  return code >= low && code <= high;
}

/** Returns `text` with every escape sequence and control character removed; ordinary Unicode stays. */
export function printable(text: string, options: PrintableOptions = {}): string {
  const singleLine = options.singleLine === true;
  let out = '';
  let cleanFrom = 0; // start of the run of characters kept as they are
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    let resume: number;
    let replacement = '';
    if (code === ESC) resume = skipEscape(text, i + 1);
    else if (code === C1_CSI) resume = skipCsi(text, i + 1);
    else if (C1_STRING_INTRODUCERS.has(code)) resume = skipString(text, i + 1);
    else if (isDropped(code)) resume = i + 1;
    else if (singleLine && (code === LF || code === TAB)) {
      resume = i + 1;
      while (resume < text.length && isFoldable(text.charCodeAt(resume))) resume++;
      replacement = ' ';
    } else {
      i++;
      continue;
    }
    out += text.slice(cleanFrom, i) + replacement;
    i = resume;
    cleanFrom = resume;
  }
  return cleanFrom === 0 ? text : out + text.slice(cleanFrom);
}

/** In single-line mode a run of line breaks and tabs (and a CR inside CRLF) becomes one space. */
function isFoldable(code: number): boolean {
  return code === LF || code === TAB || code === 0x0d;
}

/**
 * Characters JSON.stringify leaves raw that a terminal may still act on: DEL, the C1 controls (U+009B is
 * a CSI), bidi controls, and the line and paragraph separators.
 */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON of data from decks, imports or the database for --json output: the same value (it parses back
 * equal), but every control or bidi character written as a \uXXXX escape. JSON.stringify already escapes
 * C0 controls; this does the rest, so `factdeck ... --json` in a terminal is as safe as plain output.
 */
export function printableJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(JSON_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
