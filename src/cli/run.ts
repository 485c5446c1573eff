// The error boundary: runs a command handler and maps every failure to the
// output of interface/README.md §4 and exit code 1. Stack traces reach the
// user only in debug mode.
import { inspect } from 'node:util';
import { ImpCentralApiError, RateLimitError, TransportError, UnexpectedResponseError } from '../api/errors.js';
import { hideLoginKeyIds } from '../api/secrets.js';
import { CanceledError, CliError } from '../errors.js';
import { errors as errMsg, lostAnswerCheck } from '../output/messages/common.js';
import { metaLines } from '../output/meta.js';
import { Printer, type OutputMode } from '../output/printer.js';
import type { CommandModule, ParsedOptions } from './spec.js';

export async function runCommand(mod: CommandModule, options: ParsedOptions, given: Set<string>): Promise<number> {
  const mode = (options.output as OutputMode | undefined) ?? 'default';
  const out = new Printer(mode);
  try {
    await mod.run(options, { out, cwd: process.cwd(), env: process.env, given });
    await out.flushTable();
    out.succeed();
    return 0;
  } catch (e) {
    reportFailure(out, e);
    out.fail();
    return 1;
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
