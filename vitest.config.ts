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
    pool: 'forks',
  },
});
