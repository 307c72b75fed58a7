// The command line: parses arguments, dispatches to a command, and is the ONLY place that maps errors to
// messages and exit codes (0 ok, 1 failure, 2 usage error, 130 stopped by the user). Command modules are
// imported lazily so that `factdeck --version` and `--help` stay fast.

import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isatty } from 'node:tty';
import { join } from 'node:path';
import { acceptAnywhere, debugWanted, plainOnDumbTerminal, terminalAbilities } from './cli-conventions.js';
import { createClock } from './clock.js';
import type { Context } from './context.js';
import { DeckError, LeftError, ReportedFailure, StoppedError, UsageError } from './errors.js';
import { editDistance } from './grading/edit-distance.js';
import { packageRoot } from './paths.js';
import { printable } from './ui/printable.js';
import { isPromptExit } from './ui/prompt-exit.js';
import { resolveDataDir } from './storage/data-dir.js';

export const EXIT = { ok: 0, failure: 1, usage: 2, stopped: 130 } as const;

/** Options shared by the commands that use progress and decks. */
export interface CommonOptions {
  data?: string;
  profile: string;
  plain?: boolean;
  json?: boolean;
  debug?: boolean;
}

interface QuizCommandOptions extends CommonOptions {
  count: number;
  deck?: string;
  kind?: string[];
  topic?: string;
  seed?: number;
  learn?: boolean;
  order?: string;
}

function version(root: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`--count must be a whole number of 1 or more, not ${JSON.stringify(value)}`);
  }
  return n;
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) {
    throw new UsageError(`--seed must be a whole number, not ${JSON.stringify(value)}`);
  }
  return n;
}

function parseWhole(flag: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new UsageError(`${flag} must be a whole number, 0 or more, not ${JSON.stringify(value)}`);
    return Number(value);
  };
}

