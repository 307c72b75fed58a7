// `factdeck config`, `factdeck profiles` and `factdeck reset`: per-profile settings, the list of profiles,
// and clearing one profile's progress after a confirmation.

import type { Context } from '../context.js';
import { byLabel } from '../domain/order.js';
import { writeLine } from '../context.js';
import { UsageError } from '../errors.js';
import { DEFAULT_PARAMETERS } from '../scheduling/fsrs.js';
import { settingsEvent, settingsFor, DEFAULT_SETTINGS, type ProfileSettings } from '../storage/progress.js';
import type { DatabaseData } from '../storage/schema.js';
import { printable } from '../ui/printable.js';
import { writeJson } from './json-output.js';
import { checkProfile, openStore, readStore, type ProgressOptions } from './run-session.js';
import { confirm } from './rm.js';

export interface ConfigOptions extends ProgressOptions {
  retention?: number;
  newPerDay?: number;
  dayStart?: number;
  resetParameters?: boolean;
  json?: boolean;
}

function checkSettings(options: ConfigOptions): Partial<ProfileSettings> {
  const change: Partial<ProfileSettings> = {};
  if (options.retention !== undefined) {
    if (!(options.retention >= 0.7 && options.retention <= 0.99)) {
      throw new UsageError(`--retention must be between 0.70 and 0.99, not ${options.retention}`, 'desired retention is the chance of remembering a card when it comes due; 0.9 is the usual choice');
    }
    change.desiredRetention = options.retention;
  }
  if (options.newPerDay !== undefined) {
    if (options.newPerDay > 9999) throw new UsageError('--new-per-day must be 9999 or less');
    change.newPerDay = options.newPerDay;
  }
  if (options.dayStart !== undefined) {
    if (options.dayStart > 23) throw new UsageError(`--day-start must be an hour from 0 to 23, not ${options.dayStart}`);
    change.dayStartHour = options.dayStart;
  }
  return change;
}

function describeParameters(parameters: readonly number[] | undefined): string[] {
  if (parameters === undefined) return ['  FSRS parameters    the defaults (`factdeck optimize` fits them to your reviews)'];
  const cells = parameters.map((value) => value.toFixed(4));
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(`    ${cells.slice(i, i + 7).join('  ')}`);
  return ['  FSRS parameters    fitted to your reviews (`--reset-parameters` goes back to the defaults):', ...rows];
}

function describeSettings(profile: string, settings: ProfileSettings): string {
  return [
    `Profile ${printable(profile, { singleLine: true })}:`,
    `  desired retention  ${settings.desiredRetention}`,
    `  new cards a day    ${settings.newPerDay}`,
    `  day starts at      ${String(settings.dayStartHour).padStart(2, '0')}:00 (local time)`,
    ...describeParameters(settings.fsrsParameters),
  ].join('\n');
}

export async function configCommand(context: Context, options: ConfigOptions): Promise<void> {
  const profile = checkProfile(options.profile);
  const change = checkSettings(options);
  const reset = options.resetParameters === true;
  const store = await openStore(context, options);
  try {
    const changing = Object.keys(change).length > 0 || (reset && settingsFor(store.data(), profile).fsrsParameters !== undefined);
    if (changing) {
      await store.record((data) => {
        const { fsrsParameters, ...rest } = { ...settingsFor(data, profile), ...change };
        return [settingsEvent(profile, reset || fsrsParameters === undefined ? rest : { ...rest, fsrsParameters }, context.now())];
      });
    }
    const settings = settingsFor(store.data(), profile);
    if (options.json) writeJson(context, { profile, ...settings, fsrsParameters: settings.fsrsParameters ?? null, defaults: { ...DEFAULT_SETTINGS, fsrsParameters: DEFAULT_PARAMETERS } });
    else writeLine(context.stdout, `${changing ? 'Saved. ' : reset ? 'The parameters are the defaults already. ' : ''}${describeSettings(profile, settings)}`);
  } finally {
    await store.close();
  }
}

