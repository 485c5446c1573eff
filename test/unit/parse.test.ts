// Option parsing quirks of impt 2.6.1 (interface/README.md §1).
import { describe, expect, it } from 'vitest';
import { ParseFailure, parseCommand } from '../../src/cli/parse.js';
import type { CommandSpec } from '../../src/cli/spec.js';
import { positionalWords } from '../../src/cli/words.js';

const spec: CommandSpec = {
  group: 'dg',
  name: 'demo',
  summary: '',
  description: '',
  list: true,
  options: [
    { name: 'dg', alias: 'g', kind: 'string', describe: '' },
    { name: 'name', alias: 'n', kind: 'string', required: true, describe: '' },
    { name: 'descr', alias: 's', kind: 'string-empty', describe: '' },
    { name: 'owner', alias: 'o', kind: 'array', describe: '' },
    { name: 'full', alias: 'u', kind: 'flag', describe: '' },
    { name: 'load-code-after-blessing', alias: 'l', kind: 'bool', describe: '' },
    { name: 'dg-type', alias: 't', kind: 'choice', repeatable: true, choices: ['development', 'factory'], describe: '' },
  ],
};

const ok = (words: string[]) => parseCommand(spec, words).options;
const fail = (words: string[]) => {
  try {
    parseCommand(spec, words);
  } catch (e) {
    if (e instanceof ParseFailure) return e.message;
    throw e;
  }
  throw new Error('parse did not fail');
};

describe('parseCommand', () => {
  it('reads long, short, = and camelCase forms', () => {
    expect(ok(['--name', 'a', '-g', 'x']).dg).toBe('x');
    expect(ok(['--name=a', '-g=x']).name).toBe('a');
    expect(ok(['-n', 'a', '--loadCodeAfterBlessing', 'false'])['load-code-after-blessing']).toBe(false);
  });

  it('collects repeated array options, de-duplicated', () => {
    expect(ok(['-n', 'a', '-o', 'x', '--owner', 'y', '-o', 'x']).owner).toEqual(['x', 'y']);
    expect(ok(['-n', 'a']).owner).toEqual([]);
    expect(ok(['-n', 'a'])['dg-type']).toEqual([]);
  });

  it('treats flags and optional booleans like yargs', () => {
    expect(ok(['-n', 'a', '--full', 'true']).full).toBe(true);
    expect(ok(['-n', 'a']).full).toBe(false);
    expect(ok(['-n', 'a', '-l'])['load-code-after-blessing']).toBe(true);
    expect(ok(['-n', 'a', '--no-load-code-after-blessing'])['load-code-after-blessing']).toBe(false);
    expect(fail(['-n', 'a', '--full', 'false'])).toBe('Option "--full" has incorrect value "false".');
    expect(fail(['-n', 'a', '--no-full'])).toBe('Option "--full" has incorrect value "false".');
    expect(fail(['-n', 'a', '--full', 'yes'])).toBe('Unknown arguments: yes.');
  });

  it('reports value problems with the option name as typed or in full', () => {
    expect(fail(['-n'])).toBe('Not enough arguments following: n');
    expect(fail(['-n', 'a', '--dg=-x'])).toBe('Not enough arguments following: dg');
    expect(fail(['-n', ''])).toBe('Option "--name" must not be empty.');
    expect(ok(['-n', 'a', '-s', '']).descr).toBe('');
    expect(fail(['-n', 'a', '-n', 'b'])).toBe('Option "--name" must not be specified multiple times.');
  });

  it('knows missing, unknown and ignored options', () => {
    expect(fail([])).toBe('Missing required argument: name');
    expect(fail(['-n', 'a', '--foo', 'bar'])).toBe('Unknown argument: foo');
    expect(fail(['-n', 'a', '--foo', '--bar'])).toBe('Unknown arguments: foo, bar');
    expect(fail(['-n', 'a', '-qf'])).toBe('Unknown argument: qf');
    expect(ok(['-n', 'a', '--create-target', 'x']).name).toBe('a');
    expect(fail(['-n', 'a', 'extra1', 'extra2'])).toBe('Unknown arguments: extra1, extra2.');
  });

  it('reports negated unknown options by their key, each unknown key once, and ignores --', () => {
    expect(fail(['-n', 'a', '--no-color'])).toBe('Unknown argument: color');
    expect(fail(['-n', 'a', '--no-color', 'word'])).toBe('Unknown argument: color');
    expect(ok(['-n', 'a', '--no-foo-bar', '--no-color=x']).name).toBe('a');
    expect(fail(['-n', 'a', '-Q', 'x', '-Q', 'y'])).toBe('Unknown argument: Q');
    expect(fail(['-n', 'a', '--', 'x'])).toBe('Unknown arguments: x.');
    // impt 2.6.1's yargs parses the words after `--` as options too
    expect(ok(['--', '-n', 'a']).name).toBe('a');
    expect(fail(['--', '--foo', 'x', '-n', 'a', '--'])).toBe('Unknown argument: foo');
  });

  it('validates choices last, listing the given values', () => {
    expect(fail(['-n', 'a', '-t', 'factory', '-t', 'nope'])).toBe(
      'Invalid values:\n  Argument: dg-type, Given: "factory", "nope", Choices: "development", "factory"',
    );
    expect(fail(['-n', 'a', '-z', 'xml'])).toContain('Choices: "minimal", "json", "debug", "table"');
    expect(ok(['-n', 'a', '-z', 'table']).output).toBe('table');
  });

  it('refuses -z table outside the list commands, naming them, at the step of the choice check (A1)', () => {
    const other: CommandSpec = { ...spec, list: false };
    const failOther = (words: string[]) => {
      try {
        parseCommand(other, words);
      } catch (e) {
        if (e instanceof ParseFailure) return e.message;
        throw e;
      }
      throw new Error('parsed');
    };
    expect(failOther(['-n', 'a', '-z', 'table'])).toBe(
      'Option "--output" value "table" is accepted by the list commands only: impt account list, impt build list, impt device list, impt dg list, impt loginkey list, impt product list, impt webhook list.',
    );
    expect(failOther(['-n', 'a', '-z', 'xml'])).toBe('Invalid values:\n  Argument: output, Given: "xml", Choices: "minimal", "json", "debug"');
    // earlier steps still win
    expect(failOther(['-z', 'table'])).toBe('Missing required argument: name');
  });

  it('names as list commands exactly the specs with list: true', async () => {
    const { GROUPS, LIST_COMMANDS } = await import('../../src/cli/registry.js');
    const lists: string[] = [];
    for (const g of GROUPS) for (const c of g.commands) if ((await c.load()).spec.list) lists.push(`${g.name} ${c.name}`);
    expect(LIST_COMMANDS).toEqual(lists);
  });

  it('runs the generic checks option by option in declaration order, after extra positionals', () => {
    // dg is declared before name: its repetition wins over the empty name
    expect(fail(['-g', 'x', '-g', 'y', '-n', ''])).toBe('Option "--dg" must not be specified multiple times.');
    expect(fail(['-n', '', '--full', 'false'])).toBe('Option "--name" must not be empty.');
    expect(fail(['-n', 'a', '--full', 'false', 'extra'])).toBe('Unknown arguments: extra.');
    expect(fail(['-n', 'a', '-g', 'x', '-g', 'y', '--full', 'false'])).toBe('Option "--dg" must not be specified multiple times.');
  });

  it('reads any value but true of a boolean as false, the last occurrence winning', () => {
    expect(fail(['-n', 'a', '--full=yes'])).toBe('Option "--full" has incorrect value "false".');
    expect(ok(['-n', 'a', '--full', 'false', '--full']).full).toBe(true);
    expect(ok(['-n', 'a', '--load-code-after-blessing=maybe'])['load-code-after-blessing']).toBe(false);
  });

  it('applies the validation order of §1.4', () => {
    expect(fail(['--foo', '-g'])).toBe('Not enough arguments following: g');
    expect(fail(['--foo', 'x'])).toBe('Missing required argument: name');
    expect(fail(['-n', 'a', '--foo', '-z', 'xml'])).toBe('Unknown argument: foo');
  });
});

