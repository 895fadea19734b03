import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores (one worker on a 2-core CI machine), but
    // most e2e files spend their time waiting on sockets, child processes and timers rather than
    // the CPU: one worker more than the cores keeps both cores busy.
    maxWorkers: availableParallelism() + 1,
    // Tests that run bin/hipcoach.js need dist/ built from the current sources.
    globalSetup: ['scripts/build.js'],
  },
});
