// Shell completion. `factdeck completion bash|zsh|fish` prints a small script for that shell (the files in
// completions/, shipped with the package). On every Tab the script runs `factdeck __complete SHELL --
// WORDS...` (the words typed so far, the one under the cursor last), which answers from the same commander
// definitions that make --help and the man page: the commands, their options, and for some values the
// live lists (deck ids, profiles, question kinds, export formats). One candidate per line,
// "value<TAB>description"; a line ":files" or ":dirs" asks the shell to complete file or folder names.

import { Help, type Command, type Option } from 'commander';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadAllDecks } from '../bank/load-decks.js';
import type { Context } from '../context.js';
import { QUESTION_KINDS } from '../domain/deck.js';
import { FACT_ORDERS } from '../domain/selection.js';
import { UsageError } from '../errors.js';
import { builtInQuestionsDir } from '../paths.js';
import { EXPORT_COMMAND_FORMATS } from './export.js';

export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

/** Where an option's or argument's values come from. */
type ValueSource = 'decks' | 'profiles' | 'files' | 'dirs' | readonly string[];

/** Values of options, by the option's name (its attribute: --new-per-day is newPerDay). */
const OPTION_VALUES: Readonly<Record<string, ValueSource>> = {
  deck: 'decks',
  profile: 'profiles',
  kind: QUESTION_KINDS,
  order: FACT_ORDERS,
  format: EXPORT_COMMAND_FORMATS,
  data: 'dirs',
  out: 'files',
};

/** Values of positional arguments, by the argument's name in the command's definition. */
const ARGUMENT_VALUES: Readonly<Record<string, ValueSource>> = {
  path: 'files',
  article: 'files',
  file: 'files',
  shell: COMPLETION_SHELLS,
};

export interface Candidate {
  value: string;
  description: string;
}

/** What to offer for the word under the cursor, decided from the definitions alone. */
export interface CompletionPlan {
  /** Fixed candidates (commands, options, listed values), already filtered by what was typed. */
  candidates: Candidate[];
  /** A live list or the file system to consult for the value being typed. */
  source: 'decks' | 'profiles' | 'files' | 'dirs' | null;
  /** What the value being typed starts with ("bl" in "--deck=bl"), and what goes before it ("--deck="). */
  typed: string;
  lead: string;
  /** --data as typed earlier on the line: where to look for profiles. */
  data: string | undefined;
}

function findOption(command: Command, flag: string): Option | undefined {
  return command.options.find((option) => option.long === flag || option.short === flag);
}

function takesValue(option: Option | undefined): boolean {
  return option !== undefined && (option.required || option.optional);
}

/** Plans the completion of the last of `words` (the words after `factdeck`; the last may be empty). */
export function planCompletion(program: Command, words: readonly string[]): CompletionPlan {
  const help = new Help();
  const before = words.slice(0, -1);
  const current = words.at(-1) ?? '';
  let command = program;
  let positionals = 0;
  let pending: Option | undefined;
  let onlyPositionals = false;
  let data: string | undefined;
  for (const word of before) {
    if (pending !== undefined) {
      if (pending.attributeName() === 'data') data = word;
      pending = undefined;
      continue;
    }
    if (!onlyPositionals && word === '--') {
      onlyPositionals = true;
      continue;
    }
    if (!onlyPositionals && word.startsWith('-') && word !== '-') {
      const [flag = word, inline] = word.split(/=(.*)/s);
      const option = findOption(command, flag) ?? findOption(program, flag);
      if (option?.attributeName() === 'data' && inline !== undefined) data = inline;
      if (takesValue(option) && inline === undefined) pending = option;
      continue;
    }
    const sub = command === program ? program.commands.find((candidate) => candidate.name() === word || candidate.aliases().includes(word)) : undefined;
    if (sub !== undefined) command = sub;
    else if (command === program && word === 'help') command = program;
    else positionals++;
  }

  const plan = (candidates: Candidate[], source: CompletionPlan['source'] = null, typed = current, lead = ''): CompletionPlan => ({
    candidates: candidates.filter((candidate) => candidate.value.startsWith(typed)).map((candidate) => ({ ...candidate, value: lead + candidate.value })),
    source,
    typed,
    lead,
    data,
  });
  const values = (source: ValueSource | undefined, typed: string, lead: string): CompletionPlan =>
    source === undefined ? plan([], null, typed, lead) : typeof source === 'string' ? plan([], source as CompletionPlan['source'], typed, lead) : plan(source.map((value) => ({ value, description: '' })), null, typed, lead);

  if (pending !== undefined) return values(OPTION_VALUES[pending.attributeName()], current, '');
  if (!onlyPositionals && current.startsWith('--') && current.includes('=')) {
    const [flag = current, typed = ''] = current.split(/=(.*)/s);
    const option = findOption(command, flag) ?? findOption(program, flag);
    return takesValue(option) && option !== undefined ? values(OPTION_VALUES[option.attributeName()], typed, `${flag}=`) : plan([]);
  }
  if (!onlyPositionals && current.startsWith('-')) {
    const options = help.visibleOptions(command).map((option) => ({ value: option.long ?? option.short ?? '', description: option.description }));
    return plan(options.filter((option) => option.value !== ''));
  }
  if (command === program) {
    const commands = help.visibleCommands(program).map((sub) => ({ value: sub.name(), description: sub.summary() || sub.description() }));
    return plan(commands);
  }
  const argument = command.registeredArguments[Math.min(positionals, command.registeredArguments.length - 1)];
  return values(argument === undefined ? undefined : ARGUMENT_VALUES[argument.name()], current, '');
}

