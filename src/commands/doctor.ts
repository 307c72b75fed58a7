// `factdeck doctor`: checks the data folder (the database file, every line of the history log, whether
// they agree), lists the backups, and with --restore puts one back after a confirmation.

import { basename, join, resolve } from 'node:path';
import type { Context } from '../context.js';
import { promptContext, writeLine } from '../context.js';
import { ReportedFailure, UsageError } from '../errors.js';
import { inspectDataDir, listBackups, restoreBackup } from '../storage/inspect.js';
import { printable } from '../ui/printable.js';
import { writeJson } from './json-output.js';
import { createStyle } from '../ui/style.js';
import { dataDirFor } from './run-session.js';
import { commandLine } from '../command-line.js';

export interface DoctorOptions {
  data?: string;
  restore?: string;
  yes?: boolean;
  json?: boolean;
  plain?: boolean;
}

export async function doctorCommand(context: Context, options: DoctorOptions): Promise<void> {
  const dataDir = dataDirFor(context, options);
  // Commands suggested here name the data folder when it was chosen, so that they work when pasted.
  const scope = options.data === undefined ? {} : { data: dataDir };
  const style = createStyle(context.color && !options.plain);
  if (options.restore !== undefined) {
    const backups = await listBackups(dataDir);
    const wanted = options.restore;
    const backup =
      backups.find((b) => b.file === resolve(context.cwd, wanted)) ??
      backups.find((b) => basename(b.file) === wanted) ??
      (wanted === 'latest' ? backups.filter((b) => b.problem === null).at(-1) : undefined);
    if (!backup) {
      throw new UsageError(
        wanted === 'latest' ? `there is no good backup in ${join(dataDir, 'backups')} yet` : `no backup "${printable(wanted, { singleLine: true })}" in ${join(dataDir, 'backups')}`,
        `run \`${commandLine('doctor', scope)}\` to list the backups`,
      );
    }
    if (!options.yes) {
      if (options.plain || !context.interactive) throw new UsageError('restoring needs a confirmation: run it in a terminal, or add --yes');
      const { askSelect } = await import('../ui/prompts.js');
      const sure = await askSelect(
        {
          message: `Put ${basename(backup.file)} back as the database in ${printable(dataDir, { singleLine: true })}? (The current one is kept beside it.)`,
          choices: [
            { name: 'No', value: false },
            { name: 'Yes, restore it', value: true },
          ],
          quitValue: false,
        },
        promptContext(context),
      );
      if (!sure) {
        writeLine(context.stdout, 'Nothing was changed.');
        return;
      }
    }
    const { keptAs } = await restoreBackup(dataDir, backup.file, context.now());
    writeLine(context.stdout, `Restored ${backup.file}.`);
    if (keptAs) writeLine(context.stdout, `The database it replaced is kept as ${keptAs}.`);
    writeLine(context.stdout, 'Answers saved after that backup are still in the history log: the next run adds them back.');
    return;
  }

  const inspection = await inspectDataDir(dataDir);
  if (options.json) {
    writeJson(context, { ...inspection });
  } else {
    writeLine(context.stdout, style.bold(`factdeck doctor · ${dataDir}`));
    for (const finding of inspection.findings) {
      const mark = finding.level === 'ok' ? style.green('ok     ') : finding.level === 'warning' ? style.yellow('warning') : style.red('error  ');
      writeLine(context.stdout, `${mark} ${printable(finding.what, { singleLine: true })}`);
    }
    writeLine(context.stdout, '');
    if (inspection.backups.length === 0) writeLine(context.stdout, 'No backups yet (one is taken at the start of a run, at most every 30 minutes).');
    else writeLine(context.stdout, `Backups (newest last; restore one with \`${printable(commandLine('doctor --restore NAME', scope), { singleLine: true })}\`):`);
    for (const backup of inspection.backups) {
      const state = backup.problem === null ? 'good' : `damaged: ${backup.problem}`;
      writeLine(context.stdout, `  ${basename(backup.file)}  ${Math.round(backup.bytes / 1024)} KB  ${state}`);
    }
  }
  if (inspection.findings.some((f) => f.level === 'error')) throw new ReportedFailure();
}
