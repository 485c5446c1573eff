// Shell completion (DIFFERENCES A5): the candidates of `impt completion --words`.
import { describe, expect, it } from 'vitest';
import { completionCandidates } from '../../src/cli/completion.js';
import { GROUPS } from '../../src/cli/registry.js';

describe('completionCandidates', () => {
  it('completes the groups after impt, filtered by the word typed', async () => {
    expect(await completionCandidates([''])).toEqual([...GROUPS.map((g) => g.name), 'completion']);
    expect(await completionCandidates(['d'])).toEqual(['device', 'dg']);
    expect(await completionCandidates(['--'])).toEqual(['--help', '--version']);
  });

  it('completes the commands of a group and the shells of completion', async () => {
    expect(await completionCandidates(['dg', ''])).toEqual(GROUPS.find((g) => g.name === 'dg')!.commands.map((c) => c.name));
    expect(await completionCandidates(['dg', 'un'])).toEqual(['unassign']);
    expect(await completionCandidates(['completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(await completionCandidates(['nosuch', ''])).toEqual([]);
  });

  it('completes long options (with --output and --help), and aliases after a single dash', async () => {
    const long = await completionCandidates(['dg', 'create', '--']);
    expect(long).toEqual(expect.arrayContaining(['--name', '--dg-type', '--product', '--output', '--help']));
    expect(long.every((w) => w.startsWith('--'))).toBe(true);
    expect(await completionCandidates(['dg', 'create', '--dg'])).toEqual(['--dg-type']);
    expect(await completionCandidates(['dg', 'create', '-'])).toEqual(expect.arrayContaining(['--name', '-n', '-y', '-z', '-h']));
  });

  it('completes the values known statically: output modes, Device Group types, bools', async () => {
    expect(await completionCandidates(['dg', 'create', '-z', ''])).toEqual(['minimal', 'json', 'debug']);
    expect(await completionCandidates(['dg', 'list', '--output', ''])).toEqual(['minimal', 'json', 'debug', 'table']);
    expect(await completionCandidates(['dg', 'create', '--name', 'x', '--dg-type', 'pre-'])).toEqual(['pre-factory', 'pre-dut', 'pre-production']);
    expect(await completionCandidates(['test', 'create', '--stop-on-fail', ''])).toEqual(['true', 'false']);
    expect(await completionCandidates(['test', 'create', '--stop-on-fail', '--al'])).toEqual(['--allow-disconnect']);
    // free values (names, identifiers) are left to the shell
    expect(await completionCandidates(['dg', 'create', '--name', ''])).toEqual([]);
  });
});
