// Pure renderers for quiz and review screens: header, progress, questions in plain mode, feedback with the
// article's sentence marked, and the end-of-run summary. They return text; the caller writes it. All text
// from decks passes through printable() here.

import { locateQuote } from '../domain/article.js';
import { describeAnswer, type Fact, type Given, type Question } from '../domain/deck.js';
import type { PresentedQuestion } from '../domain/selection.js';
import type { RunSummary } from '../session/run-state.js';
import { printable } from './printable.js';
import type { Style } from './style.js';
import { wrapText } from './wrap.js';

const KIND_LABEL: Record<Question['kind'], string> = {
  choice: 'multiple choice',
  'true-false': 'true or false',
  cloze: 'fill in the blank',
  'short-answer': 'short answer',
  order: 'put in order',
  'multi-select': 'select all that apply',
};

const clean = (text: string): string => printable(text, { singleLine: true });

export function kindLabel(kind: Question['kind']): string {
  return KIND_LABEL[kind];
}

/** Title, subtitle and a rule under them; within `width` columns (the rule never wraps). */
export function renderHeader(title: string, subtitle: string, style: Style, width?: number): string {
  const room = width ?? 60;
  const line = '─'.repeat(Math.max(1, Math.min(60, room, Math.max(20, clean(title).length + 4))));
  return `${wrapText(style.bold(clean(title)), width)}\n${wrapText(style.dim(subtitle), width)}\n${style.dim(line)}`;
}

/** "Question 3 of 10  [######--------------]": the bar shrinks to fit a narrow terminal. */
export function renderProgress(number: number, total: number, style: Style, retry = false, width?: number): string {
  const head = `Question ${number} of ${total}`;
  const again = retry ? '  (again)' : '';
  const cells = Math.min(20, (width ?? 80) - head.length - again.length - 4);
  const bar = (): string => {
    const done = total === 0 ? 0 : Math.round(((number - 1) / total) * cells);
    return `  ${style.cyan(`[${'#'.repeat(done)}${'-'.repeat(cells - done)}]`)}`;
  };
  return `${style.bold(head)}${cells >= 5 ? bar() : ''}${retry ? style.yellow(again) : ''}`;
}

/** The plain-mode question: prompt, numbered options and how to answer, one thing per line. */
export function renderPlainQuestion(presented: PresentedQuestion, number: number, total: number, retry = false): string {
  const { question, options } = presented;
  const lines = [`Question ${number} of ${total}${retry ? ' (again)' : ''} [${kindLabel(question.kind)}]`, clean(question.prompt)];
  options.forEach((option, i) => lines.push(`  ${i + 1}) ${clean(option)}`));
  const how: Record<Question['kind'], string> = {
    choice: 'Answer with a number.',
    'true-false': 'Answer true or false (t/f, or 1/2).',
    cloze: 'Type the missing words.',
    'short-answer': 'Type your answer.',
    order: 'Type the numbers in the right order, e.g. 2 1 3.',
    'multi-select': 'Type the numbers of every right choice, separated by commas.',
  };
  lines.push(`${how[question.kind]} An empty line: don't know.`);
  return lines.join('\n');
}

/** The sentence with the quote marked, and the answer inside it marked again. */
export function markSentence(sentence: string, quote: string, answer: string | null, style: Style, plain: boolean): string {
  const text = clean(sentence);
  const found = locateQuote(text, clean(quote));
  if (found === null) return text;
  const at = found.start;
  let inner = text.slice(found.start, found.end);
  if (answer !== null && answer.trim() !== '') {
    const a = clean(answer);
    const pos = inner.toLowerCase().indexOf(a.toLowerCase());
    if (pos !== -1) {
      const found = inner.slice(pos, pos + a.length);
      const marked = plain ? `*${found}*` : style.bold(style.yellow(found));
      inner = inner.slice(0, pos) + marked + inner.slice(pos + a.length);
    }
  }
  const quoted = plain ? `«${inner}»` : style.underline(inner);
  return text.slice(0, at) + quoted + text.slice(found.end);
}

export interface FeedbackInput {
  correct: boolean;
  typo: boolean;
  /** For a typo: the accepted spelling nearest to what was typed (else the answer is named). */
  spelling?: string | undefined;
  dontKnow: boolean;
  question: Question;
  fact: Fact | undefined;
  sentence: string | null;
  /** What was answered (null: don't know), and the choices in the order shown: select-all says each one's fate. */
  given?: Given;
  options?: readonly string[];
}

