// `impt-emulator --version`, and `--help` on every verb: each verb (found by
// walking the Commands: sections of the help texts) prints its usage and
// exits 0 without starting or reaching an emulator.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runEmulatorCli } from '../helpers/emulator.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The verbs listed under `Commands:` of a help text (without `help`). */
function verbs(help: string): string[] {
  const section = help.split('\nCommands:\n')[1];
  if (!section) return [];
  return section
    .split('\n')
    .map((l) => /^ {2}([a-z][a-z-]*)/.exec(l)?.[1])
    .filter((v): v is string => v !== undefined && v !== 'help');
}

describe('impt-emulator command line', () => {
  it('--version and -V print the version', async () => {
    for (const flag of ['--version', '-V']) {
      const r = await runEmulatorCli([flag]);
      expect(r).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    }
  });

  it('--help works on every verb, nested ones included', async () => {
    const top = await runEmulatorCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^Usage: impt-emulator /);
    let level = verbs(top.stdout).map((v) => [v]);
    expect(level.map((q) => q[0])).toEqual(expect.arrayContaining(['start', 'exec', 'devices', 'imp', 'faults', 'reset']));
    const seen: string[] = [];
    // the verbs of one level at once: each is a process of its own
    while (level.length) {
      const next: string[][] = [];
      const results = await Promise.all(level.map((words) => runEmulatorCli([...words, '--help'])));
      level.forEach((words, i) => {
        const r = results[i]!;
        expect(r.code, `${words.join(' ')} --help\n${r.stderr}`).toBe(0);
        expect(r.stdout, words.join(' ')).toMatch(new RegExp(`^Usage: impt-emulator ${words.join(' ')}( |$)`, 'm'));
        seen.push(words.join(' '));
        for (const v of verbs(r.stdout)) next.push([...words, v]);
      });
      level = next;
    }
    expect(seen.length).toBeGreaterThan(20);
  });
});
