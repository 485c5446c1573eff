// The `--help` pages of the account, build, log, loginkey, project, test and
// webhook groups, byte for byte: 2.6.1's usage lines and layout with the
// descriptions and option texts docs/differences.md lists. Run in-process: one
// page costs milliseconds instead of a Node start-up.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runImpt } from '../helpers/in-process.js';

const dir = new URL('../fixtures/help-other/', import.meta.url);

describe('help pages of the other groups', () => {
  for (const file of readdirSync(dir)) {
    const words = file.replace(/\.txt$/, '').split('-');
    it(`impt ${words.join(' ')} --help`, async () => {
      const r = await runImpt([...words, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(readFileSync(new URL(file, dir), 'utf8'));
    });
  }
});
