// Options that read the same in several groups.
import type { OptionSpec } from '../../cli/spec.js';
import { defineOption } from './define.js';

/** `--output`: appended to every command's options unless its spec places it itself (src/cli/options.ts). */
export const OUTPUT_OPTION = defineOption({
  name: 'output',
  alias: 'z',
  kind: 'choice',
  choices: ['minimal', 'json', 'debug'],
  describe: "Adjusts the command's output.",
  usage: '<mode>',
});

/** `--output` of the list commands (`spec.list`): `table` too (DIFFERENCES A1). */
export const LIST_OUTPUT_OPTION = defineOption({ ...OUTPUT_OPTION, choices: [...OUTPUT_OPTION.choices, 'table'] });

/** Appended to the help text of repeatable options, as yargs does for arrays. */
export const REPEATED = ' (may be repeated several times)';

/** `--dg` with the Project file fallback. */
export const PROJECT_DG_OPTION = defineOption({
  name: 'dg',
  alias: 'g',
  kind: 'string',
  usage: '<DEVICE_GROUP_IDENTIFIER>',
  describe:
    'A Device Group identifier: Device Group ID or Device Group name. If not specified, the Device Group referenced by the Project file in the current directory is used (if there is no Project file, the command fails).',
});

export const CONFIRMED_OPTION = defineOption({
  name: 'confirmed',
  alias: 'q',
  kind: 'flag',
  describe: 'Executes the operation without asking additional confirmation from user.',
});
