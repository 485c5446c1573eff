// Options shared by the dg commands (interface/dg.md).
import type { OptionSpec } from '../../cli/spec.js';
import { defineOption } from '../shared/define.js';
import { OUTPUT_OPTION } from '../shared/common-options.js';
import { DG_TYPES, type DgTypeName } from '../../api/wire.js';

export const DG_TYPE_NAMES = Object.keys(DG_TYPES) as DgTypeName[];

export { CONFIRMED_OPTION, PROJECT_DG_OPTION as DG_OPTION } from '../shared/common-options.js';

export const DESCR_OPTION = defineOption({
  name: 'descr',
  alias: 's',
  kind: 'string-empty',
  usage: '<device_group_description>',
  describe: 'An optional description of the Device Group.',
});

const ENV_VARIABLE_TEXT =
  'Custom variables that can be used in the Device Group code. Must be valid JSON enclosed in single quotes. Keys must be alphanumeric, and start with a letter. Values must be strings or numbers.';

/**
 * `--env-variable` comes after `--output` in 2.6.1's help and usage line.
 * Its help text wraps one column narrower than the others in 2.6.1, so
 * each command passes the line breaks of its help (`breaks` = first word
 * of each continuation line).
 */
export function outputThenEnv(breaks: string[]) {
  let describe = ENV_VARIABLE_TEXT;
  let from = 0;
  for (const b of breaks) {
    const at = describe.indexOf(` ${b} `, from);
    describe = `${describe.slice(0, at)}\n${describe.slice(at + 1)}`;
    from = at + 1;
  }
  return [OUTPUT_OPTION, defineOption({ name: 'env-variable', alias: 'e', kind: 'string', usage: '', describe })] as const;
}
