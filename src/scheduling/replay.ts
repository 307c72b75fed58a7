// Replaying a card's ratings (an import's years of review log): the cards and review entries rateCard
// gives, rating after rating, worked out as arithmetic on numbers. ts-fsrs makes a scheduler, Dates and
// copies of the card for every rating, and an import replays about a hundred thousand of them.
//
// The formulas are FSRS-6's as ts-fsrs 5.4.2 evaluates them, operation for operation (the order of a
// product decides its last bit, and the database stores every bit), with the numbers of ts-fsrs's own
// scheduler for the settings (schedulerNumbers: its clamped parameters, its rounded interval modifier).
// A property test holds the two to the same JSON, field for field. ts-fsrs stays the scheduler of a live
// review; whatever is not done here (fuzz, long-term mode, unusual steps, a rating on a day before the
// last one, a memory ts-fsrs refuses) goes to rateCard from that rating on, which answers as it always did.

import { isoString, isoTime } from '../clock.js';
import { rateCard, schedulerNumbers, type CardState, type MemoryCard, type RatingName, type ReviewEntry, type SchedulerNumbers, type SchedulerSettings } from './fsrs.js';

export interface Rated {
  card: MemoryCard;
  entry: ReviewEntry;
}

const NEW = 0;
const LEARNING = 1;
const REVIEW = 2;
const RELEARNING = 3;
const STATE_NAMES: readonly CardState[] = ['new', 'learning', 'review', 'relearning'];
const GRADES: Readonly<Record<RatingName, number>> = { again: 1, hard: 2, good: 3, easy: 4 };
const S_MIN = 1e-3;
const S_MAX = 36_500;
const DAY_MS = 86_400_000;
/** 10000-01-01: isoString writes times before it itself, and ts-fsrs's Dates hold them exactly. */
const YEAR_10000 = 253_402_300_800_000;

/** ts-fsrs's reading of a learning step ("1m", "10m", "1h", "1d") in minutes; NaN for one it refuses. */
function stepMinutes(step: string): number {
  const value = Number.parseInt(step.slice(0, -1), 10);
  if (Number.isNaN(value) || value < 0) return Number.NaN;
  switch (step.slice(-1)) {
    case 'm':
      return value;
    case 'h':
      return value * 60;
    case 'd':
      return value * 1440;
    default:
      return Number.NaN;
  }
}

