// The backups of the database file: how they are named and in which order they stand. A backup's name
// holds a sequence number, one more than the highest in the folder, then the time it was taken
// (`factdeck-000042-2024-06-01T09-00-00.000Z.json`). Order is by the sequence, never by the time: a clock
// set back (or one that was ahead and is corrected) can neither get the newest copies pruned nor make an
// old copy the "latest". Names from before the sequence (`factdeck-<time>.json`) come first, by time.
// The time in the newest name says whether the next one is due (the store backs up at most every 30
// minutes of use): it is the clock of the run that took it, so FACTDECK_NOW drives it too.

const TIME = '\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}(?:\\.\\d+)?Z';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface BackupNames {
  /** True for a backup of this database file (a name this module makes, or made before the sequence). */
  matches(name: string): boolean;
  /** Oldest first; names that are not backups of this file are left out. */
  order(names: readonly string[]): string[];
  /** The name of the next backup, after those in `names`. */
  next(names: readonly string[], at: Date): string;
  /** When a backup was taken, as its name says (by the clock of the run that took it); null for another name. */
  takenAt(name: string): Date | null;
}

/** Backup names of the database file whose name without `.json` is `stem` (`factdeck`). */
export function backupNames(stem: string): BackupNames {
  const pattern = new RegExp(`^${escapeRegExp(stem)}-(?:(\\d{6,})-)?(${TIME})\\.json$`);
  const sequenceOf = (name: string): number | null => {
    const match = pattern.exec(name);
    if (match === null) return null;
    return match[1] === undefined ? 0 : Number(match[1]);
  };
  const order = (names: readonly string[]): string[] =>
    names
      .map((name) => ({ name, sequence: sequenceOf(name) }))
      .filter((entry): entry is { name: string; sequence: number } => entry.sequence !== null)
      .sort((a, b) => a.sequence - b.sequence || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((entry) => entry.name);
  return {
    matches: (name) => sequenceOf(name) !== null,
    order,
    next: (names, at) => {
      const highest = names.reduce((max, name) => Math.max(max, sequenceOf(name) ?? 0), 0);
      return `${stem}-${String(highest + 1).padStart(6, '0')}-${at.toISOString().replaceAll(':', '-')}.json`;
    },
    takenAt: (name) => {
      const time = pattern.exec(name)?.[2];
      if (time === undefined) return null;
      // 2024-06-01T09-00-00.000Z: the time's colons were made hyphens for the file name.
      const at = new Date(`${time.slice(0, 10)}T${time.slice(11).replace(/^(\d{2})-(\d{2})-/, '$1:$2:')}`);
      return Number.isNaN(at.getTime()) ? null : at;
    },
  };
}
