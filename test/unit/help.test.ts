// Every `--help` text quoted in the interface docs, byte for byte.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../fixtures/help/', import.meta.url);
const bin = new URL('../../bin/impt.js', import.meta.url).pathname;

describe('help texts', () => {
  for (const file of readdirSync(dir)) {
    const words = file === 'top.txt' ? [] : file.replace(/\.txt$/, '').split('-');
    it(`impt ${words.join(' ')} --help`, () => {
      const expected = readFileSync(new URL(file, dir), 'utf8');
      const got = execFileSync(process.execPath, [bin, ...words, '--help'], { encoding: 'utf8' });
      expect(got).toBe(expected);
    });
  }
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
    const { runImpt } = await import('../helpers/in-process.js');
    const r = await runImpt(['product', 'create', '--help'], { columns: 60 });
    expect(r.stdout).toBe(`${(await import('../../src/cli/help.js')).commandHelp((await import('../../src/commands/product/create.js')).spec, 60)}\n`);
  });
});
