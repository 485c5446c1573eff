// Writes of the process boundary (src/cli/main.ts), which go to the
// process's stdout itself; everything else writes to the io it is given.

/** A line on stdout: the last-resort error of the process boundary. */
export function writeLine(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Calls `then` once everything written to stdout so far has been handed to the OS. */
export function afterStdout(then: () => void): void {
  process.stdout.write('', then);
}
