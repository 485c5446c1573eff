// The text of src/cli/registry.generated.ts: every command's name and
// summary, taken from its spec, with the import that loads it. Written by
// scripts/commands-registry.mjs; test/unit/registry.test.ts fails while the
// file is stale. Not loaded by impt itself.
import type { CommandSpec } from './spec.js';

/** A command module found under src/commands/: its path there (`product/create.ts`) and its spec. */
export interface FoundCommand {
  file: string;
  spec: CommandSpec;
}

const HEAD = `// Generated from the command specs by \`node scripts/commands-registry.mjs\`; do not edit by hand.
// The name and summary of every command, so that \`impt --help\`, \`impt <group> --help\`
// and \`impt --version\` load no command module; each command is imported when it runs.
import type { CommandEntry } from './registry.js';
`;

/** A TypeScript string literal, single-quoted unless the text holds a single quote. */
function quote(text: string): string {
  return text.includes("'") ? JSON.stringify(text) : `'${text.replace(/\\/g, '\\\\')}'`;
}

export function registrySource(found: FoundCommand[]): string {
  const groups = new Map<string, FoundCommand[]>();
  for (const c of found) {
    const expected = `${c.spec.group}/${c.spec.name}.ts`;
    if (c.file !== expected) throw new Error(`src/commands/${c.file}: its spec names it ${c.spec.group} ${c.spec.name}, expected in ${expected}`);
    groups.set(c.spec.group, [...(groups.get(c.spec.group) ?? []), c]);
  }
  const lines = [HEAD, 'export const COMMANDS: Record<string, CommandEntry[]> = {'];
  for (const group of [...groups.keys()].sort()) {
    lines.push(`  ${/^[a-z]+$/.test(group) ? group : quote(group)}: [`);
    for (const c of groups.get(group)!.sort((a, b) => (a.spec.name < b.spec.name ? -1 : 1))) {
      const load = `() => import('../commands/${c.file.replace(/\.ts$/, '.js')}')`;
      const list = c.spec.list ? ' list: true,' : '';
      lines.push(`    { name: ${quote(c.spec.name)}, summary: ${quote(c.spec.summary)},${list} load: ${load} },`);
    }
    lines.push('  ],');
  }
  lines.push('};');
  return `${lines.join('\n')}\n`;
}
