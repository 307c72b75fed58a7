// Study days: as in Anki, a day follows the local time zone and starts at a set hour (04:00 by default), so
// a late-night session counts for the day before. Pure: every function takes the time it needs.

export const DEFAULT_DAY_START_HOUR = 4;
const HOUR = 3_600_000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The study day a moment belongs to, as YYYY-MM-DD. */
export function studyDay(at: Date, dayStartHour = DEFAULT_DAY_START_HOUR): string {
  const shifted = new Date(at.getTime() - dayStartHour * HOUR);
  return `${shifted.getFullYear()}-${pad(shifted.getMonth() + 1)}-${pad(shifted.getDate())}`;
}

/** When the study day after the one holding `at` begins. */
export function nextDayStart(at: Date, dayStartHour = DEFAULT_DAY_START_HOUR): Date {
  const shifted = new Date(at.getTime() - dayStartHour * HOUR);
  return new Date(shifted.getFullYear(), shifted.getMonth(), shifted.getDate() + 1, dayStartHour, 0, 0, 0);
}

/**
 * When each of `days` study days begins, the one holding `at` first, and when the last of them ends:
 * days + 1 moments (ms). A moment t belongs to the study day i with starts[i] <= t < starts[i + 1].
 */
export function studyDayStarts(at: Date, days: number, dayStartHour = DEFAULT_DAY_START_HOUR): number[] {
  const shifted = new Date(at.getTime() - dayStartHour * HOUR);
  const starts: number[] = [];
  for (let i = 0; i <= days; i++) starts.push(new Date(shifted.getFullYear(), shifted.getMonth(), shifted.getDate() + i).getTime() + dayStartHour * HOUR);
  return starts;
}

/** YYYY-MM-DD plus n days (calendar arithmetic, no time zone). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + n));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Whole days from one YYYY-MM-DD to another. */
export function daysBetween(from: string, to: string): number {
  const parse = (day: string): number => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((parse(to) - parse(from)) / 86_400_000);
}
