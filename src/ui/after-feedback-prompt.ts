// The one-line pause after feedback: go on, say "I was right" about a typed answer judged wrong, take the
// answer back, suspend the question (x: wrong or unfair, never asked again), or quit. The actions are a
// table: an action is offered or not, and each has its keys and its words on the key line. The line is
// drawn only once the prompt takes keys (a moment after the feedback; see useArmed): an Enter tapped
// twice, or keys typed while the answer was being saved, are dropped instead of skipping the feedback or
// answering the next question.

import { createPrompt, useKeypress, useState } from '@inquirer/core';
import type { Style } from './style.js';
import { wrapText } from './wrap.js';
import { CURSOR_HIDE, plainKey, useArmed, useScreenWidth, type InputClosedHook, type PromptStatus, useInputClosed } from './prompt-kit.js';

export type AfterFeedback = 'next' | 'claim' | 'undo' | 'suspend' | 'quit';

/** Which of the optional actions this feedback offers. */
export interface AfterFeedbackOffer {
  /** "I was right": a typed answer judged wrong. */
  claim: boolean;
  /** Take the answer back (it is asked again). */
  undo: boolean;
  /** Suspend the question: it is never asked again (`factdeck unsuspend` brings it back). */
  suspend?: boolean;
  /**
   * Instead of the run's keys, one way back (Enter, Space, q or Esc), with these words: a pause after
   * output that should stay on screen until read ("back to the menu").
   */
  back?: string;
}

interface Action {
  value: AfterFeedback;
  /** Key names as plainKey gives them. */
  keys: readonly string[];
  /** The key and what it does, for the key line. */
  label: (offer: AfterFeedbackOffer) => readonly [string, string];
  offered: (offer: AfterFeedbackOffer) => boolean;
}

const inRun = (offer: AfterFeedbackOffer): boolean => offer.back === undefined;

const ACTIONS: readonly Action[] = [
  { value: 'next', keys: ['return', 'enter', 'space'], label: () => ['Enter', 'next question'], offered: inRun },
  { value: 'claim', keys: ['r'], label: () => ['r', 'I was right'], offered: (offer) => inRun(offer) && offer.claim },
  { value: 'undo', keys: ['u'], label: () => ['u', 'undo the answer'], offered: (offer) => inRun(offer) && offer.undo },
  { value: 'suspend', keys: ['x'], label: () => ['x', 'suspend question'], offered: (offer) => inRun(offer) && offer.suspend === true },
  { value: 'quit', keys: ['q', 'escape'], label: () => ['q', 'quit'], offered: inRun },
  { value: 'next', keys: ['return', 'enter', 'space', 'q', 'escape'], label: (offer) => ['Enter', offer.back ?? ''], offered: (offer) => !inRun(offer) },
];

export interface AfterFeedbackConfig extends InputClosedHook {
  offer: AfterFeedbackOffer;
  style: Style;
  /** Keys count only this long after the feedback is drawn (0 or absent: at once). */
  armAfterMs?: number;
}

export const afterFeedbackPrompt = createPrompt<AfterFeedback, AfterFeedbackConfig>((config, done) => {
  const { style } = config;
  const [status, setStatus] = useState<PromptStatus>('idle');
  useInputClosed(config.onInputClosed);
  const { width, remember } = useScreenWidth(config.screen);
  const armed = useArmed(config.armAfterMs);
  const offered = ACTIONS.filter((action) => action.offered(config.offer));

  useKeypress((key, rl) => {
    rl.clearLine(0);
    if (status !== 'idle' || !armed) return;
    const name = plainKey(key);
    const action = offered.find((candidate) => candidate.keys.includes(name));
    if (action === undefined) return;
    setStatus('done');
    done(action.value);
  });

  if (status === 'done') return '';
  // Until keys count, a dim ellipsis where the key line will be.
  if (!armed) return `${style.dim('…')}${CURSOR_HIDE}`;
  // Bold keys, dim words, never nested: SGR 22 ends bold and dim alike.
  const line = offered
    .map(({ label }) => {
      const [key, action] = label(config.offer);
      return `${style.bold(key)}${style.dim(`: ${action}`)}`;
    })
    .join(style.dim(' · '));
  return remember(`${wrapText(line, width)}${CURSOR_HIDE}`);
});
