// The last look before a question is kept: the finished prompt and answer are read again, word by word
// with the tagger's lexicon (no second pass of the tagger: that would cost a call per question), and a
// question is dropped when a reader would stumble: an answer that is a pronoun, an article, a letter or a
// word of its own prompt; a prompt with a doubled article, a dangling "for"/"of", unbalanced quotation
// marks, "did" before a past tense, no verb; a stem whose type word ("Which person ...?") the answer's own
// words contradict; a true/false statement that is not a plain statement of fitting length.

import type { QuestionDraft } from './questions.js';
import { BLANK, MAX_STATEMENT_WORDS } from './questions.js';
import type { Tagger } from './tagger.js';
import { foldName, wordFinder } from './text.js';
import { AUXILIARIES, MONTHS, ORGANISATION_WORDS, TITLE_HEADS, WEEKDAYS } from './vocabulary.js';

const ARTICLES = new Set(['a', 'an', 'the']);
const DANGLING = new Set(['of', 'for', 'and', 'or', 'the', 'a', 'an', 'to', 'in', 'on', 'with', 'by', 'at', 'from', 'as', 'than', 'that', 'its', 'their', 'his', 'her']);
/** Words no sentence ends on. */
const ENDLESS = new Set(['of', 'the', 'a', 'an', 'and', 'or', 'its', 'their', 'his', 'her']);
const HONORIFICS = /^(mr|mrs|ms|mx|dr|prof|sir|dame|rev|st|jr|sr)\.?$/i;
const CALENDAR = new Set([...MONTHS, ...WEEKDAYS].map((w) => w.toLowerCase()));

function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}.’'-]*/gu) ?? [];
}

