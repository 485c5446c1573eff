import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // a per-run temporary root, removed at the end (test/global-setup.ts)
    globalSetup: ['test/global-setup.ts'],
    // Guards against a hung test, not limits on slow work: spawned processes
    // and emulators may take long on a loaded machine, and a test that waits
    // for something waits for it (with its own bound where one matters).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // One process per test file (files set process.env for the emulators
    // they start). Most of a file's time is spent waiting for its emulator
    // and the processes it spawns, so one file more than there are cores
    // runs at once (vitest's default, one less, leaves a 2-core machine half idle).
    pool: 'forks',
    maxWorkers: os.availableParallelism() + 1,
  },
});
