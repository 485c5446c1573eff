// What the command line runs in: the process (src/cli/main.ts) or a test
// (test/helpers/in-process.ts). Everything a command reads or writes of its
// surroundings comes from here, so that commands run in-process exactly as
// they do in the binary.
import type { SessionFactory } from './spec.js';

export interface OutStream extends NodeJS.WritableStream {
  isTTY?: boolean;
  /** terminal width (help wraps at it when narrower than 80 columns) */
  columns?: number;
}

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; destroy?(): void };
  /** a terminal to ask questions on (stdin is a TTY and IMPT_NO_PROMPT is unset) */
  canPrompt: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** aborted by the owner on SIGINT/SIGTERM (see CommandRuntime.signal) */
  signal: AbortSignal;
  /** the API session of a command; defaults to context/session.ts openSession */
  openSession?: SessionFactory;
}

/** How a command line ended: the exit code, and whether it ended quietly (an interrupted page or stream: something may still be open). */
export interface CliEnd {
  code: number;
  quiet: boolean;
}
