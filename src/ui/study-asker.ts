// How `study` shows a card and hears the rating: in a terminal, the flashcard prompt (loaded lazily); in
// --plain mode, the front is printed, one line flips (an empty line), and one line rates (1-4), or u to
// undo, x to suspend the card's question, q to quit. Both resolve the same actions, or END when input runs out.

import type { RatingName } from '../scheduling/fsrs.js';
import { END, KEY_GUARD_MS, PLAIN_SUSPEND, readLines, type End, type AskerStreams } from './asker.js';

export type StudyAction = { action: 'rate'; rating: RatingName } | { action: 'undo' } | { action: 'suspend' } | { action: 'quit' };

export interface CardView {
  header: string;
  front: string;
  back: string;
  intervals: Record<RatingName, string>;
  canUndo: boolean;
  /** Whether the card's question can be suspended (x, once the answer is shown). */
  canSuspend: boolean;
  cram: boolean;
}

export interface StudyAsker {
  readonly plain: boolean;
  show(view: CardView): Promise<StudyAction | End>;
  /**
   * Waits `ms` for the next card (learn-ahead) with a countdown: 'due' when the time comes, 'now' when the
   * learner takes it early, 'quit' to stop. Null: this asker does not wait (plain mode: scripts).
   */
  wait(what: string, ms: number): Promise<'due' | 'now' | 'quit' | null>;
  close(): void;
}

const RATING_KEYS: Record<string, RatingName> = { '1': 'again', '2': 'hard', '3': 'good', '4': 'easy' };

export function ratingLine(intervals: Record<RatingName, string>): string {
  return `1 Again ${intervals.again} · 2 Hard ${intervals.hard} · 3 Good ${intervals.good} · 4 Easy ${intervals.easy}`;
}

/** `guardMs`: how long after the flip Space/Enter starts to rate Good (FACTDECK_KEY_GUARD_MS in tests). */
export function createTerminalStudyAsker(streams: AskerStreams, guardMs = KEY_GUARD_MS): StudyAsker {
  const prompts = import('./prompts.js');
  return {
    plain: false,
    async show(view): Promise<StudyAction> {
      const { askFlashcard } = await prompts;
      return askFlashcard(
        { header: view.header, front: view.front, back: view.back, intervals: view.intervals, canUndo: view.canUndo, canSuspend: view.canSuspend, cram: view.cram, goodAfterMs: guardMs },
        streams,
      );
    },
    async wait(what, ms) {
      const { askWait } = await prompts;
      return askWait({ what, ms }, streams);
    },
    close(): void {},
  };
}

export function createPlainStudyAsker(streams: AskerStreams): StudyAsker {
  const lines = readLines(streams);
  const write = (text: string): void => {
    streams.output.write(`${text}\n`);
  };
  const readLine = async (): Promise<string | End> => {
    const line = await lines.next();
    return line === END ? END : line.trim().toLowerCase();
  };
  return {
    plain: true,
    async show(view): Promise<StudyAction | End> {
      write(view.header);
      write(view.front);
      write(`Press Enter to show the answer${view.canUndo ? ' (u: undo the last rating)' : ''}; q: quit.`);
      const first = await readLine();
      if (first === END) return END;
      if (first === 'q') return { action: 'quit' };
      if (first === 'u' && view.canUndo) return { action: 'undo' };
      write(view.back);
      write(`Rate: ${ratingLine(view.intervals)}${view.cram ? ' (cram: the schedule is not changed)' : ''}${view.canSuspend ? ' · x: suspend this question' : ''}`);
      for (;;) {
        const line = await readLine();
        if (line === END) return END;
        if (line === 'q') return { action: 'quit' };
        if (line === 'u' && view.canUndo) return { action: 'undo' };
        if ((line === 'x' || PLAIN_SUSPEND.test(line)) && view.canSuspend) return { action: 'suspend' };
        const rating = RATING_KEYS[line];
        if (rating !== undefined) return { action: 'rate', rating };
        write(`Rate with 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)${view.canUndo ? ', u to undo' : ''}, q to quit.`);
      }
    },
    async wait() {
      return null;
    },
    close(): void {
      lines.close();
    },
  };
}
