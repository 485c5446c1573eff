// Bundles the entry points into dist/. Dependencies are bundled too
// (reading one file is much faster than resolving a tree of packages), except
// those loaded only on demand; splitting keeps command handlers in chunks
// that load lazily, so `impt --version` starts almost as fast as bare node.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const outdir = new URL('../dist', import.meta.url).pathname;

const result = await build({
  // dist/squirrel.js: the Squirrel interpreter's host API on its own (bench/squirrel.mjs)
  entryPoints: { impt: 'src/cli/main.ts', 'impt-emulator': 'src/emulator/main.ts', squirrel: 'src/squirrel/index.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // prompts, the config store and the help layout are needed by few commands
  // Builder (impt test run) loads its own parts at run time: it stays in node_modules
  external: ['conf', '@inquirer/prompts', 'cliui', 'Builder'],
  // bundled CommonJS dependencies call require() for Node's own modules
  banner: { js: "import { createRequire as __imptRequire } from 'node:module'; const require = __imptRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
});

// the impUnit-compatible Squirrel framework that `impt test run` prepends to test builds
mkdirSync(join(outdir, 'testing'), { recursive: true });
copyFileSync(new URL('../src/testing/framework/impunit.nut', import.meta.url), join(outdir, 'testing', 'impunit.nut'));

// dist/ is overwritten in place (a failed build leaves the previous one
// usable); files of earlier builds are removed afterwards.
const current = new Set(Object.keys(result.metafile.outputs).map((p) => relative(outdir, p)));
for (const dir of ['', 'chunks']) {
  let names = [];
  try {
    names = readdirSync(join(outdir, dir));
  } catch {
    continue;
  }
  for (const name of names) {
    const rel = join(dir, name);
    if (name.endsWith('.js') && !current.has(rel)) rmSync(join(outdir, rel));
  }
}
