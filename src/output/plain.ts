// Writes of the process boundary (src/cli/main.ts), which go to the
// process's stdout itself; everything else writes to the io it is given.

/** A line on stdout: the last-resort error of the process boundary. */
export function writeLine(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Calls `then` once everything written to stdout and stderr so far has been handed to the OS. */
export function afterOutput(then: () => void): void {
  let pending = 2;
  const done = () => {
    if (--pending === 0) then();
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}
