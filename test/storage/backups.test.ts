import { describe, expect, it } from 'vitest';
import { backupNames } from '../../src/storage/backups.js';

describe('backup names', () => {
  const names = backupNames('factdeck');
  const at = new Date('2024-06-01T09:00:00.000Z');

  it('numbers the first backup 1, and each next one past the highest number in the folder', () => {
    expect(names.next([], at)).toBe('factdeck-000001-2024-06-01T09-00-00.000Z.json');
    expect(names.next(['factdeck-2031-01-01T00-00-00.000Z.json', 'factdeck-000041-2099-01-01T00-00-00.000Z.json', 'factdeck-000007-2000-01-01T00-00-00.000Z.json'], at)).toBe('factdeck-000042-2024-06-01T09-00-00.000Z.json');
    // Past six digits the number simply grows.
    expect(names.next(['factdeck-999999-2024-06-01T09-00-00.000Z.json'], at)).toBe('factdeck-1000000-2024-06-01T09-00-00.000Z.json');
  });

  it('orders by number, never by the time in the name; names from before the numbers first, by time; others left out', () => {
    const listed = [
      'factdeck-000003-2020-01-01T00-00-00.000Z.json',
      'factdeck-1000000-2019-01-01T00-00-00.000Z.json',
      'factdeck-000010-2019-01-01T00-00-00.000Z.json',
      'factdeck-2031-01-01T00-00-00.000Z.json',
      'factdeck-2024-01-01T00-00-00.000Z.json',
      'factdeck-before-restore-2024-01-01T00-00-00.000Z.json.old',
      'notes.json',
      'other-000001-2024-01-01T00-00-00.000Z.json',
      '.factdeck-000011-2024-01-01T00-00-00.000Z.json.123-0a0b0c0d.abc.tmp',
    ];
    expect(names.order(listed)).toEqual([
      'factdeck-2024-01-01T00-00-00.000Z.json',
      'factdeck-2031-01-01T00-00-00.000Z.json',
      'factdeck-000003-2020-01-01T00-00-00.000Z.json',
      'factdeck-000010-2019-01-01T00-00-00.000Z.json',
      'factdeck-1000000-2019-01-01T00-00-00.000Z.json',
    ]);
    expect(listed.filter((name) => names.matches(name))).toHaveLength(5);
  });

  it('reads the time a backup was taken from its name (the clock of the run that took it), with or without its number', () => {
    expect(names.takenAt(names.next([], at))).toEqual(at);
    expect(names.takenAt('factdeck-000042-2024-06-01T09-30-15.250Z.json')).toEqual(new Date('2024-06-01T09:30:15.250Z'));
    expect(names.takenAt('factdeck-2031-01-01T00-00-00Z.json')).toEqual(new Date('2031-01-01T00:00:00.000Z'));
    for (const other of ['factdeck-before-restore-2024-01-01T00-00-00.000Z.json.old', 'notes.json', 'other-000001-2024-01-01T00-00-00.000Z.json', 'factdeck-000001-2024-13-45T99-00-00.000Z.json']) {
      expect(names.takenAt(other), other).toBeNull();
    }
  });
});
