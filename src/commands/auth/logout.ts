import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { deleteAuthFile } from '../../context/auth-file.js';
import { CliError } from '../../errors.js';
import { authMessages as msg } from '../../output/messages/auth.js';
import { errors } from '../../output/messages/common.js';
import { fileExists, fileOperation } from './file-ops.js';
import { authTarget, LOCAL_OPTION } from './options.js';

export const spec = defineCommand({
  group: 'auth',
  name: 'logout',
  summary: 'Deletes the global or local auth file.',
  description: 'Deletes the global or local auth file.',
  options: [LOCAL_OPTION],
});

/** Deletes the file (even a corrupted one); tokens are not revoked. */
export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const target = authTarget(opts.local, rt.cwd, rt.env);
  if (!fileExists(target.path)) throw new CliError(errors.fileNotFound(msg.fileWhat(target.scope)));
  await fileOperation(target.path, () => deleteAuthFile(target.path));
  rt.out.info(msg.logoutSucceeded(target.scope));
}
