// A web page saved from a browser -> the article's text as the builder reads it: the headline on the
// first line, then the body's paragraphs, one a line (the dateline where the page writes one). Navigation,
// ads, share buttons, related links, captions and comments are left out. The page is parsed by linkedom
// (a light DOM) and its article found by Mozilla's Readability (the reader view of Firefox); both are
// loaded here only, so no other command pays for them.

/** Elements that are never the article's prose. */
const NEVER_PROSE = 'script, style, noscript, template, iframe, form, button, nav, aside, figure, figcaption, picture, video, audio, svg, [role=navigation], [role=complementary], [aria-hidden=true]';

/** A class or id naming page furniture: ads, promotions, sharing, related links, captions, comments. */
const FURNITURE = /^(ads?|advert|advertisement|sponsor|sponsored|promo|newsletter|related|share|sharing|sharedaddy|social|comments?|caption|credit|cookie|subscribe|paywall|byline|author|breadcrumbs?|tags?|most-read|trending|read-more|more-on-this-story|top-bar|wp-caption|skip-link|widget|widget-area)([-_][a-z0-9-]+)?$|[-_](ad|ads|advert|caption|share|related|tags)$/i;

/** Blocks whose text is a paragraph of the article. */
const BLOCKS = 'p, h2, h3, h4, li, blockquote';

const MIN_ARTICLE_CHARS = 120;

export interface ExtractedArticle {
  title: string;
  /** "LISBON" where the page marks a dateline apart from the text; null otherwise. */
  dateline: string | null;
  paragraphs: string[];
  /** What the builder reads (and the deck keeps as article.txt). */
  text: string;
}

interface DomNode {
  textContent: string | null;
  getAttribute(name: string): string | null;
  remove(): void;
  querySelectorAll(selector: string): Iterable<DomNode>;
  querySelector(selector: string): DomNode | null;
  tagName?: string;
  closest?(selector: string): DomNode | null;
}

const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

function isFurniture(element: DomNode): boolean {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.split(/\s+/).filter((n) => n !== '');
  return names.some((name) => FURNITURE.test(name));
}

function titleOf(document: DomNode, fallback: string | null | undefined): string {
  const meta = (selector: string): string => squash(document.querySelector(selector)?.getAttribute('content'));
  const h1 = squash(document.querySelector('article h1, main h1, h1')?.textContent);
  // A page title often carries the site's name: "Storm hits Lisbon | The Daily Tide".
  const fromTitle = squash(fallback).split(/\s+[|–—-]\s+/)[0] ?? '';
  return h1 || meta('meta[property="og:title"]') || fromTitle || '';
}

/** Parses the page and returns its article, or null when no article text can be found. */
export async function extractArticle(html: string): Promise<ExtractedArticle | null> {
  const [{ parseHTML }, { Readability }] = await Promise.all([import('linkedom'), import('@mozilla/readability')]);
  const { document } = parseHTML(html) as unknown as { document: DomNode & { title?: string } };
  const title = titleOf(document, document.title);
  const datelineNode = document.querySelector('[class*="dateline"], [itemprop="dateline"]');
  const dateline = squash(datelineNode?.textContent).replace(/\s*[—–-]\s*$/, '') || null;
  for (const element of [...document.querySelectorAll(NEVER_PROSE)]) element.remove();
  for (const element of [...document.querySelectorAll('[class], [id]')]) {
    if (element.tagName !== 'BODY' && element.tagName !== 'HTML' && isFurniture(element)) element.remove();
  }
  const parsed = new Readability(document as never, { charThreshold: 200 }).parse();
  if (parsed === null || parsed.content === null || parsed.content === undefined) return null;
  const body = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`) as unknown as { document: DomNode };
  const paragraphs: string[] = [];
  for (const block of body.document.querySelectorAll(BLOCKS)) {
    // A list item or quotation holding paragraphs is read through them.
    if (block.querySelector(BLOCKS) !== null) continue;
    const text = squash(block.textContent);
    if (text === '' || text === title || paragraphs.includes(text)) continue;
    paragraphs.push(text);
  }
  // A sentence or two is a page's furniture, not an article.
  if (paragraphs.join(' ').length < MIN_ARTICLE_CHARS) return null;
  if (dateline !== null && !paragraphs[0]?.toUpperCase().startsWith(dateline.toUpperCase())) paragraphs[0] = `${dateline} — ${paragraphs[0] ?? ''}`;
  const headline = title || squash(parsed.title);
  return { title: headline, dateline, paragraphs, text: `${[headline, ...paragraphs].join('\n')}\n` };
}
