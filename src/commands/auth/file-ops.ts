// File-system steps of `auth login/logout`, with failures reported as
// impt's `File error: «path»: «reason».`
import { existsSync } from 'node:fs';
import { CliError } from '../../errors.js';
import { errors } from '../../output/messages/common.js';

export function fileExists(path: string): boolean {
  return existsSync(path);
}

export async function fileOperation(path: string, op: () => unknown): Promise<void> {
  try {
    await op();
  } catch (e) {
    const reason = e instanceof Error ? e.message.replace(/\.$/, '') : String(e);
    throw new CliError(errors.fileError(path, reason));
  }
}
