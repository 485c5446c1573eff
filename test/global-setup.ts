// One temporary root per test run: every temporary folder the tests make
// (mkdtemp in helpers, emulator data dirs, HOME and project directories,
// Builder caches, `impt-emulator exec` shims) lands under it, because the
// workers, the emulators and the impt processes they spawn all inherit
// TMPDIR. The teardown removes the root with everything in it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'impt-test-run-'));
  const previous = process.env.TMPDIR;
  const previousCache = process.env.XDG_CACHE_HOME;
  process.env.TMPDIR = root;
  // impt's code cache (src/cli/bundle-cache.ts) of the spawned binaries, whatever their HOME
  process.env.XDG_CACHE_HOME = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (previousCache === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = previousCache;
    fs.rmSync(root, { recursive: true, force: true });
  };
}