/** Deck ids and profile names for a plan that needs them; nothing when they cannot be read. */
async function liveValues(context: Context, plan: CompletionPlan): Promise<Candidate[]> {
  if (plan.source === 'decks') {
    const reports = await loadAllDecks(builtInQuestionsDir(context.root));
    return reports.flatMap((report) => (report.loaded === null ? [] : [{ value: report.loaded.deck.id, description: report.loaded.deck.title }]));
  }
  if (plan.source === 'profiles') {
    const [{ readStore }, { summarizeProfiles }] = await Promise.all([import('./run-session.js'), import('./profiles.js')]);
    const store = await readStore(context, { data: plan.data });
    try {
      return summarizeProfiles(store.data()).map((profile) => ({ value: profile.name, description: `${profile.attempts} answer${profile.attempts === 1 ? '' : 's'}` }));
    } finally {
      await store.close();
    }
  }
  return [];
}

/** `factdeck __complete SHELL -- WORDS...`: candidates for the last word, one a line. Never an error. */
export async function completeCommand(context: Context, program: Command, args: readonly string[]): Promise<void> {
  const end = args.indexOf('--');
  const words = end === -1 ? args.slice(1) : args.slice(end + 1);
  const plan = planCompletion(program, words.length === 0 ? [''] : words);
  const lines: string[] = [];
  // A --deck or --data value that looks like a path is a folder on disk.
  const pathLike = /^[./~]/.test(plan.typed) || plan.typed.includes('/');
  if (plan.source === 'files' || plan.source === 'dirs') lines.push(`:${plan.source}`);
  else if (plan.source === 'decks' && pathLike) lines.push(':dirs');
  else {
    const live = await liveValues(context, plan).catch(() => []);
    const typedLive = live.filter((candidate) => candidate.value.startsWith(plan.typed)).map((candidate) => ({ ...candidate, value: plan.lead + candidate.value }));
    plan.candidates.push(...typedLive);
  }
  for (const candidate of plan.candidates) {
    const description = candidate.description.replace(/[\t\n\r]+/g, ' ').trim();
    lines.push(description === '' ? candidate.value : `${candidate.value}\t${description}`);
  }
  if (lines.length > 0) context.stdout.write(`${lines.join('\n')}\n`);
}

export function isCompletionShell(value: string): value is CompletionShell {
  return (COMPLETION_SHELLS as readonly string[]).includes(value);
}

/** The script for a shell: completions/factdeck.<shell>, shipped with the package. */
export function completionScriptFile(root: string, shell: CompletionShell): string {
  return join(root, 'completions', `factdeck.${shell}`);
}

/** `factdeck completion SHELL`: the script for that shell. */
export async function completionCommand(context: Context, shell: string): Promise<void> {
  if (!isCompletionShell(shell)) throw new UsageError(`no completion for "${shell.replace(/[^\x20-\x7e]/g, '?')}"`, `the shells are: ${COMPLETION_SHELLS.join(', ')}`);
  context.stdout.write(await readFile(completionScriptFile(context.root, shell), 'utf8'));
}