function parseRetention(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--retention must be a number such as 0.9, not ${JSON.stringify(value)}`);
  return n;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

const DATA_HELP = `
Where progress and your own decks (decks/) live: --data DIR, else $FACTDECK_DATA, else data/ in a
source checkout, else $XDG_DATA_HOME/factdeck (~/.local/share/factdeck) for an installed package.`;

function withProgressOptions(command: Command): Command {
  return command
    .option('--data <dir>', 'where progress is saved (also FACTDECK_DATA)')
    .option('--profile <name>', 'whose progress: several learners can share one machine', 'default')
    .option('--plain', 'plain line-by-line text: for pipes, scripts and screen readers')
    .addHelpText('after', () => {
      const here = resolveDataDir({ env: process.env, packageRoot: packageRoot(), homeDir: homedir(), cwd: process.cwd() });
      return `${DATA_HELP}\nHere that is: ${here.dir}\n`;
    });
}

function withQuizOptions(command: Command, mode: 'quiz' | 'review'): Command {
  const counted = withProgressOptions(command);
  if (mode === 'quiz') counted.option('-n, --count <n>', 'how many questions', parseCount, 10);
  else counted.option('-n, --count <n>', 'how many of the missed facts (default: all of them)', parseCount);
  return counted
    .option('--deck <id|path>', 'a deck id (yours or built-in, or the start of one), or a deck folder')
    .option('--kind <kind>', 'only this kind of question (repeatable): choice, true-false, cloze, short-answer, order, multi-select', collect)
    .option('--topic <topic>', 'only facts on this topic')
    .option('--seed <n>', `the same seed on the same progress gives the same ${mode === 'quiz' ? 'quiz' : 'questions, in the same order'}`, parseSeed)
    .option(
      mode === 'quiz' ? '--learn' : '--no-learn',
      mode === 'quiz'
        ? 'learn mode: a fact is asked with choices until answered right, then typed'
        : "not learn mode (review's default: a fact is asked with choices until answered right, then typed)",
    )
    .option(
      '--order <order>',
      mode === 'quiz'
        ? 'which facts first: due (cards due first), new (never answered first), hardest (lowest share right first), random (the default mix)'
        : 'which facts first: due (cards due first), hardest (lowest share right first), random (the default)',
    );
}

/** Commander's own messages in our words: what is wrong, then where to look. */
export function commanderMessage(text: string): string {
  return text
    .replace(/^error: /, 'factdeck: ')
    .replace(/option '(?:-\w, )?(--[\w-]+)(?: <[^>]+>)?' argument missing/, '$1 needs a value')
    .replace(/\n\(Did you mean (.+)\?\)/, ' (did you mean $1?)')
    .trimEnd();
}

/** What runs a command's task (buildProgram's caller keeps its outcome). */
type Runner = (task: () => Promise<void>) => Promise<void>;

/**
 * Every command's definition, in the order of --help. A run of one command defines that one alone
 * (buildProgram's `only`): defining all of them is ~5 ms of every start.
 */
const COMMANDS: Readonly<Record<string, (program: Command, context: Context, run: Runner) => void>> = {
  check: (program, context, run) => {
    program
      .command('check')
      .description('validate decks: every problem with its file, line, JSON path and a hint')
      .argument('[path]', 'a deck folder or deck.json (default: every deck, built-in and yours)')
      .option('--json', 'print the problems as JSON')
      .option('--data <dir>', 'the data folder whose decks/ are checked (also FACTDECK_DATA)')
      .action((path: string | undefined, options: { json?: boolean; data?: string }) =>
        run(async () => (await import('./commands/check.js')).checkCommand(context, path, options)),
      );
  },
  decks: (program, context, run) => {
    program
      .command('decks')
      .description('list your decks and the built-in ones: counts, suspended questions, your progress')
      .option('--data <dir>', 'where progress and your decks are (also FACTDECK_DATA)')
      .option('--profile <name>', 'whose progress', 'default')
      .option('--json', 'print the list as JSON')
      .action((options: { json?: boolean; data?: string; profile?: string }) => run(async () => (await import('./commands/decks.js')).decksCommand(context, options)));
  },
  rm: (program, context, run) => {
    program
      .command('rm')
      .description('remove one of your decks (kept in the decks folder\'s .replaced/); progress stays until reset')
      .argument('<deck>', 'the id of one of your decks')
      .option('--data <dir>', 'where progress and your decks are (also FACTDECK_DATA)')
      .option('--yes', 'do not ask (for scripts)')
      .option('--plain', 'no prompts: needs --yes')
      .action((deck: string, options: { data?: string; yes?: boolean; plain?: boolean }) => run(async () => (await import('./commands/rm.js')).rmCommand(context, deck, options)));
  },
  learn: (program, context, run) => {
    withProgressOptions(program.command('learn'))
      .description('an article (a .txt, a saved .html page, or - to paste) to a deck of yours and its quiz, in one step')
      .argument('<article>', 'a plain-text article, a web page saved from a browser (.html), or - for standard input')
      .option('--title <title>', 'the deck title (default: what the headline is about, without its outcome)')
      .option('--seed <n>', 'the same article and seed give the same deck', parseSeed)
      .option('-n, --count <n>', 'how many questions in the quiz', parseCount, 10)
      .action((article: string, options: CommonOptions & { title?: string; seed?: number; count: number }) =>
        run(async () => {
          await (await import('./commands/learn.js')).learnCommand(context, article, options);
        }),
      );
  },
  edit: (program, context, run) => {
    program
      .command('edit')
      .description("go through a deck's questions one screen each: keep, drop or fix them (saved at once, checked)")
      .argument('<deck>', 'a deck id (a built-in deck is copied to your decks first) or a deck folder')
      .option('--data <dir>', 'where progress and your decks are (also FACTDECK_DATA)')
      .option('--plain', 'one action a line, for scripts and screen readers (see --help)')
      .addHelpText(
        'after',
        `
Keys: Enter keeps the question and goes on, d drops it, p/a/o/c/s edit its prompt, answer, other
accepted answers, a choice, or its fact's statement; u undoes, ← goes back, / goes to a question, q quits.
--plain reads one action a line: an empty line keeps, d drops, "p TEXT", "a TEXT", "o A | B",
"c N TEXT", "s TEXT" edit, u undoes, b goes back, /N or /WORDS goes to a question, q quits.`,
      )
      .action((deck: string, options: { data?: string; plain?: boolean }) => run(async () => (await import('./commands/edit.js')).editCommand(context, deck, options)));
  },
  suspended: (program, context, run) => {
    program
      .command('suspended')
      .description('list the questions you suspended (x after the feedback)')
      .option('--deck <id|path>', 'only this deck')
      .option('--data <dir>', 'where progress is saved (also FACTDECK_DATA)')
      .option('--profile <name>', 'whose suspended questions', 'default')
      .option('--json', 'print the list as JSON')
      .action((options: CommonOptions & { deck?: string }) => run(async () => (await import('./commands/suspended.js')).suspendedCommand(context, options)));
  },
  unsuspend: (program, context, run) => {
    program
      .command('unsuspend')
      .description('bring suspended questions back into your runs')
      .argument('[ids...]', 'question ids, or the start of one (`factdeck suspended` lists them)')
      .option('--all', 'every suspended question (of --deck, if given)')
      .option('--deck <id|path>', 'only this deck')
      .option('--data <dir>', 'where progress is saved (also FACTDECK_DATA)')
      .option('--profile <name>', 'whose suspended questions', 'default')
      .action((ids: string[], options: CommonOptions & { deck?: string; all?: boolean }) =>
        run(async () => (await import('./commands/suspended.js')).unsuspendCommand(context, ids, options)),
      );
  },
  quiz: (program, context, run) => {
    withQuizOptions(program.command('quiz'), 'quiz')
      .description('a quiz of mixed kinds; feedback after each answer; score at the end')
      .action((options: QuizCommandOptions) => run(async () => (await import('./commands/quiz.js')).quizCommand(context, options)));
  },
  review: (program, context, run) => {
    withQuizOptions(program.command('review'), 'review')
      .description('the facts you missed, asked again until answered right')
      .action((options: Omit<QuizCommandOptions, 'count'> & { count?: number }) => run(async () => (await import('./commands/review.js')).reviewCommand(context, options)));
  },
  study: (program, context, run) => {
    withProgressOptions(program.command('study'))
      .description('spaced-repetition flashcards: what is due, flip, rate Again/Hard/Good/Easy')
      .option('--deck <id|path>', 'a deck id (yours or built-in), or a deck folder')
      .option('--new <n>', 'new cards to introduce today (default: the profile\'s setting, 10)', parseWhole('--new'))
      .option('--cram', 'go through all the cards without touching the schedule')
      .option('--seed <n>', 'the same order of choices on card fronts (and of cards in --cram) again', parseSeed)
      .action((options: CommonOptions & { deck?: string; new?: number; cram?: boolean; seed?: number }) =>
        run(async () => (await import('./commands/study.js')).studyCommand(context, options)),
      );
  },
  build: (program, context, run) => {
    program
      .command('build')
      .description('draft a deck from any article (plain text, or a page saved from a browser), offline')
      .argument('<article>', 'a plain-text article (UTF-8; its first line is taken as the headline), or a saved .html page')
      .option('--out <dir>', 'the deck folder to write (default: decks/<slug of the title> in the data folder)')
      .option('--data <dir>', 'the data folder whose decks/ it goes in (also FACTDECK_DATA)')
      .option('--title <title>', 'the deck title (default: what the headline is about, without its outcome)')
      .option('--seed <n>', 'the same article and seed give the same deck', parseSeed)
      .option('--explain', 'list every candidate question, kept or dropped, with the reason')
      .option('--force', 'replace an existing deck')
      .option('--json', 'print the summary as JSON')
      .action((article: string, options: { out?: string; data?: string; title?: string; seed?: number; explain?: boolean; force?: boolean; json?: boolean }) =>
        run(async () => (await import('./commands/build.js')).buildCommand(context, article, options)),
      );
  },
  export: (program, context, run) => {
    program
      .command('export')
      .description('write a deck as Anki text (TSV), CSV, JSON or an Anki package (.apkg)')
      .requiredOption('--format <format>', 'anki, csv, json or apkg')
      .option('--deck <id|path>', 'a deck id (yours or built-in), or a deck folder')
      .option('--out <file>', 'write to this file (default: standard output; for apkg, <deck id>.apkg)')
      .option('--raw', 'write cells as they are, even those a spreadsheet would run as formulas (= + - @)')
      .option('--force', 'replace the --out file if it exists')
      .option('--json', 'with --out: print what was written as JSON')
      .option('--all', 'include the questions you suspended (left out otherwise)')
      .option('--with-progress', "apkg: put the profile's schedule and review log in the package")
      .option('--profile <name>', 'whose suspended questions are left out, and whose schedule --with-progress takes', 'default')
      .option('--data <dir>', 'where progress and your decks are (also FACTDECK_DATA)')
      .action((options: { deck?: string; format: string; out?: string; raw?: boolean; force?: boolean; json?: boolean; all?: boolean; withProgress?: boolean; profile?: string; data?: string }) =>
        run(async () => (await import('./commands/export.js')).exportCommand(context, options)),
      );
  },
  import: (program, context, run) => {
    program
      .command('import')
      .description('make a deck from an Anki package (.apkg), an Anki text export, a CSV/TSV file (front, back, tags) or factdeck JSON')
      .argument('<file>', 'the file to import')
      .option('--out <dir>', 'the deck folder to write (default: decks/<slug of the title> in the data folder)')
      .option('--title <title>', "the deck title (default: the file's deck name, else its file name)")
      .option('--force', 'replace an existing deck')
      .option('--json', 'print the outcome (the deck written, or every problem) as JSON')
      .option('--strict', 'import nothing when any card cannot be imported (default: import the rest and list what was skipped)')
      .option('--with-progress', "apkg: bring the package's schedule and review log into the profile")
      .option('--profile <name>', 'whose progress, with --with-progress', 'default')
      .option('--data <dir>', 'where progress and your decks are (also FACTDECK_DATA)')
      .action((file: string, options: { out?: string; title?: string; force?: boolean; json?: boolean; strict?: boolean; withProgress?: boolean; profile?: string; data?: string }) =>
        run(async () => (await import('./commands/import.js')).importCommand(context, file, options)),
      );
  },
  doctor: (program, context, run) => {
    program
      .command('doctor')
      .description('check the database and history log, list backups, restore one')
      .option('--data <dir>', 'where progress is saved (also FACTDECK_DATA)')
      .option('--restore <backup>', 'put this backup back (a file name from the list, or "latest")')
      .option('--yes', 'restore without asking (for scripts)')
      .option('--plain', 'no colour')
      .option('--json', 'the findings as JSON')
      .action((options: { data?: string; restore?: string; yes?: boolean; json?: boolean; plain?: boolean }) =>
        run(async () => (await import('./commands/doctor.js')).doctorCommand(context, options)),
      );
  },
  stats: (program, context, run) => {
    program
      .command('stats')
      .description('scores over time, accuracy by topic and kind, missed facts, cards by state, due forecast, activity')
      .option('--data <dir>', 'where progress is saved (also FACTDECK_DATA)')
      .option('--profile <name>', 'whose progress', 'default')
      .option('--deck <id|path>', 'only this deck (default: every deck)')
      .option('--plain', 'plain ASCII charts, no colour')
      .option('--json', 'the numbers as JSON')
      .action((options: CommonOptions & { deck?: string }) => run(async () => (await import('./commands/stats.js')).statsCommand(context, options)));
  },
  config: (program, context, run) => {
    program
      .command('config')
      .description("show or set a profile's spaced-repetition settings")
      .option('--data <dir>', 'where progress is saved (also FACTDECK_DATA)')
      .option('--profile <name>', 'whose settings', 'default')
      .option('--retention <r>', 'desired retention, 0.70 to 0.99 (default 0.9)', parseRetention)
      .option('--new-per-day <n>', 'new cards a day in study (default 10)', parseWhole('--new-per-day'))
      .option('--day-start <hour>', 'the hour a new study day starts, local time (default 4)', parseWhole('--day-start'))
      .option('--reset-parameters', 'go back to the default FSRS parameters (after `optimize`)')
      .option('--json', 'print the settings as JSON')
      .action((options: CommonOptions & { retention?: number; newPerDay?: number; dayStart?: number; resetParameters?: boolean }) =>
        run(async () => (await import('./commands/profiles.js')).configCommand(context, options)),
      );
  },
  optimize: (program, context, run) => {
    program
      .command('optimize')
      .description("fit FSRS's parameters to the profile's own review history, and save them when you agree")
      .option('--data <dir>', 'where progress is saved (also FACTDECK_DATA)')
      .option('--profile <name>', 'whose reviews', 'default')
      .option('--yes', 'save the fitted parameters without asking (when they predict your history better)')
      .option('--plain', 'no prompt: show the fit, save only with --yes')
      .option('--json', 'the parameters and the fit as JSON')
      .action((options: CommonOptions & { yes?: boolean }) => run(async () => (await import('./commands/optimize.js')).optimizeCommand(context, options)));
  },
  profiles: (program, context, run) => {
    program
      .command('profiles')
      .description('list the profiles with their answers, sessions and cards')
      .option('--data <dir>', 'where progress is saved (also FACTDECK_DATA)')
      .option('--json', 'print the list as JSON')
      .action((options: { data?: string; json?: boolean }) => run(async () => (await import('./commands/profiles.js')).profilesCommand(context, options)));
  },
  reset: (program, context, run) => {
    program
      .command('reset')
      .description("delete one profile's progress, after a confirmation (a backup is kept)")
      .requiredOption('--profile <name>', 'whose progress to delete')
      .option('--data <dir>', 'where progress is saved (also FACTDECK_DATA)')
      .option('--yes', 'do not ask (for scripts)')
      .option('--json', 'print what was deleted as JSON')
      .action((options: CommonOptions & { yes?: boolean }) => run(async () => (await import('./commands/profiles.js')).resetCommand(context, options)));
  },
  completion: (program, context, run) => {
    program
      .command('completion')
      .description('print a shell completion script (commands, options, deck ids, profiles)')
      .argument('<shell>', 'bash, zsh or fish')
      .addHelpText(
        'after',
        `
Load it in this shell:     source <(factdeck completion bash)     (zsh: the same, after compinit)
                           factdeck completion fish | source
Or save it for every new shell, e.g.
  factdeck completion bash > ~/.local/share/bash-completion/completions/factdeck
  factdeck completion fish > ~/.config/fish/completions/factdeck.fish
`,
      )
      .action((shell: string) => run(async () => (await import('./commands/completion.js')).completionCommand(context, shell)));
  },
};

/** The name of every command, in the order of --help. */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

function isCommandName(word: string): boolean {
  return COMMAND_NAMES.includes(word);
}

/**
 * The command line's definitions. `only`: the one subcommand a run asks for (its name), the others left
 * out. Without it, every command (help, completion, the man page).
 */
function buildProgram(context: Context, run: Runner, only?: string): Command {
  const program = new Command('factdeck')
    .description('Learn an article by heart from the terminal: quizzes, review of missed facts, spaced repetition.')
    .version(version(context.root), '-v, --version', 'print the version')
    .option('--debug', 'show error details (stack traces) for bug reports')
    .option('--no-color', 'no colours (as does NO_COLOR; also TERM=dumb)')
    .showSuggestionAfterError(true)
    .enablePositionalOptions();

  for (const [name, define] of Object.entries(COMMANDS)) if (only === undefined || only === name) define(program, context, run);

  withProgressOptions(program)
    .option('--deck <id|path>', 'the deck for the menu\'s quiz and review')
    .action((options: QuizCommandOptions) => run(async () => (await import('./commands/menu.js')).menuCommand(context, options)));

  acceptAnywhere(program, version(context.root), (text) => context.stdout.write(text));
  plainOnDumbTerminal(program, context.env);
  return program;
}

/** The command definitions alone, for what is made from them at build time (the man page). */
export function describeProgram(root: string): Command {
  return buildProgram({ ...processContext(), root }, async () => undefined);
}

/** Turns any error into a message on stderr and an exit code. */
export function reportError(error: unknown, context: Pick<Context, 'stderr'>, debug: boolean): number {
  // Messages quote file names and data (a damaged file's bytes, a folder's name): never raw to the terminal.
  const say = (text: string): void => {
    context.stderr.write(`${printable(text)}\n`);
  };
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.usage; // commander already printed its message
  }
  const named = error as { name?: string; message?: string; hint?: string; file?: string };
  if (error instanceof UsageError || named.name === 'UsageError') {
    say(`factdeck: ${named.message}`);
    if (named.hint) say(`  ${named.hint}`);
    return EXIT.usage;
  }
  if (error instanceof StoppedError) {
    say(error.message);
    return EXIT.stopped;
  }
  // Ctrl+C (or Ctrl+D) at any prompt that did not say more itself: a deck picker, a confirmation.
  if (isPromptExit(error)) {
    say('\nStopped.');
    return EXIT.stopped;
  }
  if (error instanceof LeftError) return EXIT.ok;
  if (error instanceof ReportedFailure) return EXIT.failure;
  if (error instanceof DeckError || named.name === 'StorageError' || named.name === 'DeckError') {
    say(`factdeck: ${named.message}`);
    // A StorageError's message already says what to do; its hint repeats it.
    if (named.hint && named.name !== 'StorageError') say(`  ${named.hint}`);
    if (debug && error instanceof Error && error.stack) say(error.stack);
    return EXIT.failure;
  }
  say(`factdeck: unexpected error: ${named.message ?? String(error)}`);
  if (debug && error instanceof Error && error.stack) say(error.stack);
  else say('  run again with --debug for details, and please report it');
  return EXIT.failure;
}

export async function run(argv: readonly string[], context: Context): Promise<number> {
  let failure: unknown;
  const runTask = async (task: () => Promise<void>): Promise<void> => {
    try {
      await task();
    } catch (error) {
      failure = error;
    }
  };
  // `factdeck help quiz` is `factdeck quiz --help` (the menu's action would otherwise take the words).
  if (argv[0] === 'help') argv = [...argv.slice(1, 2), '--help'];
  const first = argv[0];
  // A run of one command defines that command alone; the menu, --help and completion define them all.
  const program = buildProgram(context, runTask, first !== undefined && isCommandName(first) ? first : undefined);
  program.exitOverride();
  program.configureOutput({
    writeOut: (text) => context.stdout.write(text),
    writeErr: (text) => context.stderr.write(text),
    outputError: (text, write) => write(`${commanderMessage(text)}\n  see \`factdeck --help\`\n`),
  });
  for (const command of program.commands) {
    command.exitOverride();
    command.configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
      outputError: (text, write) => write(`${commanderMessage(text)}\n  see \`factdeck ${command.name()} --help\`\n`),
    });
  }
  // The shell completion scripts ask here on every Tab (src/commands/completion.ts); never an error.
  if (argv[0] === '__complete') {
    await (await import('./commands/completion.js')).completeCommand(context, program, argv.slice(1)).catch(() => undefined);
    return EXIT.ok;
  }
  if (first !== undefined && !first.startsWith('-') && !isCommandName(first)) {
    const near = COMMAND_NAMES.filter((name) => editDistance(name, first) <= 2);
    context.stderr.write(`factdeck: unknown command '${first.replace(/[^\x20-\x7e]/g, '?')}'${near.length > 0 ? ` (did you mean ${near.join(' or ')}?)` : ''}\n  see \`factdeck --help\`\n`);
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    failure = error;
  }
  return failure === undefined ? EXIT.ok : reportError(failure, context, debugWanted(argv));
}

