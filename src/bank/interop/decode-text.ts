// Bytes of a file to import -> text, or why not: too large, binary, or not UTF-8 (with the lines where
// it is not). Pure: the command reads the bytes.

import { MAX_DECK_FILE_BYTES, megabytes } from '../limits.js';
import type { LineProblem } from './delimited.js';

/** A file larger than a deck may be cannot become one (its deck.json would be larger still). */
export const MAX_IMPORT_BYTES = MAX_DECK_FILE_BYTES;

export type DecodeResult = { ok: true; text: string } | { ok: false; problems: LineProblem[] };

export function tooLargeProblem(size: number): LineProblem {
  return {
    line: null,
    message: `the file is too large (${megabytes(size)}; the limit is ${megabytes(MAX_IMPORT_BYTES)})`,
    hint: 'split it into smaller files and import them one by one',
  };
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the bytes there are not one. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] as number;
  if (b0 < 0x80) return 1;
  const cont = (k: number, low = 0x80, high = 0xbf): boolean => {
    const b = bytes[i + k];
    return b !== undefined && b >= low && b <= high;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    // No overlong forms (E0 needs A0..BF) and no surrogates (ED needs 80..9F).
    const low = b0 === 0xe0 ? 0xa0 : 0x80;
    const high = b0 === 0xed ? 0x9f : 0xbf;
    return cont(1, low, high) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    // Nothing overlong (F0 needs 90..BF) and nothing past U+10FFFF (F4 needs 80..8F).
    const low = b0 === 0xf0 ? 0x90 : 0x80;
    const high = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(1, low, high) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** The 1-based lines holding bytes that are not UTF-8, in order, each once. */
export function invalidUtf8Lines(bytes: Uint8Array): number[] {
  const lines: number[] = [];
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b === 0x0a) {
      line++;
      i++;
      continue;
    }
    const length = sequenceLength(bytes, i);
    if (length === 0) {
      if (lines[lines.length - 1] !== line) lines.push(line);
      i++;
    } else {
      i += length;
    }
  }
  return lines;
}

export function decodeImportBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, problems: [tooLargeProblem(bytes.length)] };
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    let line = 1;
    for (let i = 0; i < nul; i++) if (bytes[i] === 0x0a) line++;
    return {
      ok: false,
      problems: [
        {
          line,
          message: 'this looks like a binary file (it holds a NUL byte), not text',
          hint: 'import a text file: Anki "Notes in Plain Text" (.txt), CSV/TSV, or a factdeck deck.json',
        },
      ],
    };
  }
  const bad = invalidUtf8Lines(bytes);
  if (bad.length > 0) {
    return {
      ok: false,
      problems: bad.map((line) => ({
        line,
        message: 'this line is not valid UTF-8 text',
        hint: 'save the file as UTF-8 (in LibreOffice: Save As, CSV, character set UTF-8) and import again',
      })),
    };
  }
  // Valid UTF-8 by now, so this cannot fail; a BOM is dropped by the decoder.
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
}
