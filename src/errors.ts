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
