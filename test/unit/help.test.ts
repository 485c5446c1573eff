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
