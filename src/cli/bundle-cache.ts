// Loads a bundle of dist/ (scripts/build.mjs) with a V8 code cache:
// compiling the ~650 KB bundle of the commands is the largest single cost of
// a one-request command, and Node 20 caches only its own modules. Built on
// its own as dist/impt-loader.cjs, which bin/impt.js loads first to run the
// core bundle; the core requires it to load the lazy bundles. The first
// run of a bundle compiles it as usual and, as it ends, saves the code V8
// compiled during the run (lazily compiled functions included); later runs
// start from that code.
//
// The cache belongs to one bundle (the hash the build gives it) and one V8
// (version, architecture); V8 refuses code of other flags itself
// (`cachedDataRejected`), and the cache is then written again. It lives in
// $XDG_CACHE_HOME/impt or $HOME/.cache/impt (nowhere without HOME), is
// written to a temporary file and renamed (a reader never sees half a file),
// and any failure to read or write it only means a run without it.
// IMPT_NO_CODE_CACHE turns it off.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { Script } from 'node:vm';

/** The folder of the code caches, or undefined when they are off. */
export function cacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.IMPT_NO_CODE_CACHE !== undefined) return undefined;
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'impt');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'impt', 'cache');
  return env.HOME ? join(env.HOME, '.cache', 'impt') : undefined;
}

/** FNV-1a of a text, in hex (node:crypto takes longer to load than this takes to run). */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * `name-v8-arch-folder-`: the caches of one installed bundle in this V8,
 * whatever the bundle's hash. Two installs of impt do not replace each
 * other's caches.
 */
const cachePrefix = (file: string) => `${basename(file, '.cjs')}-${process.versions.v8}-${process.arch}-${shortHash(dirname(file))}-`;

export interface LoadedBundle {
  exports: unknown;
  /** Whether the code came from the cache. */
  cached: boolean;
  /** Writes the cache of the code compiled so far, unless it came from a valid one. */
  save(): void;
}

/**
 * Runs the bundle `file` with the code cache kept under `dir` for the
 * bundle's `hash`. The bundle is ASCII (as esbuild writes it) and is one
 * function expression, `(function (exports, require, module, __filename,
 * __dirname, __imptImport) { … })`: CommonJS code as Node wraps it, and a
 * function that imports ES modules for it.
 */
export function runBundle(file: string, hash: string, dir: string | undefined): LoadedBundle {
  const prefix = cachePrefix(file);
  const cacheFile = dir && join(dir, `${prefix}${hash}`);
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // no cache yet, or an unreadable one: compile
    }
  }
  // latin1 copies the bytes as they are, which for ASCII is the text, without UTF-8 decoding.
  // The build wraps the bundle in the function Node wraps a CommonJS module
  // in (one more parameter, __imptImport): no copy of the text to wrap it.
  const source = readFileSync(file, 'latin1');
  const script = new Script(source, { filename: file, cachedData });
  const cached = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} };
  // a script compiled by vm cannot import(); the bundle's imports of ES module packages come here
  const importModule = (specifier: string) => import(specifier);
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file), importModule);
  return {
    exports: module.exports,
    cached,
    save() {
      if (!cacheFile || !dir || cached) return;
      const temp = `${cacheFile}.${process.pid}.tmp`;
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
        // the caches of earlier builds of this bundle
        for (const old of readdirSync(dir)) {
          if (old.startsWith(prefix) && !old.endsWith('.tmp') && join(dir, old) !== cacheFile) rmSync(join(dir, old), { force: true });
        }
      } catch {
        try {
          rmSync(temp, { force: true });
        } catch {
          // an unwritable folder: nothing was written
        }
      }
    },
  };
}

const loaded = new Map<string, unknown>();

/** `runBundle` for the process, once per bundle: the cache is written as the process ends. */
export function loadBundle(file: string, hash: string): unknown {
  if (!loaded.has(file)) {
    const bundle = runBundle(file, hash, cacheDir(process.env));
    if (!bundle.cached) process.once('exit', () => bundle.save());
    loaded.set(file, bundle.exports);
  }
  return loaded.get(file);
}
