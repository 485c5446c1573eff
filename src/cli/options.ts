import { LIST_OUTPUT_OPTION, OUTPUT_OPTION } from '../commands/shared/common-options.js';
import type { CommandSpec, OptionSpec } from './spec.js';

/**
 * The options of a command; `--output` is appended unless the spec places it
 * itself. List commands (`spec.list`) get the `--output` that accepts `table`.
 */
export function allOptions(spec: CommandSpec): OptionSpec[] {
  const opts = spec.options.map((o) => (o.name === 'output' && spec.list ? { ...o, choices: LIST_OUTPUT_OPTION.choices } : o));
  if (!opts.some((o) => o.name === 'output')) opts.push(spec.list ? LIST_OUTPUT_OPTION : OUTPUT_OPTION);
  return opts;
}
