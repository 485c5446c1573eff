// Runs impt in the test's own process, through the same boundary as the
// binary (src/cli/dispatch.ts → run.ts): the command line is parsed,
// dispatched and run with an io whose streams are collected here. A command
// test costs a few milliseconds instead of a Node start-up; nock intercepts
// its requests. What only a process shows (exit codes of signals, terminals,
// stdout buffering, EPIPE) stays with the spawn helpers of impt.ts.
import { Readable, Writable } from 'node:stream';
import { runCli } from '../../src/cli/dispatch.js';
import type { CliIo } from '../../src/cli/io.js';
import { cleanEnv, tempDir, type ImptResult } from './impt.js';

/** A stream that keeps what is written to it, as text. */
export class Collected extends Writable {
  text = '';
  isTTY = false;
  columns: number | undefined;
  constructor() {
    super({ decodeStrings: false });
  }
  override _write(chunk: string | Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    done();
  }
}

export interface InProcessOptions {
  cwd?: string;
  home?: string;
  /** variables added to (or, when undefined, removed from) the clean environment of impt.ts */
  env?: Record<string, string | undefined>;
  /** stdin contents (ended after them); none by default */
  input?: string;
  /** aborted like the signal of the process boundary on Ctrl-C */
  signal?: AbortSignal;
  /** terminal width of stdout (help wraps at it) */
  columns?: number;
  /** stdout is a terminal (tables fit `columns`); false by default */
  tty?: boolean;
  /** prompts may ask, reading their answers from `input`; false by default */
  terminal?: boolean;
}

export interface InProcessResult extends ImptResult {
  /** the command ended quietly (interrupted paging or stream, json streams) */
  quiet: boolean;
}

/** Runs `impt «args»` in-process; resolves with stdout, stderr and the exit code. */
export async function runImpt(args: string[], opts: InProcessOptions = {}): Promise<InProcessResult> {
  const stdout = new Collected();
  const stderr = new Collected();
  stdout.columns = opts.columns;
  stdout.isTTY = opts.tty ?? false;
  const io: CliIo = {
    stdout,
    stderr,
    stdin: Readable.from(opts.input ? [opts.input] : []),
    canPrompt: opts.terminal ?? false,
    cwd: opts.cwd ?? tempDir('impt-cwd-'),
    env: cleanEnv({ HOME: opts.home, ...opts.env }),
    signal: opts.signal ?? new AbortController().signal,
  };
  const end = await runCli(args, io);
  return { stdout: stdout.text, stderr: stderr.text, code: end.code, quiet: end.quiet };
}
