// Spaced repetition per fact: the only importer of ts-fsrs. A card is the learner's memory of one fact;
// rating it is a pure function of (card, now, rating, retention). Stored cards are plain JSON (camelCase,
// ISO times); ts-fsrs's Card (Dates, snake_case) exists only inside this module.

import { CLAMP_PARAMETERS, createEmptyCard, default_w, fsrs, generatorParameters, Rating, State, W17_W18_Ceiling, type Card, type Grade, type ReviewLog } from 'ts-fsrs';
import { isoString } from '../clock.js';

export type CardState = 'new' | 'learning' | 'review' | 'relearning';
export type RatingName = 'again' | 'hard' | 'good' | 'easy';
export const RATINGS: readonly RatingName[] = ['again', 'hard', 'good', 'easy'];

export interface MemoryCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardState;
  lastReview: string | null;
}

/** What a line of Anki's review log needs of a memory state (see revlogEntry). */
export type CardTimes = Pick<MemoryCard, 'due' | 'difficulty' | 'scheduledDays' | 'state'>;

/** What a rating did: enough to show history and to undo it exactly. */
export interface ReviewEntry {
  rating: RatingName;
  /** When it was rated. */
  at: string;
  /** The card as it was before the rating (null for a fact never reviewed): undo restores it as is. */
  before: MemoryCard | null;
  /** ts-fsrs's review log, converted. */
  log: { state: CardState; due: string; stability: number; difficulty: number; scheduledDays: number; learningSteps: number };
}

export const DEFAULT_RETENTION = 0.9;

/** FSRS-6's 21 parameters, as ts-fsrs ships them (the profile's own, once `optimize` fitted them). */
export const PARAMETER_COUNT = 21;
export const DEFAULT_PARAMETERS: readonly number[] = [...default_w];
/** The longest interval any parameters may give: 100 years, as in Anki. */
export const MAXIMUM_INTERVAL_DAYS = 36_500;

/** How a profile schedules: its desired retention and, when fitted, its own parameters. */
export interface SchedulerSettings {
  retention: number;
  parameters?: readonly number[] | null;
}

/** Whether a list can be a profile's FSRS parameters (21 finite numbers); anything else is refused. */
export function isParameterList(value: unknown): value is number[] {
  return Array.isArray(value) && value.length === PARAMETER_COUNT && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}

/**
 * Parameters the scheduler can trust: each one clamped into the range FSRS-6 allows (the optimizer's own
 * bounds), so a bad fit or a hand-edited file can never make intervals absurd, negative or NaN. A list that
 * is not 21 finite numbers gives the defaults.
 */
export function safeParameters(parameters: readonly number[] | null | undefined): number[] {
  if (!isParameterList(parameters)) return [...DEFAULT_PARAMETERS];
  const bounds = CLAMP_PARAMETERS(W17_W18_Ceiling, true);
  return parameters.map((value, i) => {
    const [low, high] = bounds[i] as [number, number];
    return Math.min(high, Math.max(low, value));
  });
}

const STATE_NAMES: Record<State, CardState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const STATE_VALUES: Record<CardState, State> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };
const RATING_VALUES: Record<RatingName, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

function toFsrsCard(card: MemoryCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_VALUES[card.state],
    last_review: card.lastReview === null ? undefined : new Date(card.lastReview),
  };
}

function fromFsrsCard(card: Card): MemoryCard {
  return {
    due: isoString(card.due.getTime()),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_NAMES[card.state],
    lastReview: card.last_review ? isoString(card.last_review.getTime()) : null,
  };
}

function fromLog(log: ReviewLog): ReviewEntry['log'] {
  return {
    state: STATE_NAMES[log.state],
    due: isoString(log.due.getTime()),
    stability: log.stability,
    difficulty: log.difficulty,
    scheduledDays: log.scheduled_days,
    learningSteps: log.learning_steps,
  };
}

/** A card for a fact never studied, due now. */
export function newCard(now: Date): MemoryCard {
  return fromFsrsCard(createEmptyCard(now));
}

