// `factdeck optimize [--profile P] [--yes] [--json]`: fits FSRS's parameters to the profile's own review
// history with the FSRS project's reference optimizer (@open-spaced-repetition/binding, loaded only here),
// shows the old and new parameters and how well each predicts the history, and saves the new ones to the
// profile when the learner agrees (`--yes` for scripts). Below the history the optimizer needs, it says how
// many more reviews it takes and changes nothing. What the scheduler gets is always clamped
// (scheduling/fsrs.ts), so no fit can give absurd intervals.

import { createRequire } from 'node:module';
import type { Context } from '../context.js';
import { promptContext, writeLine } from '../context.js';
import { DeckError } from '../errors.js';
import { buildFitItems, countTrainingItems, evaluateParameters, MIN_FIT_ITEMS, type FitItem, type FitQuality } from '../scheduling/fit.js';
import { DEFAULT_PARAMETERS, safeParameters } from '../scheduling/fsrs.js';
import { settingsEvent, settingsFor } from '../storage/progress.js';
import { readReviewHistory } from '../storage/review-history.js';
import { printable } from '../ui/printable.js';
import { isPromptExit } from '../ui/prompt-exit.js';
import { writeJson } from './json-output.js';
import { checkProfile, dataDirFor, openStore, type ProgressOptions } from './run-session.js';

export interface OptimizeOptions extends ProgressOptions {
  yes?: boolean;
  json?: boolean;
}

interface Binding {
  FSRSBindingItem: new (reviews: unknown[]) => unknown;
  FSRSBindingReview: new (rating: number, deltaT: number) => unknown;
  computeParameters: (items: unknown[], options: { enableShortTerm: boolean; timeout?: number }) => Promise<number[]>;
}

/** The optimizer, a native module: required at the point of use (the bundle keeps it external). */
function loadOptimizer(): Binding {
  const require = createRequire(import.meta.url);
  try {
    return require('@open-spaced-repetition/binding') as Binding;
  } catch (error) {
    throw new DeckError(
      `the FSRS optimizer could not be loaded on this machine (${(error as Error).message.split('\n')[0]})`,
      'it ships prebuilt for common systems (Linux, macOS, Windows on x64 and arm64); reinstall factdeck, or keep the default parameters',
    );
  }
}

/** Fits parameters to the items; the optimizer's answer is checked and clamped before anyone sees it. */
export async function fitParameters(items: readonly FitItem[]): Promise<number[]> {
  const binding = loadOptimizer();
  const trainSet = items.map((item) => new binding.FSRSBindingItem(item.map((review) => new binding.FSRSBindingReview(review.rating, review.deltaT))));
  const fitted = await binding.computeParameters(trainSet, { enableShortTerm: true });
  return safeParameters(fitted);
}

function formatParameters(parameters: readonly number[]): string {
  const cells = parameters.map((value) => value.toFixed(4));
  const lines: string[] = [];
  for (let i = 0; i < cells.length; i += 7) lines.push(`    ${cells.slice(i, i + 7).join('  ')}`);
  return lines.join('\n');
}

function describeQuality(label: string, quality: FitQuality): string {
  return `  ${label.padEnd(10)} log loss ${quality.logLoss.toFixed(4)}   RMSE ${(quality.rmse * 100).toFixed(2)}%`;
}

export async function optimizeCommand(context: Context, options: OptimizeOptions): Promise<void> {
  const profile = checkProfile(options.profile);
  const store = await openStore(context, options);
  try {
    const settings = settingsFor(store.data(), profile);
    const history = await readReviewHistory(dataDirFor(context, options), { profile });
    const items = buildFitItems(
      history.map((review) => ({ card: `${review.deckId}\u0000${review.factId}`, at: review.at, rating: review.rating, first: review.before === null })),
      settings.dayStartHour,
    );
    const enough = countTrainingItems(items);
    const current = settings.fsrsParameters ?? [...DEFAULT_PARAMETERS];
    if (enough < MIN_FIT_ITEMS) {
      const more = MIN_FIT_ITEMS - enough;
      if (options.json) {
        writeJson(context, { profile, fitted: false, reviews: history.length, trainingReviews: enough, needed: MIN_FIT_ITEMS, parameters: current });
        return;
      }
      writeLine(
        context.stdout,
        [
          `Not enough history to fit FSRS to profile ${printable(profile, { singleLine: true })} yet: nothing was changed.`,
          `  The optimizer learns from reviews of cards you had already studied on two earlier days; it needs ${MIN_FIT_ITEMS} of them and this profile has ${enough} (of ${history.length} ratings in all).`,
          `  About ${more} more such review${more === 1 ? '' : 's'} (keep up \`factdeck study\` for a few weeks), then run \`factdeck optimize\` again. Until then the default parameters serve well.`,
        ].join('\n'),
      );
      return;
    }

    const fitted = await fitParameters(items);
    const before = evaluateParameters(current, items);
    const after = evaluateParameters(fitted, items);
    const better = after.logLoss < before.logLoss;
    if (options.json) {
      if (options.yes && better) await store.record((data) => [settingsEvent(profile, { ...settingsFor(data, profile), fsrsParameters: fitted }, context.now())]);
      writeJson(context, { profile, fitted: true, saved: Boolean(options.yes && better), reviews: history.length, trainingReviews: enough, current, parameters: fitted, before, after });
      return;
    }
    writeLine(
      context.stdout,
      [
        `FSRS fitted to ${after.predictions} reviews of profile ${printable(profile, { singleLine: true })}.`,
        `  ${settings.fsrsParameters === undefined ? 'Now (the defaults)' : 'Now (fitted before)'}:`,
        formatParameters(current),
        '  Fitted:',
        formatParameters(fitted),
        'How well each predicts your history (lower is better):',
        describeQuality('now', before),
        describeQuality('fitted', after),
      ].join('\n'),
    );
    if (!better) {
      writeLine(context.stdout, 'The fitted parameters predict your history no better than the ones you have: nothing was changed.');
      return;
    }
    let save = options.yes === true;
    if (!save) {
      if (options.plain || !context.interactive) {
        writeLine(context.stdout, 'Nothing was saved: run it in a terminal to be asked, or add --yes to save them.');
        return;
      }
      const { askSelect } = await import('../ui/prompts.js');
      save = await askSelect(
        { message: 'Use the fitted parameters from now on?', choices: [{ name: 'Yes, save them', value: true }, { name: 'No, keep the ones I have', value: false }], quitValue: false },
        promptContext(context),
      ).catch((error: unknown) => {
        if (isPromptExit(error)) return false;
        throw error;
      });
    }
    if (!save) {
      writeLine(context.stdout, 'Nothing was changed.');
      return;
    }
    await store.record((data) => [settingsEvent(profile, { ...settingsFor(data, profile), fsrsParameters: fitted }, context.now())]);
    writeLine(context.stdout, 'Saved: study, quiz and review schedule with them from now on. `factdeck config --reset-parameters` goes back to the defaults.');
  } finally {
    await store.close();
  }
}