/** "1 answer", "26 cards". */
export function countOf(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

interface ProfileSummary {
  name: string;
  attempts: number;
  cards: number;
  sessions: number;
  lastActive: string | null;
}

export function summarizeProfiles(data: DatabaseData): ProfileSummary[] {
  const byName = new Map<string, ProfileSummary>();
  const get = (name: string): ProfileSummary => {
    let summary = byName.get(name);
    if (!summary) {
      summary = { name, attempts: 0, cards: 0, sessions: 0, lastActive: null };
      byName.set(name, summary);
    }
    return summary;
  };
  const touch = (summary: ProfileSummary, at: string): void => {
    if (summary.lastActive === null || at > summary.lastActive) summary.lastActive = at;
  };
  for (const profile of data.profiles) get(profile.name);
  for (const fact of data.facts) {
    const summary = get(fact.profile);
    summary.attempts += fact.attempts;
    touch(summary, fact.lastAt);
  }
  for (const session of data.sessions) get(session.profile).sessions++;
  for (const card of data.cards) {
    const summary = get(card.profile);
    summary.cards++;
    if (card.lastReview !== null) touch(summary, card.lastReview);
  }
  return [...byName.values()].sort((a, b) => byLabel(a.name, b.name));
}

export async function profilesCommand(context: Context, options: { data?: string; json?: boolean }): Promise<void> {
  const store = await readStore(context, options);
  const profiles = summarizeProfiles(store.data());
  await store.close();
  if (options.json) {
    writeJson(context, { profiles });
    return;
  }
  if (profiles.length === 0) {
    writeLine(context.stdout, 'No profiles yet: the first quiz creates "default" (or the one named with --profile).');
    return;
  }
  for (const p of profiles) {
    const last = p.lastActive === null ? 'never' : p.lastActive.slice(0, 10);
    writeLine(context.stdout, `${printable(p.name, { singleLine: true }).padEnd(16)} ${countOf(p.attempts, 'answer')}, ${countOf(p.cards, 'card')}, last active ${last}`);
  }
}

export async function resetCommand(context: Context, options: ProgressOptions & { yes?: boolean; json?: boolean }): Promise<void> {
  const profile = checkProfile(options.profile);
  // A copy of the database from just before, whenever the last scheduled backup was taken.
  const store = await openStore(context, options, { backupEveryMs: 0 });
  try {
    const summary = summarizeProfiles(store.data()).find((p) => p.name === profile);
    if (!summary) {
      if (options.json) {
        writeJson(context, { profile, deleted: false, answers: 0, cards: 0 });
        return;
      }
      writeLine(context.stdout, `Profile "${printable(profile, { singleLine: true })}" has no progress: nothing to reset.`);
      return;
    }
    const what = `all progress of profile "${printable(profile, { singleLine: true })}" (${countOf(summary.attempts, 'answer')}, ${countOf(summary.cards, 'card')})`;
    // q or Esc: no. Ctrl+C: stopped (exit 130), nothing deleted.
    if (!(await confirm(context, options, `Delete ${what} in ${printable(store.dataDir, { singleLine: true })}?`, `reset needs a confirmation: run it in a terminal, or add --yes to delete ${what}`, 'delete'))) {
      writeLine(context.stdout, 'Nothing was deleted.');
      return;
    }
    await store.record(() => [{ type: 'reset', profile, at: context.now().toISOString() }]);
    if (options.json) {
      writeJson(context, { profile, deleted: true, answers: summary.attempts, cards: summary.cards, historyFile: store.historyFile, backupsDir: store.backupsDir });
      return;
    }
    writeLine(context.stdout, `Deleted ${what}. Its history stays in ${store.historyFile}; a copy of the database from before is in ${store.backupsDir}.`);
  } finally {
    await store.close();
  }
}