type Scheduler = ReturnType<typeof fsrs>;
const schedulers = new Map<string, Scheduler>();

let lastAsked: { settings: SchedulerSettings; scheduler: Scheduler } | null = null;

function scheduler(settings: SchedulerSettings | number): Scheduler {
  // The same settings object, rating after rating (a replay, an import): no key to make.
  if (typeof settings !== 'number' && lastAsked?.settings === settings) return lastAsked.scheduler;
  const made = schedulerFor(settings);
  if (typeof settings !== 'number') lastAsked = { settings, scheduler: made };
  return made;
}

function schedulerFor(settings: SchedulerSettings | number): Scheduler {
  const { retention, parameters } = typeof settings === 'number' ? { retention: settings, parameters: null } : settings;
  const w = safeParameters(parameters);
  const key = `${retention}|${w.join(',')}`;
  let made = schedulers.get(key);
  if (made === undefined) {
    made = fsrs(generatorParameters({ request_retention: retention, w, maximum_interval: MAXIMUM_INTERVAL_DAYS, enable_fuzz: false, enable_short_term: true }));
    if (schedulers.size > 16) schedulers.clear();
    schedulers.set(key, made);
  }
  return made;
}

/**
 * The numbers a scheduler for these settings works with, as ts-fsrs made them (its parameters clamped,
 * its interval modifier rounded): replay.ts does ts-fsrs's arithmetic with them.
 */
export interface SchedulerNumbers {
  w: readonly number[];
  intervalModifier: number;
  maximumInterval: number;
  learningSteps: readonly string[];
  relearningSteps: readonly string[];
  shortTerm: boolean;
  fuzz: boolean;
}

export function schedulerNumbers(settings: SchedulerSettings | number = DEFAULT_RETENTION): SchedulerNumbers {
  const made = scheduler(settings);
  const p = made.parameters;
  return {
    w: [...p.w],
    intervalModifier: made.interval_modifier,
    maximumInterval: p.maximum_interval,
    learningSteps: [...p.learning_steps],
    relearningSteps: [...p.relearning_steps],
    shortTerm: p.enable_short_term,
    fuzz: p.enable_fuzz,
  };
}

/** Rates a card (null: a fact never reviewed) at `now`; returns the new card and the entry to keep. */
export function rateCard(card: MemoryCard | null, rating: RatingName, now: Date, settings: SchedulerSettings | number = DEFAULT_RETENTION): { card: MemoryCard; entry: ReviewEntry } {
  const current = card ?? newCard(now);
  const result = scheduler(settings).next(toFsrsCard(current), now, RATING_VALUES[rating]);
  return {
    card: fromFsrsCard(result.card),
    entry: { rating, at: isoString(now.getTime()), before: card, log: fromLog(result.log) },
  };
}

/** When each rating would bring the card back, for the rating buttons ("Good 3d"). */
export function previewRatings(card: MemoryCard | null, now: Date, settings: SchedulerSettings | number = DEFAULT_RETENTION): Record<RatingName, string> {
  const out = {} as Record<RatingName, string>;
  for (const rating of RATINGS) out[rating] = formatInterval(new Date(rateCard(card, rating, now, settings).card.due).getTime() - now.getTime());
  return out;
}

/** A short human interval: 10m, 3h, 4d, 2mo, 1.5y. */
export function formatInterval(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours}h`;
  const days = Math.round(hours / 24);
  if (days < 31) return `${days}d`;
  const months = days / 30.4;
  if (months < 12) return `${Math.round(months)}mo`;
  return `${Math.round((days / 365) * 10) / 10}y`;
}


/** How a quiz or review answer rates the fact's card: wrong -> Again; right -> Good, or Hard when it
 * took a typo allowance or a long time. */
export const SLOW_ANSWER_MS = 20_000;

export function ratingForAnswer(correct: boolean, typo: boolean, ms: number): RatingName {
  if (!correct) return 'again';
  return typo || ms > SLOW_ANSWER_MS ? 'hard' : 'good';
}