/** Select-all: each choice shown, ticked or not, and whether that was right. */
function choiceVerdicts(question: Extract<Question, { kind: 'multi-select' }>, given: readonly string[], options: readonly string[], style: Style, plain: boolean): string[] {
  const right = new Set(question.answer);
  const ticked = new Set(given);
  const shown = options.length > 0 ? options : question.choices;
  const lines = ['  Your ticks:'];
  for (const choice of shown) {
    const tick = ticked.has(choice) ? '[x]' : '[ ]';
    const fate = ticked.has(choice)
      ? right.has(choice)
        ? style.green(plain ? 'right' : '✔ right')
        : style.red(plain ? 'wrong: not in the answer' : '✘ wrong: not in the answer')
      : right.has(choice)
        ? style.red(plain ? 'missed: it is in the answer' : '✘ missed: it is in the answer')
        : style.dim('rightly left out');
    lines.push(`    ${tick} ${clean(choice)}  ${fate}`);
  }
  return lines;
}

/** `textMarks`: mark the quote and answer with «» and ** (when there is no colour to mark them). */
export function renderFeedback(input: FeedbackInput, style: Style, plain: boolean, textMarks = plain): string {
  const { question, fact } = input;
  const answer = clean(describeAnswer(question));
  const lines: string[] = [];
  if (input.correct) {
    const spelling = input.spelling === undefined ? answer : clean(input.spelling);
    lines.push(`${style.green(plain ? 'Correct.' : '✔ Correct.')}${input.typo ? ` (mind the spelling: ${spelling})` : ''}`);
  } else {
    const why = input.dontKnow ? "Wrong (don't know)." : 'Wrong.';
    lines.push(`${style.red(plain ? why : `✘ ${why}`)} The answer: ${style.bold(answer)}`);
  }
  if (question.kind === 'multi-select' && Array.isArray(input.given)) lines.push(...choiceVerdicts(question, input.given, input.options ?? [], style, plain));
  // A card imported from Anki has its back side as answer, explanation and fact alike: said once. A drafted
  // deck's explanation ("The article says: “...”") and fact are often its source sentence word for word: the
  // source line, shown last with the answer marked, says it once.
  const source = fact && input.sentence ? input.sentence : null;
  const said = source === null ? [answer] : [answer, source];
  const say = (text: string, label = ''): void => {
    if (said.some((before) => sameText(before, text))) return;
    said.push(text);
    lines.push(`  ${label}${text}`);
  };
  if (question.explanation) say(clean(question.explanation));
  if (fact) say(clean(fact.statement), `${style.dim('Fact:')} `);
  if (fact && source !== null) {
    const typed = question.kind === 'cloze' || question.kind === 'short-answer' || question.kind === 'choice' ? question.answer : null;
    lines.push(`  ${style.dim('Source:')} ${markSentence(source, fact.quote, typed, style, textMarks)}`);
  }
  return lines.join('\n');
}

/** The same words, whatever the case, spacing, final full stop, or a builder's "The article says: “...”" around them. */
export function sameText(a: string, b: string): boolean {
  const fold = (text: string): string =>
    text
      .replace(/^The article says:\s*[“"](.*)[”"]$/su, '$1')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/\.$/, '')
      .toLowerCase();
  return fold(a) === fold(b);
}

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
}

export interface SummaryContext {
  /** Facts of the deck still missed after the run (whatever this run covered). */
  stillMissed: number;
  /** The command that reviews them, as it can be pasted. */
  review: string;
}

export function renderSummary(summary: RunSummary, mode: 'quiz' | 'review', style: Style, after: SummaryContext): string {
  const lines: string[] = [];
  // Nothing answered (q at the first question): no score of 0/0 to show.
  if (summary.total > 0) lines.push(style.bold(`Score: ${summary.correct}/${summary.total} (${summary.percent}%)  ·  time ${formatDuration(summary.ms)}`));
  if (summary.byTopic.length > 0) {
    lines.push('By topic:');
    const width = Math.max(...summary.byTopic.map((t) => clean(t.topic).length));
    for (const topic of summary.byTopic) {
      lines.push(`  ${clean(topic.topic).padEnd(width)}  ${topic.correct}/${topic.total}`);
    }
  }
  if (mode === 'review' && summary.cleared.length > 0) {
    lines.push(`Learned this time (${summary.cleared.length}):`);
    for (const fact of summary.cleared) lines.push(`  ${style.green('+')} ${clean(fact.statement)}`);
  }
  if (summary.missed.length > 0) {
    lines.push(`Missed (${summary.missed.length}):`);
    for (const fact of summary.missed) lines.push(`  ${style.red('-')} ${clean(fact.statement)}`);
  }
  const still = `${after.stillMissed} fact${after.stillMissed === 1 ? '' : 's'}`;
  const review = clean(after.review);
  if (after.stillMissed > 0) {
    const what = mode === 'quiz' ? `Run \`${review}\` to go over what you missed (${still}).` : `${still} still to review: run \`${review}\` again${summary.missed.length > 0 ? ' later' : ''}.`;
    lines.push(style.dim(what));
  } else if (summary.total > 0 && summary.missed.length === 0) {
    lines.push(style.green(mode === 'quiz' ? 'Nothing missed. Well done.' : 'Nothing left to review. Well done.'));
  }
  return lines.join('\n');
}
