import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../src/storage/errors.js';
import { realFileSystem } from '../../src/storage/file-system.js';
import { serializeEach, serializeEvents } from '../../src/storage/history.js';
import { HISTORY_FILE, appendEvents, readLogFrom } from '../../src/storage/history-log.js';
import { attemptEvent, claimEvent } from '../helpers/store-records.js';
import { ScriptedFileSystem } from '../helpers/store-scripted-fs.js';
import { useStoreTempDirs } from '../helpers/store-temp-dir.js';

/** A line as written by hand: one event, not in a list. */
const line = (event: unknown): string => `${JSON.stringify(event)}\n`;
/** A line as the store writes it: one save, its events in a list. */
const save = (...events: unknown[]): string => `${JSON.stringify(events)}\n`;

async function rejection(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

describe('readLogFrom', () => {
  const tempDir = useStoreTempDirs();
  const a1 = attemptEvent({ id: 'a1' });
  const a2 = attemptEvent({ id: 'a2' });
  const a3 = attemptEvent({ id: 'a3', given: 'Pékin' });

  it('reads nothing, ending where it started, when there is no log', async () => {
    const file = join(await tempDir(), HISTORY_FILE);
    expect(await readLogFrom(realFileSystem, file, 0)).toEqual({ more: false, events: [], end: 0, tornBytes: 0, unterminated: false });
  });

  it('reads the events past an offset and says where they end', async () => {
    const file = join(await tempDir(), HISTORY_FILE);
    await writeFile(file, line(a1) + line(a2) + line(a3));
    const offset = Buffer.byteLength(line(a1));
    expect(await readLogFrom(realFileSystem, file, offset)).toEqual({ more: false, events: [a2, a3], end: Buffer.byteLength(line(a1) + line(a2) + line(a3)), tornBytes: 0, unterminated: false });
  });

  it('reads saves of several events, and saves mixed with events written by hand', async () => {
    const file = join(await tempDir(), HISTORY_FILE);
    const text = save(a1, a2) + line(a3) + save() + save(a1);
    await writeFile(file, text);
    expect(await readLogFrom(realFileSystem, file, 0)).toEqual({ more: false, events: [a1, a2, a3, a1], end: Buffer.byteLength(text), tornBytes: 0, unterminated: false });
    const offset = Buffer.byteLength(save(a1, a2));
    expect(await readLogFrom(realFileSystem, file, offset)).toEqual({ more: false, events: [a3, a1], end: Buffer.byteLength(text), tornBytes: 0, unterminated: false });
  });

  it('leaves out the whole of a torn save, even the events of it that are whole', async () => {
    const file = join(await tempDir(), HISTORY_FILE);
    const torn = save(a2, a3).slice(0, Buffer.byteLength(save(a2)));
    await writeFile(file, save(a1) + torn);
    expect(await readLogFrom(realFileSystem, file, 0)).toEqual({ more: false, events: [a1], end: Buffer.byteLength(save(a1)), tornBytes: Buffer.byteLength(torn), unterminated: false });
  });

  it('leaves out a torn last line and measures it', async () => {
    const file = join(await tempDir(), HISTORY_FILE);
    const torn = line(a3).slice(0, 25);
    await writeFile(file, line(a1) + torn);
    expect(await readLogFrom(realFileSystem, file, 0)).toEqual({ more: false, events: [a1], end: Buffer.byteLength(line(a1)), tornBytes: Buffer.byteLength(torn), unterminated: false });
  });

  it('refuses a damaged line with its line number in the whole file, reading from past it', async () => {
    const file = join(await tempDir(), HISTORY_FILE);
    const text = `${line(a1)}\n${line(a2)}{"type": "attempt", "attem\n${line(a3)}`;
    await writeFile(file, text);
    const error = await rejection(readLogFrom(realFileSystem, file, Buffer.byteLength(`${line(a1)}\n`)));
    expect(error.code).toBe('ECORRUPT');
    expect(error.file).toBe(file);
    expect(error.message).toBe(
      `cannot read ${file}: a line of the history log is not valid JSON (line 4); the history log was left as it is; repair or delete that line, or move the log away to keep only the progress summed up in factdeck.json.`,
    );
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('refuses a save holding something that is no event, with its line number', async () => {
    const file = join(await tempDir(), HISTORY_FILE);
    const text = save(a1) + save(a2, { kind: 'attempt' }) + save(a3);
    await writeFile(file, text);
    const error = await rejection(readLogFrom(realFileSystem, file, 0));
    expect(error.code).toBe('ECORRUPT');
    expect(error.message).toContain('a line of the history log is not an event (line 2)');
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('refuses an event whose fields are wrong, saying which', async () => {
    const file = join(await tempDir(), HISTORY_FILE);
    const bad = { type: 'attempt', attempt: { ...a2.attempt, correct: 'yes' } };
    await writeFile(file, line(a1) + line(bad) + line(claimEvent({ at: 'soon' })));
    const error = await rejection(readLogFrom(realFileSystem, file, 0));
    expect(error.code).toBe('ECORRUPT');
    expect(error.message).toContain('an event is malformed: attempt.correct must be a boolean, not the string "yes" (line 2)');
  });

  it('numbers a damaged line in the whole file whatever its line ends (CR, CRLF, LF), reading from past them', async () => {
    const file = join(await tempDir(), HISTORY_FILE);
    const head = `${JSON.stringify(a1)}\r${JSON.stringify(a2)}\r\n\r\n${JSON.stringify(a3)}\n`;
    await writeFile(file, `${head}{"type": "attempt", "attem\r${JSON.stringify(a1)}\r`);
    const error = await rejection(readLogFrom(realFileSystem, file, Buffer.byteLength(head)));
    expect(error.message).toContain('a line of the history log is not valid JSON (line 5)');
  });

  it('refuses a last line without its line end that is not a save cut short, and cuts nothing', async () => {
    const file = join(await tempDir(), HISTORY_FILE);
    // Two saves whose line end between them was lost: not a crash's torn write.
    const text = line(a1) + JSON.stringify([a2]) + JSON.stringify([a3]);
    await writeFile(file, text);
    const error = await rejection(readLogFrom(realFileSystem, file, 0));
    expect(error.code).toBe('ECORRUPT');
    expect(error.message).toContain('the last line of the history log is damaged: it has no line end, and it is not a save cut short by a crash (line 2)');
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('reads a long log a chunk at a time: a chunk that ends mid-line is not taken for a torn line', async () => {
    const file = join(await tempDir(), HISTORY_FILE);
    const text = serializeEach([a1, a2, a3]);
    await writeFile(file, text);
    const firstLine = Buffer.byteLength(serializeEvents([a1]));
    const first = await readLogFrom(realFileSystem, file, 0, firstLine + 10);
    expect(first).toEqual({ more: true, events: [a1], end: firstLine, tornBytes: 0, unterminated: false });
    const rest = await readLogFrom(realFileSystem, file, first.end);
    expect(rest).toEqual({ more: false, events: [a2, a3], end: Buffer.byteLength(text), tornBytes: 0, unterminated: false });
  });

  it('names the line of a malformed event inside a save of several, after blank lines', async () => {
    const file = join(await tempDir(), HISTORY_FILE);
    const bad = { type: 'attempt', attempt: { ...a2.attempt, correct: 'yes' } };
    await writeFile(file, `${serializeEvents([a1, a2, a3])}\n${serializeEvents([a1, bad as never])}`);
    const error = await rejection(readLogFrom(realFileSystem, file, 0));
    expect(error.message).toContain('(line 3)');
  });

  it('says why it could not read the log', async () => {
    const dir = await tempDir();
    const file = join(dir, HISTORY_FILE);
    await writeFile(file, line(a1));
    const fs = new ScriptedFileSystem();
    fs.failNext('readFrom', 'EIO');
    const error = await rejection(readLogFrom(fs, file, 0));
    expect(error.code).toBe('EIO');
    expect(error.message).toBe(`could not read ${file}: input/output error (EIO). Nothing was changed; the disk may be failing: copy the data folder somewhere safe.`);
  });
});

describe('appendEvents', () => {
  const tempDir = useStoreTempDirs();
  const events = [attemptEvent({ id: 'a1' }), claimEvent()];

  it('creates the log, appends one save as one line, fsyncs it and the new name, and returns the bytes', async () => {
    const dir = await tempDir();
    const file = join(dir, HISTORY_FILE);
    const fs = new ScriptedFileSystem();
    const written = await appendEvents(fs, file, events);
    expect(written).toBe(Buffer.byteLength(serializeEvents(events)));
    expect(fs.stepsSince(0, (p) => p.replace(dir, '<dir>'))).toEqual([`open a <dir>/${HISTORY_FILE}`, `writeFile <dir>/${HISTORY_FILE}`, `sync <dir>/${HISTORY_FILE}`, `close <dir>/${HISTORY_FILE}`, 'syncDir <dir>']);

    const more = [attemptEvent({ id: 'a2' })];
    const seen = fs.steps.length;
    await appendEvents(fs, file, more);
    // An existing log's name is on the disk already: no folder fsync.
    expect(fs.stepsSince(seen, (p) => p.replace(dir, '<dir>'))).toEqual([`open a <dir>/${HISTORY_FILE}`, `writeFile <dir>/${HISTORY_FILE}`, `sync <dir>/${HISTORY_FILE}`, `close <dir>/${HISTORY_FILE}`]);
    expect(await readFile(file, 'utf8')).toBe(serializeEvents(events) + serializeEvents(more));
    expect(await readFile(file, 'utf8')).toBe(save(...events) + save(...more));
    expect((await readLogFrom(realFileSystem, file, 0)).events).toEqual([...events, ...more]);
  });

  it('appends a line per event when asked to (old answers carried over in a migration)', async () => {
    const file = join(await tempDir(), HISTORY_FILE);
    await appendEvents(realFileSystem, file, [attemptEvent({ id: 'kept' })]);
    const written = await appendEvents(realFileSystem, file, events, { each: true });
    expect(written).toBe(Buffer.byteLength(serializeEach(events)));
    expect(await readFile(file, 'utf8')).toBe(save(attemptEvent({ id: 'kept' })) + events.map((event) => save(event)).join(''));
  });

  it.each([
    ['writeFile', 'ENOSPC', 'no space left on device (ENOSPC). Nothing was saved; free some space and try again.'],
    ['sync', 'EIO', 'input/output error (EIO). Nothing was saved; the disk may be failing: copy the data folder somewhere safe.'],
    ['close', 'EIO', 'input/output error (EIO). Nothing was saved; the disk may be failing: copy the data folder somewhere safe.'],
    ['open', 'EROFS', 'the file system is read-only (EROFS). Nothing was saved; choose a writable folder with --data DIR or FACTDECK_DATA.'],
  ] as const)('%s failing with %s: cut back to where it was, and says nothing was saved', async (step, code, said) => {
    const file = join(await tempDir(), HISTORY_FILE);
    await writeFile(file, save(attemptEvent({ id: 'kept' })));
    const before = await readFile(file);
    const fs = new ScriptedFileSystem();
    fs.failNext(step, code);
    const error = await rejection(appendEvents(fs, file, events));
    expect(error.code).toBe(code);
    expect(error.message).toBe(`could not save progress to ${file}: ${said}`);
    expect(await readFile(file)).toEqual(before);
  });

  it('cuts a new log back to nothing when the first append fails after writing', async () => {
    const file = join(await tempDir(), HISTORY_FILE);
    const fs = new ScriptedFileSystem();
    fs.failNext('sync', 'ENOSPC');
    await rejection(appendEvents(fs, file, events));
    expect(await readFile(file, 'utf8')).toBe('');
  });

  it('appends after a line another writer left (the store cuts torn lines before appending)', async () => {
    const file = join(await tempDir(), HISTORY_FILE);
    await appendEvents(realFileSystem, file, events);
    await appendFile(file, save(attemptEvent({ id: 'other' })));
    await appendEvents(realFileSystem, file, [attemptEvent({ id: 'mine' })]);
    const all = await readLogFrom(realFileSystem, file, 0);
    expect(all.events.map((e) => (e.type === 'attempt' ? e.attempt.id : e.type))).toEqual(['a1', 'claim', 'other', 'mine']);
  });
});
