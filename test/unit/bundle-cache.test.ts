// The code cache of the lazy bundles (src/cli/bundle-cache.ts): used when it
// fits the bundle, written again when it does not, and never in the way when
// it is corrupt or its folder cannot be written.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDir, runBundle } from '../../src/cli/bundle-cache.js';
import { tempDir } from '../helpers/impt.js';

const SOURCE = 'exports.twice = (n) => n * 2;\nexports.file = __filename;\n';

// Each run gets its own copy of the bundle: V8 reuses a script compiled
// earlier in the process (same source and file name) without a cache, and a
// real run is a process of its own.
function bundle(text = SOURCE): string {
  const file = path.join(tempDir('impt-bundle-'), 'lazy.cjs');
  fs.writeFileSync(file, text);
  return file;
}
const caches = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

describe('the code cache of a bundle', () => {
  it('is written by the first run and used by the next', () => {
    const file = bundle();
    const dir = path.join(tempDir(), 'cache');
    const first = runBundle(file, 'h1', dir);
    expect(first.cached).toBe(false);
    expect((first.exports as { twice(n: number): number }).twice(4)).toBe(8);
    first.save();
    expect(caches(dir)).toHaveLength(1);
    const again = bundle();
    const second = runBundle(again, 'h1', dir);
    expect(second.cached).toBe(true);
    expect((second.exports as { file: string }).file).toBe(again);
  });

  it('of another build of the bundle is not used, and is replaced', () => {
    const file = bundle();
    const dir = path.join(tempDir(), 'cache');
    runBundle(file, 'h1', dir).save();
    const [old] = caches(dir);
    const next = runBundle(bundle(), 'h2', dir);
    expect(next.cached).toBe(false);
    next.save();
    expect(caches(dir)).toHaveLength(1);
    expect(caches(dir)[0]).not.toBe(old);
  });

  it('that is corrupt is refused and written again', () => {
    const file = bundle();
    const dir = path.join(tempDir(), 'cache');
    runBundle(file, 'h1', dir).save();
    const cache = path.join(dir, caches(dir)[0]!);
    fs.writeFileSync(cache, 'not a code cache');
    const run = runBundle(bundle(), 'h1', dir);
    expect(run.cached).toBe(false);
    expect((run.exports as { twice(n: number): number }).twice(5)).toBe(10);
    run.save();
    expect(runBundle(bundle(), 'h1', dir).cached).toBe(true);
  });

  it('in a folder that cannot be made is skipped quietly', () => {
    const file = bundle();
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, '');
    const dir = path.join(blocker, 'cache');
    const run = runBundle(file, 'h1', dir);
    expect(() => run.save()).not.toThrow();
    expect(runBundle(bundle(), 'h1', dir).cached).toBe(false);
  });

  it('keeps the positions of the bundle in stack traces, and the bundle can import ES modules', async () => {
    const file = bundle('exports.fail = () => {\n  throw new Error("x");\n};\nexports.load = () => __imptImport("node:path");\n');
    const run = runBundle(file, 'h1', undefined);
    const exports = run.exports as { fail(): void; load(): Promise<typeof path> };
    expect(() => exports.fail()).toThrow(expect.objectContaining({ stack: expect.stringContaining(`${file}:2:9`) }));
    expect((await exports.load()).join('a', 'b')).toBe(path.join('a', 'b'));
  });

  it('lives in XDG_CACHE_HOME or ~/.cache, and IMPT_NO_CODE_CACHE turns it off', () => {
    expect(cacheDir({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' })).toBe(path.join('/x/cache', 'impt'));
    expect(cacheDir({ XDG_CACHE_HOME: 'relative', HOME: '/home/u' })).toBe(path.join('/home/u', '.cache', 'impt'));
    expect(cacheDir({ HOME: '/home/u', IMPT_NO_CODE_CACHE: '1' })).toBeUndefined();
  });
});