function processContext(): Context {
  const env = process.env;
  // Asked of the file descriptor: process.stdin (a stream, a socket for a pipe) is made only when first
  // read, after the first question is on screen.
  const { interactive, color } = terminalAbilities(env, { stdinIsTTY: isatty(0), stdoutIsTTY: Boolean(process.stdout.isTTY) }, process.argv.slice(2));
  return {
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    env,
    interactive,
    color,
    now: () => new Date(),
    cwd: process.cwd(),
    root: packageRoot(),
  };
}

const SIGNAL_EXIT: Record<string, number> = { SIGTERM: 143, SIGHUP: 129, SIGINT: 130 };

/**
 * SIGTERM, SIGHUP (a closed terminal) and SIGINT (Ctrl+C outside a prompt, as in --plain mode) end the run
 * the way Ctrl+C in a prompt does: the prompt is abandoned, a save in progress finishes and releases its
 * lock, the session is marked abandoned, and the process exits with 128 + the signal's number. Every
 * answer was saved when given, so a wind-down that hangs is cut short after a few seconds; a second signal
 * does not cut it shorter, since dying mid-save would leave a lock for the next run to wait out.
 */
function windDownOnSignals(stop: AbortController): () => string | null {
  let received: string | null = null;
  for (const signal of Object.keys(SIGNAL_EXIT)) {
    process.on(signal, () => {
      if (received !== null) return;
      received = signal;
      stop.abort(new Error(`stopped by ${signal}`));
      setTimeout(() => process.exit(SIGNAL_EXIT[signal] as number), 3_000).unref();
    });
  }
  return () => received;
}

export async function main(argv: readonly string[]): Promise<void> {
  const stop = new AbortController();
  const signalled = windDownOnSignals(stop);
  // A closed pipe (factdeck decks | head) is not an error worth a stack trace. The run winds down as on
  // SIGTERM (a save under way finishes and releases its lock), quietly, then exits 0.
  let pipeClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' || pipeClosed) return;
    pipeClosed = true;
    stop.abort(new Error('standard output was closed'));
    setTimeout(() => process.exit(EXIT.ok), 2_000).unref();
  });
  let context: Context;
  try {
    context = processContext();
    context.now = createClock(context.env);
    context.stop = stop.signal;
  } catch (error) {
    process.exitCode = reportError(error, { stderr: process.stderr }, debugWanted(argv));
    return;
  }
  const code = await run(argv, context);
  const signal = signalled();
  process.exitCode = pipeClosed ? EXIT.ok : signal === null ? code : (SIGNAL_EXIT[signal] as number);
}
