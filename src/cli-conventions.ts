// The conventions every command follows, kept apart from the command definitions in cli.ts:
// - `--debug`, `--no-color` and `-v`/`--version` (and the older `-V`) work anywhere on the line, before or
//   after the command name, as in git, gh and npm;
// - a terminal that cannot move its cursor (TERM=dumb, such as Emacs' shell) gets no colour and no prompts:
//   commands that have a --plain mode use it without being asked.

import { CommanderError, Option, type Command } from 'commander';
import { colorEnabled } from './ui/style.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** TERM=dumb: a terminal that shows text and nothing else (no colour, no cursor movement). */
export function isDumbTerminal(env: Env): boolean {
  return env['TERM'] === 'dumb';
}

/** What the terminal can do, decided once from the environment, the streams and the command line. */
export function terminalAbilities(env: Env, streams: { stdinIsTTY: boolean; stdoutIsTTY: boolean }, argv: readonly string[]): { interactive: boolean; color: boolean } {
  const dumb = isDumbTerminal(env);
  const beforeEnd = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  return {
    interactive: streams.stdinIsTTY && streams.stdoutIsTTY && !dumb,
    color: colorEnabled(env, streams.stdoutIsTTY) && !beforeEnd.includes('--no-color'),
  };
}

/** Whether --debug was given anywhere before a `--`. */
export function debugWanted(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--debug');
}

/**
 * Gives every subcommand the options the program itself takes anywhere on the line (hidden from the
 * subcommand's help: the program's help lists them once), and `-V` beside `-v, --version`.
 */
export function acceptAnywhere(program: Command, version: string, write: (text: string) => void): void {
  const printVersion = (): never => {
    write(`${version}\n`);
    throw new CommanderError(0, 'commander.version', version);
  };
  program.addOption(new Option('-V').hideHelp());
  program.on('option:V', printVersion);
  for (const command of program.commands) {
    command.addOption(new Option('--debug', 'show error details (stack traces) for bug reports').hideHelp());
    command.addOption(new Option('--no-color', 'no colours (as does NO_COLOR)').hideHelp());
    command.addOption(new Option('-v, --version', 'print the version').hideHelp());
    command.addOption(new Option('-V').hideHelp());
    command.on('option:version', printVersion);
    command.on('option:V', printVersion);
  }
}

/** On a dumb terminal, a command with a --plain mode runs in it unless told otherwise. */
export function plainOnDumbTerminal(program: Command, env: Env): void {
  if (!isDumbTerminal(env)) return;
  program.hook('preAction', (_program, command) => {
    const hasPlain = command.options.some((option) => option.long === '--plain');
    if (hasPlain && command.getOptionValue('plain') === undefined) command.setOptionValueWithSource('plain', true, 'env');
  });
}
