// docs/commands.md is generated from the command specs; CI fails when it is stale.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandsDoc } from '../../src/cli/commands-doc.js';
import { GROUPS, LIST_COMMANDS } from '../../src/cli/registry.js';

const file = new URL('../../docs/commands.md', import.meta.url);
const script = new URL('../../scripts/commands-doc.mjs', import.meta.url).pathname;

describe('docs/commands.md', () => {
  it('is up to date with the command specs (regenerate: node scripts/commands-doc.mjs)', async () => {
    expect(readFileSync(file, 'utf8')).toBe(await commandsDoc());
  });

  it('has a section for every command with each of its options, table among the output choices of list commands only', async () => {
    const text = await commandsDoc();
    for (const g of GROUPS) {
      for (const c of g.commands) {
        const start = text.indexOf(`\n### impt ${g.name} ${c.name}\n`);
        expect(start, `${g.name} ${c.name}`).toBeGreaterThan(0);
        const end = text.indexOf('\n##', start + 1);
        const section = text.slice(start, end < 0 ? undefined : end);
        const { spec } = await c.load();
        for (const o of spec.options.filter((x) => !x.hidden)) expect(section, `${g.name} ${c.name} --${o.name}`).toContain(`| \`--${o.name}\``);
        const output = section.split('\n').find((l) => l.startsWith('| `--output`'))!;
        expect(output.includes('`table`'), `${g.name} ${c.name}`).toBe(LIST_COMMANDS.includes(`${g.name} ${c.name}`));
      }
    }
  });

  it('is what the script writes (--check)', () => {
    expect(execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8' })).toBe('docs/commands.md is up to date\n');
  });
});
