// Loaded into benchmarked processes (NODE_OPTIONS=--import): writes the process's peak resident memory
// (in KB) to FACTDECK_RSS_FILE as it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.FACTDECK_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // The benchmark then reports no memory figure for this run.
    }
  });
}
