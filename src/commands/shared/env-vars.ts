// `--env-variable` of dg create/update: any JSON is accepted (the server
// validates the shape). A parse failure shows the value on stderr — the
// only stderr line of impt 2.6.1 (README §3.1) — and the parser's own
// message as the error.
import { dgMessages } from '../../output/messages/dg.js';

export function parseEnvVariable(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch (e) {
    process.stderr.write(`${dgMessages.invalidJson(value)}\n`);
    throw new Error((e as Error).message);
  }
}
