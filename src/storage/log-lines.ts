// How the bytes of the history log become lines, the one way the store and `doctor` both read it. Offsets
// are file bytes, never decoded characters. A line ends at LF, CRLF or a lone CR (factdeck writes LF; an
// editor or a file transfer may have turned them into either of the others). Each line must be UTF-8.
// And the one judgement a reader makes about bytes it does not accept: a last line without its line end
// is a save cut short by a crash (never acknowledged, safe to cut off) only when it is the beginning of a
// JSON list or object that stops before its end, perhaps followed by zero bytes a power cut can leave;
// anything else there is damage, and damage is refused, never cut.

import { isUtf8 } from 'node:buffer';

/** No save is longer (factdeck refuses to write one): a longer line is damage, refused before it is decoded. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;

/** Finds line ends in one buffer without rescanning it for each line (a log without CRs has to be scanned for them once). */
export class LineEnds {
  #lf = -2;
  #cr = -2;
  constructor(readonly bytes: Buffer) {}

  /** The first line end at or after `from`: where the line's content ends and where the next line starts; null when there is none. */
  next(from: number): { end: number; next: number } | null {
    if (this.#lf !== -1 && this.#lf < from) this.#lf = this.bytes.indexOf(LF, from);
    if (this.#cr !== -1 && this.#cr < from) this.#cr = this.bytes.indexOf(CR, from);
    const lf = this.#lf;
    const cr = this.#cr;
    if (lf === -1 && cr === -1) return null;
    if (cr === -1 || (lf !== -1 && lf < cr)) return { end: lf, next: lf + 1 };
    return { end: cr, next: this.bytes[cr + 1] === LF ? cr + 2 : cr + 1 };
  }
}

/** How many lines end within `bytes` (a CRLF is one line end). */
export function countLineEnds(bytes: Buffer): number {
  const ends = new LineEnds(bytes);
  let count = 0;
  for (let found = ends.next(0); found !== null; found = ends.next(found.next)) count++;
  return count;
}

/** The text of one line, or null when it is not UTF-8. */
export function lineText(bytes: Buffer): string | null {
  return isUtf8(bytes) ? bytes.toString('utf8') : null;
}

/**
 * Whether the bytes after the last line end are a save cut short by a crash: the start of a JSON list or
 * object, cut off before its end (perhaps inside a character's UTF-8 bytes), then nothing but zero bytes.
 */
export function isCutSave(bytes: Buffer): boolean {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  if (end === 0) return true;
  // A character whose UTF-8 bytes were cut: its lead byte and fewer continuation bytes than it announces.
  let lead = end - 1;
  while (lead > 0 && end - lead < 4 && ((bytes[lead] as number) & 0xc0) === 0x80) lead--;
  const wanted = utf8Length(bytes[lead] as number);
  const cutCharacter = wanted > 1 && end - lead < wanted;
  const whole = bytes.subarray(0, cutCharacter ? lead : end);
  if (!isUtf8(whole)) return false;
  const shape = jsonPrefixShape(whole.toString('utf8'));
  // A cut character can only stand inside a string.
  return cutCharacter ? shape === 'cut-in-string' : shape === 'cut' || shape === 'cut-in-string';
}

function utf8Length(lead: number): number {
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  return 1;
}

type PrefixShape = 'whole' | 'cut' | 'cut-in-string' | 'invalid';

const SPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
/** A number that may still be growing when the text ends. */
const NUMBER_START = /-?(?:0|[1-9][0-9]*)?(?:\.[0-9]*)?(?:[eE][+-]?[0-9]*)?/y;
const HEX = /^[0-9a-fA-F]*$/;

/**
 * What `text` is as JSON: a whole list or object, one cut off before its end (`cut-in-string`: in the
 * middle of a string), or neither. A scanner with its own stack, so no nesting depth can overflow it.
 */
export function jsonPrefixShape(text: string): PrefixShape {
  const n = text.length;
  let i = 0;
  const skipSpace = (): void => {
    while (i < n && SPACE.has(text.charAt(i))) i++;
  };
  skipSpace();
  if (text.charAt(i) !== '[' && text.charAt(i) !== '{') return 'invalid';
  const stack: string[] = [];
  // What may come next: a value (`first-value`: or the list's end), a key (`first-key`: or the object's end), a colon, or what follows a value.
  let want: 'value' | 'first-value' | 'key' | 'first-key' | 'colon' | 'after' = 'value';
  /** From the opening quote at `i`: the index past the closing quote; 'cut' when the text ends inside the string. */
  const string = (): number | 'cut' | 'invalid' => {
    for (let j = i + 1; ; ) {
      if (j >= n) return 'cut';
      const c = text.charAt(j);
      if (c === '"') return j + 1;
      if (text.charCodeAt(j) < 0x20) return 'invalid';
      if (c !== '\\') {
        j++;
        continue;
      }
      if (j + 1 >= n) return 'cut';
      const escape = text.charAt(j + 1);
      if (escape === 'u') {
        const hex = text.slice(j + 2, j + 6);
        if (!HEX.test(hex)) return 'invalid';
        if (hex.length < 4) return 'cut';
        j += 6;
      } else if ('"\\/bfnrt'.includes(escape)) {
        j += 2;
      } else {
        return 'invalid';
      }
    }
  };
  for (;;) {
    skipSpace();
    if (i >= n) return want === 'after' && stack.length === 0 ? 'whole' : 'cut';
    const c = text.charAt(i);
    if (want === 'after') {
      const open = stack.at(-1);
      if (open === undefined) return 'invalid'; // Something after the whole value.
      if (c === ',') want = open === '[' ? 'value' : 'key';
      else if (c === (open === '[' ? ']' : '}')) stack.pop();
      else return 'invalid';
      i++;
      continue;
    }
    if (want === 'colon') {
      if (c !== ':') return 'invalid';
      want = 'value';
      i++;
      continue;
    }
    if ((want === 'first-value' && c === ']') || (want === 'first-key' && c === '}')) {
      stack.pop();
      want = 'after';
      i++;
      continue;
    }
    const isKey: boolean = want === 'key' || want === 'first-key';
    if (isKey || c === '"') {
      if (c !== '"') return 'invalid';
      const end = string();
      if (end === 'cut') return 'cut-in-string';
      if (end === 'invalid') return 'invalid';
      i = end;
      want = isKey ? 'colon' : 'after';
      continue;
    }
    if (c === '[' || c === '{') {
      stack.push(c);
      want = c === '[' ? 'first-value' : 'first-key';
      i++;
      continue;
    }
    for (const word of ['true', 'false', 'null']) {
      if (c !== word.charAt(0)) continue;
      const rest = text.slice(i, i + word.length);
      if (rest === word) break;
      return word.startsWith(rest) && i + rest.length >= n ? 'cut' : 'invalid';
    }
    if (c === 't' || c === 'f' || c === 'n') {
      i += c === 'f' ? 5 : 4;
      want = 'after';
      continue;
    }
    NUMBER_START.lastIndex = i;
    NUMBER_START.exec(text);
    if (NUMBER_START.lastIndex >= n && NUMBER_START.lastIndex > i) return 'cut';
    NUMBER.lastIndex = i;
    if (NUMBER.exec(text) === null || NUMBER.lastIndex === i) return 'invalid';
    i = NUMBER.lastIndex;
    want = 'after';
  }
}