/** Why an answer cannot be an answer (a pronoun, an article, a letter, an honorific alone), or null. */
export function badAnswer(answer: string, tagger: Tagger): string | null {
  const text = answer.trim().replace(/^the\s+/i, '');
  const bare = text.replace(/[.’'"“”]/g, '');
  if (bare.length <= 1) return `the answer "${answer}" is a single character`;
  const lower = text.toLowerCase();
  if (ARTICLES.has(lower)) return `the answer "${answer}" is an article`;
  if (tagger.lexicon(lower).includes('Pronoun')) return `the answer "${answer}" is a pronoun`;
  if (HONORIFICS.test(text)) return `the answer "${answer}" is only an honorific`;
  if (/^(?:\p{Lu}\.)+$/u.test(text) && text.length <= 4) return `the answer "${answer}" is only initials`;
  return null;
}

/** Why the answer's own words say it is not of the type the stem names, or null. */
export function typeMismatch(typeWord: string, answer: string, tagger: Tagger): string | null {
  const list = words(answer.replace(/^the\s+/i, ''));
  if (list.length === 0) return null;
  const lower = list.map((w) => w.toLowerCase().replace(/[’']s$/, ''));
  const whole = tagger.lexicon(lower.join(' '));
  const last = lower[lower.length - 1] ?? '';
  const tagsOfLast = tagger.lexicon(last);
  switch (typeWord) {
    case 'person': {
      if (lower.every((w) => TITLE_HEADS.has(w) || HONORIFICS.test(w) || tagger.lexicon(w).includes('Actor'))) return `"${answer}" is a title, not a person`;
      if (lower.some((w) => CALENDAR.has(w))) return `"${answer}" is a date, not a person`;
      if (whole.some((t) => t === 'Country' || t === 'City' || t === 'Region' || t === 'Place')) return `"${answer}" is a place, not a person`;
      if (lower.some((w) => ORGANISATION_WORDS.has(w))) return `"${answer}" is an organisation, not a person`;
      if (list.length === 1 && (tagsOfLast.includes('Demonym') || (tagsOfLast.includes('Plural') && !tagsOfLast.includes('LastName')))) return `"${answer}" is a group, not a person`;
      if (/\d/.test(answer)) return `"${answer}" has digits, not a person's name`;
      return null;
    }
    case 'place':
    case 'city':
    case 'country':
    case 'county': {
      if (lower.some((w) => CALENDAR.has(w)) || /\d/.test(answer)) return `"${answer}" is a date or a number, not a place`;
      if (list.length >= 2 && tagger.lexicon(lower[0] ?? '').some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName') && !whole.length) return `"${answer}" reads as a person's name, not a place`;
      if (lower.some((w) => ORGANISATION_WORDS.has(w))) return `"${answer}" is an organisation, not a place`;
      return null;
    }
    case 'organisation':
      if (lower.some((w) => CALENDAR.has(w)) || /^\d/.test(answer)) return `"${answer}" is a date or a number, not an organisation`;
      if (list.length >= 2 && lower.every((w, i) => i === 0 ? tagger.lexicon(w).some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName') : !ORGANISATION_WORDS.has(w)) && list.length <= 3) {
        return `"${answer}" reads as a person's name, not an organisation`;
      }
      return null;
    case 'date':
    case 'day':
    case 'month':
    case 'year':
      return /\d/.test(answer) || lower.some((w) => CALENDAR.has(w)) ? null : `"${answer}" names no date`;
    case 'number':
    case 'amount':
    case 'percentage':
      return /\d/.test(answer) || lower.some((w) => /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million|billion|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|half)/.test(w)) ? null : `"${answer}" is no number`;
    default:
      return null;
  }
}

/**
 * Round 26: "Professor Ana Varno told the BBC that.": a verb of saying or thinking, a few words, then "that"
 * at the end; what was said was cut away (a clause before it was taken out, or the sentence split there).
 */
const SAYING_CUT = /\b(?:said|say|says|told|tell|tells|added|adds|stated|states|noted|notes|explained|explains|argued|argues|claimed|claims|warned|warns|announced|announces|reported|reports|wrote|writes|believed|believes|thought|thinks|insisted|insists|suggested|suggests|agreed|admitted|confirmed|confirms|denied|denies)\b(?:\s+[\p{L}\p{N}'’._-]+){0,4}\s+that\s*[.!?]?[”"’]*\s*$/iu;

/** Why a prompt does not read as English a learner can follow, or null. */
export function badGrammar(prompt: string, kind: QuestionDraft['kind'], tagger: Tagger): string | null {
  if (/\b(the|a|an) (the|a|an)\b/i.test(prompt)) return 'a doubled article';
  if (/(?:^|\s)['’]s?(?:\s|$)/.test(prompt)) return 'a stray apostrophe (a possessive without its owner)';
  const curlyOpen = (prompt.match(/“/g) ?? []).length;
  const curlyClose = (prompt.match(/”/g) ?? []).length;
  if (curlyOpen !== curlyClose || (prompt.match(/"/g) ?? []).length % 2 === 1) return 'unbalanced quotation marks';
  if (/\?[”"]/.test(prompt) && kind === 'short-answer') return 'a question mark inside a quotation';
  if (SAYING_CUT.test(prompt)) return 'a verb of saying whose clause is cut off ("told reporters that.")';
  const blanks = prompt.split(BLANK).length - 1;
  if (kind === 'cloze' && blanks !== 1) return `${blanks} blanks in a cloze`;
  // What stands before the question mark or full stop: not a word that needs something after it.
  const ending = /([\p{L}’']+)[\s”"’]*[?.!]?[”"’]*\s*$/u.exec(prompt.replace(/\s*Select all that apply\.$/, ''));
  // A question must not end on a word that needs more; a sentence from the article may ("... added in.").
  const dangling = kind === 'short-answer' || kind === 'choice' ? DANGLING : ENDLESS;
  if (ending !== null && dangling.has((ending[1] ?? '').toLowerCase()) && !prompt.trimEnd().endsWith(`${BLANK}.`)) return `a dangling "${ending[1]}" at the end`;
  if (/\b(?:of|the|a|an|and) [.?,]/i.test(prompt)) return 'a dangling word before punctuation';
  if (kind === 'short-answer' || kind === 'choice') {
    // "When did When Ruiz win ...": a capitalised function word inside a question is a clause cut wrong.
    if (/\b(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could)\s+(?:When|While|After|Before|Because|Although|If|As|The|A|An|In|On|At)\b/.test(prompt)) return 'a capitalised word inside the question (a clause cut in the wrong place)';
    // Round 19: "Which organisation have 3 each?": one organisation asked with a plural verb (the key is two).
    if (/^(?:According to the article, )?which (?:person|organisation|country|place|city|team|company)\s+(?:have|are|were)\b/iu.test(prompt)) return 'a singular "which" asked with a plural verb';
    // Round 18: "Where did who serve as ...": a relative pronoun read as the subject.
    if (/^(?:According to the article, )?(?:who|what|where|when|which \p{L}+|how many [\p{L} ]+?|how much)\s+(?:did|does|do|was|were|is|are|has|have|had|will|would|can|could)\s+(?:who|whom|which|whose)\b/iu.test(prompt)) return 'a relative pronoun read as the subject';
    const list = words(prompt);
    const aux = list.findIndex((w) => /^(did|does|do)$/i.test(w));
    if (aux >= 0) {
      for (const word of list.slice(aux + 1, aux + 9)) {
        if (/^\p{Lu}/u.test(word)) continue;
        const tags = tagger.lexicon(word.toLowerCase());
        if (tags.includes('PastTense') && !tags.includes('Infinitive') && !tags.includes('Participle') && !tags.includes('Adjective')) return `"${word}" after "${list[aux]}" (a past tense where the base form belongs)`;
        if (tags.includes('Infinitive') || tags.includes('PresentTense')) break;
      }
    }
    // "How many asylum seekers whose did fishermen rescue boat sank?", "How many senior has ...": the count's
    // noun phrase was cut from a clause about it, or lost its noun.
    const howMany = /^(?:According to the article, )?how many ((?:[\p{L}'’-]+ ){1,6}?)(?:did|does|do|has|have|had|was|were|is|are|will|would|can|could)\b/iu.exec(prompt);
    if (howMany !== null) {
      const noun = (howMany[1] ?? '').trim().split(/\s+/);
      if (noun.some((w) => /^(?:whose|who|whom|which|that|where)$/i.test(w))) return 'a "How many" stem with a clause about its noun cut into it';
      const last = (noun[noun.length - 1] ?? '').toLowerCase();
      const tags = tagger.lexicon(last);
      if (tags.includes('Adjective') && !tags.some((t) => t === 'Noun' || t === 'Plural' || t === 'Singular')) return `a "How many" stem whose noun is missing ("${last}" is an adjective)`;
    }
    if (/^(who|what|when|where|which|how)\b/i.test(prompt)) {
      const verb = list.slice(1).some((w) => {
        const tags = tagger.lexicon(w.toLowerCase());
        return AUXILIARIES.has(w.toLowerCase()) || tags.some((t) => t === 'PastTense' || t === 'PresentTense' || t === 'Infinitive' || t === 'Verb' || t === 'Copula' || t === 'Modal');
      });
      if (!verb && !/completes? this sentence|title in the article/.test(prompt)) return 'no verb';
    }
  }
  return null;
}

/** Why a true/false statement is not fit to judge, or null. */
function badStatement(prompt: string): string | null {
  const statement = prompt.replace(/^True or false:\s*/, '');
  if (/\?[”"’]?$/.test(statement)) return 'a question, neither true nor false';
  const count = statement.split(/\s+/).filter((w) => w !== '').length;
  if (count > MAX_STATEMENT_WORDS) return `over ${MAX_STATEMENT_WORDS} words`;
  if (count < 5) return 'a fragment';
  return null;
}

/** Small words that carry a name on ("Harbour Man of the Year"); an unsure name also takes "y". */
const LINKS_SURE = 'of|for|de|del|du|von|van';
const LINKS = 'of|for|de|del|du|von|van|y';
const LINK_AFTER_SURE = new RegExp(`^\\s+(?:${LINKS_SURE})\\s+(?:the\\s+)?\\p{Lu}`, 'u');
const LINK_AFTER = new RegExp(`^\\s+(?:${LINKS})\\s+(?:the\\s+)?\\p{Lu}`, 'u');
const LINK_BEFORE_SURE = new RegExp(`\\p{Lu}[\\p{L}.’'-]*\\s+(?:${LINKS_SURE})\\s+(?:the\\s+)?$`, 'u');
const LINK_BEFORE = new RegExp(`\\p{Lu}[\\p{L}.’'-]*\\s+(?:${LINKS})\\s+(?:the\\s+)?$`, 'u');

/**
 * Whether the key asked is a piece of a longer name: "Harbour Man" of "Harbour Man of the Year",
 * "Homeland Security Departments" of "State and Homeland Security Departments".
 */
export function cutName(around: { before: string; after: string }, sure = true, lexicon?: (word: string) => readonly string[], answer = ''): boolean {
  // "Flathead Search" of "Flathead Search and Rescue": "and" and one capitalised common word end the name.
  const joined = /^\s+and\s+(\p{Lu}\p{Ll}+)(?=\s*(?:[,.;)]|$|\s+\p{Ll}))/u.exec(around.after)?.[1];
  if (joined !== undefined && lexicon !== undefined) {
    const tags = lexicon(joined.toLowerCase());
    if (tags.some((t) => t === 'Noun' || t === 'Singular' || t === 'Uncountable' || t === 'Infinitive') && !tags.some((t) => t === 'ProperNoun' || t === 'Place' || t === 'Person' || t.endsWith('Name'))) return true;
  }
  // "of", "for": a name goes on ("Harbour Man of the Year").
  if ((sure ? LINK_AFTER_SURE : LINK_AFTER).test(around.after)) return true;
  // "Vice President of _____" for "Sailors for Fair Harbours": a role held in a body of several words is
  // a title before a name, not a name going on (round 6; "President of the _____" is an office
  // held by title, often guessed: the rule stands).
  const role = /\b(?:President|Director|Chairman|Chairwoman|Chair|Secretary|Head|Chief|Founder|Member|Spokesman|Spokeswoman|Spokesperson|Dean|Governor|Manager|Officer|Commissioner|Leader|Executive)\s+of\s+$/.test(around.before) && /^\p{Lu}\S*(?:\s+\S+)+$/u.test(answer.replace(/^the /, ''));
  if (!role && (sure ? LINK_BEFORE_SURE : LINK_BEFORE).test(around.before)) return true;
  // A capitalised word glued on either side by a hyphen, a code after it ("XR1 bZ-7"), an abbreviation
  // going on ("Ph" of "Ph.D."): the name goes on.
  if (/^\.\p{Lu}\./u.test(around.after) || /^\s+\p{Ll}+\p{Lu}/u.test(around.after) || /^\s+\p{L}+\d/u.test(around.after)) return true;
  return /^[-‐‑]\p{Lu}/u.test(around.after) || /\p{Lu}[\p{L}]*[-‐‑]$/u.test(around.before);
}

/**
 * Round 18: where the words around a key show a longer name it belongs to, a reason; else null.
 * - "Control of Salt _____", "the critic site Operation _____", "the Harbour Council Sven _____": a
 *   capitalised word right before the key, inside the sentence, that is no title, month or day, begins the
 *   name (a people's name such as "Danish" does not; before a person, only a first name does).
 * - "the Kellin Research Safety, _____ and Fraud Group": the words of a name ending in a word such as
 *   "Group" may be listed with commas and "and"; one of them is no name of its own.
 * - "Harbour: _____", "_____: 2099": a title and its subtitle are joined by a colon.
 * - "Ghost in the _____": one everyday word, its type unsure, after "in the" or "on the" and a capitalised word,
 *   ends a title.
 * - "Harbour Council Idris Okonkwo": a key whose organisation word is followed by two capitalised words
 *   that are no English words is a body and a person run together.
 */
export function nameGoesOn(around: { before: string; after: string }, answer: string, type: string, sure: boolean, tagger: Tagger): string | null {
  // A number or a date is only checked for the colon of a title ("Harbour: 2099").
  if (['number', 'date', 'time'].includes(type) && !/\p{Lu}\p{Ll}+:\s$/u.test(around.before)) return null;
  const lexicon = (word: string): readonly string[] => tagger.lexicon(word.toLowerCase());
  // The word before must follow something inside the sentence, not open it (nor open a quote or a bracket).
  const before = /(\S)\s*(\p{Lu}\p{Ll}+) $/u.exec(around.before);
  if (before !== null && !/[.!?:;“"‘([]/u.test(before[1] ?? '') && /^\p{Lu}/u.test(answer)) {
    const word = before[2] ?? '';
    const title = TITLE_HEADS.has(word.toLowerCase());
    const dated = (MONTHS as readonly string[]).includes(word) || (WEEKDAYS as readonly string[]).includes(word);
    // Before a person the word is more often the end of a title ("Mayor of Kellin", "Secretary of State"):
    // only a first name there begins the name.
    const firstName = lexicon(word).some((tag) => tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName');
    const people = lexicon(word).includes('Demonym');
    if (!title && !dated && !people && (type !== 'person' || firstName) && !/^(?:The|A|An)$/.test(word)) return `"${word}" right before it begins the name`;
    // Round 19: before a person, a word that is no English word after another capitalised one ("the Refugee
    // Council Enver _____"), or any capitalised word after a title in lower case ("defence minister Sultan
    // _____"), begins the name too. ("Mayor of Kellin _____": after "of" it ends the title.)
    const previous = /(\S+)\s+\p{Lu}\p{Ll}+ $/u.exec(around.before)?.[1] ?? '';
    if (type === 'person' && !dated && !people && !/^(?:The|A|An)$/.test(word)) {
      if (!title && /^\p{Lu}[\p{L}-]*$/u.test(previous) && !tagger.englishWord(word.toLowerCase())) return `"${word}" right before it begins the name`;
      if (TITLE_HEADS.has(previous) && /^\p{Ll}+$/u.test(previous)) return `"${word}" after the title "${previous}" begins the name`;
    }
  }
  // "X, _____ and Y Group" and "_____, X and Y Group": a name's words listed with commas and "and".
  const listedAfter = /^\s+and\s+((?:\p{Lu}[\p{L}-]*\s+)*\p{Lu}[\p{L}-]*)/u.exec(around.after)?.[1];
  const firstListed = /^,\s+\p{Lu}[\p{L}-]*\s+and\s+((?:\p{Lu}[\p{L}-]*\s+)*\p{Lu}[\p{L}-]*)/u.exec(around.after)?.[1];
  const endsInBody = (run: string | undefined): boolean => run !== undefined && ORGANISATION_WORDS.has((run.split(/\s+/).at(-1) ?? '').toLowerCase());
  if ((endsInBody(listedAfter) && /\p{Lu}[\p{L}-]*,\s+$/u.test(around.before)) || endsInBody(firstListed)) return 'one of the words listed in a name';
  if (type !== 'person' && (/^:\s+(?:\d|\p{Lu})/u.test(around.after) || /\p{Lu}\p{Ll}+:\s$/u.test(around.before)) && /\p{Ll}\s+\S*$/u.test(around.before.replace(/\p{Lu}\p{Ll}+:\s$/u, ''))) return 'a title and its subtitle, joined by a colon';
  if (!sure && /^\p{Lu}\p{Ll}+$/u.test(answer) && tagger.englishWord(answer.toLowerCase()) && /\p{Lu}\p{Ll}*\s+(?:in|on|at)\s+the\s+$/u.test(around.before)) return 'an everyday word that ends a title';
  // Round 19: "the Kellin Campaign _____ to Prevent Gun Violence": a name goes on into "to" and a verb
  // written with a capital; "Euro_____- NATO": into a hyphen and a capital.
  const toVerb = /^\s+to\s+(\p{Lu}\p{Ll}+)\s+\p{Lu}/u.exec(around.after)?.[1];
  if (type !== 'person' && toVerb !== undefined && lexicon(toVerb).includes('Infinitive') && !lexicon(toVerb).some((tag) => tag === 'Place' || tag === 'Country' || tag === 'City')) return `the name goes on into "to ${toVerb}"`;
  if (/^[-‐]\s?\p{Lu}/u.test(around.after) && /^\p{Lu}[\p{L}]*$/u.test(answer)) return 'a name joined to the next by a hyphen';
  // Round 19: "Drax the _____" for "Destroyer": a name and its epithet, "the" between them, are one name.
  // (After a preposition the name ends a phrase: "In Kellin the Council said ...".)
  if (!sure && /^\p{Lu}\p{Ll}+$/u.test(answer) && /[\p{Ll},]\s+\p{Lu}\p{Ll}+\s+the\s+$/u.test(around.before) && !/(?:^|\s)(?:in|on|at|from|for|with|by|to|of|into|near)\s+\p{Lu}\p{Ll}+\s+the\s+$/iu.test(around.before)) return 'a name and its epithet ("X the Y")';
  // Round 19: "the Irish Airline Pilots' Association": a plural in the possessive, a capitalised word after
  // it, is inside the name.
  if (type !== 'person' && /s$/u.test(answer) && /^['’]\s+\p{Lu}/u.test(around.after)) return 'a plural possessive inside a name';
  if (type === 'organisation') {
    const words = answer.replace(/^the\s+/i, '').split(/\s+/);
    const at = words.findIndex((w, i) => i > 0 && i <= words.length - 3 && ORGANISATION_WORDS.has(w.toLowerCase()));
    const rest = at < 0 ? [] : words.slice(at + 1);
    if (rest.length >= 2 && rest.every((w) => /^\p{Lu}/u.test(w) && !tagger.englishWord(w.toLowerCase()))) return `a body and a person run together ("${words.slice(0, at + 1).join(' ')}" and "${rest.join(' ')}")`;
  }
  return null;
}

/** Why a finished question should not be kept ("self-check: ..."), or null when it reads well. */
export function selfCheck(draft: QuestionDraft, tagger: Tagger): string | null {
  const answers = typeof draft.answer === 'string' ? [draft.answer] : Array.isArray(draft.answer) ? draft.answer : [];
  if (draft.kind !== 'order' && draft.kind !== 'true-false') {
    for (const answer of answers) {
      const bad = badAnswer(answer, tagger);
      if (bad !== null) return `self-check: ${bad}`;
    }
  }
  const grammar = badGrammar(draft.prompt, draft.kind, tagger);
  if (grammar !== null) return `self-check: ${grammar}`;
  if (draft.kind === 'true-false') {
    const bad = badStatement(draft.prompt);
    return bad === null ? null : `self-check: ${bad}`;
  }
  if (draft.kind === 'cloze' || draft.kind === 'short-answer' || draft.kind === 'choice') {
    const answer = answers[0] ?? '';
    // "Ruiz" asked in a prompt that already says "Ana Ruiz": the answer is a word of its own prompt.
    const inPrompt = wordFinder(draft.prompt);
    if (answer !== '' && !/title in the article\?$/.test(draft.prompt) && inPrompt(answer.replace(/^the /, ''))) return `self-check: the answer "${answer}" is a word of its own prompt`;
    if (draft.around !== undefined && draft.entity !== null && !['number', 'date', 'time'].includes(draft.entity.type) && !draft.entity.subtype.startsWith('phrase') && cutName(draft.around, draft.entity.sure, (word) => tagger.lexicon(word), draft.entity.type === 'organisation' ? answer : '')) return `self-check: "${answer}" is part of a longer name in the article`;
    if (draft.around !== undefined && draft.entity !== null && !draft.entity.subtype.startsWith('phrase')) {
      const goesOn = nameGoesOn(draft.around, answer, draft.entity.type, draft.entity.sure, tagger);
      if (goesOn !== null) return `self-check: "${answer}" is part of a longer name in the article: ${goesOn}`;
    }
    if (draft.typeWord !== null && draft.typeWord !== undefined) {
      const mismatch = typeMismatch(draft.typeWord, answer, tagger);
      if (mismatch !== null) return `self-check: the stem asks for a ${draft.typeWord}, but ${mismatch}`;
    }
  }
  if (draft.choices !== undefined) {
    const folded = draft.choices.map(foldName);
    if (new Set(folded).size !== folded.length) return 'self-check: two choices are the same';
  }
  return null;
}
