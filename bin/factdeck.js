#!/usr/bin/env node
// The installed command: runs the compiled CLI (never a TypeScript runner). `--version` alone is answered
// here, without loading the program, so that scripts asking for it pay no more than Node's own start.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  import('../dist/cli.js').then(
    (cli) => cli.main(args),
    (error) => {
      if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
        process.stderr.write('factdeck: the compiled program is missing (dist/). Run `npm install` or `npm run build` first.\n');
      } else {
        process.stderr.write(`factdeck: could not start: ${error && error.message}\n`);
      }
      process.exitCode = 1;
    },
  );
}
