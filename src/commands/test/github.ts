import { existsSync } from 'node:fs';
import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { inCwd, writeGithubCredentials } from '../../context/test-file.js';
import { parse } from '../../output/messages/common.js';
import { testMessages as msg } from '../../output/messages/test.js';
import { askSecret, askText } from '../../prompt/index.js';
import { confirmOverwrite } from '../project/overwrite.js';
import { CONFIRMED_OPTION } from '../project/options.js';

export const spec = defineCommand({
  group: 'test',
  name: 'github',
  summary: 'Creates or updates a GitHub credentials file.',
  description:
    'Creates or overwrites a GitHub credentials file, used by Builder to include files from GitHub while running tests. The test configuration is not changed.',
  options: [
    { name: 'github-config', alias: 'i', kind: 'string', required: true, usage: '<github_credentials_file_name>', describe: 'Path of the GitHub credentials file, absolute or relative to the current directory.' },
    { name: 'user', alias: 'u', kind: 'string', usage: '<github_username>', describe: 'GitHub username. Asked for when not specified.' },
    { name: 'pwd', alias: 'w', kind: 'string-empty', usage: '<github_password>', describe: 'GitHub password or personal access token. Asked for (hidden) when not specified; requires --user.' },
    CONFIRMED_OPTION,
  ],
  // an empty --pwd does not need --user (impt 2.6.1 tests the value, not the presence)
  check: (opts) => (opts.pwd && opts.user === undefined ? parse.together('pwd', 'user') : undefined),
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const file = opts['github-config'];
  const existed = existsSync(inCwd(rt.cwd, file));
  await confirmOverwrite(rt.out, existed, opts.confirmed, msg.githubExists(file));
  const user = opts.user ?? (await askText(rt.out, msg.askUser, msg.userHint));
  const token = opts.pwd ?? (await askSecret(rt.out, msg.askToken, msg.tokenHint));
  writeGithubCredentials(inCwd(rt.cwd, file), user, token);
  rt.out.info(existed ? msg.githubUpdated : msg.githubCreated);
}
