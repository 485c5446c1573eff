// EXTERNAL_COMMAND: a shell command the test code asks the host to run
// (interface/test-run.md "External commands").
import { spawnSync } from 'node:child_process';
import { testRunMessages as msg } from '../output/messages/test-run.js';
import { sessionError, type SessionError } from './errors.js';
import type { TestLog } from './log.js';

/** Runs `command` in the command's directory and environment (not the process's: impt may run in-process). */
export function runExternalCommand(command: string, timeoutSec: number, where: { cwd: string; env: NodeJS.ProcessEnv }, log: TestLog): SessionError | undefined {
  log.info(msg.runningCommand(command));
  const r = spawnSync(command, { shell: true, cwd: where.cwd, env: where.env, timeout: timeoutSec * 1000, encoding: 'utf8' });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return sessionError('ExternalCommandTimeoutError', msg.commandTimedOut);
  if (r.error) return sessionError('Error', r.error.message);
  log.debug('TestHelper', msg.commandStdout(r.stdout));
  log.debug('TestHelper', msg.commandStderr(r.stderr));
  log.debug('TestHelper', msg.commandExit(r.status ?? -1));
  const out = (r.stdout ?? '').trim();
  if (out) for (const line of out.split(/\r?\n/)) log.command(line);
  if (r.status !== 0) return sessionError('ExternalCommandExitCodeError', msg.commandExitCode(r.status ?? -1));
  return undefined;
}
