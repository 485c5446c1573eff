// Every `--help` text quoted in the interface docs, byte for byte: each one
// in-process (the same runCli as the binary), and the built binary once, for
// what only the process adds (its stdout and exit code).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runImpt } from '../helpers/in-process.js';

const dir = new URL('../fixtures/help/', import.meta.url);
const bin = new URL('../../bin/impt.js', import.meta.url).pathname;

describe('help texts', () => {
  for (const file of readdirSync(dir)) {
    const words = file === 'top.txt' ? [] : file.replace(/\.txt$/, '').split('-');
    it(`impt ${words.join(' ')} --help`, async () => {
      const expected = readFileSync(new URL(file, dir), 'utf8');
      const got = await runImpt([...words, '--help']);
      expect(got).toMatchObject({ stdout: expected, stderr: '', code: 0 });
    });
  }

  it('the built binary prints the same help and exits 0', () => {
    for (const words of [[], ['dg', 'create']]) {
      const expected = readFileSync(new URL(`${words.join('-') || 'top'}.txt`, dir), 'utf8');
      // execFileSync throws on a non-zero exit
      expect(execFileSync(process.execPath, [bin, ...words, '--help'], { encoding: 'utf8' })).toBe(expected);
    }
  });
});

describe('help width', () => {
  it('wraps at the terminal width when it is narrower than 80 columns', async () => {
    const { commandHelp } = await import('../../src/cli/help.js');
    const { spec } = await import('../../src/commands/product/create.js');
    const at = (columns: number | undefined) => commandHelp(spec, columns);
    expect(`${at(undefined)}\n`).toBe(readFileSync(new URL('product-create.txt', dir), 'utf8'));
    expect(at(120)).toBe(at(undefined));
    const narrow = at(60).split('\n');
    expect(Math.max(...narrow.map((l) => l.length))).toBe(60);
    expect(narrow.slice(1, 4)).toEqual([
      'Usage: impt product create --name <product_name> [--descr',
      '<product_description>] [--owner <ACCOUNT_IDENTIFIER>]',
      '[--output <mode>] [--help]',
    ]);
    expect(narrow).toContain('              [string] [choices: "minimal", "json", "debug"]');
  });

  it('takes the width from the stdout of the io it runs with', async () => {
    const r = await runImpt(['product', 'create', '--help'], { columns: 60 });
    expect(r.stdout).toBe(`${(await import('../../src/cli/help.js')).commandHelp((await import('../../src/commands/product/create.js')).spec, 60)}\n`);
  });
});