function roundTo8(value: number): number {
  return Math.round(value * 1e8) / 1e8;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * The memory a replay carries from one rating to the next: a MemoryCard as numbers (times in ms, no last
 * review NaN; the state as ts-fsrs numbers it).
 */
type Memory = { [K in keyof MemoryCard]: number };

/** Rates a memory at `now`: the memory after, or null when ts-fsrs would refuse it (or do it otherwise). */
type RateMemory = (m: Memory, grade: number, now: number) => Memory | null;

/** The arithmetic of ts-fsrs's BasicScheduler (short-term on, fuzz off) with these numbers; null when they need another. */
function memoryRater(numbers: SchedulerNumbers): RateMemory | null {
  const learning = numbers.learningSteps.map(stepMinutes);
  const relearning = numbers.relearningSteps.map(stepMinutes);
  if (numbers.fuzz || !numbers.shortTerm || numbers.w.length !== 21 || [...learning, ...relearning].some(Number.isNaN)) return null;
  const w = numbers.w as readonly number[] as number[];
  const [w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, w10, w11, w12, w13, w14, w15, w16, w17, w18, w19, w20] = w as [number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number];
  const initialStability = [0, Math.max(w0, 0.1), Math.max(w1, 0.1), Math.max(w2, 0.1), Math.max(w3, 0.1)];
  const initialDifficulty = (g: number): number => roundTo8(w4 - Math.exp((g - 1) * w5) + 1);
  const easyDifficulty = initialDifficulty(4);
  const decay = -w20;
  const factor = roundTo8(Math.exp(Math.pow(decay, -1) * Math.log(0.9)) - 1);
  const expW8 = Math.exp(w8);
  const intervalModifier = numbers.intervalModifier;
  const maximumInterval = numbers.maximumInterval;

  const forgettingCurve = (t: number, s: number): number => roundTo8(Math.pow(1 + (factor * t) / s, decay));
  const nextInterval = (s: number): number => Math.round(Math.min(Math.max(1, Math.round(s * intervalModifier)), maximumInterval));
  const nextDifficulty = (d: number, g: number): number => {
    const deltaD = -w6 * (g - 3);
    const nextD = d + roundTo8((deltaD * (10 - d)) / 9);
    return clamp(roundTo8(w7 * easyDifficulty + (1 - w7) * nextD), 1, 10);
  };
  /** The stability after grade g, t days after the last review (r: the retrievability then). */
  const nextStability = (d: number, s: number, t: number, g: number, r: number): number => {
    if (t === 0) {
      const sinc = Math.pow(s, -w19) * Math.exp(w17 * (g - 3 + w18));
      return roundTo8(clamp(s * (g >= 2 ? Math.max(sinc, 1) : sinc), S_MIN, S_MAX));
    }
    if (g === 1) {
      const afterFail = roundTo8(clamp(w11 * Math.pow(d, -w12) * (Math.pow(s + 1, w13) - 1) * Math.exp((1 - r) * w14), S_MIN, S_MAX));
      return clamp(roundTo8(s / Math.exp(w17 * w18)), S_MIN, afterFail);
    }
    const hardPenalty = g === 2 ? w15 : 1;
    const easyBonus = g === 4 ? w16 : 1;
    return roundTo8(clamp(s * (1 + expW8 * (11 - d) * Math.pow(s, -w9) * (Math.exp((1 - r) * w10) - 1) * hardPenalty * easyBonus), S_MIN, S_MAX));
  };

  return (m, g, now) => {
    const elapsed = m.state !== NEW && !Number.isNaN(m.lastReview) ? Math.floor(now / DAY_MS) - Math.floor(m.lastReview / DAY_MS) : 0;
    const d = m.difficulty;
    const s = m.stability;
    if (elapsed < 0) return null;
    const fresh = d === 0 && s === 0;
    if (!fresh && (d < 1 || s < S_MIN)) return null;
    const steps = m.learningSteps || 0;
    const next: Memory = { due: 0, stability: 0, difficulty: 0, elapsedDays: elapsed, scheduledDays: 0, learningSteps: 0, reps: m.reps + 1, lapses: m.lapses, state: REVIEW, lastReview: now };
    const r = fresh ? 0 : forgettingCurve(elapsed, s);
    const stabilityAfter = (grade: number): number => (fresh ? (initialStability[grade] as number) : nextStability(d, s, elapsed, grade, r));
    next.difficulty = fresh ? clamp(initialDifficulty(g), 1, 10) : nextDifficulty(d, g);
    next.stability = stabilityAfter(g);
    if (m.state === REVIEW && g > 1) {
      // Hard, good and easy are kept apart: each interval at least a day past the one before.
      const stability = (grade: number): number => (grade === g ? next.stability : stabilityAfter(grade));
      let hard = nextInterval(stability(2));
      let good = nextInterval(stability(3));
      hard = Math.min(hard, good);
      good = Math.max(good, hard + 1);
      const days = g === 2 ? hard : g === 3 ? good : Math.max(nextInterval(stability(4)), good + 1);
      next.scheduledDays = days;
      next.due = now + days * 24 * 60 * 60 * 1e3;
      return next;
    }
    // A learning step (ts-fsrs's BasicLearningStepsStrategy), or none: then a review interval.
    const list = m.state === RELEARNING || m.state === REVIEW ? relearning : learning;
    let minutes = 0;
    let nextStep = 0;
    if (list.length > 0 && steps < list.length) {
      const first = list[0] as number;
      if (m.state === REVIEW) {
        if (g === 1) minutes = list[Math.max(0, steps)] as number;
      } else if (g === 1) minutes = first;
      else if (g === 2) {
        minutes = list.length === 1 ? Math.round(first * 1.5) : Math.round((first + (list[1] as number)) / 2);
        nextStep = steps;
      } else if (g === 3 && steps + 1 >= 0 && steps + 1 < list.length && list[steps + 1] !== 0) {
        minutes = Math.round(list[steps + 1] as number);
        nextStep = steps + 1;
      }
    }
    minutes = Math.max(0, minutes);
    nextStep = Math.max(0, nextStep);
    if (m.state === REVIEW) next.lapses++;
    if (minutes > 0 && minutes < 1440) {
      next.learningSteps = nextStep;
      next.state = m.state === NEW ? LEARNING : m.state === REVIEW ? RELEARNING : m.state;
      next.due = now + Math.round(minutes) * 60 * 1e3;
    } else if (minutes >= 1440) {
      next.learningSteps = nextStep;
      next.due = now + Math.round(minutes) * 60 * 1e3;
      next.scheduledDays = Math.floor(minutes / 1440);
    } else {
      const days = nextInterval(next.stability);
      next.scheduledDays = days;
      next.due = now + days * 24 * 60 * 60 * 1e3;
    }
    return next;
  };
}

function memoryCard(m: Memory, lastReview: string): MemoryCard {
  return {
    due: isoString(m.due),
    stability: m.stability,
    difficulty: m.difficulty,
    elapsedDays: m.elapsedDays,
    scheduledDays: m.scheduledDays,
    learningSteps: m.learningSteps,
    reps: m.reps,
    lapses: m.lapses,
    state: STATE_NAMES[m.state] as CardState,
    lastReview,
  };
}

let lastAsked: { settings: SchedulerSettings; rate: RateMemory | null } | null = null;

function raterFor(settings: SchedulerSettings): RateMemory | null {
  // The same settings object card after card (an import): its numbers are read once.
  if (lastAsked?.settings !== settings) lastAsked = { settings, rate: memoryRater(schedulerNumbers(settings)) };
  return lastAsked.rate;
}

/**
 * A fact's ratings replayed from a fact never reviewed, oldest first: for each, the card after it and the
 * entry to keep, exactly as rateCard gives them one after the other. (`fallback` rates what the
 * arithmetic does not do: rateCard; tests pass one that throws, to see the arithmetic do it all.)
 */
export function replayRatings(ratings: readonly { at: string; rating: RatingName }[], settings: SchedulerSettings, fallback: typeof rateCard = rateCard): Rated[] {
  const rate = raterFor(settings);
  const out: Rated[] = [];
  let memory: Memory | null = null;
  let before: MemoryCard | null = null;
  let i = 0;
  for (; rate !== null && i < ratings.length; i++) {
    const { at, rating } = ratings[i] as { at: string; rating: RatingName };
    const now = isoTime(at);
    if (!(now >= 0 && now < YEAR_10000)) break;
    const current: Memory = memory ?? { due: now, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: NEW, lastReview: Number.NaN };
    const after = rate(current, GRADES[rating], now);
    if (after === null) break;
    const nowText = isoString(now);
    const card = memoryCard(after, nowText);
    const log = {
      state: STATE_NAMES[current.state] as CardState,
      due: before === null ? nowText : (before.lastReview ?? before.due),
      stability: current.stability,
      difficulty: current.difficulty,
      scheduledDays: current.scheduledDays,
      learningSteps: current.learningSteps || 0,
    };
    out.push({ card, entry: { rating, at: nowText, before, log } });
    memory = after;
    before = card;
  }
  // The rest as ts-fsrs rates them, from the card reached (or its error).
  for (; i < ratings.length; i++) {
    const { at, rating } = ratings[i] as { at: string; rating: RatingName };
    const rated = fallback(before, rating, new Date(at), settings);
    out.push(rated);
    before = rated.card;
  }
  return out;
}
