#!/usr/bin/env node
// The installed command: runs the compiled CLI (never a TypeScript runner).
import('../dist/cli.js').then(
  (cli) => cli.main(process.argv.slice(2)),
  (error) => {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
      process.stderr.write('factdeck: the compiled program is missing (dist/). Run `npm install` or `npm run build` first.\n');
    } else {
      process.stderr.write(`factdeck: could not start: ${error && error.message}\n`);
    }
    process.exitCode = 1;
  },
);
