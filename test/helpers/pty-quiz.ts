// Taking a quiz or review in the pseudo-terminal the way a person does: read the question and its kind off
// the screen, press the keys that kind takes (a number, t/f, typed text and Enter, numbers for an order,
// ticks for a multi-select), and read the feedback. Every step waits for what the screen shows.

import { findShownQuestion, parseShownOptions, planAnswer, resolveOptions, type DeckFile, type DeckQuestion, type PlannedAnswer } from './cli-deck.js';
import { KEYS, type PtySession } from './pty-session.js';

/** How a prompt looks on screen, told by the help line it ends with. */
export type ShownKind = 'choice' | 'true-false' | 'typed' | 'order' | 'multi-select';

const PROMPT_END: ReadonlyArray<readonly [ShownKind, RegExp]> = [
  ['true-false', /t\/1 true · f\/2 false · 0\/d don't know/],
  ['choice', /pick at once · 0\/d don't know/],
  ['typed', /Enter on an empty line: don't know/],
  ['order', /type the order · Enter submit · d don't know/],
  ['multi-select', /tick that one · Enter submit · d don't know/],
];

const ANY_PROMPT_END = new RegExp(PROMPT_END.map(([, regex]) => regex.source).join('|'));

export function shownKindOf(kind: DeckQuestion['kind']): ShownKind {
  return kind === 'cloze' || kind === 'short-answer' ? 'typed' : kind;
}

export interface AskedQuestion {
  number: number;
  total: number;
  /** Marked "(again)": re-asked in review after a miss. */
  retry: boolean;
  shownKind: ShownKind;
  question: DeckQuestion;
  options: Map<number, string>;
  /** The screen from the progress line to the end of the prompt. */
  screen: string;
}

/**
 * Waits (from the session's mark) for the next "Question n of m" and its whole prompt, and reads the
 * question off the screen.
 */
export async function waitForQuestion(session: PtySession, deck: DeckFile, timeoutMs = 10_000): Promise<AskedQuestion> {
  await session.waitFor(/Question \d+ of \d+/, timeoutMs);
  const { text } = await session.waitFor(ANY_PROMPT_END, timeoutMs);
  const at = text.lastIndexOf('Question ');
  const screen = text.slice(at);
  const head = /^Question (\d+) of (\d+)([^\n]*)/.exec(screen);
  if (head === null) throw new Error(`no progress line in:\n${screen}`);
  const shownKind = PROMPT_END.find(([, regex]) => regex.test(screen))?.[0];
  if (shownKind === undefined) throw new Error(`no known prompt in:\n${screen}`);
  const question = findShownQuestion(deck, screen);
  return {
    number: Number(head[1]),
    total: Number(head[2]),
    retry: (head[3] ?? '').includes('(again)'),
    shownKind,
    question,
    options: resolveOptions(question, parseShownOptions(screen)),
    screen,
  };
}

const FEEDBACK = /(✔ Correct\.|✘ Wrong)[\s\S]*?Enter: next question[^\n]*q: quit/;

export interface Answered {
  asked: AskedQuestion;
  plan: PlannedAnswer;
  /** What the screen said: ✔ Correct or ✘ Wrong. */
  correct: boolean;
  /** The feedback as shown, to the end of the "Enter: next question · ... · q: quit" line. */
  feedback: string;
}

/**
 * A typed text as the screen echoes it: Inquirer breaks long lines at the terminal width, even inside a
 * word, so a line break may come between any two characters (and stands in for a space).
 */
function typedPattern(text: string): RegExp {
  const chars = [...text.trim()].map((char) => (/\s/.test(char) ? '\\s+' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(chars.join('\\n?'));
}

/** Types a text into a text prompt, waiting until the screen echoes all of it (Enter not pressed). */
export async function typeText(session: PtySession, text: string): Promise<void> {
  await session.press(text, typedPattern(text));
}

/** Presses the keys of `plan` up to (not including) the submitting key; returns that key. */
async function enterPlan(session: PtySession, plan: PlannedAnswer): Promise<string> {
  switch (plan.kind) {
    case 'choice':
      return String(plan.number);
    case 'true-false':
      return plan.value ? 't' : 'f';
    case 'typed':
      await typeText(session, plan.text);
      return KEYS.enter;
    case 'order': {
      const typed: number[] = [];
      for (const number of plan.numbers) {
        typed.push(number);
        const rest = plan.numbers.length - typed.length;
        await session.press(String(number), new RegExp(`your order: ${typed.join(' ')}${' _'.repeat(rest)}(?![ \\d_])`));
      }
      return KEYS.enter;
    }
    case 'multi-select':
      for (const number of plan.numbers) await session.press(String(number), new RegExp(`\\[x\\] ${number}\\)`));
      return KEYS.enter;
  }
}

/** Answers the question on screen with `plan` and waits for the feedback and the "Enter: next" line. */
export async function answerWith(session: PtySession, asked: AskedQuestion, plan: PlannedAnswer): Promise<Answered> {
  const submit = await enterPlan(session, plan);
  const { text, match } = await session.press(submit, FEEDBACK);
  return { asked, plan, correct: match[1] === '✔ Correct.', feedback: text };
}

/** Waits for the next question and answers it right (or wrong on purpose), reading it off the screen. */
export async function answerNext(session: PtySession, deck: DeckFile, right: boolean): Promise<Answered> {
  const asked = await waitForQuestion(session, deck);
  if (shownKindOf(asked.question.kind) !== asked.shownKind) {
    throw new Error(`question ${asked.question.id} is a ${asked.question.kind} question but the screen shows a ${asked.shownKind} prompt:\n${asked.screen}`);
  }
  return answerWith(session, asked, planAnswer(asked.question, asked.options, right));
}

/** Leaves the feedback with Enter; later waits look at what comes after. */
export function goOn(session: PtySession): void {
  session.mark();
  session.write(KEYS.enter);
}
