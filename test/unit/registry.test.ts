// The command registry is generated from the command specs
// (src/cli/registry.generated.ts, by scripts/commands-registry.mjs); CI fails when it is stale.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/registry.generated.js';
import { GROUPS } from '../../src/cli/registry.js';

const script = new URL('../../scripts/commands-registry.mjs', import.meta.url).pathname;

describe('command registry', () => {
  it('is what the script writes from the specs (regenerate: node scripts/commands-registry.mjs)', () => {
    expect(execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8' })).toBe('src/cli/registry.generated.ts is up to date\n');
  });

  it('has a summary for every group of commands, and commands in every group', () => {
    expect(GROUPS.map((g) => g.name).sort()).toEqual(Object.keys(COMMANDS).sort());
    for (const g of GROUPS) expect(g.commands.length, g.name).toBeGreaterThan(0);
  });

  it("names each command as its spec does, and loads that command's module", async () => {
    for (const g of GROUPS) {
      for (const c of g.commands) {
        const { spec, run } = await c.load();
        expect({ group: spec.group, name: spec.name, summary: spec.summary, list: spec.list === true }).toEqual({
          group: g.name,
          name: c.name,
          summary: c.summary,
          list: c.list === true,
        });
        expect(typeof run).toBe('function');
      }
    }
  });
});
