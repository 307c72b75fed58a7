// Facts -> candidate questions of every kind, each with the reason it was dropped when a gate stops it:
// cloze and multiple choice on every key, who/where/when/how-many where the clause allows it, one
// true/false per fact (a key swapped for another of its kind, about half the time), multi-select where a
// clause lists several keys, role questions for titled people, and the dateline. Which candidates make the
// deck is decided later (select.ts); here every candidate is judged on its own.

import type { QuestionKind } from '../domain/deck.js';
import type { Random } from '../domain/random.js';
import { pickDistractors, pickRoleDistractors, type DistractorSource } from './distractors.js';
import type { FactDraft } from './facts.js';
import { isAskable } from './facts.js';
import type { Tagger } from './tagger.js';
import { capitalise, containsWords, foldName, squash, tidy } from './text.js';
import type { Clause, Entity, Mention } from './types.js';
import { whQuestion } from './wh.js';

export const BLANK = '_____';

export interface QuestionDraft {
  kind: QuestionKind;
  fact: FactDraft;
  related: FactDraft[];
  prompt: string;
  explanation: string;
  answer: string | boolean | string[];
  choices?: string[];
  items?: string[];
  accept?: string[];
  /** The entity the question asks for, when one: each entity should be asked at least once. */
  entity: Entity | null;
}

/** A question the builder considered: the draft, or why there is none. */
export interface Considered {
  kind: QuestionKind;
  fact: FactDraft;
  /** What the question would ask, for `--explain`. */
  text: string;
  answer: string;
  draft: QuestionDraft | null;
  dropped: string | null;
}

export interface QuestionContext {
  article: string;
  tagger: Tagger;
  source: DistractorSource;
  random: Random;
  /** Alternates true and false statements, from a seeded start: about half are false. */
  nextFalse: () => boolean;
  /** How many people hold each title (folded): a shared title cannot identify a person. */
  roleCounts: ReadonlyMap<string, number>;
}

const TYPE_NOUN: Record<Entity['type'], string> = {
  person: 'person',
  place: 'place',
  organisation: 'organisation',
  date: 'date',
  time: 'time',
  number: 'number',
  work: 'name',
  other: 'name',
};

/** The sentence a question comes from, without its dateline: what feedback shows. */
function sourceText(fact: FactDraft, article: string): string {
  const sentence = fact.clause.sentence;
  return squash(article.slice(sentence.dateline?.bodyStart ?? sentence.start, sentence.end));
}

function explanationOf(fact: FactDraft, article: string): string {
  return `The article says: “${sourceText(fact, article)}”`;
}

/** `text` (a clause at `offset`) with [from, to) replaced. */
function replaceSpan(text: string, offset: number, from: number, to: number, replacement: string): string {
  return text.slice(0, from - offset) + replacement + text.slice(to - offset);
}

