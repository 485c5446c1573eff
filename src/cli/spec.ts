// Declarative description of a command: what the parser, the validator and
// the help renderer need. Each command file exports one `spec` and one `run`.
import type { Session, SessionDeps } from '../context/session.js';
import type { Printer } from '../output/printer.js';

/**
 * string   — one value required, "" refused (`must not be empty`), not repeatable
 * string-empty — one value, "" accepted, not repeatable
 * string-optional — like string-empty, but a bare option means "" (no value)
 * array    — repeatable, values collected, "" accepted
 * flag     — no value; `true` after it is swallowed; `false` refused
 * bool     — optional value true|false (bare = true); absent = undefined
 * choice   — one value from `choices`, not repeatable (array-typed when `repeatable`)
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

export interface CommandSpec {
  group: string;
  name: string;
  /** short description, shown in the group help */
  summary: string;
  /** long description, shown in the command help */
  description: string;
  options: OptionSpec[];
  /** usage line after `impt group name`; generated from the options when absent */
  usage?: string;
  /** list commands also accept `-z table` */
  list?: boolean;
  /** command-specific parse-time checks (after the generic checks), returning an error message */
  check?: (opts: ParsedOptions, given: ReadonlySet<string>) => string | undefined;
}

export type OptionValue = string | string[] | boolean | number | undefined;
export type ParsedOptions = Record<string, OptionValue>;

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
