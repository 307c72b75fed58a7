// A long article for the build benchmark: the fixture articles' paragraphs, repeated and varied (numbers
// shifted, so sentences do not repeat word for word) until it has the words asked for. Deterministic.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/articles/', import.meta.url));

function paragraphs(): string[] {
  const out: string[] = [];
  for (const name of readdirSync(FIXTURES).sort()) {
    let text: string;
    try {
      text = readFileSync(join(FIXTURES, name, 'article.txt'), 'utf8');
    } catch {
      continue;
    }
    // Everything but the headline.
    out.push(...text.split('\n').slice(1).map((line) => line.trim()).filter((line) => line !== ''));
  }
  return out;
}

/** A plain-text article of at least `words` words (a headline, then paragraphs), the same every time. */
export function makeLongArticle(words: number): string {
  const source = paragraphs();
  const lines = ['Long Report Gathers Agency Updates on Storms, Spacecraft, Census Data and Aid'];
  let count = 0;
  for (let round = 0; count < words; round++) {
    for (const paragraph of source) {
      if (count >= words) break;
      // Vary the numbers a little each round: "22,000" -> "22,003".
      const varied = round === 0 ? paragraph : paragraph.replace(/\b(\d{2,3})(?=,\d{3}\b| (?:people|residents|miles|feet|responders))/g, (n) => String(Number(n) + round));
      lines.push(varied);
      count += varied.split(/\s+/).length;
    }
  }
  return `${lines.join('\n')}\n`;
}
