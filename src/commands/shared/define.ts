// How command files declare their spec and shared options: the option
// literals keep their names and kinds, from which Options<typeof spec>
// (src/cli/spec.ts) types the handler's options.
import type { CommandSpec, OptionSpec, TypedCommandSpec } from '../../cli/spec.js';

/** A command spec whose option list keeps its literal names and kinds (for `Options<typeof spec>`). */
export function defineCommand<const O extends readonly OptionSpec[]>(spec: TypedCommandSpec<O>): CommandSpec<O> {
  // the parser delivers each option in the shape OptionsOf<O> gives it
  return spec as CommandSpec<O>;
}

/** An option shared by several commands, keeping its literal name and kind. */
export function defineOption<const S extends OptionSpec>(option: S): S {
  return option;
}
