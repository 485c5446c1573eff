import { OUTPUT_OPTION } from '../commands/shared/common-options.js';
import type { CommandSpec, OptionSpec } from './spec.js';

/** The options of a command; `--output` is appended unless the spec places it itself. */
export function allOptions(spec: CommandSpec): OptionSpec[] {
  const opts = [...spec.options];
  if (!opts.some((o) => o.name === 'output')) opts.push(OUTPUT_OPTION);
  return opts;
}
