// What the generators of checked-in files share (scripts/commands-doc.mjs,
// scripts/commands-registry.mjs): TypeScript modules bundled with esbuild
// (dependencies left external) into a temporary file under dist/, imported,
// and removed; the generated text written, or compared with `--check`.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const root = new URL('..', import.meta.url);

/** Bundles `entry` (esbuild's entryPoints or stdin options), imports the bundle and returns what `use` makes of it. */
export async function withBundle(name, entry, use) {
  mkdirSync(new URL('dist/', root), { recursive: true });
  const tmp = new URL(`dist/.${name}-${process.pid}.mjs`, root);
  try {
    await build({
      ...entry,
      outfile: tmp.pathname,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      banner: { js: "import { createRequire as __genRequire } from 'node:module'; const require = __genRequire(import.meta.url);" },
      logLevel: 'error',
    });
    return await use(await import(pathToFileURL(tmp.pathname).href));
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Writes `text` to `file` (relative to the repository), or with `--check` exits 1 when the file differs. */
export function writeOrCheck(file, text, script) {
  const target = new URL(file, root);
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {}
    if (current !== text) {
      console.error(`${file} is out of date: run node ${script}`);
      process.exit(1);
    }
    console.log(`${file} is up to date`);
  } else {
    writeFileSync(target, text);
    console.log(`wrote ${file}`);
  }
}
