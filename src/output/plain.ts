// Lines printed before any Printer exists (version, help, parse failures):
// kept apart from printer.ts so that `impt --version` loads nothing else.
export function writeLine(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Text at the cursor, without a line end (a prompt's `^C`). */
export function writeText(text: string): void {
  process.stdout.write(text);
}
