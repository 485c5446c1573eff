// `--env-variable` of dg create/update: any JSON is accepted (the server
// validates the shape). A parse failure shows the value on stderr — the
// only stderr line of impt 2.6.1 (README §3.1) — and the parser's own
// message as the error.
import { dgMessages } from '../../output/messages/dg.js';
import type { Printer } from '../../output/printer.js';

export function parseEnvVariable(value: string, out: Printer): unknown {
  try {
    return JSON.parse(value);
  } catch (e) {
    out.stderr(dgMessages.invalidJson(value));
    throw new Error((e as Error).message);
  }
}
