// Source code of a new build (`build deploy`, `build run`): the file of the
// option, else the Project file's, else empty code with an info line. Read
// before the Device Group is resolved so that file errors come first.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandRuntime, OptionsOf } from '../../cli/spec.js';
import { readProjectFile } from '../../context/project-file.js';
import { CliError } from '../../errors.js';
import { buildMessages as msg } from '../../output/messages/build.js';
import { errors } from '../../output/messages/common.js';
import type { DEPLOY_OPTIONS } from './options.js';

/** The options that name the code files. */
type CodeFileOptions = Pick<OptionsOf<typeof DEPLOY_OPTIONS>, 'device-file' | 'agent-file'>;

export interface Sources {
  device_code: string;
  agent_code: string;
}

/** `File error: «file»: «system message».`, the system message naming the file as typed. */
export function codeFileError(file: string, path: string, e: unknown): CliError {
  return new CliError(errors.fileError(file, (e as Error).message.split(path).join(file)));
}

function readCode(kind: 'device' | 'agent', file: string | undefined, rt: CommandRuntime): string {
  if (!file) {
    rt.out.info(msg.noCodeFile(kind));
    return '';
  }
  const path = resolve(rt.cwd, file);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(msg.codeFileNotFound(kind, file));
    throw codeFileError(file, path, e);
  }
}

/** `--device-file`/`--agent-file`, else the Project file's names (the file is read only when needed). */
export function codeFileNames(opts: CodeFileOptions, cwd: string): { deviceFile?: string; agentFile?: string } {
  let deviceFile = opts['device-file'];
  let agentFile = opts['agent-file'];
  if (deviceFile === undefined || agentFile === undefined) {
    const project = readProjectFile(cwd);
    deviceFile ??= project?.deviceFile || undefined;
    agentFile ??= project?.agentFile || undefined;
  }
  return { deviceFile, agentFile };
}

export function readSources(opts: CodeFileOptions, rt: CommandRuntime): Sources {
  const { deviceFile, agentFile } = codeFileNames(opts, rt.cwd);
  return { device_code: readCode('device', deviceFile, rt), agent_code: readCode('agent', agentFile, rt) };
}
