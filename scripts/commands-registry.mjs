// Writes src/cli/registry.generated.ts from the command specs
// (src/cli/registry-source.ts): every file under src/commands/<group>/ that
// exports a `spec` and a `run` is a command.
//   node scripts/commands-registry.mjs          write the file
//   node scripts/commands-registry.mjs --check  exit 1 when the file is out of date
// The command modules are bundled with esbuild (dependencies left external)
// into a temporary file under dist/, imported, and removed.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url);
const target = new URL('src/cli/registry.generated.ts', root);
const commands = new URL('src/commands/', root);
mkdirSync(new URL('dist/', root), { recursive: true });
const tmp = new URL(`dist/.commands-registry-${process.pid}.mjs`, root);

const files = readdirSync(commands, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(new URL(`${d.name}/`, commands)).filter((f) => f.endsWith('.ts')).map((f) => `${d.name}/${f}`))
  .sort();
const entry = [
  ...files.map((f, i) => `import * as m${i} from './src/commands/${f}';`),
  `export const modules = [${files.map((f, i) => `[${JSON.stringify(f)}, m${i}]`).join(', ')}];`,
  "export { registrySource } from './src/cli/registry-source.ts';",
].join('\n');

let text;
try {
  await build({
    stdin: { contents: entry, resolveDir: root.pathname, loader: 'ts', sourcefile: 'commands-registry-entry.ts' },
    outfile: tmp.pathname,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    banner: { js: "import { createRequire as __crRequire } from 'node:module'; const require = __crRequire(import.meta.url);" },
    logLevel: 'error',
  });
  const { modules, registrySource } = await import(pathToFileURL(tmp.pathname).href);
  const found = modules.filter(([, m]) => m.spec && typeof m.run === 'function').map(([file, m]) => ({ file, spec: m.spec }));
  text = registrySource(found);
} finally {
  rmSync(tmp, { force: true });
}

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {}
  if (current !== text) {
    console.error('src/cli/registry.generated.ts is out of date: run node scripts/commands-registry.mjs');
    process.exit(1);
  }
  console.log('src/cli/registry.generated.ts is up to date');
} else {
  writeFileSync(target, text);
  console.log('wrote src/cli/registry.generated.ts');
}
