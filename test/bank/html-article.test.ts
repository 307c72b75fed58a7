// The saved pages in test/fixtures/html (four layouts of news site, see its README) turned into the
// article's text: the headline first, then the body's paragraphs, and none of the page's furniture.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/bank/html-article.js';

const page = (name: string): string => readFileSync(new URL(`../fixtures/html/${name}.html`, import.meta.url), 'utf8');

/** What each page must give: its title, its first paragraph and its last, and what must not be there. */
const CASES = [
  {
    name: 'wire-service',
    title: 'Storm Helena forces 12,000 from homes in Portugal',
    first: 'LISBON, Portugal (AP) — A powerful storm named Helena struck the coast of Portugal on Tuesday, March 3, forcing 12,000 people to leave their homes as rivers rose across the north of the country.',
    last: 'Schools in the two districts will stay closed until Friday, the education ministry said.',
    paragraphs: 6,
    absent: ['cookies', 'Business', 'Waves break', 'AP Photo', 'Advertisement', 'Related stories', 'Floods close schools', 'Share on', 'All rights reserved', 'By Ana Ferreira'],
  },
  {
    name: 'broadcaster',
    title: 'Maritime museum reopens after three-year restoration',
    first: 'The Maritime Museum in Falmouth has reopened to visitors after a restoration that took three years and cost £18 million.',
    last: 'Entry will be free for residents of Cornwall until the end of June, the museum said.',
    paragraphs: 6,
    absent: ['Skip to content', 'Watch live', 'Image caption', 'restored 19th-Century lifeboat', 'Related Topics', 'Museum roof torn off', 'Copyright', 'Priya Shah'],
  },
  {
    name: 'blog',
    title: 'Riverside council approves £42m budget with new bus routes',
    first: 'Riverside Borough Council approved a budget of £42 million for the coming year on Thursday night, after a debate that lasted almost four hours.',
    last: 'The first of the new routes is due to start running in September, the council said.',
    paragraphs: 5,
    absent: ['Events', 'A route 12 bus', 'Share this', 'Twitter', 'About time the north', 'Recent Posts', 'Library hours', 'WordPress', 'Tagged'],
  },
  {
    name: 'newspaper',
    title: "Kenya's Wanjiru wins Porto marathon in course record",
    first: 'PORTO — Grace Wanjiru of Kenya won the Porto marathon on Sunday in 2 hours 19 minutes and 40 seconds, a course record, finishing almost two minutes ahead of the field.',
    last: "The men's race was won by Joshua Kiprop, also of Kenya, in 2 hours 7 minutes.",
    paragraphs: 5,
    absent: ['Subscribe from', 'Sign in', 'Advertisement', 'Read more', '2030 world championships', 'newsletter', 'Sign up now', 'Most read', 'Douro', 'Athletics'],
  },
] as const;

describe('extractArticle: saved pages of several layouts', () => {
  it.each(CASES)('$name: the headline, then the body, one paragraph a line, without the furniture', async (expected) => {
    const article = await extractArticle(page(expected.name));
    expect(article).not.toBeNull();
    if (article === null) return;
    const lines = article.text.trimEnd().split('\n');
    expect(lines[0]).toBe(expected.title);
    expect(article.title).toBe(expected.title);
    expect(lines[1]).toBe(expected.first);
    expect(lines.at(-1)).toBe(expected.last);
    expect(article.paragraphs.length).toBeGreaterThanOrEqual(expected.paragraphs);
    for (const text of expected.absent) expect(article.text, text).not.toContain(text);
    expect(article.text.endsWith('\n')).toBe(true);
  });

  it('finds no article in a page that has none', async () => {
    expect(await extractArticle('<html><body><nav><a href="/">Home</a></nav><p>Hi.</p></body></html>')).toBeNull();
  });
});
