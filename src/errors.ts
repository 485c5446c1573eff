// Failures a command reports to the user. The CLI's error boundary turns each
// into output (src/output) and exit code 1.
import type { DisplayObject } from './types/display.js';

export interface CliErrorExtras {
  /** info-level lines printed after the Error line (default/debug only) */
  infoLines?: string[];
  /** entities printed after the Error line (default/debug/minimal), e.g. ambiguous matches */
  entities?: DisplayObject[];
}

export class CliError extends Error {
  readonly infoLines: string[];
  readonly entities: DisplayObject[];
  constructor(message: string, extras: CliErrorExtras = {}) {
    super(message);
    this.name = 'CliError';
    this.infoLines = extras.infoLines ?? [];
    this.entities = extras.entities ?? [];
  }
}

/** The user answered "no" (or Ctrl-C) at a confirmation. */
export class CanceledError extends Error {
  constructor() {
    super('canceled');
    this.name = 'CanceledError';
  }
}

/** A parse/validation failure: printed after the help text, always as text. */
export class UsageError extends Error {
  readonly helpKey: string;
  constructor(message: string, helpKey: string) {
    super(message);
    this.name = 'UsageError';
    this.helpKey = helpKey;
  }
}

/** Where the credentials of a command come from (interface/README.md §10.1). */
export type AuthScope = 'local' | 'path' | 'env' | 'global';

/** A configuration file of the execution context, by its role. */
export type ContextFile = { role: 'auth'; scope: AuthScope } | { role: 'project' } | { role: 'test' };

/**
 * What went wrong in the execution context (src/context), as data; the
 * words are src/output/messages/context.ts's.
 */
export type ContextFailure =
  | { kind: 'not-logged-in' }
  /** absent where it must be (`not-in-cwd`: the file of the current directory) */
  | { kind: 'not-found' | 'not-in-cwd' | 'corrupted'; file: ContextFile }
  /** the access token of an auth file can't be renewed */
  | { kind: 'token-expired' | 'refresh-impossible'; scope: AuthScope }
  /** IMPT_LOGINKEY names no login key */
  | { kind: 'unknown-login-key'; loginKey: string }
  /** a file impt reads, writes or deletes; `reason` is the system's message */
  | { kind: 'file-access'; path: string; reason: string }
  /** a name impt would delete is not a regular file */
  | { kind: 'not-regular-file'; path: string };

/** A failure of the execution context; the boundary prints it like a CliError. */
export class ContextError extends Error {
  constructor(readonly failure: ContextFailure) {
    super(`execution context: ${failure.kind}`);
    this.name = 'ContextError';
  }
}
