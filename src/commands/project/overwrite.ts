// The question asked before a create/link replaces an existing file.
import { confirm } from '../../prompt/index.js';
import type { Printer } from '../../output/printer.js';

/** Asks unless `confirmed`; throws CanceledError on "no". */
export async function confirmOverwrite(out: Printer, exists: boolean, confirmed: boolean, message: string): Promise<void> {
  if (exists && !confirmed) await confirm(out, message);
}
