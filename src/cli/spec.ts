// Declarative description of a command: what the parser, the validator and
// the help renderer need. Each command file exports one `spec` and one `run`.
import type { Session, SessionDeps } from '../context/session.js';
import type { Printer } from '../output/printer.js';

/**
 * string   — one value required, "" refused (`must not be empty`), not repeatable
 * string-empty — one value, "" accepted, not repeatable
 * string-optional — like string-empty, but a bare option means "" (no value)
 * array    — repeatable, values collected, "" accepted; absent = []
 * flag     — no value; `true` after it is swallowed; `false` refused; absent = false
 * bool     — optional value true|false (bare = true); absent = undefined
 * choice   — one value from `choices`, not repeatable (array-typed when `repeatable`, absent = [])
 * number   — one value that must be a positive integer (checked with the generic checks)
 */
export type OptionKind = 'string' | 'string-empty' | 'string-optional' | 'array' | 'flag' | 'bool' | 'choice' | 'number';

export interface OptionSpec {
  name: string;
  alias?: string;
  kind: OptionKind;
  describe: string;
  required?: boolean;
  choices?: readonly string[];
  /** choice options that may be repeated (array-typed in help) */
  repeatable?: boolean;
  /** placeholder in the usage line, e.g. `<product_name>`; '' prints the bare option */
  usage?: string;
  default?: string;
  /** shown in help as the yargs type tag; derived from kind when absent */
  type?: 'string' | 'boolean' | 'array' | 'number';
  /** hidden options are parsed but absent from help (e.g. `-z table`) */
  hidden?: boolean;
}

interface CommandSpecFields<O extends readonly OptionSpec[]> {
  group: string;
  name: string;
  /** short description, shown in the group help */
  summary: string;
  /** long description, shown in the command help */
  description: string;
  options: O;
  /** usage line after `impt group name`; generated from the options when absent */
  usage?: string;
  /** list commands also accept `-z table` */
  list?: boolean;
}

export interface CommandSpec<O extends readonly OptionSpec[] = readonly OptionSpec[]> extends CommandSpecFields<O> {
  /** command-specific parse-time checks (after the generic checks), returning an error message */
  check?(opts: ParsedOptions, given: ReadonlySet<string>): string | undefined;
}

/**
 * A command spec as written (src/commands/shared/define.ts): its `check` sees
 * the options typed by the option list (a choice outside its choices is
 * refused after the checks).
 */
export interface TypedCommandSpec<O extends readonly OptionSpec[]> extends CommandSpecFields<O> {
  check?(opts: OptionsOf<O>, given: ReadonlySet<string>): string | undefined;
}

export type OptionValue = string | string[] | boolean | number | undefined;
export type ParsedOptions = Record<string, OptionValue>;

/** What the parser delivers for one option: see the kinds above (a default makes an option always present). */
type ValueOf<S extends OptionSpec> = S extends { kind: 'flag' }
  ? boolean
  : S extends { kind: 'bool' }
    ? boolean | undefined
    : S extends { kind: 'array' }
      ? string[]
      : S extends { kind: 'choice'; repeatable: true }
        ? ChoiceOf<S>[]
        : Present<S, S extends { kind: 'choice' } ? ChoiceOf<S> : S extends { kind: 'number' } ? number : string>;
type ChoiceOf<S extends OptionSpec> = S extends { choices: readonly (infer C extends string)[] } ? C : string;
type Present<S extends OptionSpec, T> = S extends { required: true } | { default: string } ? T : T | undefined;

/**
 * The options a handler receives, keyed by long name, typed by the spec's
 * option list: reading an option the spec does not declare fails the typecheck.
 */
export type OptionsOf<O extends readonly OptionSpec[]> = readonly OptionSpec[] extends O
  ? ParsedOptions
  : { [S in O[number] as S['name']]: ValueOf<S> };

/** The options of a command's handler: `run(opts: Options<typeof spec>, rt)`. */
export type Options<S extends { options: readonly OptionSpec[] }> = OptionsOf<S['options']>;

/** Opens the API session of a command (the auth context of its directory, or the one given). */
export type SessionFactory = (deps: SessionDeps, context?: Session['context']) => Session;

/**
 * What a command may use of the world around it. The boundary
 * (src/cli/run.ts) builds it from the CliIo it is given: the process in
 * bin/impt.js, or a test in test/helpers/in-process.ts.
 */
export interface CommandRuntime {
  out: Printer;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** option names the user typed (long names), to tell "absent" from "given empty" */
  given: ReadonlySet<string>;
  /** stdin (paging of `log get`) */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; destroy?(): void };
  /** stdout as a stream, for output that must respect back-pressure (log streams) */
  stdout: NodeJS.WritableStream;
  /**
   * Aborted on Ctrl-C / SIGTERM. Only while a listener is attached does the
   * boundary turn the signal into an abort; otherwise the signal ends the
   * process as it would any program.
   */
  signal: AbortSignal;
  /** the API session factory (tests may give their own); context/session.ts openSession when absent */
  openSession?: SessionFactory;
}

/**
 * What a handler returns: nothing (the boundary prints the status line, or
 * `{}` in json mode) or 'quiet' — the command has printed all it prints and
 * ends with exit code 0 at once (an interrupted log stream or paging, json
 * streams), without waiting for requests still under way.
 */
export type CommandEnd = void | 'quiet';

export interface CommandModule {
  spec: CommandSpec;
  run(opts: ParsedOptions, rt: CommandRuntime): Promise<CommandEnd>;
}

export const HELP_DESCRIBE_COMMAND = 'Displays a description of the command. Ignores any other options.';

/** camelCase form of a hyphenated option name: accepted like the original */
export function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
