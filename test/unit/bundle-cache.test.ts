// The code cache of the lazy bundles (src/cli/bundle-cache.ts): used when it
// fits the bundle, written again when it does not, and never in the way when
// it is corrupt or its folder cannot be written.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDir, runBundle } from '../../src/cli/bundle-cache.js';
import { tempDir } from '../helpers/impt.js';

const SOURCE = 'exports.twice = (n) => n * 2;\nexports.file = __filename;\n';

/**
 * An installed bundle, wrapped as the build wraps one: `run(n)` writes it
 * for the n-th run. V8 reuses a
 * script compiled earlier in the process (same source and file name)
 * without looking at a cache, while a real run is a process of its own: each
 * run's text differs in a comment, of the same length (the cache fits it).
 */
function install(source = SOURCE): (n: number) => string {
  const file = path.join(tempDir('impt-bundle-'), 'lazy.cjs');
  return (n) => {
    fs.writeFileSync(file, `(function (exports, require, module, __filename, __dirname, __imptImport) {\n${source}// run ${n}\n})`);
    return file;
  };
}
const caches = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

describe('the code cache of a bundle', () => {
  it('is written by the first run and used by the next', () => {
    const run = install();
    const dir = path.join(tempDir(), 'cache');
    const first = runBundle(run(1), 'h1', dir);
    expect(first.cached).toBe(false);
    expect((first.exports as { twice(n: number): number }).twice(4)).toBe(8);
    first.save();
    expect(caches(dir)).toHaveLength(1);
    const second = runBundle(run(2), 'h1', dir);
    expect(second.cached).toBe(true);
    expect((second.exports as { file: string }).file).toBe(run(2));
  });

  it('of another build of the bundle is not used, and is replaced', () => {
    const run = install();
    const dir = path.join(tempDir(), 'cache');
    runBundle(run(1), 'h1', dir).save();
    const [old] = caches(dir);
    const next = runBundle(run(2), 'h2', dir);
    expect(next.cached).toBe(false);
    next.save();
    expect(caches(dir)).toHaveLength(1);
    expect(caches(dir)[0]).not.toBe(old);
  });

  it('of another install of impt is kept', () => {
    const dir = path.join(tempDir(), 'cache');
    runBundle(install()(1), 'h1', dir).save();
    runBundle(install()(1), 'h2', dir).save();
    expect(caches(dir)).toHaveLength(2);
  });

  it('that is corrupt is refused and written again', () => {
    const run = install();
    const dir = path.join(tempDir(), 'cache');
    runBundle(run(1), 'h1', dir).save();
    const cache = path.join(dir, caches(dir)[0]!);
    fs.writeFileSync(cache, 'not a code cache');
    const second = runBundle(run(2), 'h1', dir);
    expect(second.cached).toBe(false);
    expect((second.exports as { twice(n: number): number }).twice(5)).toBe(10);
    second.save();
    expect(runBundle(run(3), 'h1', dir).cached).toBe(true);
  });

  it('in a folder that cannot be made is skipped quietly', () => {
    const run = install();
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, '');
    const dir = path.join(blocker, 'cache');
    const first = runBundle(run(1), 'h1', dir);
    expect(() => first.save()).not.toThrow();
    expect(runBundle(run(2), 'h1', dir).cached).toBe(false);
  });

  it('keeps the positions of the bundle in stack traces, and the bundle can import ES modules', async () => {
    const file = install('exports.fail = () => {\n  throw new Error("x");\n};\nexports.load = () => __imptImport("node:path");\n')(1);
    const run = runBundle(file, 'h1', undefined);
    const exports = run.exports as { fail(): void; load(): Promise<typeof path> };
    expect(() => exports.fail()).toThrow(expect.objectContaining({ stack: expect.stringContaining(`${file}:3:9`) }));
    expect((await exports.load()).join('a', 'b')).toBe(path.join('a', 'b'));
  });

  it('lives in XDG_CACHE_HOME or ~/.cache, and IMPT_NO_CODE_CACHE turns it off', () => {
    expect(cacheDir({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' })).toBe(path.join('/x/cache', 'impt'));
    expect(cacheDir({ XDG_CACHE_HOME: 'relative', HOME: '/home/u' })).toBe(path.join('/home/u', '.cache', 'impt'));
    expect(cacheDir({ HOME: '/home/u', IMPT_NO_CODE_CACHE: '1' })).toBeUndefined();
  });
});
