// The handler's options are typed by the spec's option list (src/cli/spec.ts
// OptionsOf), and the parser delivers exactly those shapes. The type checks
// are enforced by `tsc --noEmit` (@ts-expect-error fails when nothing is wrong).
import { describe, expect, expectTypeOf, it } from 'vitest';
import { parseCommand } from '../../src/cli/parse.js';
import type { Options } from '../../src/cli/spec.js';
import { defineCommand, defineOption } from '../../src/commands/shared/define.js';
import type { spec as buildListSpec } from '../../src/commands/build/list.js';

const SHARED = defineOption({ name: 'product', alias: 'p', kind: 'string', describe: '' });

const spec = defineCommand({
  group: 'demo',
  name: 'typed',
  summary: '',
  description: '',
  options: [
    SHARED,
    { name: 'name', alias: 'n', kind: 'string', required: true, describe: '' },
    { name: 'descr', kind: 'string-empty', describe: '' },
    { name: 'endpoint', kind: 'string', default: 'https://x', describe: '' },
    { name: 'tag', kind: 'array', describe: '' },
    { name: 'full', kind: 'flag', describe: '' },
    { name: 'flagged', kind: 'bool', describe: '' },
    { name: 'mime', kind: 'choice', choices: ['json', 'urlencoded'], describe: '' },
    { name: 'dg-type', kind: 'choice', choices: ['development', 'factory'], repeatable: true, describe: '' },
    { name: 'timeout', kind: 'number', describe: '' },
  ],
  check: (opts) => {
    expectTypeOf(opts.full).toEqualTypeOf<boolean>();
    // @ts-expect-error an option the spec does not declare
    void opts.unknown;
    return undefined;
  },
});

type O = Options<typeof spec>;

describe('typed options', () => {
  it('types each kind as the parser delivers it', () => {
    expectTypeOf<O['product']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<O['name']>().toEqualTypeOf<string>();
    expectTypeOf<O['descr']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<O['endpoint']>().toEqualTypeOf<string>();
    expectTypeOf<O['tag']>().toEqualTypeOf<string[]>();
    expectTypeOf<O['full']>().toEqualTypeOf<boolean>();
    expectTypeOf<O['flagged']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<O['mime']>().toEqualTypeOf<'json' | 'urlencoded' | undefined>();
    expectTypeOf<O['dg-type']>().toEqualTypeOf<('development' | 'factory')[]>();
    expectTypeOf<O['timeout']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<keyof Options<typeof buildListSpec>>().toEqualTypeOf<
      'owner' | 'product' | 'dg' | 'dg-type' | 'sha' | 'tag' | 'flagged' | 'unflagged' | 'non-zombie' | 'zombie'
    >();
    const read = (opts: O) => {
      // @ts-expect-error an option the spec does not declare
      return opts.owner;
    };
    void read;
  });

  it('delivers absent flags as false, absent arrays as [], defaults and numbers', () => {
    const absent = parseCommand(spec, ['-n', 'a']).options;
    expect(absent).toEqual({
      product: undefined,
      name: 'a',
      descr: undefined,
      endpoint: 'https://x',
      tag: [],
      full: false,
      flagged: undefined,
      mime: undefined,
      'dg-type': [],
      timeout: undefined,
      output: undefined,
    });
    const given = parseCommand(spec, ['-n', 'a', '--tag', 'x', '--full', '--flagged', 'false', '--mime', 'json', '--dg-type', 'factory', '--timeout', '5']).options;
    expect(given).toMatchObject({ tag: ['x'], full: true, flagged: false, mime: 'json', 'dg-type': ['factory'], timeout: 5 });
  });
});
