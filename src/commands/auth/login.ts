import { DEFAULT_ENDPOINT } from '../../api/http.js';
import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { writeAuthFile, type AuthFileData } from '../../context/auth-file.js';
import { authMessages as msg } from '../../output/messages/auth.js';
import { parse } from '../../output/messages/common.js';
import { confirm } from '../../prompt/index.js';
import { credentials, obtainToken } from './credentials.js';
import { fileExists, fileOperation } from './file-ops.js';
import { authTarget, LOCAL_OPTION } from './options.js';

export const spec = defineCommand({
  group: 'auth',
  name: 'login',
  summary: 'Creates the global or local auth file.',
  description: 'Creates the global or local auth file.',
  usage:
    '[--local] [--endpoint <endpoint_url>] [--user <user_id> [--pwd <password>] | --lk <login_key_id>] [--temp] [--confirmed] [--output <mode>] [--help]',
  options: [
    LOCAL_OPTION,
    { name: 'endpoint', alias: 'e', kind: 'string', usage: '<endpoint_url>', default: DEFAULT_ENDPOINT, describe: 'The base impCentral API URL.' },
    { name: 'user', alias: 'u', kind: 'string', usage: '<user_id>', describe: 'The account identifier: a username or an email address.' },
    { name: 'pwd', alias: 'w', kind: 'string-empty', usage: '<password>', describe: 'The account password.' },
    { name: 'lk', alias: 'k', kind: 'string', usage: '<login_key_id>', describe: 'The login key ID.' },
    { name: 'temp', alias: 't', kind: 'flag', describe: 'Does not save information required to refresh access token.' },
    { name: 'confirmed', alias: 'q', kind: 'flag', describe: 'Executes the operation without asking additional confirmation from user.' },
  ],
  check: (opts, given) => {
    if (opts.user && opts.lk) return parse.mutuallyExclusive('user', 'lk');
    if (opts.pwd && !given.has('user')) return parse.together('pwd', 'user');
    return undefined;
  },
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const target = authTarget(opts.local, rt.cwd, rt.env);
  if (fileExists(target.path) && !opts.confirmed) await confirm(rt.out, msg.fileExists(target.scope));
  const endpoint = opts.endpoint ?? DEFAULT_ENDPOINT;
  const creds = await credentials(opts.user, opts.pwd, opts.lk, rt.out);
  const token = await obtainToken(endpoint, creds, rt.out, rt.env);
  // --temp keeps nothing that could renew the token
  const keep = !opts.temp;
  const data: AuthFileData = { endpoint, accessToken: token.access_token, expiresAt: token.expires_at };
  if (keep && 'loginKey' in creds) data.loginKey = creds.loginKey;
  if (keep && token.refresh_token) data.refreshToken = token.refresh_token;
  await fileOperation(target.path, () => writeAuthFile(target.path, data));
  rt.out.info(msg.loginSucceeded(target.scope));
}
