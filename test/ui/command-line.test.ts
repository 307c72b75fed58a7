import { describe, expect, it } from 'vitest';
import { commandLine, shellWord } from '../../src/command-line.js';
import { COMMAND_NAMES, commanderMessage, describeProgram } from '../../src/cli.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli-run.js';

describe('suggested commands work when pasted', () => {
  it('carry the data folder, the deck and a profile other than the default, each quoted as the shell needs', () => {
    expect(commandLine('review')).toBe('factdeck review');
    expect(commandLine('review', { data: '/tmp/x', deck: 'lisbon', profile: 'default' })).toBe('factdeck review --data /tmp/x --deck lisbon');
    expect(commandLine('doctor --restore latest', { data: "/home/ann/my data/it's" , profile: 'ann b' })).toBe(
      "factdeck doctor --restore latest --data '/home/ann/my data/it'\\''s' --profile 'ann b'",
    );
    expect(shellWord('a$b')).toBe("'a$b'");
  });
});

describe("commander's messages in our words", () => {
  it.each([
    ["error: option '-n, --count <n>' argument missing", 'factdeck: --count needs a value'],
    ["error: unknown option '--cuont'\n(Did you mean --count?)", "factdeck: unknown option '--cuont' (did you mean --count?)"],
  ])('%j', (text, said) => {
    expect(commanderMessage(text)).toBe(said);
  });
});

describe('the list of command names a run looks a command up in (it defines that command alone)', () => {
  it('is every command the program defines, in their order', () => {
    expect(describeProgram(ROOT).commands.map((command) => command.name())).toEqual(COMMAND_NAMES);
  });

  it('is the list bin/factdeck.cjs names its code caches by (a word that is no command shares one cache)', () => {
    const bin = readFileSync(join(ROOT, 'bin', 'factdeck.cjs'), 'utf8');
    const list = /const COMMANDS = new Set\(\[([^\]]*)\]\)/.exec(bin)?.[1] ?? '';
    expect(list.split(',').map((name) => name.trim().replace(/^'|'$/g, ''))).toEqual(COMMAND_NAMES);
  });
});
