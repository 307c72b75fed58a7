// The man page, factdeck(1), rendered from the same commander definitions that print --help (so the two
// cannot disagree), plus the sections a man page has and --help has not: environment, files, exit status.
// Made by the build (bin/bundle.mjs) into dist/factdeck.1 and shipped in the package. Pure: no date in it,
// so two builds of one commit write the same bytes.

import { Help, type Command } from 'commander';

/** Text as roff reads it: backslashes and hyphens escaped, no line taken for a request. */
function roff(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .split('\n')
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n');
}

function bold(text: string): string {
  return `\\fB${roff(text)}\\fR`;
}

function section(title: string, ...lines: string[]): string[] {
  return [`.SH ${title}`, ...lines];
}

function tagged(term: string, body: string): string[] {
  return ['.TP', term, roff(body)];
}

function optionLines(help: Help, command: Command, keep: (long: string | undefined) => boolean = () => true): string[] {
  return help
    .visibleOptions(command)
    .filter((option) => option.long !== '--help' && keep(option.long))
    .flatMap((option) => tagged(bold(help.optionTerm(option)), help.optionDescription(option)));
}

/** The program's options that every command takes too (--debug, --no-color, --version): they go anywhere. */
function anywhereOptions(program: Command): Set<string | undefined> {
  const everywhere = (long: string | undefined): boolean => program.commands.every((command) => command.options.some((option) => option.long === long));
  return new Set(program.options.map((option) => option.long).filter(everywhere));
}

const ENVIRONMENT: ReadonlyArray<readonly [string, string]> = [
  ['FACTDECK_DATA', 'Where progress is saved, when --data is not given.'],
  ['XDG_DATA_HOME', 'An installed factdeck saves progress in $XDG_DATA_HOME/factdeck (default ~/.local/share/factdeck).'],
  ['XDG_CACHE_HOME', "The start-up cache (V8's compiled code) is kept in $XDG_CACHE_HOME/factdeck (default ~/.cache/factdeck); deleting it is always safe."],
  ['FACTDECK_CODE_CACHE', 'Set to 0 to neither read nor write the start-up cache.'],
  ['FACTDECK_THREADS', 'Set to 0 to keep an Anki export from reading the review log in a second thread (the same package, slower).'],
  ['NO_COLOR', 'When set and not empty, no colour (as --no-color).'],
  ['TERM', 'With TERM=dumb: no colour, no cursor movement, and commands that have a --plain mode use it.'],
  ['FACTDECK_NOW', "An ISO time to start the clock from (time runs on from it): to try out scheduling, or for demos."],
];

const EXIT_STATUS: ReadonlyArray<readonly [string, string]> = [
  ['0', 'Success.'],
  ['1', 'A failure: a broken deck or database, problems found by check or doctor.'],
  ['2', 'A usage error: a wrong flag or value, no terminal for an interactive command.'],
  ['130', 'Stopped with Ctrl+C (every answer given was saved).'],
  ['143, 129', 'Stopped by SIGTERM or SIGHUP (every answer given was saved).'],
];

export function renderManPage(program: Command, version: string): string {
  const help = new Help();
  const name = program.name();
  const anywhere = anywhereOptions(program);
  const lines: string[] = [
    `.TH ${name.toUpperCase()} 1 "" "${name} ${version}" "User Commands"`,
    ...section('NAME', `${name} \\- ${roff(help.commandDescription(program).replace(/\.$/, ''))}`),
    ...section('SYNOPSIS', `.B ${name}`, '[\\fImenu options\\fR]', '.br', `.B ${name}`, '\\fIcommand\\fR [\\fIoptions\\fR] [\\fIarguments\\fR]'),
    ...section(
      'DESCRIPTION',
      roff(
        `${help.commandDescription(program)} Without a command, in a terminal, ${name} opens a menu. ` +
          'Every command has --help. The options below work anywhere on the line, before or after the command name.',
      ),
    ),
    ...section('OPTIONS', ...optionLines(help, program, (long) => anywhere.has(long)), ...tagged(bold('-h, --help'), 'Show the help of the program or of a command.')),
    ...section('MENU OPTIONS', roff(`For ${name} without a command (the menu):`), ...optionLines(help, program, (long) => !anywhere.has(long))),
    ...section(
      'COMMANDS',
      ...help.visibleCommands(program).flatMap((command) => {
        if (command.name() === 'help') return [];
        const usage = `${name} ${command.name()}${command.usage() ? ` ${command.usage()}` : ''}`;
        const argumentLines = help.visibleArguments(command).flatMap((argument) => tagged(`\\fI${roff(help.argumentTerm(argument))}\\fR`, help.argumentDescription(argument)));
        return ['.TP', bold(usage), roff(help.commandDescription(command)), '.RS', ...argumentLines, ...optionLines(help, command, (long) => !anywhere.has(long)), '.RE'];
      }),
    ),
    ...section('ENVIRONMENT', ...ENVIRONMENT.flatMap(([variable, meaning]) => tagged(bold(variable), meaning))),
    ...section(
      'FILES',
      ...tagged(bold('~/.local/share/factdeck/'), 'Progress of an installed factdeck: factdeck.json (the database), history.jsonl (every answer, appended), backups/.'),
      ...tagged(bold('~/.cache/factdeck/'), 'The start-up cache; safe to delete.'),
    ),
    ...section('EXIT STATUS', ...EXIT_STATUS.flatMap(([code, meaning]) => tagged(bold(code), meaning))),
    ...section('SEE ALSO', roff(`The README shipped with ${name}; ${name} completion --help for shell completion.`)),
  ];
  return `${lines.join('\n')}\n`;
}