describe('optional-value strings', () => {
  const optional: CommandSpec = {
    group: 'test',
    name: 'update',
    summary: '',
    description: '',
    options: [
      { name: 'device-file', alias: 'x', kind: 'string-optional', describe: '' },
      { name: 'agent-file', alias: 'y', kind: 'string-optional', describe: '' },
    ],
  };
  it('reads a bare option as an empty value and a following word as its value', () => {
    expect(parseCommand(optional, ['-x', '-y', 'a.nut']).options).toMatchObject({ 'device-file': '', 'agent-file': 'a.nut' });
    expect(parseCommand(optional, ['--device-file']).options['device-file']).toBe('');
    expect(parseCommand(optional, []).options['device-file']).toBeUndefined();
  });
});

describe('positionalWords', () => {
  const words = (argv: string[]) => positionalWords(argv).map((w) => w.word);
  it('knows which options of any command are flags and which take a value', () => {
    expect(words(['build', 'get', '--device-only', 'help'])).toEqual(['build', 'get', 'help']);
    expect(words(['build', 'get', '-b', 'x', '--agent-only', 'help'])).toEqual(['build', 'get', 'help']);
    expect(words(['test', 'update', '--timeout', '5', 'help'])).toEqual(['test', 'update', 'help']);
    expect(words(['test', 'run', '--tests', 'help'])).toEqual(['test', 'run']);
    expect(words(['-z', 'json', 'product', 'list'])).toEqual(['product', 'list']);
  });
});
