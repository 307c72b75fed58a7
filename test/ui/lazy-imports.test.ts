import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

// Commands import these statically; Inquirer must only arrive with `await import('../ui/prompts.js')`.
describe('modules loaded before the prompts', () => {
  it.each(['printable.ts', 'style.ts', 'dont-know.ts', 'prompt-exit.ts'])('%s imports nothing from Inquirer', async (file) => {
    const source = await readFile(new URL(`../../src/ui/${file}`, import.meta.url), 'utf8');
    expect(source).not.toMatch(/from '@inquirer\//);
    expect(source).not.toMatch(/from '\.\/(prompts|prompt-kit|[a-z-]+-prompt)\.js'/);
  });
});
