// The error boundary: runs a command handler and maps every failure to the
// output of interface/README.md §4 and exit code 1. Stack traces reach the
// user only in debug mode.
import { inspect } from 'node:util';
import { ImpCentralApiError, RateLimitError, TransportError, UnexpectedResponseError } from '../api/errors.js';
import { hideLoginKeyIds } from '../api/secrets.js';
import { CanceledError, CliError, ContextError } from '../errors.js';
import { errors as errMsg, FAILS, lostAnswerCheck } from '../output/messages/common.js';
import { contextFailureHints, contextFailureText } from '../output/messages/context.js';
import { metaLines } from '../output/meta.js';
import { Printer, type OutputMode, type Streams } from '../output/printer.js';
import type { CliEnd, CliIo } from './io.js';
import { ParseFailure, parseCommand } from './parse.js';
import type { CommandModule } from './spec.js';

/** The printer's view of the io: where lines go, and what kind of terminal is there. */
export function ioStreams(io: CliIo): Streams {
  return {
    write: (t) => void io.stdout.write(t),
    writeErr: (t) => void io.stderr.write(t),
    isTTY: Boolean(io.stdout.isTTY),
    errIsTTY: Boolean(io.stderr.isTTY),
    columns: io.stdout.isTTY ? io.stdout.columns : undefined,
    // read when asked (main.ts makes stdin on demand)
    get canPrompt() {
      return io.canPrompt;
    },
    terminal: {
      get input() {
        return io.stdin;
      },
      output: io.stdout,
    },
    env: io.env,
  };
}

/**
 * Runs one command: parses `argv` (the words after group and command) by
 * its spec, prints the help and the error of a parse failure (json mode:
 * the error alone, as one document), runs the
 * handler and maps its end to output and exit code. The same for the binary
 * and for in-process tests.
 */
export async function runCommand(mod: CommandModule, argv: string[], io: CliIo): Promise<CliEnd> {
  let parsed;
  try {
    parsed = parseCommand(mod.spec, argv);
  } catch (e) {
    if (!(e instanceof ParseFailure)) throw e;
    // json mode: one `{"Error": …}` document, no help (DIFFERENCES F19);
    // every other mode prints the help first, as impt 2.6.1 does
    if (e.output === 'json') {
      const out = new Printer('json', ioStreams(io));
      out.error(e.message);
      out.fail();
      return { code: 1, quiet: false };
    }
    const { commandHelp } = await import('./help.js');
    io.stdout.write(`${commandHelp(mod.spec, io.stdout.columns)}\nError: ${e.message}\n${FAILS}\n`);
    return { code: 1, quiet: false };
  }
  const { options, given } = parsed;
  const out = new Printer((options.output as OutputMode | undefined) ?? 'default', ioStreams(io));
  try {
    const end = await mod.run(options, {
      out,
      cwd: io.cwd,
      env: io.env,
      given,
      get stdin() {
        return io.stdin;
      },
      stdout: io.stdout,
      signal: io.signal,
      openSession: io.openSession,
    });
    if (end === 'quiet') return { code: 0, quiet: true };
    await out.flushTable();
    out.succeed();
    return { code: 0, quiet: false };
  } catch (e) {
    reportFailure(out, e);
    out.fail();
    return { code: 1, quiet: false };
  }
}

export function reportFailure(out: Printer, e: unknown): void {
  if (out.isDebug && e instanceof Error && !(e instanceof CanceledError)) out.debug(hideLoginKeyIds(inspect(e, { depth: 4 })));
  if (e instanceof CanceledError) {
    out.canceled();
    return;
  }
  if (e instanceof CliError) {
    out.error(e.message);
    if (!out.isJson && e.entities.length) out.entities(e.entities);
    for (const line of e.infoLines) out.info(line);
    return;
  }
  if (e instanceof ContextError) {
    out.error(contextFailureText(e.failure));
    for (const line of contextFailureHints(e.failure)) out.info(line);
    return;
  }
  if (e instanceof ImpCentralApiError) {
    reportApiError(out, e);
    return;
  }
  if (e instanceof TransportError) {
    // a change whose answer was lost may have been made: say how to look
    const check = e.unanswered && lostAnswerCheck(e.unanswered.method, e.unanswered.path);
    out.error(check ? errMsg.mayHaveBeenCarriedOut(check) : e.isNetworkFailure ? errMsg.network : `Request error: ${e.message}.`);
    return;
  }
  if (e instanceof RateLimitError) {
    out.error(errMsg.rateLimited);
    return;
  }
  if (e instanceof UnexpectedResponseError) {
    out.error(errMsg.unexpectedResponse);
    return;
  }
  out.error(e instanceof Error ? e.message : String(e));
}

/** An error element is printed when it has a title, a detail and a status outside 2xx (§4.1). */
function printable(el: ImpCentralApiError['errors'][number]): boolean {
  if (el.title === undefined || el.detail === undefined || el.status === undefined) return false;
  const status = Number(el.status);
  return !(status >= 200 && status < 300);
}

/**
 * impCentral errors: `Error: «title»: «detail»` + compiler meta lines (§4.1);
 * json: one error per meta entry, or one without meta (DIFFERENCES F3), all
 * printed by the Printer as one document at the end.
 */
function reportApiError(out: Printer, e: ImpCentralApiError): void {
  const elements = e.errors.filter(printable);
  // 2.6.1 prints nothing for an answer without printable errors[] (an
  // HTML error page); every failure here ends with an Error line instead.
  if (elements.length === 0) out.error(errMsg.httpStatus(e.status));
  for (const el of elements) {
    const head = `${el.title ?? ''}: ${el.detail ?? ''}`;
    if (out.isJson) {
      const meta = Array.isArray(el.meta) && el.meta.length ? (el.meta as unknown[]) : [undefined];
      for (const m of meta) {
        const [line] = metaLines([m]);
        out.error(line ? `${head} ${line}` : head);
      }
      continue;
    }
    out.error(head);
    for (const l of metaLines(el.meta)) out.raw(l);
  }
}
