// Writes docs/commands.md from the command specs (src/cli/commands-doc.ts).
//   node scripts/commands-doc.mjs          write the file
//   node scripts/commands-doc.mjs --check  exit 1 when the file is out of date
import { root, withBundle, writeOrCheck } from './generated-file.mjs';

const text = await withBundle('commands-doc', { entryPoints: [new URL('src/cli/commands-doc.ts', root).pathname] }, (m) => m.commandsDoc());
writeOrCheck('docs/commands.md', text, 'scripts/commands-doc.mjs');
