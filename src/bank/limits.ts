// How large a deck's files may be: far above any real deck (the 10,000-fact benchmark deck is under
// 5 MB), low enough that a stray huge file cannot exhaust memory. One limit for every way a deck is made
// or read: `import` refuses to read a larger file and to write a larger deck.json, and every command that
// opens a deck refuses a larger deck.json or article.txt.

export const MAX_DECK_FILE_BYTES = 8 * 1024 * 1024;

/** "8 MB", "33.6 MB". */
export function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
