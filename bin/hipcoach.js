#!/usr/bin/env node
// Production entry: the compiled JavaScript in dist/ (built by `npm install` through `prepare`).
// Source maps make stack traces name the .ts lines; no TypeScript transpiler is loaded.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('hipcoach: dist/ is missing: run `npm install` (or `npm run build`) first\n');
  process.exit(1);
}
process.setSourceMapsEnabled(true);
const args = process.argv.slice(2);
if (args.length === 1 && args[0] === 'start') {
  // `hipcoach start` (what `npm start` runs) goes straight to the bot: the CLI's other commands
  // import the figure renderer (@napi-rs/canvas and system fonts, about 20 MB resident) and the
  // terminal coach, none of which the bot needs until someone asks for a figure.
  const { main } = await import(new URL('../dist/main.js', import.meta.url).href);
  process.exitCode = await main();
} else {
  await import(entry.href);
}
