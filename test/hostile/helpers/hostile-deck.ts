// Decks whose every piece of text carries terminal escape sequences and control characters: the data a
// malicious or broken deck could hold. The quotes are in article.txt word for word (hostile bytes and
// all), so the deck is valid and every command shows its text.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const ESC = '\u001b';
export const BEL = '\u0007';

/** Each hostile sequence on its own, by name. */
export const SEQUENCES = {
  clearScreen: `${ESC}[2J`,
  red: `${ESC}[31m`,
  setTitle: `${ESC}]0;pwned${BEL}`,
  hyperlink: `${ESC}]8;;http://x${ESC}\\`,
  bell: BEL,
  backspace: '\b',
  bareCr: '\r',
  nul: '\u0000',
  c1Csi: '\u009b2J',
  rlo: '\u202e',
  lri: '\u2066',
} as const;

/** All of them in one piece of text (no full stop or newline, so a sentence stays one sentence). */
export const HOSTILE = `${SEQUENCES.clearScreen}${SEQUENCES.red}${SEQUENCES.setTitle}${SEQUENCES.hyperlink}link${SEQUENCES.bell}ding${SEQUENCES.backspace}bs${SEQUENCES.bareCr}cr${SEQUENCES.nul}nul${SEQUENCES.c1Csi}${SEQUENCES.rlo}gnp${SEQUENCES.lri}iso`;

/** What a terminal must never be sent from data, in plain mode or a pipe (NO_COLOR): any C0 but LF and TAB, DEL, C1, bidi controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const FORBIDDEN_PLAIN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * The hostile sequences that must never reach a terminal, even where factdeck's own colours may. (The
 * deck's red, ESC [31m, cannot be told from factdeck's own red, so it is left out here; plain mode checks it.)
 */
export const FORBIDDEN_IN_TTY: readonly string[] = [
  `${ESC}]0;pwned`,
  `${ESC}]8;;`,
  `${ESC}[2J`,
  BEL,
  '\b',
  '\u0000',
  '\u009b',
  '\u202e',
  '\u2066',
];

/** The first forbidden character in `text` with some context, or null: for readable failures. */
export function firstForbidden(text: string, pattern: RegExp = FORBIDDEN_PLAIN): string | null {
  const match = pattern.exec(text);
  if (match === null) return null;
  const code = text.charCodeAt(match.index);
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} at ${match.index}: ${JSON.stringify(text.slice(Math.max(0, match.index - 60), match.index + 20))}`;
}

/** Which of ESC, BEL, BS, NUL, CR, and C1 CSI, RLO, LRI (as UTF-8) the raw bytes of an output hold, with where. */
export function forbiddenBytes(bytes: Buffer): string[] {
  const found: string[] = [];
  const probes: [string, Buffer][] = [
    ['ESC', Buffer.from([0x1b])],
    ['BEL', Buffer.from([0x07])],
    ['BS', Buffer.from([0x08])],
    ['NUL', Buffer.from([0x00])],
    ['CR', Buffer.from([0x0d])],
    ['C1 CSI (U+009B)', Buffer.from('\u009b', 'utf8')],
    ['RLO (U+202E)', Buffer.from('\u202e', 'utf8')],
    ['LRI (U+2066)', Buffer.from('\u2066', 'utf8')],
  ];
  for (const [name, probe] of probes) {
    const at = bytes.indexOf(probe);
    if (at !== -1) found.push(`${name} at byte ${at}: ${JSON.stringify(bytes.subarray(Math.max(0, at - 40), at + 10).toString('utf8'))}`);
  }
  return found;
}

export interface HostileDeckOptions {
  /** The folder name and deck id (default "hostile"). */
  id?: string;
  /** The deck's "id" field when it should differ from the folder name. */
  deckId?: string;
  /** The text put into every string of the deck (default HOSTILE). */
  payload?: string;
}

export interface HostileDeckFiles {
  dir: string;
  deck: Record<string, unknown>;
  article: string;
}

/** A deck with one question of each kind, all of its text laced with `payload`; valid as a deck. */
export function hostileDeck(options: HostileDeckOptions = {}): { deck: Record<string, unknown>; article: string } {
  const h = options.payload ?? HOSTILE;
  const id = options.deckId ?? options.id ?? 'hostile';
  const sentences = [
    `The minister ${h} visited Beijing on Tuesday.`,
    `The talks ${h} lasted three hours.`,
    `A statement ${h} followed the talks.`,
  ];
  const article = `Hostile headline ${h}\n\n${sentences.join(' ')}\n`;
  const deck = {
    schemaVersion: 1,
    id,
    title: `Hostile ${h} deck`,
    source: { headline: `Headline ${h}`, dateline: `Dateline ${h}`, date: '2023-06-14' },
    origin: 'hand',
    facts: [
      { id: 'f-visit', statement: `The minister ${h} visited Beijing.`, quote: `The minister ${h} visited Beijing`, topic: `visit ${h}` },
      { id: 'f-talks', statement: `The talks ${h} lasted three hours.`, quote: `talks ${h} lasted three hours`, topic: `talks ${h}` },
      { id: 'f-statement', statement: `A statement ${h} followed.`, quote: `A statement ${h} followed the talks`, topic: `visit ${h}` },
    ],
    questions: [
      {
        id: 'q-choice',
        factId: 'f-visit',
        kind: 'choice',
        prompt: `Which city did the minister visit ${h}?`,
        choices: [`Beijing ${h}`, `Tokyo ${h}`, 'Paris'],
        answer: `Beijing ${h}`,
        explanation: `Explained ${h} by the article`,
      },
      {
        id: 'q-true-false',
        factId: 'f-talks',
        kind: 'true-false',
        prompt: `True or false ${h}: the talks lasted three hours`,
        answer: true,
        explanation: `Three hours ${h} of talks`,
      },
      {
        id: 'q-cloze',
        factId: 'f-visit',
        kind: 'cloze',
        prompt: `The minister visited _____ on Tuesday ${h}`,
        answer: 'Beijing',
        accept: [`Peking ${h}`],
        explanation: `Cloze ${h} explanation`,
      },
      {
        id: 'q-short',
        factId: 'f-talks',
        kind: 'short-answer',
        prompt: `How long did the talks last ${h}?`,
        answer: `three hours ${h}`,
        accept: [],
        explanation: `Short ${h} explanation`,
      },
      {
        id: 'q-order',
        factId: 'f-statement',
        relatedFactIds: ['f-talks'],
        kind: 'order',
        prompt: `Put in order ${h}`,
        items: [`talks ${h}`, `statement ${h}`],
        answer: [`talks ${h}`, `statement ${h}`],
        explanation: `Order ${h} explanation`,
      },
      {
        id: 'q-multi',
        factId: 'f-statement',
        kind: 'multi-select',
        prompt: `Which does the article mention ${h}?`,
        choices: [`statement ${h}`, `talks ${h}`, 'a parade'],
        answer: [`statement ${h}`, `talks ${h}`],
        explanation: `Multi ${h} explanation`,
      },
    ],
  };
  return { deck, article };
}

/** Writes `hostileDeck(options)` as `<parent>/<id>/deck.json` and `article.txt`. */
export async function writeHostileDeck(parent: string, options: HostileDeckOptions = {}): Promise<HostileDeckFiles> {
  const dir = join(parent, options.id ?? 'hostile');
  const { deck, article } = hostileDeck(options);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'deck.json'), `${JSON.stringify(deck, null, 2)}\n`);
  await writeFile(join(dir, 'article.txt'), article);
  return { dir, deck, article };
}