function asSentence(text: string): string {
  // "by 4 p.m." swapped in before the sentence's own full stop makes one full stop, not two.
  const trimmed = tidy(text).replace(/[,;:]+$/, '').replace(/(?<!\.)\.\.(?!\.)/g, '.');
  return /[.!?”"’]$/.test(trimmed) ? capitalise(trimmed) : `${capitalise(trimmed)}.`;
}

/** The text a question shows as the answer: people, places and organisations by their fullest name. */
export function answerTextOf(mention: Mention): string {
  const { entity } = mention;
  return entity.type === 'person' || entity.type === 'place' || entity.type === 'organisation' || entity.type === 'work' ? entity.name : mention.text;
}

/** Other accepted answers: every other way the article writes it. */
function acceptFor(mention: Mention, answer: string): string[] {
  const folded = foldName(answer);
  const accept: string[] = [];
  for (const form of [mention.text, ...mention.entity.forms]) {
    if (foldName(form) !== folded && !accept.some((a) => foldName(a) === foldName(form))) accept.push(form);
  }
  return accept;
}

/** Why a prompt gives its answer away (the answer, or another way of writing it, is in it), or null. */
function giveaway(prompt: string, mention: Mention, answer: string): string | null {
  for (const form of [answer, mention.text, ...mention.entity.forms]) {
    if (containsWords(prompt, form)) return `the answer "${form}" also appears in the prompt`;
  }
  return null;
}

/** Where the "the" before a mention starts, when the clause has one right before it. */
function theBefore(clause: Clause, mention: Mention): number | null {
  const index = clause.tokens.findIndex((t) => t.start === mention.outerStart);
  const the = clause.tokens[index - 1];
  return the !== undefined && the.lower === 'the' ? the.start : null;
}

/** A sentence shown inside a prompt: in quotation marks, unless it has its own. */
function quoted(sentence: string): string {
  return /[“”"]/.test(sentence) ? sentence : `“${sentence}”`;
}

function shuffleChoices(random: Random, answer: string, wrong: readonly string[]): string[] {
  return random.shuffle([answer, ...wrong]);
}

function considered(kind: QuestionKind, fact: FactDraft, text: string, answer: string, draft: QuestionDraft | null, dropped: string | null): Considered {
  return { kind, fact, text, answer, draft, dropped };
}

/** The questions on one key of a clause: cloze, short answer (when a wh-question fits) and choice. */
function keyQuestions(fact: FactDraft, mention: Mention, context: QuestionContext): Considered[] {
  const { article } = context;
  const clause = fact.clause;
  const out: Considered[] = [];
  const explanation = explanationOf(fact, article);
  const blanked = asSentence(replaceSpan(clause.text, clause.start, mention.start, mention.end, BLANK));
  const answer = answerTextOf(mention);

  // Cloze: the clause with the key blanked.
  const clozeAnswer = mention.text;
  const clozeGiveaway = giveaway(blanked, mention, clozeAnswer);
  out.push(
    considered('cloze', fact, blanked, clozeAnswer, clozeGiveaway === null ? { kind: 'cloze', fact, related: [], prompt: blanked, explanation, answer: clozeAnswer, accept: acceptFor(mention, clozeAnswer), entity: mention.entity } : null, clozeGiveaway),
  );

  // Who / where / when / how many.
  const wh = whQuestion({ article, tokens: clause.tokens, end: clause.end, mentions: clause.mentions, mention, tagger: context.tagger });
  const typedAnswer = mention.entity.type === 'number' || mention.entity.type === 'date' || mention.entity.type === 'time' ? mention.text : answer;
  if (wh === null) {
    out.push(considered('short-answer', fact, '(no who/where/when question fits this clause)', typedAnswer, null, 'the clause has no plain subject-verb shape to turn into a question'));
  } else {
    const reason = giveaway(wh, mention, typedAnswer);
    out.push(
      considered('short-answer', fact, wh, typedAnswer, reason === null ? { kind: 'short-answer', fact, related: [], prompt: wh, explanation, answer: typedAnswer, accept: acceptFor(mention, typedAnswer), entity: mention.entity } : null, reason),
    );
  }

  // Multiple choice: the wh-question when there is one, else "complete the sentence". A name written
  // "the ..." is blanked with its "the", so every choice reads well in the blank.
  const named = mention.entity.type === 'place' || mention.entity.type === 'organisation';
  const theStart = named && mention.afterThe === true ? theBefore(clause, mention) : null;
  const withThe = wh === null && theStart !== null;
  const choiceAnswer = withThe ? `the ${answer}` : answer;
  const choiceBlanked = withThe ? asSentence(replaceSpan(clause.text, clause.start, theStart ?? mention.start, mention.end, BLANK)) : blanked;
  const prompt = wh ?? `Which ${TYPE_NOUN[mention.entity.type]} completes this sentence from the article? ${quoted(choiceBlanked)}`;
  const reason = giveaway(prompt, mention, answer);
  if (reason !== null) {
    out.push(considered('choice', fact, prompt, choiceAnswer, null, reason));
  } else {
    const wrong = pickDistractors(context.source, mention, answer, `${prompt} ${clause.text}`, 3, withThe);
    if (wrong.length < 2) {
      out.push(considered('choice', fact, prompt, choiceAnswer, null, `fewer than two good wrong choices of the same kind (${wrong.length}); the cloze asks it instead`));
    } else {
      const choices = shuffleChoices(context.random, choiceAnswer, wrong);
      out.push(considered('choice', fact, prompt, choiceAnswer, { kind: 'choice', fact, related: [], prompt, explanation, answer: choiceAnswer, choices, entity: mention.entity }, null));
    }
  }
  return out;
}

/** One true/false statement per fact: the clause as written, or with a key swapped for another of its kind. */
function trueFalse(fact: FactDraft, keys: readonly Mention[], context: QuestionContext): Considered | null {
  const clause = fact.clause;
  const mention = keys[context.random.int(keys.length)];
  if (mention === undefined) return null;
  const original = asSentence(clause.text);
  const makeFalse = context.nextFalse();
  if (makeFalse) {
    const answerShape = answerTextOf(mention);
    const theStart = mention.afterThe === true ? theBefore(clause, mention) : null;
    const named = mention.entity.type === 'place' || mention.entity.type === 'organisation';
    const [swap] = pickDistractors(context.source, mention, answerShape, clause.text, 1, named);
    if (swap !== undefined) {
      // Keep the shape of the name: "Lindqvist" is swapped for a surname, not for a full name; "the" goes
      // with the name that takes it ("in the United Kingdom" -> "in Lisbon").
      const shortened = mention.entity.type === 'person' && !mention.text.includes(' ') ? shortName(context, swap) : swap;
      const from = named && theStart !== null ? theStart : mention.start;
      const to = mention.tailEnd ?? mention.end;
      const statement = asSentence(replaceSpan(clause.text, clause.start, from, to, shortened));
      const prompt = `True or false: ${statement}`;
      const explanation = `False: the article says “${sourceText(fact, context.article)}”`;
      return considered('true-false', fact, prompt, 'false', { kind: 'true-false', fact, related: [], prompt, explanation, answer: false, entity: null }, null);
    }
  }
  const prompt = `True or false: ${original}`;
  const explanation = `True: the article says “${sourceText(fact, context.article)}”`;
  return considered('true-false', fact, prompt, 'true', { kind: 'true-false', fact, related: [], prompt, explanation, answer: true, entity: null }, null);
}

/** How the article names a person in one word ("Ruiz", "Okafor"); the last word for a name it never shortens. */
function shortName(context: QuestionContext, name: string): string {
  const person = (context.source.byType.get('person') ?? []).find((p) => p.name === name);
  const single = person?.forms.find((form) => !form.includes(' '));
  return single ?? name.split(' ').pop() ?? name;
}

const LIST_GAP = /^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/;

/** "in Baton Rouge and Hattiesburg": keys of one kind listed together make a multi-select question. */
function multiSelect(fact: FactDraft, keys: readonly Mention[], context: QuestionContext): Considered[] {
  const { article } = context;
  const clause = fact.clause;
  const out: Considered[] = [];
  let run: Mention[] = [];
  const flush = (): void => {
    // "Princeton, Texas" is a city and its state, not a list: a list ends with "and" or "or".
    const last = run[run.length - 1];
    const beforeLast = run[run.length - 2];
    const joined = last !== undefined && beforeLast !== undefined && /\b(and|or)\b/.test(article.slice(beforeLast.end, last.outerStart));
    if (run.length >= 2 && joined && new Set(run.map((m) => m.entity)).size === run.length) {
      const first = run[0] as Mention;
      const last = run[run.length - 1] as Mention;
      // "between the United Kingdom and Canada": the blank takes the "the", the choices carry their own.
      const theStart = first.afterThe === true ? theBefore(clause, first) : null;
      const withThe = theStart !== null;
      const blanked = asSentence(replaceSpan(clause.text, clause.start, theStart ?? first.outerStart, last.end, BLANK));
      const prompt = `Which of these complete this sentence from the article? ${quoted(blanked)} Select all that apply.`;
      const answer = run.map((m) => (withThe && m.entity.takesThe ? `the ${answerTextOf(m)}` : answerTextOf(m)));
      const wrong: string[] = [];
      for (const text of pickDistractors(context.source, first, answer[0] ?? '', `${prompt} ${clause.text}`, 4, withThe)) {
        if (!answer.some((a) => foldName(a) === foldName(text)) && wrong.length < 2) wrong.push(text);
      }
      const label = answer.join('; ');
      if (wrong.length === 0) out.push(considered('multi-select', fact, prompt, label, null, 'no wrong choices of the same kind to offer'));
      else {
        const choices = context.random.shuffle([...answer, ...wrong]);
        out.push(considered('multi-select', fact, prompt, label, { kind: 'multi-select', fact, related: [], prompt, explanation: explanationOf(fact, article), answer, choices, entity: first.entity }, null));
      }
    }
    run = [];
  };
  for (const mention of keys) {
    const previous = run[run.length - 1];
    const listable = ['person', 'place', 'organisation'].includes(mention.entity.type);
    if (previous !== undefined && listable && previous.entity.type === mention.entity.type && LIST_GAP.test(article.slice(previous.end, mention.outerStart))) {
      run.push(mention);
      continue;
    }
    flush();
    if (listable) run = [mention];
  }
  flush();
  return out;
}

/** The candidate questions on a fact drawn from a clause. */
export function clauseQuestions(fact: FactDraft, context: QuestionContext): Considered[] {
  const keys: Mention[] = [];
  for (const mention of fact.clause.mentions) {
    if (!isAskable(mention)) continue;
    if (keys.some((k) => k.entity === mention.entity)) continue;
    keys.push(mention);
  }
  const out: Considered[] = [];
  for (const mention of keys) out.push(...keyQuestions(fact, mention, context));
  const tf = trueFalse(fact, keys, context);
  if (tf !== null) out.push(tf);
  out.push(...multiSelect(fact, fact.clause.mentions.filter(isAskable), context));
  return out;
}

/** "Who is Norway’s Foreign Minister?" and "What is Ola Brekke’s title?" */
export function roleQuestions(fact: FactDraft, context: QuestionContext): Considered[] {
  const person = fact.person;
  const role = fact.role;
  const mention = fact.mention;
  if (person === undefined || role === undefined || mention === undefined) return [];
  const explanation = explanationOf(fact, context.article);
  const out: Considered[] = [];
  const theRole = /[’']s\b/.test(role) ? role : `the ${role}`;
  const who = `Who is ${theRole} named in the article?`;
  if ((context.roleCounts.get(foldName(role)) ?? 0) > 1) {
    out.push(considered('short-answer', fact, who, person.name, null, 'more than one person in the article holds this title'));
  } else {
    const reason = giveaway(who, mention, person.name);
    out.push(considered('short-answer', fact, who, person.name, reason === null ? { kind: 'short-answer', fact, related: [], prompt: who, explanation, answer: person.name, accept: acceptFor(mention, person.name), entity: person } : null, reason));
  }
  const possessive = person.name.endsWith('s') ? `${person.name}’` : `${person.name}’s`;
  const what = `What is ${possessive} title in the article?`;
  const wrong = pickRoleDistractors(context.source, person, role, what, 3);
  if (wrong.length < 2) out.push(considered('choice', fact, what, role, null, `fewer than two other titles to offer (${wrong.length})`));
  else {
    out.push(considered('choice', fact, what, role, { kind: 'choice', fact, related: [], prompt: what, explanation, answer: role, choices: shuffleChoices(context.random, role, wrong), entity: null }, null));
  }
  return out;
}

/** "From which place is the article datelined?" */
export function datelineQuestions(fact: FactDraft, context: QuestionContext): Considered[] {
  const mention = fact.mention;
  if (mention === undefined) return [];
  const prompt = 'From which place was the article filed (its dateline)?';
  const answer = mention.entity.name;
  const wrong = pickDistractors(context.source, mention, answer, prompt, 3);
  const explanation = `The article’s dateline reads “${fact.quote}”.`;
  if (wrong.length < 2) return [considered('choice', fact, prompt, answer, null, `fewer than two good wrong choices of the same kind (${wrong.length})`)];
  return [considered('choice', fact, prompt, answer, { kind: 'choice', fact, related: [], prompt, explanation, answer, choices: shuffleChoices(context.random, answer, wrong), entity: mention.entity }, null)];
}
