// Anki fields written with `#html:true` -> plain text: line-breaking tags become line breaks, other tags
// go, <style> and <script> go with their content, entities are decoded. A linear scanner (no nested
// lazy regexes), so a hostile 20 MB field costs one pass.

import { decodeHTMLStrict } from 'entities/decode';

/** Tags after which the text continues on a new line. */
const BREAKING = new Set(['br', 'div', 'p', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'ul', 'ol', 'table', 'blockquote']);
/** Elements whose content is not text. */
const HIDDEN = new Set(['style', 'script']);

/**
 * Entities as HTML defines them (all 2,231 names, decimal and hex numbers), decoded by the entities
 * library; only the strict form with its semicolon, so "R&D" or "AT&T" stay as written. A no-break space
 * becomes a plain one, as Anki's own text export does.
 */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTMLStrict(text).replace(/\u00a0/g, ' ') : text;
}

function tagName(tag: string): string {
  return /^<\/?([A-Za-z][A-Za-z0-9]*)/.exec(tag)?.[1]?.toLowerCase() ?? '';
}

export function htmlToText(html: string): string {
  let out = '';
  let i = 0;
  let noMoreClose = false; // no '>' after some point: every later '<' is a plain character
  const closers = new Map<string, boolean>(); // hidden element -> has no closing tag further on
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open === -1 || noMoreClose) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, open);
    const close = html.indexOf('>', open + 1);
    if (close === -1) {
      noMoreClose = true;
      i = open;
      continue;
    }
    const tag = html.slice(open, close + 1);
    const name = tagName(tag);
    if (name === '' && !tag.startsWith('<!--')) {
      // "a < b > c": not a tag.
      out += '<';
      i = open + 1;
      continue;
    }
    i = close + 1;
    if (tag.startsWith('<!--')) {
      const end = html.indexOf('-->', open + 4);
      i = end === -1 ? html.length : end + 3;
    } else if (HIDDEN.has(name) && !tag.startsWith('</')) {
      if (closers.get(name) === true) {
        i = html.length;
        continue;
      }
      const end = new RegExp(`</\\s*${name}\\s*>`, 'gi');
      end.lastIndex = i;
      const found = end.exec(html);
      if (found === null) {
        closers.set(name, true);
        i = html.length;
      } else {
        i = found.index + found[0].length;
      }
    } else if (name === 'br' || name === 'hr') {
      out += '\n';
    } else if (BREAKING.has(name) && out !== '' && !out.endsWith('\n')) {
      out += '\n';
    }
  }
  return decodeEntities(out)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
