// Entry point of `impt`: the process boundary. Builds the io of the command
// line from the process (streams, stdin, cwd, environment, signals), runs it
// and turns its end into the exit code. The only place that installs signal
// handlers or ends the process.
import { getEventListeners } from 'node:events';
import { FAILS } from '../output/messages/common.js';
import { afterOutput, writeLine } from '../output/plain.js';
import { runCli } from './dispatch.js';
import type { CliIo } from './io.js';

const aborter = new AbortController();

// Ctrl-C / SIGTERM abort the command's signal while the command listens to
// it (log get, log stream, --log); otherwise they end the process as they
// would any program.
function onSignal(sig: NodeJS.Signals): void {
  if (!aborter.signal.aborted && getEventListeners(aborter.signal, 'abort').length === 0) {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.kill(process.pid, sig);
    return;
  }
  aborter.abort();
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

// A reader that goes away (`impt device list | head`) ends the command
// quietly, as for any Unix filter, instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const io: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  // made when first read: Node builds stdin's stream on demand, which takes
  // milliseconds (more for a file), and few commands read it
  get stdin() {
    return process.stdin;
  },
  get canPrompt() {
    return Boolean(process.stdin.isTTY) && process.env.IMPT_NO_PROMPT === undefined;
  },
  cwd: process.cwd(),
  env: process.env,
  signal: aborter.signal,
};

runCli(process.argv.slice(2), io).then(
  ({ code }) => {
    process.exitCode = code;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // The process ends with the command, once its output is handed to the OS:
    // nothing of a finished command is left to run, and a quiet end must not
    // wait for what is still open (stdin, a request under way). Ending here
    // also spares Node's teardown of the heap and handles, a few ms of every run.
    afterOutput(() => process.exit(code));
  },
  (e: unknown) => {
    writeLine(`Error: ${e instanceof Error ? e.message : String(e)}`);
    writeLine(FAILS);
    process.exitCode = 1;
  },
);
