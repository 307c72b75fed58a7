// Learn mode (`quiz --learn`, and review unless --no-learn): a fact is first asked so that the learner
// only has to recognise its answer, and once it has been answered right, so that the learner has to
// recall it. Pure: the stage comes from the fact's answers as the progress database keeps them.
//
// The rule:
//   - recognition (choice, true/false, select-all, order: the answer is among what is shown) while the
//     fact has never been answered right, or when its latest answer was a miss at recognition;
//   - recall (cloze, short answer: the answer is typed) once it has been answered right, and it stays
//     there after a miss at recall (the learner knew it when shown; typing it is what is left to learn).
// A fact that has no question of its stage (or none that --kind and --topic leave) is asked in the other.

import type { QuestionKind } from './deck.js';
import type { FactHistory } from './history.js';

export type LearnStage = 'recognition' | 'recall';

export const RECALL_KINDS: readonly QuestionKind[] = ['cloze', 'short-answer'];

export function stageOfKind(kind: string): LearnStage {
  return (RECALL_KINDS as readonly string[]).includes(kind) ? 'recall' : 'recognition';
}

/** Which stage a fact is at, from its answers so far (undefined: never answered). */
export function learnStage(history: Pick<FactHistory, 'correct' | 'lastCorrect' | 'lastKind'> | undefined): LearnStage {
  if (history === undefined || history.correct === 0) return 'recognition';
  if (!history.lastCorrect && stageOfKind(history.lastKind) === 'recognition') return 'recognition';
  return 'recall';
}

/** How many facts are at each stage (for the end of a learn run). */
export function stageCounts(factIds: readonly string[], history: ReadonlyMap<string, FactHistory>): Record<LearnStage, number> {
  const counts: Record<LearnStage, number> = { recognition: 0, recall: 0 };
  for (const id of factIds) counts[learnStage(history.get(id))]++;
  return counts;
}
