// Writes docs/commands.md from the command specs (src/cli/commands-doc.ts).
//   node scripts/commands-doc.mjs          write the file
//   node scripts/commands-doc.mjs --check  exit 1 when the file is out of date
// The module is bundled with esbuild (dependencies left external) into a
// temporary file under dist/, imported, and removed.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url);
const target = new URL('docs/commands.md', root);
mkdirSync(new URL('dist/', root), { recursive: true });
const tmp = new URL(`dist/.commands-doc-${process.pid}.mjs`, root);

let text;
try {
  await build({
    entryPoints: [new URL('src/cli/commands-doc.ts', root).pathname],
    outfile: tmp.pathname,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    banner: { js: "import { createRequire as __cdRequire } from 'node:module'; const require = __cdRequire(import.meta.url);" },
    logLevel: 'error',
  });
  const { commandsDoc } = await import(pathToFileURL(tmp.pathname).href);
  text = await commandsDoc();
} finally {
  rmSync(tmp, { force: true });
}

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {}
  if (current !== text) {
    console.error('docs/commands.md is out of date: run node scripts/commands-doc.mjs');
    process.exit(1);
  }
  console.log('docs/commands.md is up to date');
} else {
  writeFileSync(target, text);
  console.log('wrote docs/commands.md');
}
