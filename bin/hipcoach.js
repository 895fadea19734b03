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
await import(entry.href);
