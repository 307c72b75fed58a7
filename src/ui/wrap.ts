// Word wrapping for terminal output, so feedback reads as paragraphs instead of lines the terminal cuts
// mid-word. Aware of our own colour codes (they take no room). Continuation lines keep the line's indent
// plus two spaces. Pure.

// eslint-disable-next-line no-control-regex -- our own colour codes are what is being measured
const SGR = /\u001b\[[0-9;]*m/g;

export function visibleLength(text: string): number {
  return [...text.replace(SGR, '')].length;
}

function wrapLine(line: string, width: number): string[] {
  if (visibleLength(line) <= width) return [line];
  const indent = /^ */.exec(line)?.[0] ?? '';
  const hang = `${indent}  `;
  const words = line.slice(indent.length).split(' ');
  const out: string[] = [];
  let current = indent;
  let currentLength = indent.length;
  for (const word of words) {
    const length = visibleLength(word);
    const start = current.trim() === '';
    if (!start && currentLength + 1 + length > width) {
      out.push(current);
      current = hang + word;
      currentLength = hang.length + length;
    } else {
      current += start ? word : ` ${word}`;
      currentLength += (start ? 0 : 1) + length;
    }
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
