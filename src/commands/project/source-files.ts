// Device and agent source files named by a Project: created empty when missing.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from '../../errors.js';
import { errors } from '../../output/messages/common.js';
import { projectMessages as msg } from '../../output/messages/project.js';
import type { Printer } from '../../output/printer.js';

export const DEFAULT_DEVICE_FILE = 'device.nut';
export const DEFAULT_AGENT_FILE = 'agent.nut';

function ensure(cwd: string, file: string | undefined, created: (f: string) => string, out: Printer): void {
  if (file === undefined) return;
  const path = resolve(cwd, file);
  if (existsSync(path)) return;
  try {
    writeFileSync(path, '');
  } catch (e) {
    throw new CliError(errors.fileError(file, (e as Error).message));
  }
  out.info(created(file));
}

/** Device file first, then agent file; existing files are left untouched. */
export function ensureSourceFiles(cwd: string, deviceFile: string | undefined, agentFile: string | undefined, out: Printer): void {
  ensure(cwd, deviceFile, msg.deviceFileCreated, out);
  ensure(cwd, agentFile, msg.agentFileCreated, out);
}
