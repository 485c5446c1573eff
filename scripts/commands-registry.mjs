// Writes src/cli/registry.generated.ts from the command specs
// (src/cli/registry-source.ts): every file under src/commands/<group>/ that
// exports a `spec` and a `run` is a command.
//   node scripts/commands-registry.mjs          write the file
//   node scripts/commands-registry.mjs --check  exit 1 when the file is out of date
import { readdirSync } from 'node:fs';
import { root, withBundle, writeOrCheck } from './generated-file.mjs';

const commands = new URL('src/commands/', root);
const files = readdirSync(commands, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(new URL(`${d.name}/`, commands)).filter((f) => f.endsWith('.ts')).map((f) => `${d.name}/${f}`))
  .sort();
const entry = [
  ...files.map((f, i) => `import * as m${i} from './src/commands/${f}';`),
  `export const modules = [${files.map((f, i) => `[${JSON.stringify(f)}, m${i}]`).join(', ')}];`,
  "export { registrySource } from './src/cli/registry-source.ts';",
].join('\n');

const stdin = { contents: entry, resolveDir: root.pathname, loader: 'ts', sourcefile: 'commands-registry-entry.ts' };
const text = await withBundle('commands-registry', { stdin }, ({ modules, registrySource }) =>
  registrySource(modules.filter(([, m]) => m.spec && typeof m.run === 'function').map(([file, m]) => ({ file, spec: m.spec }))),
);
writeOrCheck('src/cli/registry.generated.ts', text, 'scripts/commands-registry.mjs');
