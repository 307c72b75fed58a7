// Where progress lives. A pure decision (flag, environment, where the program is installed) so every
// case is a line in a table test; only findPackageRoot looks at the disk.

import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface DataDirInput {
  /** The --data flag, as typed. */
  flag?: string;
  env: Record<string, string | undefined>;
  /** The folder holding factdeck's package.json. */
  packageRoot: string;
  homeDir: string;
  cwd: string;
}

export type DataDirReason = 'flag' | 'env' | 'checkout' | 'user';

/**
 * --data, else FACTDECK_DATA, else `<packageRoot>/data` in a source checkout, else the user's data
 * folder ($XDG_DATA_HOME/factdeck or ~/.local/share/factdeck). An installed package never keeps progress
 * inside node_modules: a reinstall would delete it. Empty values count as unset; relative paths resolve
 * against cwd, and a leading `~` against homeDir (a quoted `--data "~/x"` reaches us unexpanded).
 */
export function resolveDataDir(input: DataDirInput): { dir: string; reason: DataDirReason } {
  const given = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value);
  const fromUser = (value: string): string => {
    const expanded = value === '~' ? input.homeDir : /^~[\\/]/.test(value) ? join(input.homeDir, value.slice(2)) : value;
    return resolve(input.cwd, expanded);
  };

  const flag = given(input.flag);
  if (flag !== undefined) return { dir: fromUser(flag), reason: 'flag' };
  const env = given(input.env.FACTDECK_DATA);
  if (env !== undefined) return { dir: fromUser(env), reason: 'env' };
  if (!isInstalled(input.packageRoot)) return { dir: join(input.packageRoot, 'data'), reason: 'checkout' };
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = given(input.env.XDG_DATA_HOME);
  const base = xdg !== undefined && isAbsolute(xdg) ? xdg : join(input.homeDir, '.local', 'share');
  return { dir: join(base, 'factdeck'), reason: 'user' };
}

function isInstalled(packageRoot: string): boolean {
  return resolve(packageRoot).split(/[\\/]/).includes('node_modules');
}

/** The nearest folder at or above the given module that holds a package.json. */
export function findPackageRoot(fromFileUrl: string, exists: (path: string) => boolean = existsSync): string {
  const start = dirname(fileURLToPath(fromFileUrl));
  let dir = start;
  while (!exists(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json in ${start} or any folder above it`);
    dir = parent;
  }
  return dir;
}
