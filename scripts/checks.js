#!/usr/bin/env node
// The static checks of `npm test`: the typecheck and the linter, run side by side. Each is a
// single-threaded CPU job, so on a two-core machine running both at once halves their wall time.
// Each one's output is printed whole when it ends, so the two never interleave.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const jobs = [
  { name: 'typecheck', args: [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', '.'] },
  // eslint's package exports hide its bin: find it beside its package.json.
  { name: 'lint', args: [join(dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js'), '.'] },
];

function run({ name, args }) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (output.trim() !== '') process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
      console.log(`${name}: ${code === 0 ? 'ok' : `failed (exit ${code})`} in ${seconds}s`);
      resolve(code === 0);
    });
  });
}

const results = await Promise.all(jobs.map(run));
if (results.includes(false)) process.exit(1);
