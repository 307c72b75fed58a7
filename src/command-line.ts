// The commands factdeck suggests ("run `factdeck review`", "`factdeck doctor --restore latest`") written
// so that they work when pasted as they stand: with the --data, --deck and --profile that this run used,
// each word quoted for a POSIX shell where it needs to be.

export interface CommandScope {
  /** The data folder, when it was chosen (--data): an absolute path. */
  data?: string;
  /** The deck, when there is a choice of decks: its id, or a folder path. */
  deck?: string;
  /** The profile, when not the default one. */
  profile?: string;
}

/** One word for a POSIX shell: as it is when it is safe, else in single quotes. */
export function shellWord(word: string): string {
  if (/^[\w@%+=:,./-]+$/u.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** "factdeck review --data /tmp/x --deck lisbon": `command` (its words as typed) and the scope's options. */
export function commandLine(command: string, scope: CommandScope = {}): string {
  const words = [`factdeck ${command}`];
  if (scope.data !== undefined) words.push('--data', shellWord(scope.data));
  if (scope.deck !== undefined) words.push('--deck', shellWord(scope.deck));
  if (scope.profile !== undefined && scope.profile !== 'default') words.push('--profile', shellWord(scope.profile));
  return words.join(' ');
}
