// Word wrapping for terminal output, so feedback reads as paragraphs instead of lines the terminal cuts
// mid-word. Width is counted in terminal columns, as the terminal draws them: a Chinese character or an
// emoji takes two, a combining accent none, our own colour codes none (fast-string-width, the measure
// Inquirer uses). Lines break between words, and also between Chinese, Japanese or Korean characters,
// which are written without spaces (never before a closing mark such as 。 or 」, nor after an opening
// one); a word of Latin letters longer than the line stays whole. Continuation lines keep the line's indent
// plus two spaces. Pure.
//
// The API: displayWidth(text) and wrapText(text, width).

import fastStringWidth from 'fast-string-width';

/** Columns `text` takes in a terminal (colour codes take none). */
export function displayWidth(text: string): number {
  return fastStringWidth(text);
}

// eslint-disable-next-line no-control-regex -- colour codes are what is being kept whole
const SGR_SPLIT = /(\u001b\[[0-9;]*m)/;
// eslint-disable-next-line no-control-regex -- as above
const SGR = /^\u001b\[[0-9;]*m$/;

/** Marks that may not begin a line (closing brackets and punctuation, small kana)... */
const NO_BREAK_BEFORE = new Set([...'、。，．：；？！）」』】》〉〕］｝〗〙〛’”・…ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々ゝゞヽヾ']);
/** ...and marks that may not end one (opening brackets and quotes). */
const NO_BREAK_AFTER = new Set([...'（「『【《〈〔［｛〖〘〚‘“']);

interface Piece {
  text: string;
  width: number;
  /** Whether a space separates it from the piece before (it starts a word). */
  spaced: boolean;
}

let segmenter: Intl.Segmenter | null | undefined;

/** Grapheme clusters (a letter and its accents, an emoji sequence); made only when a wide word needs it. */
function graphemes(text: string): string[] {
  // Loading ICU's segmenter costs milliseconds, so it is made on first need, not at start-up.
  if (segmenter === undefined) segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;
  return segmenter === null ? [...text] : Array.from(segmenter.segment(text), (part) => part.segment);
}

/**
 * A word as the pieces a line may break between: a break may come before or after a wide character
 * (unless a mark that must stay beside it is in the way), never inside a run of narrow ones. Colour codes
 * stay with the character before them.
 */
function splitWide(word: string): string[] {
  const clusters: { text: string; visible: string; wide: boolean }[] = [];
  let codes = '';
  for (const part of word.split(SGR_SPLIT)) {
    if (part === '') continue;
    if (SGR.test(part)) {
      const last = clusters.at(-1);
      if (last === undefined) codes += part;
      else last.text += part;
      continue;
    }
    for (const cluster of graphemes(part)) {
      clusters.push({ text: codes + cluster, visible: cluster, wide: displayWidth(cluster) >= 2 });
      codes = '';
    }
  }
  const pieces: string[] = [];
  clusters.forEach((cluster, i) => {
    const previous = clusters[i - 1];
    const mayBreak = previous !== undefined && (previous.wide || cluster.wide) && !NO_BREAK_BEFORE.has(cluster.visible) && !NO_BREAK_AFTER.has(previous.visible);
    if (pieces.length === 0 || mayBreak) pieces.push(cluster.text);
    else pieces[pieces.length - 1] += cluster.text;
  });
  return pieces;
}

function piecesOf(text: string): Piece[] {
  const pieces: Piece[] = [];
  for (const word of text.split(' ')) {
    const width = displayWidth(word);
    // Only a word with a wide character in it needs looking into; others (most) stay whole.
    const parts = width > [...word].length ? splitWide(word) : [word];
    parts.forEach((part, i) => pieces.push({ text: part, width: parts.length === 1 ? width : displayWidth(part), spaced: i === 0 }));
  }
  return pieces;
}

function wrapLine(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const indent = /^ */.exec(line)?.[0] ?? '';
  const hang = `${indent}  `;
  const out: string[] = [];
  let current = indent;
  let currentWidth = indent.length;
  let empty = true;
  for (const piece of piecesOf(line.slice(indent.length))) {
    const gap = piece.spaced && !empty ? 1 : 0;
    if (!empty && currentWidth + gap + piece.width > width) {
      out.push(current);
      current = hang + piece.text;
      currentWidth = hang.length + piece.width;
    } else {
      current += (gap === 1 ? ' ' : '') + piece.text;
      currentWidth += gap + piece.width;
    }
    empty = current.trim() === '';
  }
  out.push(current);
  return out;
}

/** Wraps every line of `text` at `width` columns (no wrapping when width is not a sensible number). */
export function wrapText(text: string, width: number | undefined): string {
  if (width === undefined || !Number.isFinite(width) || width < 20) return text;
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}
