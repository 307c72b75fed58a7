import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type DataDirInput, findPackageRoot, resolveDataDir } from '../../src/storage/data-dir.js';

const checkout = '/home/ana/src/factdeck';
const installed = '/usr/lib/node_modules/factdeck';
const base: DataDirInput = { env: {}, packageRoot: checkout, homeDir: '/home/ana', cwd: '/home/ana/notes' };

describe('resolveDataDir', () => {
  it.each<[string, Partial<DataDirInput>, { dir: string; reason: string }]>([
    ['the flag first', { flag: '/data/flag', env: { FACTDECK_DATA: '/data/env' } }, { dir: '/data/flag', reason: 'flag' }],
    ['a relative flag against cwd', { flag: 'progress' }, { dir: '/home/ana/notes/progress', reason: 'flag' }],
    ['a flag starting with ~', { flag: '~/progress' }, { dir: '/home/ana/progress', reason: 'flag' }],
    ['FACTDECK_DATA without a flag', { env: { FACTDECK_DATA: '/data/env' } }, { dir: '/data/env', reason: 'env' }],
    ['a relative FACTDECK_DATA against cwd', { env: { FACTDECK_DATA: '../shared' } }, { dir: '/home/ana/shared', reason: 'env' }],
    ['an empty flag and FACTDECK_DATA as unset', { flag: '', env: { FACTDECK_DATA: ' ' } }, { dir: `${checkout}/data`, reason: 'checkout' }],
    ['data/ in a source checkout', {}, { dir: `${checkout}/data`, reason: 'checkout' }],
    ['a checkout whose name merely contains node_modules', { packageRoot: '/src/my-node_modules-tools/factdeck' }, { dir: '/src/my-node_modules-tools/factdeck/data', reason: 'checkout' }],
    ['XDG_DATA_HOME for an installed package', { packageRoot: installed, env: { XDG_DATA_HOME: '/xdg' } }, { dir: '/xdg/factdeck', reason: 'user' }],
    ['a local install in a project', { packageRoot: '/home/ana/app/node_modules/factdeck', env: { XDG_DATA_HOME: '/xdg' } }, { dir: '/xdg/factdeck', reason: 'user' }],
    ['~/.local/share without XDG_DATA_HOME', { packageRoot: installed }, { dir: '/home/ana/.local/share/factdeck', reason: 'user' }],
    ['~/.local/share when XDG_DATA_HOME is relative (invalid)', { packageRoot: installed, env: { XDG_DATA_HOME: 'xdg' } }, { dir: '/home/ana/.local/share/factdeck', reason: 'user' }],
  ])('takes %s', (_name, overrides, expected) => {
    expect(resolveDataDir({ ...base, ...overrides })).toEqual(expected);
  });
});

describe('findPackageRoot', () => {
  it('walks up to the folder with package.json', () => {
    const exists = (path: string) => path === '/opt/factdeck/package.json';
    expect(findPackageRoot(pathToFileURL('/opt/factdeck/dist/storage/data-dir.js').href, exists)).toBe('/opt/factdeck');
  });

  it('finds this checkout from this test', () => {
    expect(findPackageRoot(import.meta.url)).toBe(new URL('../..', import.meta.url).pathname.replace(/\/$/, ''));
  });

  it('says so when there is none', () => {
    expect(() => findPackageRoot(pathToFileURL('/a/b/c.js').href, () => false)).toThrow('no package.json in /a/b or any folder above it');
  });
});
